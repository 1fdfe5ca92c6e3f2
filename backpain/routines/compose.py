"""Compose a warm-up and a cool-down for a run: plain data in, a routine out, no database.

The rule, as a physio would put it:

- Warm-up: raise the pulse with easy aerobic movement (a brisk walk or an easy jog), then dynamic
  drills, then core activation. Before an easy or long run it stays gentle (a walk first, at most
  three drills, beginner ones first, nothing advanced, no strides); before tempo or intervals,
  hills or a race it starts with a jog, has up to six drills and ends them with strides (about a
  quarter of the warm-up, walking back between them).
- Cool-down: ease down with a walk or an easy jog, then static stretches held at least 20 s
  (mobility fits here too), then foam rolling only when the runner has a roller.

Timing. Every exercise's time comes from its dosage: sets × sides × reps, a rep taking
SECONDS_PER_REP plus any hold (or the duration given), or the hold or duration alone; plus
TRANSITION_SECONDS to get into position and SWITCH_SECONDS between sets and sides. The easy aerobic
piece absorbs whatever is left, so each phase adds up to the minutes asked for (to within
AEROBIC_ROUNDING / 2 seconds). Focus areas come first, then the areas the run loads most; ties are
broken by the content's order, then by slug, so the same inputs always give the same routine.
Nothing appears twice, and nothing needing equipment the runner lacks is ever used.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from backpain.dose import NBSP, dose_text, minutes_text
from backpain.vocabulary import BEGINNER, DIFFICULTIES, EQUIPMENT, ROUTINE_EQUIPMENT

# --- Timing assumptions (documented on the page, too) ----------------------------------------
SECONDS_PER_REP = 3  # a controlled rep, out and back, before any hold
DEFAULT_WORK_SECONDS = 30  # an exercise whose dosage gives no time at all
TRANSITION_SECONDS = 10  # getting into position for each exercise
SWITCH_SECONDS = 5  # between sets and between sides
MIN_STRETCH_HOLD = 20  # static stretches are held at least this long (20-30 s or more)
DEFAULT_STRETCH_HOLD = 30
STRIDE_RECOVERY_SECONDS = 30  # walk back after each stride
MIN_STRIDES = 2
STRIDES_SHARE = 0.25  # strides take at most a quarter of the warm-up (but at least MIN_STRIDES of them)
AEROBIC_ROUNDING = 30  # the walk or jog is given in half minutes
MIN_AEROBIC_SECONDS = 60
MAX_ITEMS_PER_PHASE = 7  # the aerobic piece included; keeps the sheet on one page

MIN_MINUTES, MAX_MINUTES = 3, 30

# --- Vocabulary ------------------------------------------------------------------------------
WARMUP, COOLDOWN = "warm-up", "cool-down"
AEROBIC, DRILLS, STRIDES, ACTIVATION, STRETCH, ROLLING = (
    "aerobic", "drills", "strides", "activation", "stretch", "foam-rolling")
STAGE_ORDER = {WARMUP: (AEROBIC, DRILLS, STRIDES, ACTIVATION), COOLDOWN: (AEROBIC, STRETCH, ROLLING)}
STAGE_LABELS = {AEROBIC: "Easy aerobic", DRILLS: "Dynamic drills", STRIDES: "Strides",
                ACTIVATION: "Activation", STRETCH: "Stretches and mobility", ROLLING: "Foam rolling"}
STRIDES_SLUG = "strides"

# Where each exercise category (backpain.vocabulary) goes when the runner asks for it (include=...).
CATEGORY_STAGE = {
    "aerobic": (None, AEROBIC),
    "dynamic-warmup": (WARMUP, DRILLS),
    "activation": (WARMUP, ACTIVATION),
    "strength": (WARMUP, ACTIVATION),  # bodyweight strength moves double as activation
    "static-stretch": (COOLDOWN, STRETCH),
    "mobility": (COOLDOWN, STRETCH),
    "foam-rolling": (COOLDOWN, ROLLING),
}
# Which categories the composer picks from by itself, per stage. Bodyweight strength moves (a squat)
# stand in for activation only when no activation exercise fits, e.g. for a runner without a mat.
AUTO_CATEGORIES = {DRILLS: ("dynamic-warmup",), ACTIVATION: ("activation", "strength"),
                   STRETCH: ("static-stretch", "mobility"), ROLLING: ("foam-rolling",)}
# Gentlest first, in the vocabulary's order.
DIFFICULTY_RANK = {term.slug: rank for rank, term in enumerate(DIFFICULTIES)}
EQUIPMENT_NAMES = {term.slug: term.phrase for term in EQUIPMENT}


@dataclass(frozen=True)
class RunType:
    slug: str
    label: str
    intense: bool
    warmup_aerobic_share: float  # the walk or jog takes at least this share of the warm-up
    cooldown_aerobic_share: float
    # The order stages are filled in, one exercise per entry, before any extra time is used.
    warmup_plan: tuple[str, ...]
    emphasis: tuple[str, ...]  # body areas this run loads most, used after the runner's focus
    warmup_aerobic: tuple[str, ...]  # preferred slugs, first choice first
    cooldown_aerobic: tuple[str, ...]
    max_drills: int  # beyond these, extra warm-up time goes to the walk or jog
    max_activation: int


_GENTLE_PLAN = (DRILLS, ACTIVATION, DRILLS, DRILLS)
_SHARP_PLAN = (DRILLS, ACTIVATION, STRIDES, DRILLS, DRILLS, DRILLS, ACTIVATION, DRILLS)
_WALK_FIRST = ("brisk-walk", "easy-jog")
_JOG_FIRST = ("easy-jog", "brisk-walk")
RUN_TYPES: dict[str, RunType] = {
    r.slug: r
    for r in (
        RunType("easy", "Easy run", False, 0.5, 0.3, _GENTLE_PLAN, (), _WALK_FIRST, _WALK_FIRST, 3, 2),
        RunType("long", "Long run", False, 0.45, 0.35, (*_GENTLE_PLAN, ACTIVATION),
                ("lower-back", "hips", "glutes"), _WALK_FIRST, _WALK_FIRST, 3, 3),
        RunType("tempo", "Tempo or intervals", True, 0.3, 0.4, _SHARP_PLAN, ("hamstrings", "hips"),
                _JOG_FIRST, _JOG_FIRST, 6, 2),
        RunType("hills", "Hills", True, 0.3, 0.4, _SHARP_PLAN, ("glutes", "hamstrings", "calves"),
                _JOG_FIRST, _JOG_FIRST, 6, 3),
        RunType("race", "Race", True, 0.3, 0.45, _SHARP_PLAN, ("hips", "hamstrings"), _JOG_FIRST, _WALK_FIRST,
                6, 2),
    )
}


@dataclass(frozen=True)
class ExerciseData:
    """What composing needs to know about one exercise (built from an Exercise row, or by hand)."""

    slug: str
    title: str
    category: str
    order: int = 100
    difficulty: str = BEGINNER
    areas: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()
    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    duration_seconds: int | None = None
    per_side: bool = False

    @classmethod
    def from_exercise(cls, exercise) -> ExerciseData:
        """From an Exercise with body_areas and equipment prefetched (duck-typed: no import)."""
        return cls(
            slug=exercise.slug, title=exercise.title, category=exercise.category, order=exercise.order,
            difficulty=exercise.difficulty,
            areas=frozenset(a.slug for a in exercise.body_areas.all()),
            equipment=frozenset(e.slug for e in exercise.equipment.all()),
            sets=exercise.sets, reps=exercise.reps, hold_seconds=exercise.hold_seconds,
            duration_seconds=exercise.duration_seconds, per_side=exercise.per_side,
        )


@dataclass(frozen=True)
class Inputs:
    run_type: str = "easy"
    warmup_minutes: int = 10
    cooldown_minutes: int = 10
    focus: frozenset[str] = frozenset()
    equipment: frozenset[str] = frozenset()  # what the runner has; "none" may be present and means nothing
    include: tuple[str, ...] = ()
    exclude: frozenset[str] = frozenset()

    def __post_init__(self):
        if self.run_type not in RUN_TYPES:
            raise ValueError(f"unknown run type {self.run_type!r}")
        for minutes in (self.warmup_minutes, self.cooldown_minutes):
            if not MIN_MINUTES <= minutes <= MAX_MINUTES:
                raise ValueError(f"minutes must be {MIN_MINUTES} to {MAX_MINUTES}, not {minutes}")


@dataclass(frozen=True)
class Dose:
    sets: int
    reps: int | None
    hold_seconds: int | None
    duration_seconds: int | None
    per_side: bool
    recovery_seconds: int = 0  # after each rep (strides: walk back)

    @property
    def seconds(self) -> int:
        sides = 2 if self.per_side else 1
        if self.reps:
            # Counted reps: a few seconds each, plus any hold; or the given duration each.
            per_rep = self.duration_seconds or SECONDS_PER_REP + (self.hold_seconds or 0)
        else:
            per_rep = self.hold_seconds or self.duration_seconds or DEFAULT_WORK_SECONDS
        work = (self.reps or 1) * (per_rep + self.recovery_seconds)
        bouts = self.sets * sides
        return bouts * work + TRANSITION_SECONDS + SWITCH_SECONDS * (bouts - 1)

    @property
    def text(self) -> str:
        """The dose in a runner's words, worded as everywhere else (backpain/dose.py)."""
        if self.recovery_seconds:  # strides: "4 × 20 s, walk back 30 s after each"
            count = self.sets * (self.reps or 1)
            each = self.duration_seconds or self.hold_seconds or DEFAULT_WORK_SECONDS
            return f"{count} × {each}{NBSP}s, walk back {self.recovery_seconds}{NBSP}s after each"
        return dose_text(sets=self.sets, reps=self.reps, hold_seconds=self.hold_seconds,
                         duration_seconds=self.duration_seconds, per_side=self.per_side)


