"""The check-in after a session, version 2: the answers in, one decision out (move up, repeat, step back
or stop), with its reason in plain words. Pure: no Django, no database, nothing stored.

The specification is return-to-running.md (check-in version 2, kept beside the project); if this file
and it ever differ, the specification wins. The first rule that applies decides:

1. An emergency sign, yes or not sure: stop (with the emergency advice first for a yes).
2. A warning sign since the last check-in (a temperature, night pain, new leg numbness or weakness,
   weight loss, pain worse day by day), yes or not sure: stop, and use the symptom checker today.
3. Pain during the session or later that day of 8 or more: stop.
4. Pain during or after over 5 (red): step back a stage.
5. The next morning worse than usual: step back.
6. Worse than a week ago: step back (pain must not rise from week to week).
7. A longer, further or faster run than the stage says: repeat the stage (Garmin-RUNSAFE).
8. Pain of 4 or 5 (amber) during or after, or another part hurting at 4 or more: repeat.
9. The stage not yet finished in full in two sessions: repeat (the ASTEROID trial's rule).
10. The last stage: repeat (keep doing it).
11. Otherwise move up one stage.

A step back never goes below stage 1, and a move up is never more than one stage. "At most one stage a
week" is the plan's side of the rule: its weeks have one stage each.
"""

from __future__ import annotations

from dataclasses import dataclass

from backpain.vocabulary import CHECK_IN_WARNING_SIGNS, NO, UNSURE, YES, answer_choices

from .plan import AMBER, BY_NUMBER, FIRST_STAGE, LAST_STAGE, PAIN_MAX, PAIN_MIN, RED, pain_zone

CHECK_IN_VERSION = 2

# Answers: yes, no and not sure are shared words (backpain.vocabulary); the check-in asks no first.
YES_NO_UNSURE_CHOICES = answer_choices(NO, YES, UNSURE)
EMERGENCY_CHOICES = YES_NO_UNSURE_CHOICES
YES_NO_CHOICES = answer_choices(NO, YES)
USUAL, WORSE = "usual", "worse"
MORNING_CHOICES = ((USUAL, "Back to my usual level, or better"), (WORSE, "Worse than usual"))
BETTER_OR_SAME = "better_or_same"
WEEK_TREND_CHOICES = ((BETTER_OR_SAME, "Better, or the same"), (WORSE, "Worse"))
# Sessions of this stage finished in full, counting this one ("2" means two or more).
FINISHED_CHOICES = ((0, "None: I stopped early this time"), (1, "One: this was the first"),
                    (2, "Two or more"))
SESSIONS_TO_MOVE_UP = 2
STOP_PAIN = 8  # pain this bad is beyond what a plan should manage
OTHER_PAIN_LEVEL = 4  # "anything else hurt at 4 out of 10 or more"

# The warning signs asked about together (spec: `warning_signs`), each in a few words: shared words.
WARNING_SIGNS = CHECK_IN_WARNING_SIGNS

# Decisions
MOVE_UP, REPEAT, STEP_BACK, STOP = "move_up", "repeat", "step_back", "stop"
ACTIONS = (MOVE_UP, REPEAT, STEP_BACK, STOP)
HEADLINES = {
    MOVE_UP: "Move up a stage",
    REPEAT: "Repeat this stage",
    STEP_BACK: "Step back a stage",
    STOP: "Stop: use the symptom checker now",
}


@dataclass(frozen=True)
class CheckIn:
    stage: int
    pain_during: int  # 0 to 10
    pain_after: int  # 0 to 10, the worst later that day
    morning: str  # USUAL or WORSE
    week_trend: str  # BETTER_OR_SAME or WORSE
    emergency: str  # NO, YES or UNSURE
    warning_signs: str  # NO, YES or UNSURE
    longer: str  # NO or YES
    other_pain: str  # NO or YES
    finished: int  # 0, 1 or 2 (two or more)

    def __post_init__(self):
        if self.stage not in BY_NUMBER:
            raise ValueError(f"no stage {self.stage}")
        for pain in (self.pain_during, self.pain_after):
            if not PAIN_MIN <= pain <= PAIN_MAX:
                raise ValueError(f"pain must be {PAIN_MIN} to {PAIN_MAX}, not {pain}")
        if (self.morning not in (USUAL, WORSE) or self.week_trend not in (BETTER_OR_SAME, WORSE)
                or self.emergency not in (NO, YES, UNSURE) or self.warning_signs not in (NO, YES, UNSURE)
                or self.longer not in (NO, YES) or self.other_pain not in (NO, YES)):
            raise ValueError("unknown answer")
        if self.finished not in (0, 1, 2):
            raise ValueError(f"finished must be 0, 1 or 2, not {self.finished}")

    @property
    def worst_pain(self) -> int:
        return max(self.pain_during, self.pain_after)


