"""The routine composer as a pure function: plain exercise data in, a routine out, no database."""

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backpain.routines.compose import (
    ACTIVATION,
    AEROBIC,
    COOLDOWN,
    DRILLS,
    MAX_ITEMS_PER_PHASE,
    MIN_STRETCH_HOLD,
    ROLLING,
    RUN_TYPES,
    SECONDS_PER_REP,
    STAGE_ORDER,
    STRETCH,
    STRIDES,
    SWITCH_SECONDS,
    TRANSITION_SECONDS,
    WARMUP,
    Dose,
    ExerciseData,
    Inputs,
    compose,
    dose_for,
    minutes_text,
)


def ex(slug, category, areas=(), equipment=(), order=100, difficulty="beginner", **dose):
    return ExerciseData(slug=slug, title=slug.replace("-", " ").capitalize(), category=category, order=order,
                        difficulty=difficulty, areas=frozenset(areas), equipment=frozenset(equipment), **dose)


# A library shaped like the real one (content/exercises/), written here so these tests never depend on it.
LIBRARY = (
    ex("brisk-walk", "aerobic", ["hips", "glutes", "calves"], order=10, duration_seconds=300),
    ex("easy-jog", "aerobic", ["hips", "calves", "core"], order=20, duration_seconds=240),
    ex("leg-swings", "dynamic-warmup", ["hips", "hamstrings", "glutes"], order=30, sets=1, reps=10, per_side=True),
    ex("lateral-leg-swings", "dynamic-warmup", ["hips", "glutes"], order=40, sets=1, reps=10, per_side=True),
    ex("high-knees", "dynamic-warmup", ["hips", "core", "quads", "calves"], order=50, sets=2, duration_seconds=20),
    ex("butt-kicks", "dynamic-warmup", ["quads", "hamstrings"], order=60, sets=2, duration_seconds=20),
    ex("arm-circles", "dynamic-warmup", ["shoulders", "upper-back"], order=70, sets=2, reps=10),
    ex("hip-circles", "dynamic-warmup", ["hips", "lower-back"], order=80, sets=1, reps=10),
    ex("walking-lunge", "dynamic-warmup", ["quads", "glutes", "hips", "hamstrings"], order=90, sets=1, reps=10,
       per_side=True),
    ex("strides", "dynamic-warmup", ["hips", "hamstrings", "glutes", "calves"], order=100,
       difficulty="intermediate", sets=4, duration_seconds=20),
    ex("plank", "activation", ["core", "lower-back", "shoulders"], equipment=["mat"], order=110, sets=3,
       hold_seconds=20),
    ex("side-plank", "activation", ["core", "hips", "glutes"], equipment=["mat"], order=120,
       difficulty="intermediate", sets=2, hold_seconds=20, per_side=True),
    ex("glute-bridge", "activation", ["glutes", "hamstrings", "core"], equipment=["mat"], order=130, sets=2,
       reps=10, hold_seconds=3),
    ex("bird-dog", "activation", ["core", "lower-back", "glutes", "shoulders"], equipment=["mat"], order=140,
       sets=2, reps=8, hold_seconds=3, per_side=True),
    ex("dead-bug", "activation", ["core"], equipment=["mat"], order=150, sets=2, reps=8, per_side=True),
    ex("band-side-steps", "activation", ["glutes", "hips"], equipment=["resistance-band"], order=160, sets=2,
       reps=10, per_side=True),
    ex("leg-raises", "strength", ["core", "hips"], equipment=["mat"], order=170, difficulty="intermediate",
       sets=2, reps=8),
    ex("back-extension", "strength", ["lower-back", "glutes"], equipment=["mat"], order=180, sets=2, reps=8,
       hold_seconds=2),
    ex("single-leg-deadlift", "strength", ["hamstrings", "glutes", "lower-back", "core"], order=190,
       difficulty="intermediate", sets=2, reps=8, per_side=True),
    ex("hip-thrust", "strength", ["glutes", "hamstrings"], order=200, difficulty="intermediate", sets=3, reps=10),
    ex("side-lunge", "strength", ["quads", "glutes", "hips"], order=210, difficulty="intermediate", sets=2,
       reps=8, per_side=True),
    ex("squat", "strength", ["quads", "glutes", "hamstrings", "core"], order=220, sets=3, reps=10),
    ex("deadlift", "strength", ["hamstrings", "glutes", "lower-back", "core"], equipment=["weights"], order=230,
       difficulty="advanced", sets=3, reps=6),
    ex("standing-hamstring-stretch", "static-stretch", ["hamstrings", "lower-back"], order=240, sets=1, reps=2,
       hold_seconds=30, per_side=True),
    ex("hip-flexor-stretch", "static-stretch", ["hips", "quads"], equipment=["mat"], order=250, sets=1, reps=2,
       hold_seconds=30, per_side=True),
    ex("quad-stretch", "static-stretch", ["quads", "hips"], order=260, sets=1, reps=2, hold_seconds=30,
       per_side=True),
    ex("piriformis-stretch", "static-stretch", ["glutes", "hips"], equipment=["mat"], order=270, sets=1, reps=2,
       hold_seconds=30, per_side=True),
    ex("childs-pose", "static-stretch", ["lower-back", "hips"], equipment=["mat"], order=280, sets=1, reps=2,
       hold_seconds=30),
    ex("knee-to-chest", "static-stretch", ["lower-back", "glutes"], equipment=["mat"], order=290, sets=1, reps=2,
       hold_seconds=30, per_side=True),
    ex("seated-twist", "static-stretch", ["lower-back", "upper-back", "glutes"], equipment=["mat"], order=300,
       sets=1, reps=2, hold_seconds=20, per_side=True),
    ex("cat-cow", "mobility", ["lower-back", "upper-back", "core"], equipment=["mat"], order=310, sets=1, reps=10),
    ex("foam-roll-glutes", "foam-rolling", ["glutes", "hips"], equipment=["foam-roller"], order=320,
       duration_seconds=60, per_side=True),
    ex("foam-roll-hamstrings", "foam-rolling", ["hamstrings"], equipment=["foam-roller"], order=330,
       duration_seconds=60, per_side=True),
    ex("foam-roll-back-muscles", "foam-rolling", ["lower-back", "upper-back"], equipment=["foam-roller"],
       order=340, duration_seconds=60),
)
BY_SLUG = {e.slug: e for e in LIBRARY}
SLUGS = sorted(BY_SLUG)
FOCUS = ["lower-back", "core", "hips", "hamstrings", "glutes"]
KIT = ["none", "mat", "foam-roller", "resistance-band"]