@dataclass(frozen=True)
class Item:
    slug: str | None  # None for the plain easy walk or run when no aerobic exercise can be used
    title: str
    stage: str
    seconds: int
    dosage: str
    asked: bool = False  # the runner included it
    focus: tuple[str, ...] = ()  # the runner's focus areas it works
    note: str = ""  # how to do it, for the walk or jog

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS[self.stage]

    @property
    def time_label(self) -> str:
        return minutes_text(self.seconds, approximate=self.stage != AEROBIC)


@dataclass(frozen=True)
class Phase:
    name: str
    target_seconds: int
    items: tuple[Item, ...]

    @property
    def seconds(self) -> int:
        return sum(item.seconds for item in self.items)

    @property
    def minutes(self) -> int:
        return self.target_seconds // 60


@dataclass(frozen=True)
class Skipped:
    slug: str
    title: str
    reason: str


@dataclass(frozen=True)
class Routine:
    run_type: RunType
    warmup: Phase
    cooldown: Phase
    skipped: tuple[Skipped, ...] = ()

    @property
    def phases(self) -> tuple[Phase, Phase]:
        return (self.warmup, self.cooldown)

    @property
    def items(self) -> tuple[Item, ...]:
        return self.warmup.items + self.cooldown.items

    @property
    def total_seconds(self) -> int:
        return self.warmup.seconds + self.cooldown.seconds

    @property
    def total_minutes(self) -> int:
        return round(self.total_seconds / 60)


