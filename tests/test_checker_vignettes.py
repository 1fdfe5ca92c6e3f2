"""Clinical vignettes: each a set of answers POSTed to /checker/, with the level and reasons expected.

Every rule on its own, every `unsure` escalation, the age boundaries, duration with improving, several
flags at once and all-clear cases. The result is read from the page's machine markup:
data-triage-level on the outcome and data-reason on each triggering answer.
"""

from html.parser import HTMLParser

import pytest

from backpain.checker import rules

# An adult whose answers trigger nothing: every required question answered, nothing alarming.
ALL_CLEAR = {
    **{name: "no" for name in (*rules.EMERGENCY_SIGNS, *rules.URGENT_SIGNS, "minor_fall", "bone_weakness")},
    "age": "35", "duration": "under_1_week", "improving": "yes",
}


class Markup(HTMLParser):
    """Collects data-triage-level and data-reason from a page."""

    def __init__(self, html: str):
        super().__init__()
        self.levels: list[str] = []
        self.reasons: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-triage-level" in attrs:
            self.levels.append(attrs["data-triage-level"])
        if "data-reason" in attrs:
            self.reasons.append(attrs["data-reason"])


def answers(**overrides) -> dict:
    data = {**ALL_CLEAR, **{name: str(value) for name, value in overrides.items()}}
    return {name: value for name, value in data.items() if value != "None"}  # None: leave it out


def check(client, data) -> tuple[str, set[str]]:
    response = client.post("/checker/", data)
    assert response.status_code == 200, response.content.decode()[:2000]
    markup = Markup(response.content.decode())
    assert len(markup.levels) == 1, markup.levels
    assert len(markup.reasons) == len(set(markup.reasons)), "each reason once"
    return markup.levels[0], set(markup.reasons)


def case(case_id, level, reasons=(), **overrides):
    return pytest.param(overrides, level, set(reasons), id=case_id)


E, U, S, C = rules.EMERGENCY, rules.URGENT, rules.SOON, rules.SELF_CARE