inputs_strategy = st.builds(
    Inputs,
    run_type=st.sampled_from(sorted(RUN_TYPES)),
    warmup_minutes=st.integers(3, 30),
    cooldown_minutes=st.integers(3, 30),
    focus=st.frozensets(st.sampled_from(FOCUS)),
    equipment=st.frozensets(st.sampled_from(KIT)),
    include=st.lists(st.sampled_from(SLUGS), max_size=6).map(tuple),
    exclude=st.frozensets(st.sampled_from(SLUGS), max_size=8),
)
# Libraries: any subset of the one above, in any order, sometimes with shuffled content order.
library_strategy = st.lists(st.sampled_from(LIBRARY), unique_by=lambda e: e.slug, max_size=len(LIBRARY))
PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def plain(text):
    return text.replace("\xa0", " ")


def slugs(phase):
    return [item.slug for item in phase.items]


# --- Properties over many inputs ---------------------------------------------------------------
@PROPERTY
@given(inputs=inputs_strategy, library=library_strategy)
def test_each_phase_adds_up_to_the_minutes_asked_within_a_minute(inputs, library):
    routine = compose(library, inputs)
    assert abs(routine.warmup.seconds - inputs.warmup_minutes * 60) < 60
    assert abs(routine.cooldown.seconds - inputs.cooldown_minutes * 60) < 60
    assert all(item.seconds > 0 for item in routine.items)


@PROPERTY
@given(inputs=inputs_strategy, library=library_strategy)
def test_phases_run_in_order_and_start_with_easy_aerobic_movement(inputs, library):
    routine = compose(library, inputs)
    for phase in routine.phases:
        assert phase.items[0].stage == AEROBIC
        ranks = [STAGE_ORDER[phase.name].index(item.stage) for item in phase.items]
        assert ranks == sorted(ranks), [item.stage for item in phase.items]
        assert len(phase.items) <= MAX_ITEMS_PER_PHASE
        for item in phase.items[1:]:
            category = BY_SLUG[item.slug].category
            if phase.name == WARMUP:
                assert category in {"dynamic-warmup", "activation", "strength"}
            else:
                assert category in {"static-stretch", "mobility", "foam-rolling"}