# --- The composer ----------------------------------------------------------------------------
def dose_for(exercise: ExerciseData, stage: str) -> Dose:
    hold = exercise.hold_seconds
    if stage == STRETCH and exercise.category == "static-stretch" and not exercise.duration_seconds:
        hold = max(hold or DEFAULT_STRETCH_HOLD, MIN_STRETCH_HOLD)
    return Dose(
        sets=max(exercise.sets or 1, 1),
        reps=exercise.reps,
        hold_seconds=hold,
        duration_seconds=exercise.duration_seconds,
        per_side=exercise.per_side,
        recovery_seconds=STRIDE_RECOVERY_SECONDS if stage == STRIDES else 0,
    )


def missing_equipment(exercise: ExerciseData, at_hand: Iterable[str]) -> frozenset[str]:
    return exercise.equipment - frozenset(at_hand)


@dataclass
class _Builder:
    """One phase being filled: a time budget for everything but the aerobic piece."""

    name: str
    target: int
    aerobic_floor: int
    chosen: list[tuple[str, ExerciseData, Dose, bool]] = field(default_factory=list)

    @property
    def used(self) -> int:
        return sum(dose.seconds for _, _, dose, _ in self.chosen)

    @property
    def room(self) -> int:
        return self.target - self.aerobic_floor - self.used

    @property
    def full(self) -> bool:
        return len(self.chosen) >= MAX_ITEMS_PER_PHASE - 1

    def fit(self, stage: str, exercise: ExerciseData, asked: bool = False) -> bool:
        """Add the exercise if it fits (strides may be fewer to fit, down to MIN_STRIDES)."""
        if self.full:
            return False
        dose = dose_for(exercise, stage)
        limit = min(self.room, max(round(STRIDES_SHARE * self.target), 1)) if stage == STRIDES else self.room
        if stage == STRIDES and dose.seconds > limit:
            # Fewer strides rather than none: count down whichever of reps or sets gives the number.
            count = "reps" if dose.reps else "sets"
            for n in range(getattr(dose, count) - 1, MIN_STRIDES - 1, -1):
                dose = dataclasses.replace(dose, **{count: n})
                if dose.seconds <= limit:
                    break
        if dose.seconds > self.room:
            return False
        self.chosen.append((stage, exercise, dose, asked))
        return True


