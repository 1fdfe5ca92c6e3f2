"""The check-in after a session: the answers in, one decision out (move up, repeat, step back or stop),
with its reason in plain words. Pure: no Django, no database, nothing stored.

The rules, most important first:

1. Any emergency sign, or not being sure: stop, and use the symptom checker now. Nothing else counts.
2. Pain during the session over 5 out of 10 (red): step back a stage.
3. Pain the next morning worse than usual: step back a stage. It must be back to the usual level
   (the pain-monitoring model, Silbernagel et al. 2007).
4. Pain of 4 or 5 (amber): repeat this stage.
5. The stage not yet finished in full in two sessions: repeat it (the ASTEROID trial's rule).
6. Otherwise move up one stage; on the last stage, keep doing it.

A step back never moves forward and a move up is never more than one stage. "At most one stage a
week" is the plan's side of the rule: its weeks have one stage each.
"""

from __future__ import annotations

from dataclasses import dataclass

from .plan import AMBER, BY_NUMBER, FIRST_STAGE, LAST_STAGE, PAIN_MAX, PAIN_MIN, RED, pain_zone

# Answers
USUAL, WORSE = "usual", "worse"
MORNING_CHOICES = ((USUAL, "Back to my usual level, or better"), (WORSE, "Worse than usual"))
NO, YES, UNSURE = "no", "yes", "unsure"
EMERGENCY_CHOICES = ((NO, "No"), (YES, "Yes"), (UNSURE, "Not sure"))
# Sessions of this stage finished in full, counting this one ("2" means two or more).
FINISHED_CHOICES = ((0, "None: I stopped early this time"), (1, "One: this was the first"),
                    (2, "Two or more"))
SESSIONS_TO_MOVE_UP = 2

# Decisions
MOVE_UP, REPEAT, STEP_BACK, STOP = "move_up", "repeat", "step_back", "stop"
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
    morning: str  # USUAL or WORSE
    emergency: str  # NO, YES or UNSURE
    finished: int  # 0, 1 or 2 (two or more)

    def __post_init__(self):
        if self.stage not in BY_NUMBER:
            raise ValueError(f"no stage {self.stage}")
        if not PAIN_MIN <= self.pain_during <= PAIN_MAX:
            raise ValueError(f"pain must be {PAIN_MIN} to {PAIN_MAX}, not {self.pain_during}")
        if self.morning not in (USUAL, WORSE) or self.emergency not in (NO, YES, UNSURE):
            raise ValueError("unknown answer")
        if self.finished not in (0, 1, 2):
            raise ValueError(f"finished must be 0, 1 or 2, not {self.finished}")


@dataclass(frozen=True)
class Decision:
    action: str
    stage: int | None  # the stage for the next session; None means no running for now
    reason: str
    emergency_sign: bool = False  # a yes to an emergency sign: show the emergency advice first

    @property
    def headline(self) -> str:
        return HEADLINES[self.action]


def emergency_stop(emergency: str) -> Decision | None:
    """The decision when an emergency sign is answered yes or not sure, whatever else is answered."""
    if emergency == YES:
        return Decision(STOP, None, "You said yes to one of the emergency signs. Do not run. These signs "
                                    "need help today, not rest.", emergency_sign=True)
    if emergency == UNSURE:
        return Decision(STOP, None, "You are not sure about one of the emergency signs. Do not run until "
                                    "you know. The symptom checker asks about each sign in turn and tells "
                                    "you how soon to get help.")
    return None


def decide(answers: CheckIn) -> Decision:
    """The decision for one check-in. The same answers always give the same decision."""
    stop = emergency_stop(answers.emergency)
    if stop:
        return stop
    stage, pain = answers.stage, answers.pain_during
    back = max(stage - 1, FIRST_STAGE)
    lowest = " This is the first stage, so walk for less time, and use the symptom checker if the " \
             "pain does not settle." if stage == FIRST_STAGE else ""
    if pain_zone(pain).slug == RED:
        return Decision(STEP_BACK, back, f"Pain of {pain} out of 10 is too much: anything over 5 is in the "
                                         f"red zone. Go back to stage {back} next time.{lowest}")
    if answers.morning == WORSE:
        return Decision(STEP_BACK, back, "Your back was worse than usual the next morning. That means the "
                                         f"session was too much for now. Go back to stage {back} next "
                                         f"time.{lowest}")
    if pain_zone(pain).slug == AMBER:
        return Decision(REPEAT, stage, f"Pain of {pain} out of 10 is a warning: 4 or 5 is the amber zone. "
                                       "Your back was back to usual the next morning, so stay where you "
                                       f"are. Do stage {stage} again.")
    if answers.finished == 0:
        return Decision(REPEAT, stage, f"You stopped before the end of stage {stage}. Do it again until you "
                                       "can finish it with pain of 3 or less.")
    if answers.finished < SESSIONS_TO_MOVE_UP:
        return Decision(REPEAT, stage, "That went well: pain of 3 or less, and back to usual the next "
                                       "morning. You move up once you have finished the whole stage in two "
                                       f"sessions, so do stage {stage} once more.")
    if stage == LAST_STAGE:
        return Decision(REPEAT, stage, "That went well, and this is the last stage: 30 minutes of easy "
                                       "running. Keep doing it while the pain stays at 3 or less.")
    return Decision(MOVE_UP, stage + 1, "Pain of 3 or less, back to usual the next morning, and this "
                                        f"stage finished in two sessions: move up to stage {stage + 1} "
                                        "when your next week starts. Never move up more than one stage a "
                                        "week.")