@PROPERTY
@given(inputs=inputs_strategy, library=library_strategy)
def test_nothing_appears_twice_and_nothing_left_out_appears(inputs, library):
    routine = compose(library, inputs)
    used = [item.slug for item in routine.items if item.slug]
    assert len(used) == len(set(used))
    assert not set(used) & inputs.exclude
    assert set(used) <= {e.slug for e in library}


@PROPERTY
@given(inputs=inputs_strategy, library=library_strategy)
def test_equipment_not_at_hand_is_never_asked_for(inputs, library):
    routine = compose(library, inputs)
    for item in routine.items:
        if item.slug:
            assert BY_SLUG[item.slug].equipment <= inputs.equipment
    if "foam-roller" not in inputs.equipment:
        assert all(item.stage != ROLLING for item in routine.items)


@PROPERTY
@given(inputs=inputs_strategy, library=library_strategy)
def test_same_inputs_give_the_same_routine_whatever_the_library_order(inputs, library):
    first = compose(library, inputs)
    assert compose(list(reversed(library)), inputs) == first
    assert compose(library, dataclasses.replace(inputs, include=tuple(reversed(inputs.include)))) == first


@PROPERTY
@given(inputs=inputs_strategy)
def test_included_exercises_appear_or_are_explained(inputs):
    routine = compose(LIBRARY, inputs)
    used = {item.slug for item in routine.items}
    explained = {s.slug for s in routine.skipped}
    for slug in set(inputs.include) - inputs.exclude:
        assert slug in used or slug in explained, slug
        if slug in used:
            assert next(i for i in routine.items if i.slug == slug).asked


@PROPERTY
@given(inputs=inputs_strategy)
def test_focus_areas_come_first_within_each_stage(inputs):
    """A chosen exercise that misses the focus never beats one that hits it and would have fitted."""
    routine = compose(LIBRARY, inputs)
    used = {item.slug for item in routine.items}
    for item in routine.items:
        if item.slug is None or item.asked or item.stage == AEROBIC or item.focus or not inputs.focus:
            continue
        # Any unused exercise for that stage that hits the focus must have been too long to fit.
        for other in LIBRARY:
            if (other.slug in used or other.slug in inputs.exclude or not other.areas & inputs.focus
                    or not other.equipment <= inputs.equipment or other.slug == "strides"):
                continue
            stage_categories = {DRILLS: {"dynamic-warmup"}, ACTIVATION: {"activation"},
                                STRETCH: {"static-stretch", "mobility"}, ROLLING: {"foam-rolling"}}
            if item.stage in stage_categories and other.category in stage_categories[item.stage]:
                if not RUN_TYPES[inputs.run_type].intense and other.difficulty == "advanced":
                    continue
                assert dose_for(other, item.stage).seconds > item.seconds, (other.slug, item.slug)


@PROPERTY
@given(inputs=inputs_strategy, library=library_strategy)
def test_static_stretches_are_held_at_least_twenty_seconds(inputs, library):
    for item in compose(library, inputs).cooldown.items:
        if item.slug and BY_SLUG[item.slug].category == "static-stretch":
            hold = BY_SLUG[item.slug].hold_seconds or 30
            assert max(hold, MIN_STRETCH_HOLD) >= MIN_STRETCH_HOLD
            assert "hold" in item.dosage


# --- Each run type ---------------------------------------------------------------------------
@pytest.mark.parametrize("run_type", sorted(RUN_TYPES))
def test_each_run_type_has_a_full_warm_up_and_cool_down(run_type):
    routine = compose(LIBRARY, Inputs(run_type=run_type, equipment=frozenset(KIT)))
    stages = {item.stage for item in routine.warmup.items}
    assert {AEROBIC, DRILLS, ACTIVATION} <= stages
    assert {AEROBIC, STRETCH} <= {item.stage for item in routine.cooldown.items}
    assert routine.run_type.slug == run_type
    assert abs(routine.total_seconds - 20 * 60) < 60


