"""The symptom checker's questions and rules, as data, and one pure function from answers to an outcome.

The clinical specification (symptom-checker.md, version 2.1, kept beside the project) is the source
of truth: the field names, the allowed answers and every rule below come from it, each with its
source. If this file and the specification ever differ, the specification wins and this file is the
bug. The public page /checker/how-it-decides/ is drawn from this same data, so it cannot drift.

Nothing here touches the database, the request or the templates: `triage()` takes a mapping of
answers (field name -> "yes", "no", "unsure", another listed value, an age in whole years, or a
tuple of values for `pain_timing`) and returns the level with the reasons for it. A missing
answer never triggers a rule on its own. It imports no Django; the words it shares with content, search,
the check-in and the routine builder (levels, yes/no/not sure, the signs' short words, the context
answers and their labels) come from backpain.vocabulary.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from backpain.vocabulary import (
    CAUDA_EQUINA_SIGNS as CAUDA_EQUINA_SIGNS,  # the checker's name for them too
)
from backpain.vocabulary import (
    CONTEXT_LABELS,
    EMERGENCY,
    LEVEL_LABELS,
    LEVELS,
    NO,
    ROUTINE_LEVELS,
    SELF_CARE,
    SIGN_SHORT,
    SOON,
    UNSURE,
    URGENT,
    YES,
    YES_NO_UNSURE,
)

RULES_VERSION = "2.1"
# The date the clinical specification these rules encode was last reviewed.
RULES_REVIEWED = datetime.date(2026, 12, 6)
PREVIOUS_VERSION = "2.0"

# --- Levels --------------------------------------------------------------------------------------
# The level names, labels and which levels may offer a routine are shared words (backpain.vocabulary).
RANK = {EMERGENCY: 3, URGENT: 2, SOON: 1, SELF_CARE: 0}  # higher is more urgent


def most_urgent(*levels: str) -> str:
    return max(levels, key=RANK.__getitem__, default=SELF_CARE)


# --- What a result says besides its level ----------------------------------------------------------
# A rule may carry these tags; the result page reads them (spec: "What the result says and offers").
CAUDA_EQUINA = "cauda_equina"  # say "I am worried about cauda equina syndrome"
BONE_STRESS = "bone_stress"  # stop running and jumping until checked; no routine
PREGNANT = "pregnant"  # no running routine; ask the midwife or a pelvic health physiotherapist
PREGNANCY_SIGNS = "pregnancy_signs"  # call the maternity unit or midwife now
PREGNANCY_TEST = "pregnancy_test"  # could be pregnant: no running routine; take a test first
RECENT_BIRTH = "recent_birth"  # a birth under 12 weeks ago: no routine or plan; a pelvic health check first
PELVIC_HEALTH = "pelvic_health"  # a birth 3 to 12 months ago: a pelvic health check before running
NO_ROUTINE_TAGS = frozenset({BONE_STRESS, PREGNANT, PREGNANCY_TEST, RECENT_BIRTH})

# --- Questions -----------------------------------------------------------------------------------
# Yes, no and not sure, and their labels, are shared words (backpain.vocabulary).

AGE_MIN, AGE_MAX = 5, 120


@dataclass(frozen=True)
class Question:
    name: str
    text: str  # as asked
    short: str  # in error summaries, results and the printed summary
    choices: tuple[tuple[str, str], ...] = YES_NO_UNSURE  # (value, label); empty for the age
    required: bool = True
    hint: str = ""
    hint_items: tuple[str, ...] = ()  # a bulleted hint: the parts of one question
    many: bool = False  # several answers allowed

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)

    @property
    def texts(self) -> tuple[str, ...]:
        """Every piece of wording a person reads for this question (for the reading-grade test)."""
        return tuple(text for text in (self.text, self.hint, *self.hint_items) if text)

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


def _sign(name, text, **kwargs) -> Question:
    """An emergency or urgent sign: its short words are the shared vocabulary's."""
    return Question(name, text, SIGN_SHORT[name], **kwargs)


