"""The symptom checker's questions and rules, as data, and one pure function from answers to an outcome.

The clinical specification (symptom-checker.md, kept beside the project) is the source of truth:
the field names, the allowed answers and every rule below come from it, each with its source. If
this file and the specification ever differ, the specification wins and this file is the bug.

Nothing here touches the database, the request or the templates: `triage()` takes a mapping of
answers (field name -> "yes", "no", "unsure", another listed value, an age in whole years, or a
tuple of values for `pain_timing`) and returns the level with the reasons for it. A missing
answer never triggers a rule. The content loader imports this module, so it imports no Django.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

RULES_VERSION = "1.0"
# The date the clinical specification these rules encode was last reviewed.
RULES_REVIEWED = datetime.date(2026, 11, 22)

# --- Levels --------------------------------------------------------------------------------------
EMERGENCY, URGENT, SOON, SELF_CARE = "emergency", "urgent", "soon", "self_care"
LEVELS = (EMERGENCY, URGENT, SOON, SELF_CARE)  # most urgent first
RANK = {EMERGENCY: 3, URGENT: 2, SOON: 1, SELF_CARE: 0}  # higher is more urgent
LEVEL_LABELS = {EMERGENCY: "Emergency", URGENT: "Urgent", SOON: "Soon", SELF_CARE: "Self-care"}
# The spec offers a routine only when it is safe to keep training with care.
ROUTINE_LEVELS = frozenset({SOON, SELF_CARE})


def most_urgent(*levels: str) -> str:
    return max(levels, key=RANK.__getitem__, default=SELF_CARE)


# --- Questions -----------------------------------------------------------------------------------
YES, NO, UNSURE = "yes", "no", "unsure"
YES_NO_UNSURE = ((YES, "Yes"), (NO, "No"), (UNSURE, "Not sure"))

# Context answers: no effect on the level; causes say which of these suggest them (content loader).
CONTEXT_CHOICES: dict[str, tuple[str, ...]] = {
    "training_change": ("yes", "no"),
    "shoe_miles": ("under_300", "300_to_500", "over_500", "unknown"),
    "surface": ("road", "trail", "track", "treadmill", "mixed"),
    "strength_training": ("never", "sometimes", "weekly"),
    "sitting_hours": ("under_4", "4_to_8", "over_8"),
    "pain_timing": ("during_runs", "after_runs", "mornings", "after_sitting"),
}

AGE_MIN, AGE_MAX = 5, 120


@dataclass(frozen=True)
class Question:
    name: str
    text: str  # as asked
    short: str  # in error summaries, results and the printed summary
    choices: tuple[tuple[str, str], ...] = YES_NO_UNSURE  # (value, label); empty for the age
    required: bool = True
    hint: str = ""
    many: bool = False  # several answers allowed

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)

    def describe(self, answer) -> str:
        """An answer in the words the person chose it by."""
        if answer is None or answer == "" or answer == ():
            return "Not answered"
        labels = dict(self.choices)
        if isinstance(answer, list | tuple | set | frozenset):
            return ", ".join(labels.get(value, str(value)) for value in self.values if value in answer)
        return labels.get(answer, str(answer))


def _q(name, text, short, **kwargs) -> Question:
    return Question(name, text, short, **kwargs)


EMERGENCY_QUESTIONS = (
    _q("saddle_numbness", "Do you have numbness, tingling or a changed feeling around your genitals, "
       "bottom (anus) or inner thighs?", "Numbness or changed feeling around the genitals, bottom or inner thighs",
       hint="For example, it feels different when you wipe after going to the toilet."),
    _q("bladder_bowel", "Do you have new trouble peeing, or new loss of control of your bowels?",
       "New trouble peeing, or new loss of bowel control",
       hint="Peeing is hard to start, you can't go, you can't control it, you leak, or you can't tell "
       "when your bladder is full."),
    _q("sexual_function", "Have you noticed a new change in sexual function, or loss of feeling in your genitals?",
       "New change in sexual function or feeling in the genitals"),
    _q("both_legs", "Do you have pain, tingling, numbness or weakness in both legs?",
       "Pain, tingling, numbness or weakness in both legs"),
    _q("leg_weakness", "Do you have weakness or numbness in a leg that is severe or getting worse, or a foot "
       "that drags or slaps on the ground?", "Severe or worsening leg weakness or numbness, or a dragging foot"),
    _q("serious_accident", "Did the pain start after a serious accident?", "Started after a serious accident",
       hint="Such as a car crash, a fall from a height or a heavy blow."),
    _q("chest_pain", "Do you have chest pain, or back pain with shortness of breath?",
       "Chest pain, or back pain with shortness of breath"),
)
URGENT_QUESTIONS = (
    _q("fever", "Do you have a high temperature, or feel hot and shivery?", "High temperature, or hot and shivery"),
    _q("weight_loss", "Are you losing weight without trying?", "Losing weight without trying"),
    _q("cancer_history", "Have you ever had cancer?", "Has had cancer", hint="At any time, even if it was treated."),
    _q("back_shape", "Is there a lump or swelling on your back, or has your back changed shape?",
       "Lump or swelling on the back, or a change in its shape"),
    _q("night_pain", "Does the pain stay the same when you rest or change position, or is it worse at night?",
       "Pain that does not ease with rest, or is worse at night"),
    _q("upper_back", "Is the pain high in your back, between the shoulder blades, rather than low down?",
       "Pain high in the back, between the shoulder blades"),
    _q("cough_sneeze", "Is the pain much worse when you cough, sneeze or go to the toilet?",
       "Much worse with coughing, sneezing or going to the toilet"),
)
FRAGILITY_QUESTIONS = (
    _q("minor_fall", "Did the pain start after a minor fall or knock?", "Started after a minor fall or knock"),
    _q("bone_weakness", "Do you have osteoporosis (thin, weak bones), or have you taken steroid tablets for "
       "three months or more?", "Osteoporosis, or steroid tablets for 3 months or more",
       hint="Steroid tablets such as prednisolone. Inhalers and creams don't count."),
)
SOON_QUESTIONS = (
    _q("age", "How old are you?", "Age", choices=(), hint="In whole years, for example 34."),
    _q("duration", "How long have you had this pain?", "How long the pain has lasted", choices=(
        ("under_1_week", "Less than a week"), ("1_to_4_weeks", "1 to 4 weeks"),
        ("4_to_12_weeks", "4 to 12 weeks"), ("over_12_weeks", "More than 12 weeks"))),
    _q("improving", "Is it getting better?", "Getting better"),
    _q("severe_or_worse", "Is the pain very severe, or does it keep getting worse?",
       "Very severe, or keeps getting worse", required=False),
    _q("leg_pain", "Does the pain spread into one of your legs?", "Pain spreading into a leg", required=False,
       choices=(("none", "No, it stays in my back"),
                ("hip_or_thigh", "Yes, into the buttock, hip or thigh of one leg"),
                ("below_knee", "Yes, below the knee of one leg"))),
    _q("leg_tingling", "Do you have numbness or pins and needles in one leg or foot?",
       "Numbness or pins and needles in one leg or foot", required=False),
    _q("infection_risk", "Are you at higher risk of an infection?", "Higher risk of infection", required=False,
       hint="You have a weakened immune system (for example from chemotherapy, transplant or HIV medicines, "
       "or long-term steroids), you inject drugs, or you had a procedure on your spine recently."),
    _q("stops_activity", "Does the pain stop you running or doing day-to-day things?",
       "Stops running or day-to-day things", required=False),
    _q("worse_during_run", "Does the pain build during a run, or is it worse after one?",
       "Builds during a run, or worse after", required=False),
    _q("cut_training", "Have you cut your pace or mileage because of the pain?",
       "Has cut pace or mileage because of the pain", required=False),
    _q("stiffness_persists", "Is your back stiff in a way that never fully loosens, or stiffest in the "
       "morning and easing as you move?", "Stiffness that never loosens, or worst in the morning",
       required=False),
    _q("extension_pain", "Is the pain worse when you arch or lean backwards, or when you stand on one leg "
       "and lean back?", "Worse when arching or leaning backwards", required=False),
    _q("energy_bone", "Have your periods stopped or become irregular, are you eating too little for your "
       "training, or have you had a bone stress injury or stress fracture before?",
       "Missed periods, under-fuelling, or a past bone stress injury", required=False),
    _q("worried", "Are you worried about the pain, or struggling to cope with it?",
       "Worried, or struggling to cope", required=False),
)
CONTEXT_LABELS = {
    "training_change": {"yes": "Yes", "no": "No"},
    "shoe_miles": {"under_300": "Under 300 miles (under 480 km)", "300_to_500": "300 to 500 miles (480 to 800 km)",
                   "over_500": "Over 500 miles (over 800 km)", "unknown": "I don't know"},
    "surface": {"road": "Road or pavement", "trail": "Trail", "track": "Running track",
                "treadmill": "Treadmill", "mixed": "A mix"},
    "strength_training": {"never": "Never", "sometimes": "Sometimes", "weekly": "Every week"},
    "sitting_hours": {"under_4": "Under 4 hours", "4_to_8": "4 to 8 hours", "over_8": "Over 8 hours"},
    "pain_timing": {"during_runs": "During runs", "after_runs": "After runs", "mornings": "In the morning",
                    "after_sitting": "After sitting"},
}


def _context(name, text, short, **kwargs) -> Question:
    choices = tuple((value, CONTEXT_LABELS[name][value]) for value in CONTEXT_CHOICES[name])
    return _q(name, text, short, choices=choices, required=False, **kwargs)


CONTEXT_QUESTIONS = (
    _context("training_change", "Have you increased your distance or speed quickly in the last month?",
             "Increased distance or speed quickly"),
    _context("shoe_miles", "How far have you run in your current running shoes?", "Distance in current shoes"),
    _context("surface", "Where do you run most?", "Usual running surface"),
    _context("strength_training", "How often do you do strength training?", "Strength training"),
    _context("sitting_hours", "How many hours a day do you spend sitting?", "Hours sitting a day"),
    _context("pain_timing", "When does your back hurt?", "When it hurts", many=True,
             hint="Choose all that apply."),
)

QUESTIONS: dict[str, Question] = {
    q.name: q for q in (*EMERGENCY_QUESTIONS, *URGENT_QUESTIONS, *FRAGILITY_QUESTIONS, *SOON_QUESTIONS,
                        *CONTEXT_QUESTIONS)
}
EMERGENCY_SIGNS = tuple(q.name for q in EMERGENCY_QUESTIONS)
URGENT_SIGNS = tuple(q.name for q in URGENT_QUESTIONS)
CONTEXT_FIELDS = tuple(CONTEXT_CHOICES)
# Questions where `yes` means a symptom or risk is present. (`improving` is the exception among the
# yes/no/unsure questions: its `yes` is good news; `training_change` is context and sets no level.)
FLAG_FIELDS = tuple(name for name, q in QUESTIONS.items()
                    if q.values == (YES, NO, UNSURE) and name != "improving")


# --- Rules ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OneOf:
    """The answer is one of these values."""

    values: frozenset

    def __call__(self, answer) -> bool:
        return isinstance(answer, str) and answer in self.values

    def __str__(self):
        return " or ".join(sorted(self.values))


@dataclass(frozen=True)
class Under:
    """A whole number below this."""

    limit: int

    def __call__(self, answer) -> bool:
        return isinstance(answer, int) and not isinstance(answer, bool) and answer < self.limit

    def __str__(self):
        return f"under {self.limit}"


@dataclass(frozen=True)
class AtLeast:
    """A whole number of this or more."""

    limit: int

    def __call__(self, answer) -> bool:
        return isinstance(answer, int) and not isinstance(answer, bool) and answer >= self.limit

    def __str__(self):
        return f"{self.limit} or over"


def one_of(*values: str) -> OneOf:
    return OneOf(frozenset(values))


@dataclass(frozen=True)
class Rule:
    reason: str  # the field the result names, as data-reason="<reason>"
    when: tuple[tuple[str, object], ...]  # (field, test) pairs the answers must all pass
    level: str
    why: str  # one plain line: why this answer matters
    source: str

    @property
    def reads(self) -> tuple[str, ...]:
        """The answers this rule reads."""
        return tuple(name for name, _ in self.when)

    def applies(self, answers: Mapping[str, object]) -> bool:
        return all(test(answers.get(name)) for name, test in self.when)

    def __str__(self):
        condition = " and ".join(f"{name} {test}" for name, test in self.when)
        return f"{condition} -> {self.level} ({self.reason})"


def rule(reason: str, level: str, why: str, source: str, **when) -> Rule:
    return Rule(reason, tuple(when.items()), level, why, source)


NHS_BACK = "NHS: Back pain"
NHS_SCIATICA = "NHS: Sciatica"
NHS_CES = "NHS: Cauda equina syndrome"
FINUCANE = "Finucane et al., JOSPT 2020 (international framework for red flags)"
ACR = "ACR Appropriateness Criteria: low back pain (2021)"
DOWNIE = "Downie et al., BMJ 2013"
HENSCHKE = "Henschke et al., Arthritis Rheum 2009"
NICE = "NICE NG59: low back pain and sciatica in over 16s"
HIGHLAND = "Highland Spine + Sport: why runners develop low back pain"
said_yes, said_unsure = one_of(YES), one_of(UNSURE)

RULES: tuple[Rule, ...] = (
    # Emergency signs: yes -> emergency; unsure -> at least urgent.
    rule("saddle_numbness", EMERGENCY, "Changed feeling around the genitals or bottom can mean the nerves at the "
         "base of the spine are being squashed (cauda equina syndrome). Treatment within hours can prevent "
         "lasting damage.", f"{NHS_CES}; {NHS_BACK}; {FINUCANE}", saddle_numbness=said_yes),
    rule("saddle_numbness", URGENT, "You weren't sure. Changed feeling around the genitals or bottom can be an "
         "early sign of cauda equina syndrome, so get it checked today.", f"{NHS_CES}; {FINUCANE}",
         saddle_numbness=said_unsure),
    rule("bladder_bowel", EMERGENCY, "New bladder or bowel trouble can be a sign of cauda equina syndrome, "
         "which needs emergency treatment to protect the nerves.", f"{NHS_CES}; {NHS_BACK}; {FINUCANE}",
         bladder_bowel=said_yes),
    rule("bladder_bowel", URGENT, "You weren't sure. Changes in peeing or bowel control can be an early sign of "
         "cauda equina syndrome, so get it checked today.", f"{NHS_CES}; {FINUCANE}", bladder_bowel=said_unsure),
    rule("sexual_function", EMERGENCY, "A new change in sexual function or feeling in the genitals can be a sign "
         "of cauda equina syndrome.", f"{NHS_CES}; {FINUCANE}", sexual_function=said_yes),
    rule("sexual_function", URGENT, "You weren't sure. A change in sexual function can be an early sign of "
         "cauda equina syndrome, so get it checked today.", f"{NHS_CES}; {FINUCANE}", sexual_function=said_unsure),
    rule("both_legs", EMERGENCY, "Symptoms in both legs can mean several nerves are squashed at once, as in "
         "cauda equina syndrome.", f"{NHS_CES}; {NHS_SCIATICA}; {FINUCANE}", both_legs=said_yes),
    rule("both_legs", URGENT, "You weren't sure. Symptoms in both legs can be an early sign of pressure on "
         "several nerves, so get it checked today.", f"{NHS_CES}; {NHS_SCIATICA}", both_legs=said_unsure),
    rule("leg_weakness", EMERGENCY, "Severe or worsening weakness, or a foot that drags, means a nerve may be "
         "badly squashed. Quick treatment gives it the best chance to recover.",
         f"{NHS_SCIATICA}; {NHS_CES}; {FINUCANE}", leg_weakness=said_yes),
    rule("leg_weakness", URGENT, "You weren't sure. Weakness in a leg can mean a nerve is being squashed, so get "
         "it checked today.", f"{NHS_SCIATICA}; {FINUCANE}", leg_weakness=said_unsure),
    rule("serious_accident", EMERGENCY, "A serious accident can break a bone in the spine. It needs checking "
         "in hospital straight away.", f"{NHS_BACK}; {FINUCANE}", serious_accident=said_yes),
    rule("serious_accident", URGENT, "You weren't sure. After an accident, a broken bone in the spine needs "
         "ruling out today.", f"{NHS_BACK}; {FINUCANE}", serious_accident=said_unsure),
    rule("chest_pain", EMERGENCY, "Chest pain, or breathlessness with back pain, can come from the heart, the "
         "lungs or a major blood vessel.", f"{NHS_BACK}; {FINUCANE}", chest_pain=said_yes),
    rule("chest_pain", URGENT, "You weren't sure. Chest pain or breathlessness can have a serious cause, so get "
         "it checked today.", f"{NHS_BACK}; {FINUCANE}", chest_pain=said_unsure),
    # Urgent signs: yes -> urgent; unsure -> at least soon.
    rule("fever", URGENT, "Back pain with a high temperature can mean an infection in or near the spine.",
         f"{NHS_BACK}; {ACR}", fever=said_yes),
    rule("fever", SOON, "You weren't sure about a temperature. Mention it, as infection needs ruling out.",
         f"{NHS_BACK}; {ACR}", fever=said_unsure),
    rule("weight_loss", URGENT, "Losing weight without trying, with back pain, needs checking for a serious "
         "cause such as cancer.", f"{NHS_BACK}; {ACR}", weight_loss=said_yes),
    rule("weight_loss", SOON, "You weren't sure about weight loss. A doctor can check whether it matters.",
         f"{NHS_BACK}; {ACR}", weight_loss=said_unsure),
    rule("cancer_history", URGENT, "Having had cancer is the most useful single warning sign that back pain "
         "could come from cancer spreading to the spine.", f"{DOWNIE}; {ACR}", cancer_history=said_yes),
    rule("cancer_history", SOON, "You weren't sure about past cancer. Tell the doctor what treatment you have "
         "had.", f"{DOWNIE}; {ACR}", cancer_history=said_unsure),
    rule("back_shape", URGENT, "A lump, swelling or change in shape can be a sign of a fracture, an infection "
         "or a growth.", f"{NHS_BACK}; {ACR}", back_shape=said_yes),
    rule("back_shape", SOON, "You weren't sure about a lump or change in shape. Ask a professional to look.",
         f"{NHS_BACK}; {ACR}", back_shape=said_unsure),
    rule("night_pain", URGENT, "Pain that does not ease with rest, or is worse at night, is typical of "
         "infection, inflammation or a growth rather than a running strain.", f"{NHS_BACK}; {ACR}",
         night_pain=said_yes),
    rule("night_pain", SOON, "You weren't sure whether rest eases the pain. A professional can judge this.",
         f"{NHS_BACK}; {ACR}", night_pain=said_unsure),
    rule("upper_back", URGENT, "Pain high in the back is less often a simple strain, so other causes need "
         "ruling out.", f"{NHS_BACK}; {ACR}", upper_back=said_yes),
    rule("upper_back", SOON, "You weren't sure where the pain is. A professional can examine you.",
         f"{NHS_BACK}; {ACR}", upper_back=said_unsure),
    rule("cough_sneeze", URGENT, "Pain much worse with coughing, sneezing or straining can mean pressure "
         "inside the spine.", f"{NHS_BACK}; {ACR}", cough_sneeze=said_yes),
    rule("cough_sneeze", SOON, "You weren't sure whether coughing or sneezing makes it worse. Mention it.",
         f"{NHS_BACK}; {ACR}", cough_sneeze=said_unsure),
    # A possible fragility fracture: the fall with weak bones or age 70+. Either alone changes nothing.
    rule("minor_fall", URGENT, "A minor fall or knock can break a bone in the spine when osteoporosis or "
         "steroids have weakened it (a fragility fracture).", f"{HENSCHKE}; {DOWNIE}",
         minor_fall=said_yes, bone_weakness=said_yes),
    rule("minor_fall", URGENT, "At 70 or over, a minor fall or knock can break a bone in the spine (a "
         "fragility fracture).", f"{HENSCHKE}; {DOWNIE}", minor_fall=said_yes, age=AtLeast(70)),
    rule("minor_fall", SOON, "You weren't sure about a fall or knock. With weakened bones, a small fracture is "
         "possible, so get it checked.", f"{HENSCHKE}; {DOWNIE}", minor_fall=said_unsure, bone_weakness=said_yes),
    rule("minor_fall", SOON, "You weren't sure about a fall or knock. At 70 or over, a small fracture is "
         "possible, so get it checked.", f"{HENSCHKE}; {DOWNIE}", minor_fall=said_unsure, age=AtLeast(70)),
    # Reasons to see a professional soon. `unsure` or no answer changes nothing here.
    rule("age", SOON, "This guide is written for adults: back pain under 16 should be checked by a doctor or "
         "physiotherapist.", NICE, age=Under(16)),
    rule("infection_risk", SOON, "A weakened immune system, injecting drugs or a recent spinal procedure "
         "raise the risk of an infection in the spine.", f"{FINUCANE}; {NICE}", infection_risk=said_yes),
    rule("leg_pain", SOON, "Pain spreading into the leg can come from an irritated nerve (sciatica). A "
         "professional can check how the nerve is working.", NHS_SCIATICA,
         leg_pain=one_of("hip_or_thigh", "below_knee")),
    rule("leg_tingling", SOON, "Numbness or pins and needles in one leg can mean a nerve is irritated.",
         NHS_SCIATICA, leg_tingling=said_yes),
    rule("improving", SOON, "Back pain that has not started to improve within a few weeks should be checked.",
         NHS_BACK, improving=one_of(NO), duration=one_of("1_to_4_weeks", "4_to_12_weeks", "over_12_weeks")),
    rule("duration", SOON, "Pain for more than 4 weeks that is not clearly getting better needs a proper "
         "assessment.", f"{NHS_BACK}; {NICE}", duration=one_of("4_to_12_weeks"), improving=one_of(NO, UNSURE)),
    rule("duration", SOON, "Pain for more than 12 weeks is long-term pain, which deserves a proper "
         "assessment whatever else is going on.", NICE, duration=one_of("over_12_weeks")),
    rule("severe_or_worse", SOON, "Very severe or worsening pain should be assessed, not managed alone.",
         NHS_BACK, severe_or_worse=said_yes),
    rule("stops_activity", SOON, "When pain stops you running or doing everyday things, a professional can "
         "help you get moving again safely.", NHS_BACK, stops_activity=said_yes),
    rule("worse_during_run", SOON, "Pain that builds during runs or is worse after them is a sign to get "
         "evaluated.", HIGHLAND, worse_during_run=said_yes),
    rule("cut_training", SOON, "Cutting your pace or mileage because of pain is a sign to get evaluated.",
         HIGHLAND, cut_training=said_yes),
    rule("stiffness_persists", SOON, "Stiffness that never loosens, or is worst in the morning, can point to "
         "inflammatory back pain, which a doctor should assess.", f"{HIGHLAND}; {NICE}",
         stiffness_persists=said_yes),
    rule("extension_pain", SOON, "Under 20, pain when leaning back can be a stress fracture in the spine "
         "(spondylolysis), common in young athletes.", "Clinical specification: spondylolysis in young athletes",
         extension_pain=said_yes, age=Under(20)),
    rule("energy_bone", SOON, "Missed periods, under-fuelling or a past bone stress injury raise the risk of "
         "a bone stress injury in the spine (relative energy deficiency in sport).",
         "Clinical specification: relative energy deficiency in sport", energy_bone=said_yes),
    rule("worried", SOON, "Worry and struggling to cope are good reasons to get support.", NHS_BACK,
         worried=said_yes),
)


# --- The outcome ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reason:
    """One answer that triggered a level, ready to show."""

    field: str
    level: str
    question: str  # the question in short
    answer: str  # the answer as the person chose it
    why: str
    source: str

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]


@dataclass(frozen=True)
class Outcome:
    level: str
    reasons: tuple[Reason, ...]  # most urgent first, one per field

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def offers_routine(self) -> bool:
        return self.level in ROUTINE_LEVELS

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(reason.field for reason in self.reasons)


def triage(answers: Mapping[str, object]) -> Outcome:
    """The most urgent level any rule sets, with every answer that triggered one."""
    fired = sorted((r for r in RULES if r.applies(answers)), key=lambda r: -RANK[r.level])  # stable
    reasons: dict[str, Reason] = {}
    for r in fired:
        if r.reason not in reasons:  # a field is named once, at its most urgent
            question = QUESTIONS[r.reason]
            reasons[r.reason] = Reason(r.reason, r.level, question.short, question.describe(answers.get(r.reason)),
                                       r.why, r.source)
    level = fired[0].level if fired else SELF_CARE
    return Outcome(level, tuple(reasons.values()))


def emergency_signs(answers: Mapping[str, object]) -> Outcome | None:
    """The emergency signs answered yes so far, if any: what the checker shows at once, mid-way.

    Reads only the emergency questions, so it can run before the rest are answered.
    """
    reasons = tuple(r for r in triage({name: answers.get(name) for name in EMERGENCY_SIGNS}).reasons
                    if r.level == EMERGENCY)
    return Outcome(EMERGENCY, reasons) if reasons else None