def test_hard_sessions_get_more_drills_and_strides_easy_runs_stay_gentle():
    def warmup(run_type):
        return compose(LIBRARY, Inputs(run_type=run_type, warmup_minutes=15)).warmup

    easy = warmup("easy")
    assert "strides" not in slugs(easy)
    assert easy.items[0].slug == "brisk-walk"
    assert all(BY_SLUG[s].difficulty != "advanced" for s in slugs(easy)[1:])
    assert len([i for i in easy.items if i.stage == DRILLS]) <= RUN_TYPES["easy"].max_drills
    for hard in ("tempo", "hills", "race"):
        phase = warmup(hard)
        assert phase.items[0].slug == "easy-jog"
        assert "strides" in slugs(phase), hard
        drills = [i for i in phase.items if i.stage == DRILLS]
        assert len(drills) > len([i for i in easy.items if i.stage == DRILLS]), hard
        # Strides end the drills and come before activation.
        stages = [i.stage for i in phase.items]
        assert stages.index(STRIDES) > max(i for i, s in enumerate(stages) if s == DRILLS)


def test_walk_and_jog_are_shared_between_the_phases_without_repeating():
    routine = compose(LIBRARY, Inputs(run_type="easy"))
    assert routine.warmup.items[0].slug == "brisk-walk"
    assert routine.cooldown.items[0].slug == "easy-jog"
    routine = compose(LIBRARY, Inputs(run_type="tempo"))
    assert routine.warmup.items[0].slug == "easy-jog"
    assert routine.cooldown.items[0].slug == "brisk-walk"


def test_without_any_walk_or_jog_the_run_itself_eases_in_and_out():
    routine = compose(LIBRARY, Inputs(exclude=frozenset({"brisk-walk", "easy-jog"})))
    for phase in routine.phases:
        assert phase.items[0].slug is None and phase.items[0].stage == AEROBIC
        assert abs(phase.seconds - 600) < 60
    assert routine.warmup.items[0].title == "Easy running"


def test_empty_library_still_gives_the_time_asked_for():
    routine = compose([], Inputs(warmup_minutes=7, cooldown_minutes=4))
    assert [len(p.items) for p in routine.phases] == [1, 1]
    assert (routine.warmup.seconds, routine.cooldown.seconds) == (420, 240)


def test_foam_rolling_only_with_a_roller_and_last():
    without = compose(LIBRARY, Inputs(equipment=frozenset({"mat"})))
    assert not [i for i in without.cooldown.items if i.stage == ROLLING]
    routine = compose(LIBRARY, Inputs(equipment=frozenset({"foam-roller"}), cooldown_minutes=15))
    stages = [i.stage for i in routine.cooldown.items]
    assert ROLLING in stages and stages[-1] == ROLLING


def test_focus_changes_what_is_chosen():
    plain = compose(LIBRARY, Inputs(run_type="easy"))
    glutes = compose(LIBRARY, Inputs(run_type="easy", focus=frozenset({"glutes"}), equipment=frozenset({"mat"})))
    assert plain != glutes
    picked = [i for i in glutes.items if i.stage in (DRILLS, ACTIVATION, STRETCH)]
    assert picked[0].focus == ("glutes",)
    assert "glutes" in BY_SLUG[glutes.cooldown.items[1].slug].areas


def test_includes_go_where_their_category_belongs_and_missing_kit_is_explained():
    routine = compose(LIBRARY, Inputs(include=("squat", "childs-pose", "foam-roll-glutes", "quad-stretch")))
    warm, cool = slugs(routine.warmup), slugs(routine.cooldown)
    assert "squat" in warm and "quad-stretch" in cool
    reasons = {s.slug: s.reason for s in routine.skipped}
    assert "a mat" in reasons["childs-pose"] and "a foam roller" in reasons["foam-roll-glutes"]
    with_kit = compose(LIBRARY, Inputs(include=("childs-pose", "foam-roll-glutes"),
                                       equipment=frozenset({"mat", "foam-roller"})))
    assert {"childs-pose", "foam-roll-glutes"} <= set(slugs(with_kit.cooldown))
    assert not with_kit.skipped


def test_includes_that_do_not_fit_are_explained_not_squeezed_in():
    many = tuple(s for s in SLUGS if BY_SLUG[s].category in {"dynamic-warmup", "activation"})
    routine = compose(LIBRARY, Inputs(warmup_minutes=3, include=many, equipment=frozenset(KIT)))
    assert abs(routine.warmup.seconds - 180) < 60
    assert routine.skipped and all("add time" in s.reason for s in routine.skipped)