VIGNETTES = [
    # Emergency signs: yes -> emergency; unsure -> urgent.
    *[case(f"{name}-yes", E, [name], **{name: "yes"}) for name in rules.EMERGENCY_SIGNS],
    *[case(f"{name}-unsure", U, [name], **{name: "unsure"}) for name in rules.EMERGENCY_SIGNS],
    # Urgent signs: yes -> urgent; unsure -> soon.
    *[case(f"{name}-yes", U, [name], **{name: "yes"}) for name in rules.URGENT_SIGNS],
    *[case(f"{name}-unsure", S, [name], **{name: "unsure"}) for name in rules.URGENT_SIGNS],
    # A possible fragility fracture needs the fall and (weak bones or 70+); neither alone counts.
    case("fall-yes-weak-bones", U, ["minor_fall"], minor_fall="yes", bone_weakness="yes"),
    case("fall-yes-age-70", U, ["minor_fall"], minor_fall="yes", age=70),
    case("fall-yes-age-69", C, minor_fall="yes", age=69),
    case("fall-yes-healthy-35", C, minor_fall="yes"),
    case("fall-yes-weak-bones-unsure", C, minor_fall="yes", bone_weakness="unsure"),
    case("fall-yes-weak-bones-and-80", U, ["minor_fall"], minor_fall="yes", bone_weakness="yes", age=80),
    case("fall-unsure-weak-bones", S, ["minor_fall"], minor_fall="unsure", bone_weakness="yes"),
    case("fall-unsure-age-70", S, ["minor_fall"], minor_fall="unsure", age=70),
    case("fall-unsure-age-69", C, minor_fall="unsure", age=69),
    case("weak-bones-no-fall", C, bone_weakness="yes"),
    case("weak-bones-no-fall-age-90", C, bone_weakness="yes", age=90),
    case("age-70-alone", C, age=70),
    # Age boundaries.
    case("age-15", S, ["age"], age=15),
    case("age-16", C, age=16),
    case("age-5-youngest", S, ["age"], age=5),
    case("age-120-oldest", C, age=120),
    case("extension-pain-age-19", S, ["extension_pain"], extension_pain="yes", age=19),
    case("extension-pain-age-20", C, extension_pain="yes", age=20),
    case("extension-pain-age-15", S, ["age", "extension_pain"], extension_pain="yes", age=15),
    case("extension-pain-unsure-age-19", C, extension_pain="unsure", age=19),
    # Duration and improving.
    case("under-1-week-not-improving", C, duration="under_1_week", improving="no"),
    case("under-1-week-unsure", C, duration="under_1_week", improving="unsure"),
    case("1-4-weeks-not-improving", S, ["improving"], duration="1_to_4_weeks", improving="no"),
    case("1-4-weeks-unsure", C, duration="1_to_4_weeks", improving="unsure"),
    case("1-4-weeks-improving", C, duration="1_to_4_weeks", improving="yes"),
    case("4-12-weeks-not-improving", S, ["improving", "duration"], duration="4_to_12_weeks", improving="no"),
    case("4-12-weeks-unsure", S, ["duration"], duration="4_to_12_weeks", improving="unsure"),
    case("4-12-weeks-improving", C, duration="4_to_12_weeks", improving="yes"),
    case("over-12-weeks-improving", S, ["duration"], duration="over_12_weeks", improving="yes"),
    case("over-12-weeks-not-improving", S, ["duration", "improving"], duration="over_12_weeks", improving="no"),
    case("over-12-weeks-unsure", S, ["duration"], duration="over_12_weeks", improving="unsure"),
    # Reasons to see someone soon, each on its own.
    case("infection-risk", S, ["infection_risk"], infection_risk="yes"),
    case("leg-pain-hip-or-thigh", S, ["leg_pain"], leg_pain="hip_or_thigh"),
    case("leg-pain-below-knee", S, ["leg_pain"], leg_pain="below_knee"),
    case("leg-pain-none", C, leg_pain="none"),
    case("leg-tingling", S, ["leg_tingling"], leg_tingling="yes"),
    case("severe-or-worse", S, ["severe_or_worse"], severe_or_worse="yes"),
    case("stops-activity", S, ["stops_activity"], stops_activity="yes"),
    case("worse-during-run", S, ["worse_during_run"], worse_during_run="yes"),
    case("cut-training", S, ["cut_training"], cut_training="yes"),
    case("stiffness-persists", S, ["stiffness_persists"], stiffness_persists="yes"),
    case("energy-bone", S, ["energy_bone"], energy_bone="yes"),
    case("worried", S, ["worried"], worried="yes"),
    # Soon-level questions answered unsure change nothing.
    case("soon-questions-unsure", C, infection_risk="unsure", leg_tingling="unsure", severe_or_worse="unsure",
         stops_activity="unsure", worse_during_run="unsure", cut_training="unsure", stiffness_persists="unsure",
         extension_pain="unsure", energy_bone="unsure", worried="unsure"),
    # Several flags at once: the most urgent level wins and every trigger is listed.
    case("infection-risk-with-fever", U, ["fever", "infection_risk"], infection_risk="yes", fever="yes"),
    case("emergency-urgent-and-soon", E, ["saddle_numbness", "fever", "leg_pain"],
         saddle_numbness="yes", fever="yes", leg_pain="below_knee"),
    case("all-emergency-signs", E, rules.EMERGENCY_SIGNS, **{name: "yes" for name in rules.EMERGENCY_SIGNS}),
    case("emergency-unsure-and-urgent-yes", U, ["bladder_bowel", "fever"], bladder_bowel="unsure", fever="yes"),
    case("chest-pain-fall-and-chronic", E, ["chest_pain", "minor_fall", "duration"],
         chest_pain="yes", minor_fall="yes", bone_weakness="yes", duration="over_12_weeks"),
    case("two-unsure-signs", U, ["both_legs", "weight_loss"], both_legs="unsure", weight_loss="unsure"),
    case("cancer-unsure-and-worried", S, ["cancer_history", "worried"], cancer_history="unsure", worried="yes"),
    case("teenager-chronic-severe", S, ["age", "duration", "improving", "severe_or_worse", "extension_pain"],
         age=14, duration="over_12_weeks", improving="no", severe_or_worse="yes", extension_pain="yes"),
    case("runner-soon-signs", S, ["worse_during_run", "cut_training", "stiffness_persists", "leg_tingling"],
         worse_during_run="yes", cut_training="yes", stiffness_persists="yes", leg_tingling="yes"),
    case("urgent-and-emergency-unsure", U, ["cancer_history", "night_pain", "leg_weakness"],
         cancer_history="yes", night_pain="yes", leg_weakness="unsure"),
    case("fall-unsure-and-fever-unsure-age-75", S, ["minor_fall", "fever"],
         minor_fall="unsure", fever="unsure", age=75),
    case("everything-yes", E,
         [*rules.EMERGENCY_SIGNS, *rules.URGENT_SIGNS, "minor_fall", "infection_risk", "leg_pain", "leg_tingling",
          "improving", "duration", "severe_or_worse", "stops_activity", "worse_during_run", "cut_training",
          "stiffness_persists", "extension_pain", "energy_bone", "worried", "age"],
         **{name: "yes" for name in rules.FLAG_FIELDS}, age=15, duration="4_to_12_weeks", improving="no",
         leg_pain="below_knee"),
    # All clear.
    case("all-clear", C),
    case("all-clear-with-context", C, training_change="yes", shoe_miles="over_500", surface="road",
         strength_training="never", sitting_hours="over_8", pain_timing="after_sitting"),
    case("all-clear-soon-questions-no", C, leg_pain="none", **{name: "no" for name in (
        "infection_risk", "leg_tingling", "severe_or_worse", "stops_activity", "worse_during_run", "cut_training",
        "stiffness_persists", "extension_pain", "energy_bone", "worried")}),
    case("all-clear-age-69", C, age=69),
    case("all-clear-improving-after-a-month", C, duration="1_to_4_weeks", improving="yes"),
]


def test_there_are_at_least_sixty_vignettes():
    assert len(VIGNETTES) >= 60


def test_every_rule_is_exercised_by_a_vignette():
    fired = set()
    for param in VIGNETTES:
        overrides = param.values[0]
        data = {**ALL_CLEAR, **overrides}
        data["age"] = int(data["age"])
        fired.update(rule for rule in rules.RULES if rule.applies(data))
    assert fired == set(rules.RULES), [str(rule) for rule in set(rules.RULES) - fired]


@pytest.mark.django_db
@pytest.mark.parametrize(("overrides", "level", "reasons"), VIGNETTES)
def test_vignette(client, overrides, level, reasons):
    assert check(client, answers(**overrides)) == (level, reasons)


@pytest.mark.django_db
def test_pain_timing_with_several_answers_is_context_only(client):
    data = answers()
    data["pain_timing"] = ["during_runs", "after_runs", "mornings", "after_sitting"]
    assert check(client, data) == (C, set())
