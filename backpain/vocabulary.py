"""The words the content, the symptom checker, search, the check-in and the routine builder share,
written once: the clinical vocabulary (levels, yes/no/not sure, the emergency and urgent signs with
their short words, the context answers with their labels) and the content's (body areas, equipment,
exercise categories and difficulties).

Plain Python, no Django: content (models, loader), the feature apps and the templates (through
backpain.context_processors) all read it, and it reads nothing of theirs. That is what lets the
feature apps stay apart: each uses these words instead of importing another's forms or rules. The
clinical words come from the symptom-checker specification (symptom-checker.md, version 2.1) and
the return-to-running specification (check-in version 2); if this file and they differ, they win.
tests/test_vocabulary.py fails when one of these words is copied into another module or template.

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

# --- Yes, no, not sure ---------------------------------------------------------------------------
YES, NO, UNSURE = "yes", "no", "unsure"
ANSWER_LABELS = {YES: "Yes", NO: "No", UNSURE: "Not sure"}


def answer_choices(*values: str) -> tuple[tuple[str, str], ...]:
    """(value, label) pairs in the order given: the checker asks yes first, the check-in no first."""
    return tuple((value, ANSWER_LABELS[value]) for value in values)


YES_NO_UNSURE = answer_choices(YES, NO, UNSURE)


# --- The signs that need help at once (emergency) or the same day (urgent) -----------------------
@dataclass(frozen=True)
class Sign:
    name: str  # the checker's field name (specification 2.1)
    short: str  # the sign in a few words: lists of signs, error summaries, results, the printed summary


EMERGENCY_SIGNS = (
    Sign("saddle_numbness", "Numbness or changed feeling around the genitals, bottom or inner thighs"),
    Sign("bladder_bowel", "New trouble peeing, or new loss of bowel control"),
    Sign("sexual_function", "New change in sexual function or feeling"),
    Sign("both_legs", "Pain down both legs, or both legs numb, tingling or weak"),
    Sign("leg_weakness", "Severe or worsening leg weakness or numbness, or a dragging foot"),
    Sign("serious_accident", "Started after a serious accident"),
    Sign("chest_pain", "Chest pain, or back pain with shortness of breath"),
    Sign("collapse_signs", "Sudden, severe back or tummy pain with feeling faint or a racing heart"),
    Sign("tearing_pain", "Sudden, severe pain in the back or between the shoulder blades"),
    Sign("very_unwell", "Very unwell: confused, very sleepy or struggling to breathe"),
)
# The emergency signs of cauda equina syndrome: the result says to tell the staff so.
CAUDA_EQUINA_SIGNS = ("saddle_numbness", "bladder_bowel", "sexual_function", "both_legs")
URGENT_SIGNS = (
    Sign("fever", "High temperature, or hot and shivery"),
    Sign("weight_loss", "Losing weight without trying"),
    Sign("cancer_history", "Has had cancer"),
    Sign("back_shape", "Lump or swelling on the back, or a change in its shape"),
    Sign("night_pain", "Pain no better with rest, or worse at night"),
    Sign("upper_back", "Pain high in the back, between the shoulder blades"),
    Sign("cough_sneeze", "Much worse with coughing, sneezing or going to the toilet"),
    Sign("urinary_symptoms", "Pain or blood when peeing, dark pee after a race, or bad pain in the side that "
         "comes in waves"),
    Sign("pulsing_tummy", "A pulsing feeling in the tummy"),
)
SIGN_SHORT = {sign.name: sign.short for sign in (*EMERGENCY_SIGNS, *URGENT_SIGNS)}
# The emergency signs as they read in one sentence ("If you have ..., call ..."): the page footer.
EMERGENCY_SIGNS_IN_A_SENTENCE = (
    "numbness around your genitals or bottom, new trouble peeing or controlling your bowels, weakness or "
    "numbness in both legs, chest pain, a sudden, very bad pain in your back or between your shoulder blades, "
    "sudden severe pain with feeling faint, or you feel very unwell or confused")
# The check-in's warning signs since the last session (return-to-running specification: `warning_signs`).
CHECK_IN_WARNING_SIGNS = (
    "A high temperature, or feeling hot and shivery",
    "Pain at night or at rest that does not ease",
    "New numbness, pins and needles or weakness in a leg",
    "Losing weight without trying",
    "Pain that keeps getting worse from day to day",
)


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

# --- Exercise categories and difficulties, in the order pages list them ----------------------------
# The routine composer places each category in a warm-up or a cool-down (backpain.routines.compose).
EXERCISE_CATEGORIES = (
    Term("aerobic", "Easy aerobic"), Term("dynamic-warmup", "Dynamic drills"), Term("activation", "Activation"),
    Term("strength", "Strength"), Term("static-stretch", "Static stretch"), Term("mobility", "Mobility"),
    Term("foam-rolling", "Foam rolling"),
)
BEGINNER, INTERMEDIATE, ADVANCED = "beginner", "intermediate", "advanced"
DIFFICULTIES = (Term(BEGINNER, "Beginner"), Term(INTERMEDIATE, "Intermediate"), Term(ADVANCED, "Advanced"))

# --- The checker's context answers, with their labels, in the order asked ---------------------------
# They set no level; a cause lists which of them suggest it (`suggested_by: surface=road`), and the
# content loader checks those entries against this list.
CONTEXT_LABELS: dict[str, dict[str, str]] = {
    "training_change": dict(answer_choices(YES, NO)),
    "shoe_miles": {"under_300": "Under 300 miles (under 480 km)", "300_to_500": "300 to 500 miles (480 to 800 km)",
                   "over_500": "Over 500 miles (over 800 km)", "unknown": "I don't know"},
    "surface": {"road": "Road or pavement", "trail": "Trail", "track": "Running track",
                "treadmill": "Treadmill", "mixed": "A mix"},
    "strength_training": {"never": "Never", "sometimes": "Sometimes", "weekly": "Every week"},
    "sitting_hours": {"under_4": "Under 4 hours", "4_to_8": "4 to 8 hours", "over_8": "Over 8 hours"},
    "pain_timing": {"during_runs": "During runs", "after_runs": "After runs", "mornings": "In the morning",
                    "after_sitting": "After sitting"},
}
CONTEXT_ANSWERS: dict[str, tuple[str, ...]] = {name: tuple(labels) for name, labels in CONTEXT_LABELS.items()}

def choices(terms: tuple[Term, ...], slugs: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(slug, name) pairs for a form, in the vocabulary's order, limited to `slugs` if given."""
    return [(term.slug, term.name) for term in terms if slugs is None or term.slug in slugs]


def names(terms: tuple[Term, ...]) -> dict[str, str]:
    return {term.slug: term.name for term in terms}