def compose(exercises: Iterable[ExerciseData], inputs: Inputs) -> Routine:
    """The routine for these inputs, from these exercises. Pure and deterministic."""
    run = RUN_TYPES[inputs.run_type]
    at_hand = frozenset(inputs.equipment) - {"none"}
    pool = {e.slug: e for e in sorted(exercises, key=lambda e: (e.order, e.slug))}
    usable = {slug: e for slug, e in pool.items()
              if slug not in inputs.exclude and not missing_equipment(e, at_hand) and e.category in CATEGORY_STAGE}
    focus = frozenset(inputs.focus)
    skipped: list[Skipped] = []

    def priority(e: ExerciseData):
        gentle = 0 if run.intense else DIFFICULTY_RANK.get(e.difficulty, 1)
        category_rank = 0 if e.category != "mobility" else 1  # static stretches before mobility
        return (-len(e.areas & focus), -len(e.areas & set(run.emphasis)), gentle, category_rank, e.order, e.slug)

    warm = _Builder(WARMUP, inputs.warmup_minutes * 60,
                    max(MIN_AEROBIC_SECONDS, math.ceil(run.warmup_aerobic_share * inputs.warmup_minutes * 60)))
    cool = _Builder(COOLDOWN, inputs.cooldown_minutes * 60,
                    max(MIN_AEROBIC_SECONDS, math.ceil(run.cooldown_aerobic_share * inputs.cooldown_minutes * 60)))
    builders = {WARMUP: warm, COOLDOWN: cool}
    used: set[str] = set()

    # 1. What the runner asked for, in the library's order, wherever its category belongs.
    asked = sorted({s for s in inputs.include if s in pool and s not in inputs.exclude},
                   key=lambda s: (pool[s].order, s))
    asked_aerobic = []
    for slug in asked:
        exercise = pool[slug]
        lacking = missing_equipment(exercise, at_hand)
        if lacking:
            names = " and ".join(EQUIPMENT_NAMES.get(x, x) for x in sorted(lacking))
            if lacking - set(ROUTINE_EQUIPMENT):  # nothing to tick: the builder never asks about it
                skipped.append(Skipped(slug, exercise.title, f"needs {names}, which a warm-up or cool-down "
                                                             "doesn't use"))
            else:
                skipped.append(Skipped(slug, exercise.title, f"needs {names}, which you haven't ticked"))
            continue
        if exercise.category not in CATEGORY_STAGE:
            skipped.append(Skipped(slug, exercise.title, "isn't part of a warm-up or cool-down"))
            continue
        phase, stage = CATEGORY_STAGE[exercise.category]
        if stage == AEROBIC:
            asked_aerobic.append(slug)
            continue
        if slug == STRIDES_SLUG and phase == WARMUP:
            stage = STRIDES
        builder = builders[phase]
        if builder.fit(stage, exercise, asked=True):
            used.add(slug)
        else:
            why = "the list is full" if builder.full else f"it doesn't fit in {builder.target // 60} minutes"
            skipped.append(Skipped(slug, exercise.title, f"was left out because {why}: add time or leave "
                                                         "something else out"))

    # 2. The aerobic pieces: asked-for ones first, then the run's preference, then the library's order.
    def pick_aerobic(preference: tuple[str, ...]) -> ExerciseData | None:
        candidates = [e for s, e in usable.items() if e.category == "aerobic" and s not in used]
        candidates.sort(key=lambda e: (e.slug not in asked_aerobic,
                                       preference.index(e.slug) if e.slug in preference else len(preference),
                                       e.order, e.slug))
        if candidates:
            used.add(candidates[0].slug)
            return candidates[0]
        return None

    warm_aerobic = pick_aerobic(run.warmup_aerobic)
    cool_aerobic = pick_aerobic(run.cooldown_aerobic)
    for slug in asked_aerobic:
        if slug not in used:
            skipped.append(Skipped(slug, pool[slug].title, "was left out: one walk or jog per phase is enough"))

    # 3. Fill each phase, stage by stage in the plan's order, with the best exercise that fits.
    def candidates(stage: str) -> list[ExerciseData]:
        if stage == STRIDES:
            found = [e for s, e in usable.items() if s == STRIDES_SLUG]
        else:
            found = [e for s, e in usable.items() if e.category in AUTO_CATEGORIES[stage] and s != STRIDES_SLUG]
        if not run.intense:
            found = [e for e in found if e.difficulty != "advanced"]
        return sorted(found, key=lambda e: (e.category == "strength", *priority(e)))

    roller = "foam-roller" in at_hand
    _fill(warm, run.warmup_plan, (DRILLS, ACTIVATION), candidates, used,
          {DRILLS: run.max_drills, ACTIVATION: run.max_activation, STRIDES: 1})
    _fill(cool, (STRETCH, ROLLING, STRETCH) if roller else (STRETCH, STRETCH), (STRETCH, ROLLING),
          candidates, used, {STRETCH: MAX_ITEMS_PER_PHASE, ROLLING: 3 if roller else 0})

    return Routine(
        run_type=run,
        warmup=_phase(warm, warm_aerobic, focus, asked_aerobic, "Start very easy and build to your running pace"),
        cooldown=_phase(cool, cool_aerobic, focus, asked_aerobic, "Get slower and slower, down to a walk"),
        skipped=tuple(skipped),
    )