@dataclass(frozen=True)
class Decision:
    action: str
    stage: int | None  # the stage for the next session; None means no running for now
    reason: str
    rule: int  # which of the eleven rules decided (1 to 11)
    emergency_sign: bool = False  # a yes to an emergency sign: show the emergency advice first

    @property
    def headline(self) -> str:
        return HEADLINES[self.action]


def early_stop(emergency: str, warning_signs: str = "") -> Decision | None:
    """Rules 1 and 2: the decision when an emergency or warning sign is answered yes or not sure, whatever
    else is answered (so it holds on a form with other answers missing)."""
    if emergency == YES:
        return Decision(STOP, None, "You said yes to one of the emergency signs. Do not run. These signs "
                                    "need help now, not rest.", 1, emergency_sign=True)
    if emergency == UNSURE:
        return Decision(STOP, None, "You are not sure about one of the emergency signs. Do not run until "
                                    "you know. The symptom checker asks about each sign in turn and tells "
                                    "you how soon to get help.", 1)
    if warning_signs in (YES, UNSURE):
        doubt = "You are not sure about" if warning_signs == UNSURE else "You said yes to"
        return Decision(STOP, None, f"{doubt} one of the warning signs since your last check-in. Do not run "
                                    "until you have been checked. Use the symptom checker today: it tells "
                                    "you how soon to get help.", 2)
    return None


def decide(answers: CheckIn) -> Decision:
    """The decision for one check-in: the first rule that applies. The same answers always give the same."""
    stop = early_stop(answers.emergency, answers.warning_signs)
    if stop:
        return stop
    stage, worst = answers.stage, answers.worst_pain
    when = "during the session" if answers.pain_during >= answers.pain_after else "later that day"
    if worst >= STOP_PAIN:
        return Decision(STOP, None, f"Pain of {worst} out of 10 {when} is more than a plan should manage. Do "
                                    "not run for now. Use the symptom checker, and get checked if it has not "
                                    "settled in a few days.", 3)
    back = max(stage - 1, FIRST_STAGE)
    lowest = " This is the first stage, so walk for less time, and use the symptom checker if the " \
             "pain does not settle." if stage == FIRST_STAGE else ""
    if pain_zone(worst).slug == RED:
        return Decision(STEP_BACK, back, f"Pain of {worst} out of 10 {when} is too much: anything over 5 is in "
                                         f"the red zone. Go back to stage {back} next time.{lowest}", 4)
    if answers.morning == WORSE:
        return Decision(STEP_BACK, back, "Your back was worse than usual the next morning. That means the "
                                         f"session was too much for now. Go back to stage {back} next "
                                         f"time.{lowest}", 5)
    if answers.week_trend == WORSE:
        return Decision(STEP_BACK, back, "Your back pain is worse than a week ago. Pain must not creep up from "
                                         f"week to week, so go back to stage {back} next time.{lowest}", 6)
    if answers.longer == YES:
        return Decision(REPEAT, stage, "You ran longer, further or faster than the stage says. Do stage "
                                       f"{stage} again, exactly as written, before you move on. One run much "
                                       "longer than usual is a common way back to injury.", 7)
    if pain_zone(worst).slug == AMBER:
        return Decision(REPEAT, stage, f"Pain of {worst} out of 10 {when} is a warning: 4 or 5 is the amber "
                                       f"zone. Stay where you are: do stage {stage} again.", 8)
    if answers.other_pain == YES:
        return Decision(REPEAT, stage, "Something else hurt at 4 out of 10 or more. Shins, feet, knees and hips "
                                       f"need time to get used to running too, so do stage {stage} again.", 8)
    if answers.finished == 0:
        return Decision(REPEAT, stage, f"You stopped before the end of stage {stage}. Do it again until you "
                                       "can finish it with pain of 3 or less.", 9)
    if answers.finished < SESSIONS_TO_MOVE_UP:
        return Decision(REPEAT, stage, "That went well: pain of 3 or less, and back to usual the next "
                                       "morning. You move up once you have finished the whole stage in two "
                                       f"sessions, so do stage {stage} once more.", 9)
    if stage == LAST_STAGE:
        return Decision(REPEAT, stage, "That went well, and this is the last stage: 30 minutes of easy "
                                       "running. Keep doing it while the pain stays at 3 or less.", 10)
    return Decision(MOVE_UP, stage + 1, "Pain of 3 or less, back to usual the next morning, no worse than last "
                                        f"week, and this stage finished in two sessions: move up to stage "
                                        f"{stage + 1} when your next week starts. Never move up more than one "
                                        "stage a week.", 11)