EMERGENCY_QUESTIONS = (
    _sign("saddle_numbness", "Does the skin around your genitals or bottom (anus) feel numb, tingly or "
          "different?",
          hint="This includes your inner thighs. For example, it feels different when you wipe after going to "
          "the toilet."),
    _sign("bladder_bowel", "Since your back pain started, do you have new trouble peeing, or new trouble "
          "controlling your bowels?",
          hint="Peeing is hard to start, you can't go, you can't control it, you leak, or you can't tell "
          "when your bladder is full. A leak you already had before the back pain, such as since giving birth, "
          "is not this sign."),
    _sign("sexual_function", "Has sex changed for you in a new way?",
          hint="For example, it is hard to get or keep an erection, or to come (ejaculate). Or you have less "
          "feeling in your penis or vagina."),
    _sign("both_legs", "Does pain go from your back down both legs, or are both legs numb, tingling or weak?",
          hint="Sore leg muscles after a run or a race do not count."),
    _sign("leg_weakness", "Is a leg very weak or numb, or getting worse, or does a foot drag or slap when you walk?"),
    _sign("serious_accident", "Did the pain start after a serious accident?",
          hint="Such as a car crash, a fall from a height or a heavy blow."),
    _sign("chest_pain", "Do you have chest pain, or back pain with shortness of breath?"),
    _sign("collapse_signs", "Do you have sudden, bad back or tummy pain, and feel faint, dizzy, sweaty or "
          "clammy, or a racing heart?"),
    _sign("tearing_pain", "Do you have a sudden, very bad pain in your back or between your shoulder blades?",
          hint="It may feel like tearing or ripping, but it does not have to."),
    _sign("very_unwell", "Do you feel very unwell: confused, very sleepy or hard to wake, or struggling to breathe?",
          hint="Say yes if someone with you thinks so, too."),
)
URGENT_QUESTIONS = (
    _sign("fever", "Do you have a high temperature, or feel hot and shivery?"),
    _sign("weight_loss", "Are you losing weight without trying?"),
    _sign("cancer_history", "Have you ever had cancer?", hint="At any time, even if it was treated."),
    _sign("back_shape", "Is there a lump or swelling on your back, or has your back changed shape?"),
    _sign("night_pain", "Is the pain no better when you rest, even at night?",
          hint="Say yes if lying still does not ease it, or if it is worse at night."),
    _sign("upper_back", "Is the pain high in your back, between the shoulder blades, rather than low down?"),
    _sign("cough_sneeze", "Is the pain much worse when you cough, sneeze or go to the toilet?"),
    _sign("urinary_symptoms", "Do you have any of these signs of a kidney, bladder or muscle problem?",
          hint_items=("It hurts or burns when you pee.", "There is blood in your pee.",
                      "Your pee is very dark brown, like cola, after a hard run or a race.",
                      "You have bad pain in your side, below the ribs, that comes in waves.")),
    _sign("pulsing_tummy", "Can you feel a pulse in your tummy, like a heartbeat?"),
)
FRAGILITY_QUESTIONS = (
    _q("sudden_onset", "Did the pain start suddenly, after a small fall or knock, or while lifting, bending, "
       "coughing or sneezing?", "Started suddenly after a small fall, lifting, bending, coughing or sneezing"),
    _q("bone_weakness", "Could your bones be weak, from thin bones (osteoporosis) or from steroid tablets?",
       "Osteoporosis, or steroid tablets for 3 months or more",
       hint="Say yes if you have osteoporosis, or have taken steroid tablets such as prednisolone for 3 months "
       "or more. Inhalers and creams don't count."),
)
PREGNANCY_QUESTIONS = (
    _q("pregnant", "Are you pregnant, or could you be?", "Pregnant, or could be"),
    _q("pregnancy_signs", "If you are pregnant, or could be: do you have any of these signs?",
       "Signs in pregnancy: tightenings, bleeding or leaking fluid", required=False,
       hint_items=("Your bump tightens, or pain comes and goes in a regular pattern.",
                   "Bleeding from your vagina.", "Fluid leaking from your vagina.")),
    _q("recent_birth", "Have you given birth in the last year?", "Gave birth in the last year", choices=(
        ("no", "No"), ("under_12_weeks", "Yes, less than 12 weeks ago"),
        ("3_to_12_months", "Yes, 3 to 12 months ago"))),
)
SOON_QUESTIONS = (
    _q("age", "How old are you?", "Age", choices=(), hint="In whole years, for example 34."),
    _q("duration", "How long have you had this pain?", "How long the pain has lasted", choices=(
        ("under_1_week", "Less than a week"), ("1_to_4_weeks", "1 to 4 weeks"),
        ("4_to_12_weeks", "4 to 12 weeks"), ("over_12_weeks", "More than 12 weeks"))),
    _q("improving", "Is it getting better?", "Getting better"),
    _q("severe_or_worse", "Is the pain very bad, or does it keep getting worse?",
       "Very bad, or keeps getting worse", required=False),
    _q("leg_pain", "Does the pain spread into one of your legs?", "Pain spreading into a leg", required=False,
       choices=(("none", "No, it stays in my back"),
                ("hip_or_thigh", "Yes, into the buttock, hip or thigh of one leg"),
                ("below_knee", "Yes, below the knee of one leg"))),
    _q("leg_tingling", "Do you have numbness or pins and needles in one leg or foot?",
       "Numbness or pins and needles in one leg or foot", required=False),
    _q("infection_risk", "Are you more likely than most people to get an infection?", "Higher risk of infection",
       required=False,
       hint_items=("Your body finds it hard to fight germs. This can be from cancer drugs (chemotherapy), HIV or "
                   "transplant medicines, or long-term steroids.",
                   "You inject drugs.",
                   "You had surgery, an injection or other treatment on your spine not long ago.")),
    _q("stops_activity", "Does the pain stop you doing day-to-day things, such as work, sleep, getting "
       "dressed or walking to the shops?", "Stops day-to-day things", required=False,
       hint="Not being able to run does not count here."),
    _q("worse_during_run", "Does the pain build during a run, or is it worse after one?",
       "Builds during a run, or worse after", required=False),
    _q("cut_training", "Have you cut your pace or mileage because of the pain?",
       "Has cut pace or mileage because of the pain", required=False),
    _q("stiffness_persists", "Is your back stiff in a way that never fully loosens, or stiffest in the "
       "morning and easing as you move?", "Stiffness that never loosens, or worst in the morning",
       required=False),
    _q("extension_pain", "Is the pain worse when you arch or lean back, or stand on one leg and lean back?",
       "Worse when arching or leaning backwards", required=False),
    _q("energy_bone", "Is any of these true for you?", "Missed periods, under-fuelling, or a past bone stress injury",
       required=False,
       hint_items=("Your periods have stopped, or come less often than they used to.",
                   "You eat too little for the training you do.",
                   "You have had a bone stress injury or a stress fracture before.")),
    _q("worried", "Are you worried about the pain, or finding it hard to cope?",
       "Worried, or struggling to cope", required=False),
)
# The context answers' labels are shared words (backpain.vocabulary).