def _fill(builder: _Builder, plan, extra, candidates, used: set[str], caps: dict[str, int]) -> None:
    """Fill the plan's stages in order, then keep cycling the extra stages while any one fits.

    A stage stops taking exercises at its cap (what the runner asked for counts towards it)."""

    def take(stage: str) -> bool:
        if sum(1 for chosen_stage, *_ in builder.chosen if chosen_stage == stage) >= caps.get(stage, 0):
            return False
        for exercise in candidates(stage):
            if exercise.slug not in used and builder.fit(stage, exercise):
                used.add(exercise.slug)
                return True
        return False

    for stage in plan:
        if builder.full:
            return
        take(stage)
    while not builder.full:
        added = [take(stage) for stage in extra if not builder.full]
        if not any(added):
            return


def _phase(builder: _Builder, aerobic: ExerciseData | None, focus: frozenset[str], asked: list[str],
           how: str) -> Phase:
    rest = builder.used
    # The walk or jog takes up the rest, in half minutes, and never less than its floor.
    aerobic_seconds = max(builder.target - rest, builder.aerobic_floor)
    aerobic_seconds = max(AEROBIC_ROUNDING, round(aerobic_seconds / AEROBIC_ROUNDING) * AEROBIC_ROUNDING)
    dosage = minutes_text(aerobic_seconds)
    if aerobic is not None:
        first = Item(aerobic.slug, aerobic.title, AEROBIC, aerobic_seconds, dosage, aerobic.slug in asked, note=how)
    else:
        title = "Easy running" if builder.name == WARMUP else "Slow running, then walking"
        first = Item(None, title, AEROBIC, aerobic_seconds, dosage, note=how)
    # Stage by stage; within a stage in the library's order, which runs from gentle to lively.
    stage_rank = {stage: i for i, stage in enumerate(STAGE_ORDER[builder.name])}
    chosen = sorted(builder.chosen, key=lambda c: (stage_rank[c[0]], c[1].order, c[1].slug))
    items = [first] + [
        Item(e.slug, e.title, stage, dose.seconds, dose.text, asked, tuple(sorted(e.areas & focus)))
        for stage, e, dose, asked in chosen
    ]
    return Phase(builder.name, builder.target, tuple(items))
