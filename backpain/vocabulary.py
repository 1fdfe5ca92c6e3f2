"""The words the content, the symptom checker and the routine builder share, written once.

Plain Python, no Django: content (models, loader), checker and routines all read it, and it reads
nothing of theirs. That is what lets the feature apps stay apart: each uses these words instead of
importing another's forms or rules.

The body areas and equipment become rows in the database (content's post_migrate step keeps them
in step with this list), so exercises can link to them; editors pick from them but don't rename
them, because the routine builder and the checker match on these slugs.
"""

from dataclasses import dataclass

# --- Symptom checker levels, most urgent first (the clinical specification's names) ------------
EMERGENCY, URGENT, SOON, SELF_CARE = "emergency", "urgent", "soon", "self_care"
LEVELS = (EMERGENCY, URGENT, SOON, SELF_CARE)
LEVEL_LABELS = {EMERGENCY: "Emergency", URGENT: "Urgent", SOON: "Soon", SELF_CARE: "Self-care"}
# The levels at which a routine may be offered at all (a result can still rule one out: pregnancy,
# a bone stress sign).
ROUTINE_LEVELS = frozenset({SOON, SELF_CARE})


@dataclass(frozen=True)
class Term:
    slug: str
    name: str  # as a label: "Foam roller"
    in_a_sentence: str = ""  # as in "needs a foam roller"; the lower-case name when empty

    @property
    def phrase(self) -> str:
        return self.in_a_sentence or self.name.lower()


# --- Body areas an exercise works, in the order pages list them ----------------------------------
BODY_AREAS = (
    Term("lower-back", "Lower back"), Term("core", "Core"), Term("hips", "Hips"),
    Term("hamstrings", "Hamstrings"), Term("glutes", "Glutes"), Term("quads", "Quads"),
    Term("calves", "Calves"), Term("upper-back", "Upper back"), Term("shoulders", "Shoulders"),
)
# The areas a routine can focus on (the builder's boxes and the checker's suggestion), and the
# focus when no likely cause points anywhere.
FOCUS_AREAS = ("lower-back", "core", "hips", "hamstrings", "glutes")
DEFAULT_FOCUS = ("lower-back", "core")

# --- Equipment an exercise may need ---------------------------------------------------------------
EQUIPMENT = (
    Term("mat", "Mat", "a mat"), Term("foam-roller", "Foam roller", "a foam roller"),
    Term("resistance-band", "Resistance band", "a resistance band"), Term("weights", "Weights", "weights"),
    Term("bench", "Bench or sofa", "a bench or sofa"),
)
# What the routine builder asks about: a warm-up or cool-down never needs weights.
ROUTINE_EQUIPMENT = ("mat", "foam-roller", "resistance-band")

# --- The checker's context answers ------------------------------------------------------------------
# They set no level; a cause lists which of them suggest it (`suggested_by: surface=road`), and the
# content loader checks those entries against this list.
CONTEXT_ANSWERS: dict[str, tuple[str, ...]] = {
    "training_change": ("yes", "no"),
    "shoe_miles": ("under_300", "300_to_500", "over_500", "unknown"),
    "surface": ("road", "trail", "track", "treadmill", "mixed"),
    "strength_training": ("never", "sometimes", "weekly"),
    "sitting_hours": ("under_4", "4_to_8", "over_8"),
    "pain_timing": ("during_runs", "after_runs", "mornings", "after_sitting"),
}


def choices(terms: tuple[Term, ...], slugs: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(slug, name) pairs for a form, in the vocabulary's order, limited to `slugs` if given."""
    return [(term.slug, term.name) for term in terms if slugs is None or term.slug in slugs]


def names(terms: tuple[Term, ...]) -> dict[str, str]:
    return {term.slug: term.name for term in terms}