def _context(name, text, short, **kwargs) -> Question:
    choices = tuple(CONTEXT_LABELS[name].items())
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
    q.name: q for q in (*EMERGENCY_QUESTIONS, *URGENT_QUESTIONS, *FRAGILITY_QUESTIONS, *PREGNANCY_QUESTIONS,
                        *SOON_QUESTIONS, *CONTEXT_QUESTIONS)
}
EMERGENCY_SIGNS = tuple(q.name for q in EMERGENCY_QUESTIONS)
URGENT_SIGNS = tuple(q.name for q in URGENT_QUESTIONS)
CONTEXT_FIELDS = tuple(CONTEXT_LABELS)
# Questions where `yes` means a symptom or risk is present. (`improving` is the exception among the
# yes/no/unsure questions: its `yes` is good news; `training_change` is context and sets no level.)
FLAG_FIELDS = tuple(name for name, q in QUESTIONS.items()
                    if q.values == (YES, NO, UNSURE) and name != "improving")


# --- Tests on one answer -------------------------------------------------------------------------
@dataclass(frozen=True)
class OneOf:
    """The answer is one of these values."""

    values: frozenset

    def __call__(self, answer) -> bool:
        return isinstance(answer, str) and answer in self.values

    def words(self, question: Question) -> str:
        return " or ".join(label for value, label in question.choices if value in self.values)


@dataclass(frozen=True)
class NotYes:
    """Anything but `yes`, including no answer: used for `improving`, where only `yes` is reassuring."""

    def __call__(self, answer) -> bool:
        return answer != YES

    def words(self, question: Question) -> str:
        return " or ".join(label for value, label in question.choices if value != YES)


def _whole(answer) -> bool:
    return isinstance(answer, int) and not isinstance(answer, bool)


@dataclass(frozen=True)
class Under:
    """A whole number below this."""

    limit: int

    def __call__(self, answer) -> bool:
        return _whole(answer) and answer < self.limit

    def words(self, question: Question) -> str:
        return f"under {self.limit}"


@dataclass(frozen=True)
class AtLeast:
    """A whole number of this or more."""

    limit: int

    def __call__(self, answer) -> bool:
        return _whole(answer) and answer >= self.limit

    def words(self, question: Question) -> str:
        return f"{self.limit} or over"


@dataclass(frozen=True)
class Between:
    """A whole number from `low` to `high`, both included."""

    low: int
    high: int

    def __call__(self, answer) -> bool:
        return _whole(answer) and self.low <= answer <= self.high

    def words(self, question: Question) -> str:
        return f"{self.low} to {self.high}"


def one_of(*values: str) -> OneOf:
    return OneOf(frozenset(values))


# --- Conditions and rules ------------------------------------------------------------------------
@dataclass(frozen=True)
class Is:
    """One answer passes a test."""

    field: str
    test: object  # one of the tests above

    @property
    def reads(self) -> tuple[str, ...]:
        return (self.field,)

    def __call__(self, answers: Mapping[str, object]) -> bool:
        return self.test(answers.get(self.field))

    def words(self) -> str:
        question = QUESTIONS[self.field]
        return f"{question.short}: {self.test.words(question)}"


@dataclass(frozen=True)
class Either:
    """At least one of these conditions holds."""

    options: tuple[Is, ...]

    @property
    def reads(self) -> tuple[str, ...]:
        return tuple(option.field for option in self.options)

    def __call__(self, answers: Mapping[str, object]) -> bool:
        return any(option(answers) for option in self.options)

    def words(self) -> str:
        return "any of: " + "; ".join(option.words().lower() if option.field != "age" else option.words()
                                     for option in self.options)


def either(**tests) -> Either:
    return Either(tuple(Is(name, test) for name, test in tests.items()))


@dataclass(frozen=True)
class Rule:
    reason: str  # the field the result names, as data-reason="<reason>"
    when: tuple  # conditions (Is, Either) the answers must all pass
    level: str
    why: str  # one plain line: why this answer matters
    source: str
    tags: frozenset = frozenset()  # what the result must also say (CAUDA_EQUINA, BONE_STRESS, ...)
    changed: str = ""  # what changed in this version, if anything ("New in 2.0", ...)

    @property
    def reads(self) -> tuple[str, ...]:
        """The answers this rule reads."""
        return tuple(name for condition in self.when for name in condition.reads)

    def applies(self, answers: Mapping[str, object]) -> bool:
        return all(condition(answers) for condition in self.when)

    def conditions(self) -> list[str]:
        """Each condition in plain words, for /checker/how-it-decides/."""
        return [condition.words() for condition in self.when]

    def __str__(self):
        return f"{' and '.join(self.conditions())} -> {self.level} ({self.reason})"


def rule(reason: str, level: str, why: str, source: str, *more, tags=(), changed="", **when) -> Rule:
    """A rule: `when` tests single answers by name; `more` adds conditions such as either(...)."""
    conditions = (*(Is(name, test) for name, test in when.items()), *more)
    return Rule(reason, conditions, level, why, source, frozenset(tags), changed)