def test_an_included_walk_or_jog_is_used():
    routine = compose(LIBRARY, Inputs(run_type="tempo", include=("brisk-walk",)))
    assert routine.warmup.items[0].slug == "brisk-walk" and routine.warmup.items[0].asked


@pytest.mark.parametrize(("minutes", "dosage"), [(10, "2 × 20 s"), (12, "3 × 20 s"), (15, "4 × 20 s"),
                                                (30, "4 × 20 s")])
def test_strides_take_about_a_quarter_of_the_warm_up(minutes, dosage):
    routine = compose(LIBRARY, Inputs(run_type="race", warmup_minutes=minutes))
    strides = next(i for i in routine.warmup.items if i.slug == "strides")
    assert plain(strides.dosage).startswith(dosage) and "walk back" in strides.dosage


def test_strides_counted_in_reps_shorten_too():
    library = [dataclasses.replace(BY_SLUG["strides"], sets=1, reps=6), BY_SLUG["easy-jog"]]
    routine = compose(library, Inputs(run_type="tempo", warmup_minutes=4, include=("strides",)))
    assert plain(routine.warmup.items[1].dosage).startswith("2 × 20 s")


# --- Timing ----------------------------------------------------------------------------------
def test_time_comes_from_the_dosage():
    # 2 sets × 2 sides × 10 reps × 3 s, a transition and three switches.
    dose = Dose(sets=2, reps=10, hold_seconds=None, duration_seconds=None, per_side=True)
    assert dose.seconds == 4 * 10 * SECONDS_PER_REP + TRANSITION_SECONDS + 3 * SWITCH_SECONDS
    assert plain(dose.text) == "2 sets of 10 reps each side"
    hold = Dose(sets=1, reps=None, hold_seconds=30, duration_seconds=None, per_side=True)
    assert hold.seconds == 60 + TRANSITION_SECONDS + SWITCH_SECONDS
    assert plain(hold.text) == "Hold 30 s each side"
    timed = Dose(sets=1, reps=None, hold_seconds=None, duration_seconds=120, per_side=False)
    assert timed.seconds == 120 + TRANSITION_SECONDS and plain(timed.text) == "2 min"


def test_short_stretch_holds_are_lengthened_to_twenty_seconds():
    short = ex("quick-stretch", "static-stretch", hold_seconds=10)
    assert dose_for(short, STRETCH).hold_seconds == MIN_STRETCH_HOLD
    assert dose_for(ex("no-hold", "static-stretch"), STRETCH).hold_seconds == 30


def test_minutes_text():
    assert [plain(minutes_text(s)) for s in (60, 90, 300, 330)] == ["1 min", "1½ min", "5 min", "5½ min"]
    assert plain(minutes_text(10, approximate=True)) == "½ min"


@pytest.mark.parametrize("bad", [{"run_type": "sprint"}, {"warmup_minutes": 2}, {"cooldown_minutes": 31}])
def test_inputs_refuse_what_the_form_would_refuse(bad):
    with pytest.raises(ValueError):
        Inputs(**bad)


def test_from_exercise_reads_a_model_like_object():
    class Rel(list):
        def all(self):
            return self

    class Row:
        slug, title, category, order, difficulty = "plank", "Plank", "activation", 3, "beginner"
        sets, reps, hold_seconds, duration_seconds, per_side = 2, None, 20, None, False
        body_areas = Rel([type("A", (), {"slug": "core"})()])
        equipment = Rel([type("E", (), {"slug": "mat"})()])

    data = ExerciseData.from_exercise(Row())
    assert data.areas == {"core"} and data.equipment == {"mat"} and data.hold_seconds == 20
    assert COOLDOWN == "cool-down"


def test_a_reason_says_whether_the_missing_kit_can_be_ticked():
    library = [ex("brisk-walk", "aerobic", duration_seconds=300), ex("plank", "activation", ["core"], ["mat"], sets=1,
               hold_seconds=20), ex("weighted-squat", "strength", ["glutes"], ["weights"], sets=1, reps=8)]
    routine = compose(library, Inputs(include=("plank", "weighted-squat")))
    reasons = {s.slug: s.reason for s in routine.skipped}
    assert reasons == {"plank": "needs a mat, which you haven't ticked",
                       "weighted-squat": "needs weights, which a warm-up or cool-down doesn't use"}