# Sources.
NHS_BACK = "NHS: Back pain"
NHS_SCIATICA = "NHS: Sciatica"
NHS_CES = "NHS: Cauda equina syndrome"
GIRFT = "GIRFT: National Suspected Cauda Equina Syndrome Pathway (2023)"
HSIB = "HSIB: Timely detection and treatment of cauda equina syndrome (2021)"
BASS = "British Association of Spine Surgeons: cauda equina standards (2018)"
FINUCANE = "Finucane et al., JOSPT 2020 (international framework for red flags)"
NHS_AAA = "NHS: Abdominal aortic aneurysm"
NICE_AAA = "NICE NG156: abdominal aortic aneurysm (2020)"
NICE_UTI = "NICE NG111: pyelonephritis (acute), antimicrobial prescribing"
CHAMP = "O'Connor et al., CHAMP guideline on exertional rhabdomyolysis (2020)"
GOOM = "Goom, Donnelly and Brockwell, returning to running postnatal guideline (2019)"
NICE_PELVIC = "NICE NG210: pelvic floor dysfunction (2021)"
NICE_SPA = "NICE NG65: spondyloarthritis in over 16s"
NHS_ECTOPIC = "NHS: Ectopic pregnancy"
NHS_DISSECTION = "NHS: Aortic dissection"
NHS_SEPSIS = "NHS: Sepsis"
NHS_KIDNEY_INFECTION = "NHS: Kidney infection"
NHS_KIDNEY_STONES = "NHS: Kidney stones"
ACR = "ACR Appropriateness Criteria: low back pain (2021)"
DOWNIE = "Downie et al., BMJ 2013"
HENSCHKE = "Henschke et al., Arthritis Rheum 2009"
NICE = "NICE NG59: low back pain and sciatica in over 16s"
NICE_CKS = "NICE CKS: back pain, low (without radiculopathy)"
NHS_PREGNANCY_BACK = "NHS: Back pain in pregnancy"
NHS_LABOUR = "NHS: Signs that labour has begun"
TOMMYS = "Tommy's: premature labour signs"
MICHELI = "Micheli and Wood, Arch Pediatr Adolesc Med 1995"
MOUNTJOY = "Mountjoy et al., IOC consensus on relative energy deficiency in sport (2018, updated 2023)"
HIGHLAND = "Highland Spine + Sport: why runners develop low back pain"
CES_SOURCES = f"{NHS_CES}; {GIRFT}; {HSIB}; {BASS}"

said_yes, said_unsure, yes_or_unsure = one_of(YES), one_of(UNSURE), one_of(YES, UNSURE)
ONE_WEEK_OR_MORE = one_of("1_to_4_weeks", "4_to_12_weeks", "over_12_weeks")
not_improving = {"improving": NotYes()}
# Leg symptoms that make `unsure` on a cauda equina sign an emergency.
# ... or severe pain, which makes the same doubt an emergency (spec 2.1: BASS 2018).
LEG_SYMPTOMS_OR_SEVERE_PAIN = either(leg_pain=one_of("hip_or_thigh", "below_knee"), leg_tingling=yes_or_unsure,
                                     leg_weakness=yes_or_unsure, severe_or_worse=said_yes)
SEVERE_PAIN = {"severe_or_worse": said_yes}
CE = (CAUDA_EQUINA,)
CE_UNSURE_CHANGED = "Changed in 2.1: not sure is an emergency with leg symptoms (since 2.0) or with severe pain."


def _cauda_equina_rules(name: str, yes_why: str, source: str, changed: str = "") -> tuple[Rule, ...]:
    """yes -> emergency; unsure -> emergency with leg symptoms or severe pain, else urgent (else soon for
    both_legs, whose doubt without any leg symptom is almost always about sore legs after a run)."""
    if name == "both_legs":
        otherwise = rule(name, SOON, "You weren't sure, but you have no other leg symptoms and the pain is not "
                         "severe. Sore legs after running don't count; get checked in the next week or two to "
                         "be sure.", CES_SOURCES, tags=CE, changed="Changed in 2.1: was urgent.",
                         **{name: said_unsure})
    else:
        otherwise = rule(name, URGENT, "You weren't sure. This can be an early sign of cauda equina syndrome, so "
                         "get it checked today.", CES_SOURCES, tags=CE, **{name: said_unsure})
    return (
        rule(name, EMERGENCY, yes_why, source, tags=CE, changed=changed, **{name: said_yes}),
        rule(name, EMERGENCY, "You weren't sure, and you have leg symptoms or severe pain. Any doubt about these "
             "nerves with back or leg pain needs the emergency department.", CES_SOURCES,
             LEG_SYMPTOMS_OR_SEVERE_PAIN, tags=CE, changed=CE_UNSURE_CHANGED, **{name: said_unsure}),
        otherwise,
    )


RULES: tuple[Rule, ...] = (
    # Emergency signs: yes -> emergency. Cauda equina signs: unsure -> emergency with leg symptoms, else
    # urgent. Every other emergency sign: unsure -> urgent.
    *_cauda_equina_rules("saddle_numbness", "Changed feeling around the genitals or bottom can mean the nerves at "
                         "the base of the spine are squashed (cauda equina syndrome). Quick treatment can prevent "
                         "lasting damage.", f"{CES_SOURCES}; {FINUCANE}"),
    *_cauda_equina_rules("bladder_bowel", "New bladder or bowel trouble can be a sign of cauda equina syndrome. "
                         "It needs emergency treatment to protect the nerves.", f"{CES_SOURCES}; {NHS_BACK}",
                         changed="Changed in 2.1: the question says the trouble started with or since the back "
                         "pain."),
    *_cauda_equina_rules("sexual_function", "A new change in sex or in feeling in the genitals can be a sign of "
                         "cauda equina syndrome.", CES_SOURCES,
                         changed="Changed in 2.0: the question now gives examples; the old one was too vague."),
    *_cauda_equina_rules("both_legs", "Symptoms in both legs can mean several nerves are squashed at once, as in "
                         "cauda equina syndrome.", f"{CES_SOURCES}; {NHS_SCIATICA}",
                         changed="Changed in 2.0: sore legs after a run no longer count."),
    rule("leg_weakness", EMERGENCY, "Bad or worsening weakness, or a foot that drags, means a nerve may be badly "
         "squashed. Quick treatment gives it the best chance to recover.", f"{NHS_SCIATICA}; {NHS_CES}; {FINUCANE}",
         leg_weakness=said_yes),
    rule("leg_weakness", URGENT, "You weren't sure. Weakness in a leg can mean a nerve is squashed, so get it "
         "checked today.", f"{NHS_SCIATICA}; {FINUCANE}", leg_weakness=said_unsure),
    rule("serious_accident", EMERGENCY, "A serious accident can break a bone in the spine. It needs checking in "
         "hospital straight away.", f"{NHS_BACK}; {FINUCANE}", serious_accident=said_yes),
    rule("serious_accident", URGENT, "You weren't sure. After an accident, a broken bone in the spine needs "
         "ruling out today.", f"{NHS_BACK}; {FINUCANE}", serious_accident=said_unsure),
    rule("chest_pain", EMERGENCY, "Chest pain, or being out of breath with back pain, can come from the heart, "
         "the lungs or a major blood vessel.", f"{NHS_BACK}; {FINUCANE}", chest_pain=said_yes),
    rule("chest_pain", URGENT, "You weren't sure. Chest pain or being out of breath can have a serious cause, so "
         "get it checked today.", f"{NHS_BACK}; {FINUCANE}", chest_pain=said_unsure),
    rule("collapse_signs", EMERGENCY, "Sudden bad pain and feeling faint can mean a big blood vessel in the tummy "
         "has burst. This is called a burst aortic aneurysm.", NHS_AAA, collapse_signs=said_yes,
         changed="New in 2.0."),
    rule("collapse_signs", EMERGENCY, "You weren't sure, and you can feel a pulse in your tummy. A swollen blood "
         "vessel there that hurts may be leaking.", f"{NHS_AAA}; {NICE_AAA}", collapse_signs=said_unsure,
         pulsing_tummy=yes_or_unsure, changed="New in 2.1."),
    rule("collapse_signs", URGENT, "You weren't sure. Sudden pain with feeling faint can have a serious cause, "
         "so get it checked today.", NHS_AAA, collapse_signs=said_unsure, changed="New in 2.0."),
    rule("tearing_pain", EMERGENCY, "A sudden, severe pain in the back can mean a tear in the body's main blood "
         "vessel. This is called aortic dissection.", NHS_DISSECTION, tearing_pain=said_yes,
         changed="Changed in 2.1: the pain does not have to feel like tearing."),
    rule("tearing_pain", EMERGENCY, "You weren't sure, and the pain is severe. Sudden, severe pain high in the back "
         "needs checking at once.", NHS_DISSECTION, tearing_pain=said_unsure, **SEVERE_PAIN,
         changed="New in 2.1."),
    rule("tearing_pain", URGENT, "You weren't sure. A sudden, severe pain in the back can have a serious cause, "
         "so get it checked today.", NHS_DISSECTION, tearing_pain=said_unsure, changed="New in 2.0."),
    rule("very_unwell", EMERGENCY, "Feeling confused, very sleepy or short of breath can mean a very bad "
         "infection. This is called sepsis.", NHS_SEPSIS, very_unwell=said_yes, changed="New in 2.0."),
    rule("very_unwell", URGENT, "You weren't sure. Feeling very unwell with back pain can be a sign of a serious "
         "infection, so get it checked today.", NHS_SEPSIS, very_unwell=said_unsure, changed="New in 2.0."),
    # Urgent signs: yes -> urgent; unsure -> soon.
    rule("fever", URGENT, "Back pain with a high temperature can mean an infection in or near the spine.",
         f"{NHS_BACK}; {ACR}", fever=said_yes),
    rule("fever", URGENT, "You weren't sure about a temperature, and you are pregnant. A kidney infection in "
         "pregnancy needs care today.", f"{NICE_UTI}; {NHS_KIDNEY_INFECTION}", fever=said_unsure,
         pregnant=said_yes, changed="New in 2.1."),
    rule("fever", SOON, "You weren't sure about a temperature. Mention it, as infection needs ruling out.",
         f"{NHS_BACK}; {ACR}", fever=said_unsure),
    rule("weight_loss", URGENT, "Losing weight without trying, with back pain, needs checking for a serious "
         "cause such as cancer.", f"{NHS_BACK}; {ACR}", weight_loss=said_yes),
    rule("weight_loss", SOON, "You weren't sure about weight loss. A doctor can check whether it matters.",
         f"{NHS_BACK}; {ACR}", weight_loss=said_unsure),
    rule("cancer_history", URGENT, "Having had cancer is the most useful single warning sign that back pain "
         "could come from cancer in the spine.", f"{DOWNIE}; {ACR}", cancer_history=said_yes),
    rule("cancer_history", SOON, "You weren't sure about past cancer. Tell the doctor what treatment you have "
         "had.", f"{DOWNIE}; {ACR}", cancer_history=said_unsure),
    rule("back_shape", URGENT, "A lump, a swelling or a change in shape can be a sign of a broken bone, an "
         "infection or a growth.", f"{NHS_BACK}; {ACR}", back_shape=said_yes),
    rule("back_shape", SOON, "You weren't sure about a lump or change in shape. Ask a professional to look.",
         f"{NHS_BACK}; {ACR}", back_shape=said_unsure),
    rule("night_pain", URGENT, "Pain that rest does not ease, or that is worse at night, is more often from an "
         "infection or a growth than from running.", f"{NHS_BACK}; {ACR}", night_pain=said_yes,
         changed="Changed in 2.0: now asked as one question."),
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
    rule("urinary_symptoms", URGENT, "Pain when peeing, blood in your pee or pain in waves in your side can mean a "
         "kidney infection or a kidney stone. Dark pee after a race can mean muscle breakdown "
         "(rhabdomyolysis), which needs a blood test today.", f"{NHS_KIDNEY_INFECTION}; {NHS_KIDNEY_STONES}; {CHAMP}",
         urinary_symptoms=said_yes, changed="Changed in 2.1: dark pee after a hard run or race is asked about."),
    rule("urinary_symptoms", URGENT, "You weren't sure about these signs, and the pain is severe or you are "
         "pregnant. Get your pee and blood checked today.", f"{CHAMP}; {NICE_UTI}; {NHS_KIDNEY_INFECTION}",
         either(severe_or_worse=said_yes, pregnant=said_yes), urinary_symptoms=said_unsure,
         changed="New in 2.1."),
    rule("urinary_symptoms", SOON, "You weren't sure about these signs. A doctor can test your pee to check.",
         f"{NHS_KIDNEY_INFECTION}; {NHS_KIDNEY_STONES}", urinary_symptoms=said_unsure, changed="New in 2.0."),
    rule("pulsing_tummy", EMERGENCY, "A pulse in your tummy with bad pain can mean a swollen blood vessel there "
         "is leaking. It needs help now.", f"{NICE_AAA}; {NHS_AAA}", pulsing_tummy=said_yes,
         **SEVERE_PAIN, changed="New in 2.1."),
    rule("pulsing_tummy", URGENT, "A pulse you can feel in your tummy can mean the main blood vessel there has "
         "swollen (aortic aneurysm). It needs checking today.", NHS_AAA, pulsing_tummy=said_yes,
         changed="New in 2.0."),
    rule("pulsing_tummy", SOON, "You weren't sure about a pulse in your tummy. A doctor can check it.", NHS_AAA,
         pulsing_tummy=said_unsure, changed="New in 2.0."),
    # Infection risk: soon on its own; urgent with severe or unremitting pain (fever is often absent).
    rule("infection_risk", URGENT, "If you catch infections easily, bad or constant pain can mean an infection in "
         "the spine. There may be no fever.", f"{NICE_CKS}; {FINUCANE}", either(
             severe_or_worse=said_yes, night_pain=yes_or_unsure, fever=said_unsure), infection_risk=said_yes,
         changed="New in 2.0."),
    rule("infection_risk", SOON, "If you catch germs easily, or had work done on your spine not long ago, a "
         "spine infection is more likely.", f"{FINUCANE}; {NICE}", infection_risk=said_yes),
    # A possible fragility fracture: sudden onset with weak bones or age 70+.
    rule("sudden_onset", URGENT, "With weak bones, or at 70 or over, a small fall, lifting or even a cough can "
         "break a bone in the spine. This is a fragility fracture.", f"{HENSCHKE}; {DOWNIE}; {NICE_CKS}",
         either(bone_weakness=said_yes, age=AtLeast(70)), sudden_onset=said_yes,
         changed="Changed in 2.0: was minor_fall; now also lifting, bending, coughing and sneezing."),
    rule("sudden_onset", SOON, "You weren't sure how it started. With weak bones or at 70 or over, a small "
         "break is possible, so get it checked.", f"{HENSCHKE}; {DOWNIE}; {NICE_CKS}",
         either(bone_weakness=said_yes, age=AtLeast(70)), sudden_onset=said_unsure,
         changed="Changed in 2.0: was minor_fall."),
    rule("bone_weakness", SOON, "Weak bones, or steroid tablets for a long time, make a small break in the spine "
         "more likely.", DOWNIE, bone_weakness=said_yes, changed="New in 2.0: on its own it was no reason."),
    # Pregnancy.
    rule("pregnancy_signs", URGENT, "Tightenings, bleeding or leaking fluid can mean your baby may be coming early. "
         "Call your maternity unit or midwife now.", f"{TOMMYS}; {NHS_LABOUR}",
         pregnancy_signs=said_yes, pregnant=yes_or_unsure, tags=(PREGNANCY_SIGNS,), changed="New in 2.0."),
    rule("pregnancy_signs", URGENT, "You weren't sure about these signs. Maternity units ask anyone who is not "
         "sure to call them now.", f"{TOMMYS}; {NHS_LABOUR}", pregnancy_signs=said_unsure, pregnant=said_yes,
         tags=(PREGNANT, PREGNANCY_SIGNS), changed="Changed in 2.1: was soon."),
    rule("pregnancy_signs", SOON, "You weren't sure about these signs, or whether you are pregnant. Take a "
         "pregnancy test, and ask a doctor or midwife about the signs.", f"{TOMMYS}; {NHS_ECTOPIC}",
         pregnancy_signs=said_unsure, pregnant=said_unsure, changed="New in 2.1."),
    rule("pregnant", SOON, "Back and pelvic pain in pregnancy is common. A midwife, doctor or physiotherapist can "
         "help.", NHS_PREGNANCY_BACK, pregnant=said_yes, tags=(PREGNANT,), changed="New in 2.0."),
    rule("pregnant", SELF_CARE, "You weren't sure whether you could be pregnant. Take a pregnancy test first. If "
         "it is positive, tell your midwife or doctor about the back pain.", NHS_PREGNANCY_BACK,
         pregnant=said_unsure, tags=(PREGNANCY_TEST,), changed="New in 2.1: no running routine until you know."),
    # A recent birth.
    rule("recent_birth", SOON, "Wait until about 12 weeks after a birth before you run. First get the muscles "
         "that hold up your bladder checked (the pelvic floor).", f"{GOOM}; {NICE_PELVIC}",
         recent_birth=one_of("under_12_weeks"), tags=(RECENT_BIRTH,), changed="New in 2.1."),
    rule("recent_birth", SELF_CARE, "After a birth in the last year, a pelvic health check before you go back to "
         "running is a good idea. A leak when you run is common and can be treated.", f"{GOOM}; {NICE_PELVIC}",
         recent_birth=one_of("3_to_12_months"), tags=(PELVIC_HEALTH,), changed="New in 2.1."),
    # Reasons to see a professional soon. `unsure` or no answer changes nothing here unless stated.
    rule("age", SOON, "This guide is written for adults. Back pain under 16 should be checked by a doctor or "
         "physiotherapist.", NICE, age=Under(16)),
    rule("age", SOON, "In teenage athletes, back pain that lasts a week or more is often a small break in the "
         "spine (spondylolysis).", MICHELI, age=Between(16, 19), duration=ONE_WEEK_OR_MORE, tags=(BONE_STRESS,),
         changed="New in 2.0."),
    rule("age", SOON, "At 70 or over, new back pain is more likely to have a cause such as a broken bone.",
         HENSCHKE, age=AtLeast(70), changed="New in 2.0."),
    rule("leg_pain", SOON, "Pain spreading into the leg can come from an irritated nerve (sciatica). It is not "
         "getting better, so a professional should check the nerve.", NHS_SCIATICA,
         leg_pain=one_of("hip_or_thigh", "below_knee"), **not_improving,
         changed="Changed in 2.0: only when it is not getting better."),
    rule("leg_tingling", SOON, "Numbness or pins and needles in one leg can mean a nerve is irritated.",
         NHS_SCIATICA, leg_tingling=said_yes),
    rule("improving", SOON, "Back pain that has not started to get better within a few weeks should be checked.",
         NHS_BACK, improving=one_of(NO), duration=ONE_WEEK_OR_MORE),
    rule("duration", SOON, "Pain for more than 4 weeks that is not clearly getting better needs a proper "
         "check.", f"{NHS_BACK}; {NICE}", duration=one_of("4_to_12_weeks"), **not_improving),
    rule("duration", SOON, "Pain for more than 12 weeks is long-term pain. It deserves a proper check, whatever "
         "else is going on.", NICE, duration=one_of("over_12_weeks")),
    rule("severe_or_worse", SOON, "Very bad or worsening pain should be checked, not managed alone.",
         NHS_BACK, severe_or_worse=said_yes),
    rule("stops_activity", SOON, "If pain stops you doing everyday things, get help to get going again.",
         NHS_BACK, stops_activity=said_yes,
         changed="Changed in 2.1: day-to-day things only; not being able to run does not count."),
    # worse_during_run and cut_training are still asked (they point at load-related causes) but set no
    # level in 2.1: every case where they mattered is soon by the improving and duration rules.
    rule("stiffness_persists", SOON, "Stiffness that has lasted 4 weeks or more and never loosens, or is worst in "
         "the morning, can mean swelling in the joints of the back. This is inflammatory back pain.",
         f"{NICE_SPA}; {NICE}", stiffness_persists=said_yes, duration=one_of("4_to_12_weeks", "over_12_weeks"),
         changed="Changed in 2.1: only when the pain has lasted 4 weeks or more."),
    rule("extension_pain", SOON, "Under 20, pain when leaning back can be a stress fracture in the spine "
         "(spondylolysis). It is common in young athletes.", MICHELI, extension_pain=yes_or_unsure,
         age=Under(20), tags=(BONE_STRESS,), changed="Changed in 2.0: not sure now counts too."),
    rule("extension_pain", SOON, "From 20 to 24, pain when you lean back that lasts a week or more can still be "
         "a stress fracture in the spine (spondylolysis).", MICHELI, extension_pain=yes_or_unsure,
         age=Between(20, 24), duration=ONE_WEEK_OR_MORE, tags=(BONE_STRESS,), changed="New in 2.1."),
    rule("energy_bone", SOON, "Missed periods, eating too little or a past bone stress injury make a bone "
         "stress injury more likely. This is low energy in sport (RED-S).", MOUNTJOY,
         energy_bone=said_yes, tags=(BONE_STRESS,), changed="Changed in 2.0: now stop running until checked."),
    rule("worried", SOON, "Worry and finding it hard to cope are good reasons to get support.", NHS_BACK,
         worried=said_yes),
)

# What changed from the previous version, and why (the specification's closing table).
CHANGES: tuple[tuple[str, str], ...] = (
    ("Not sure about a cauda equina sign with severe pain is now an emergency (it was urgent without leg "
     "symptoms).", "Back pain with any possible change in bladder, bowel or saddle feeling is suspected cauda "
     "equina syndrome (BASS 2018)."),
    ("Not sure about pain in both legs, with no other leg symptom and no severe pain, is now soon (it was "
     "urgent).", "A runner not sure whether sore legs after a marathon count was sent for a same-day "
     "appointment."),
    ("Not sure about sudden pain with feeling faint, with a pulse in the tummy, is now an emergency. A pulse in "
     "the tummy with severe pain is an emergency.", "A swollen blood vessel in the tummy that hurts or leaks is "
     "an emergency (NICE NG156)."),
    ("The question about a sudden tearing pain now asks about sudden, severe pain, which may feel like tearing. "
     "Not sure, with severe pain, is an emergency.", "NHS: sudden, severe upper back pain is an emergency. \"Tearing\" "
     "describes the pain; it is not needed."),
    ("In pregnancy, not sure about the signs of labour, the kidney and bladder signs or a temperature is now "
     "urgent.", "Maternity units ask people who are not sure to call now. A kidney infection in pregnancy needs "
     "care the same day."),
    ("Not sure whether you could be pregnant: no running routine, and take a test. The signs in pregnancy count "
     "then too.", "Pain from a possible ectopic pregnancy got self-care and a running routine."),
    ("New question: have you given birth in the last year?", "A runner six weeks after a birth got a running "
     "routine. A leak since the birth read as cauda equina."),
    ("The bladder and bowel question says the trouble started with or since the back pain.", "The same case."),
    ("The kidney and bladder question asks about dark pee after a race. Not sure, with severe pain, is urgent.",
     "Muscle breakdown after exercise (exertional rhabdomyolysis) needs blood tests the same day."),
    ("Pain when leaning back counts from 20 to 24 too, after a week.", "A stress fracture of the spine "
     "(spondylolysis) is still seen in the early twenties."),
    ("Pain that builds during runs and cutting your training no longer change the level. Stiffness counts only "
     "from 4 weeks. Stopping day-to-day things means daily life, not running.", "Five rules sent ordinary "
     "runners' pain that was settling to a doctor. The cases they were meant for are soon by other rules."),
)
# Kept on purpose, though an independent reviewer judged it cautious (the specification says so too).
KEPT_ON_PURPOSE = ("Having had cancer is urgent whatever else you answer: a past cancer is the most useful "
                   "single warning sign (Downie et al. 2013).")
# The table before that (1.0 to 2.0), kept on the page as history.
EARLIER_VERSION = "1.0"
EARLIER_CHANGES: tuple[tuple[str, str], ...] = (
    ("New emergency questions: sudden, severe pain with feeling faint; a tearing pain; feeling very unwell.",
     "A burst aortic aneurysm, a torn aorta and sepsis can show up as back pain. Version 1.0 only reached "
     "urgent for them."),
    ("Not sure about a cauda equina sign, with leg symptoms, is now an emergency (it was urgent).",
     "Any possible change in bladder, bowel, saddle or sexual feeling with back or leg pain goes to the "
     "emergency department (BASS 2018, GIRFT 2023). The HSIB reference case was exactly this."),
    ("The question about both legs is reworded.",
     "\"Pain in both legs\" alone read a runner's sore legs after a marathon as cauda equina syndrome."),
    ("The question about sexual function is reworded.", "\"A change in sexual function\" was too vague to answer."),
    ("New urgent questions: signs of a kidney or bladder problem; a pulse in the tummy.",
     "Kidney infection, kidney stones and an aneurysm that has not burst were never asked about."),
    ("A higher risk of infection with bad or constant pain is now urgent.", "Infection in the spine often "
     "comes without a temperature."),
    ("The minor fall question (minor_fall) is now sudden_onset, and includes lifting, bending, coughing and "
     "sneezing. Weak bones on their own now mean soon.", "These are the usual causes of a fragility fracture."),
    ("New questions about pregnancy.", "A pregnant runner was given self-care and a running routine."),
    ("Age 70 or over is now soon; age 16 to 19 with pain for a week or more is soon; not sure about pain "
     "when leaning back counts under 20.", "Age makes a broken bone more likely. Lasting back pain in "
     "teenagers is often a stress fracture (spondylolysis)."),
    ("Leg pain, pain that builds during runs and cutting your training now mean soon only when the pain is "
     "not getting better.", "Sciatica that is settling is self-care (NHS). Cutting mileage is what self-care "
     "advises."),
    ("No routine for a possible bone stress injury or in pregnancy. The emergency result says not to drive "
     "and to say \"cauda equina\".", "A running warm-up was offered to a possible stress fracture."),
    ("The question about pain at rest or at night is one question now.", "Version 1.0 asked two things at once."),
    ("This page.", "Every rule, its source and its version are public."),
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
    tags: frozenset = frozenset()  # from every rule that fired

    @property
    def label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def offers_routine(self) -> bool:
        """A routine only for soon and self-care, and never for suspected bone stress or pregnancy."""
        return self.level in ROUTINE_LEVELS and not self.tags & NO_ROUTINE_TAGS

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(reason.field for reason in self.reasons)

    @property
    def cauda_equina(self) -> bool:
        return CAUDA_EQUINA in self.tags

    @property
    def bone_stress(self) -> bool:
        return BONE_STRESS in self.tags

    @property
    def pregnant(self) -> bool:
        return PREGNANT in self.tags

    @property
    def pregnancy_signs(self) -> bool:
        return PREGNANCY_SIGNS in self.tags

    @property
    def pregnancy_test(self) -> bool:
        return PREGNANCY_TEST in self.tags

    @property
    def recent_birth(self) -> bool:
        """A birth under 12 weeks ago: no routine or plan, a pelvic health check first."""
        return RECENT_BIRTH in self.tags

    @property
    def pelvic_health(self) -> bool:
        """A birth 3 to 12 months ago: the routine, with a note about a pelvic health check."""
        return PELVIC_HEALTH in self.tags

    @property
    def advice_key(self) -> str:
        """The level and tags: all that the advice at the top of a result depends on."""
        return "-".join((self.level, *sorted(self.tags)))


def _outcome(fired: list[Rule], answers: Mapping[str, object]) -> Outcome:
    fired = sorted(fired, key=lambda r: -RANK[r.level])  # stable
    reasons: dict[str, Reason] = {}
    for r in fired:
        # A self-care rule changes what the result says (its tags), not the level: it is no reason.
        if r.level != SELF_CARE and r.reason not in reasons:  # a field is named once, at its most urgent
            question = QUESTIONS[r.reason]
            reasons[r.reason] = Reason(r.reason, r.level, question.short, question.describe(answers.get(r.reason)),
                                       r.why, r.source)
    level = fired[0].level if fired else SELF_CARE
    return Outcome(level, tuple(reasons.values()), frozenset(tag for r in fired for tag in r.tags))


def triage(answers: Mapping[str, object]) -> Outcome:
    """The most urgent level any rule sets, with every answer that triggered one."""
    return _outcome([r for r in RULES if r.applies(answers)], answers)


def emergency_signs(answers: Mapping[str, object]) -> Outcome | None:
    """The emergency, if the answers so far already make one: what the checker shows at once, mid-way.

    Only emergency rules count, and each reads answers that are there (a yes, or a not-sure with
    leg symptoms), so it is safe to run on a form that is not finished or not valid.
    """
    fired = [r for r in RULES if r.level == EMERGENCY and r.applies(answers)]
    return _outcome(fired, answers) if fired else None


def rules_by_level() -> list[tuple[str, list[Rule]]]:
    """Every rule that sets a level, grouped by it, most urgent first (for /checker/how-it-decides/)."""
    return [(level, [r for r in RULES if r.level == level]) for level in LEVELS if level != SELF_CARE]


def result_notes() -> list[Rule]:
    """The rules that change what a result says or offers, but not its level."""
    return [r for r in RULES if r.level == SELF_CARE]
