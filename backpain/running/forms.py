import datetime

from django import forms
from django.http import QueryDict

from .checkin import (
    EMERGENCY_CHOICES,
    FINISHED_CHOICES,
    MORNING_CHOICES,
    NO,
    UNSURE,
    WEEK_TREND_CHOICES,
    YES,
    YES_NO_CHOICES,
    YES_NO_UNSURE_CHOICES,
    CheckIn,
)
from .plan import FIRST_STAGE, LAST_STAGE, MAX_SESSIONS, MIN_SESSIONS, PAIN_MAX, PAIN_MIN, STAGES, Inputs

# A plan may start up to a year ago (a runner part-way through) or up to a year ahead.
MAX_DAYS_AWAY = 366
STAGE_CHOICES = [(stage.number, stage.label) for stage in STAGES]
SESSION_CHOICES = [(2, "2 a week"), (3, "3 a week, as in the trial"),
                   (4, "4 a week: every other day (each stage then takes 8 days)")]
STAGE_MESSAGE = f"Choose a stage from {FIRST_STAGE} to {LAST_STAGE}."
SESSIONS_MESSAGE = f"Choose {MIN_SESSIONS}, 3 or {MAX_SESSIONS} sessions a week."
DATE_MESSAGE = "Give the date as year-month-day, like 2027-01-04, within a year of today."
PAIN_MESSAGE = f"Choose a number from {PAIN_MIN} to {PAIN_MAX}."


def _messages(message: str) -> dict[str, str]:
    return {"required": message, "invalid": message, "invalid_choice": message}


class DateInput(forms.DateInput):
    input_type = "date"  # the browser's date picker; the value is always year-month-day


class PlanForm(forms.Form):
    """The plan's inputs, read from the query string: a plan has a stable, shareable address."""

    start = forms.DateField(label="First day", input_formats=["%Y-%m-%d"], widget=DateInput,
                            error_messages=_messages(DATE_MESSAGE),
                            help_text="The day of your first session.")
    sessions = forms.TypedChoiceField(label="Sessions a week", choices=SESSION_CHOICES, coerce=int,
                                      widget=forms.RadioSelect, error_messages=_messages(SESSIONS_MESSAGE),
                                      help_text="Never two days in a row: a rest day always comes between.")
    stage = forms.TypedChoiceField(label="Start at", choices=STAGE_CHOICES, coerce=int,
                                   error_messages=_messages(STAGE_MESSAGE),
                                   help_text="Start at stage 1 unless a brisk 30-minute walk is already "
                                             "pain-free.")

    def __init__(self, data=None, *, today: datetime.date, **kwargs):
        super().__init__(data, **kwargs)
        self.today = today

    def clean_start(self):
        start = self.cleaned_data["start"]
        if abs((start - self.today).days) > MAX_DAYS_AWAY:
            raise forms.ValidationError(DATE_MESSAGE, code="out_of_range")
        return start

    def inputs(self) -> Inputs:
        data = self.cleaned_data
        return Inputs(start=data["start"], sessions_per_week=data["sessions"], first_stage=data["stage"])

    def query(self) -> str:
        """The canonical query string for this plan: same plan, same address."""
        query = QueryDict(mutable=True)
        data = self.cleaned_data
        query["start"], query["sessions"], query["stage"] = data["start"].isoformat(), data["sessions"], data["stage"]
        return query.urlencode()


def with_defaults(params: QueryDict, today: datetime.date) -> QueryDict:
    """The parameters with absent ones filled in (not empty ones: those are a mistake to point out)."""
    data = params.copy()
    for name, value in (("start", today.isoformat()), ("sessions", "3"), ("stage", str(FIRST_STAGE))):
        if name not in data:
            data[name] = value
    return data


def _radios(label: str, choices, message: str, *, coerce=None, help_text: str = "") -> forms.Field:
    kwargs = {"label": label, "choices": choices, "widget": forms.RadioSelect, "help_text": help_text,
              "error_messages": _messages(message)}
    return forms.TypedChoiceField(coerce=coerce, **kwargs) if coerce else forms.ChoiceField(**kwargs)


def _pain(label: str, message: str) -> forms.Field:
    return _radios(label, [(n, str(n)) for n in range(PAIN_MIN, PAIN_MAX + 1)], message, coerce=int,
                   help_text="0 is no pain at all. 10 is the worst pain you can imagine.")


class CheckInForm(forms.Form):
    """The check-in after a session (version 2). Answers come only in a POST body; nothing is kept."""

    # Asked first, right under the box of signs: a yes or "not sure" decides on its own.
    emergency = _radios("Since your session, have you had any of the emergency signs in the box?",
                        EMERGENCY_CHOICES, "Answer the question about the emergency signs.")
    warning_signs = _radios("Since your last check-in, have you had any of these?", YES_NO_UNSURE_CHOICES,
                            "Answer the question about the warning signs.")
    stage = forms.TypedChoiceField(label="Which stage were you on?", choices=[("", "Choose a stage"), *STAGE_CHOICES],
                                   coerce=int, error_messages=_messages(STAGE_MESSAGE),
                                   help_text="The plan's stage for this week, whatever you actually did.")
    longer = _radios("Did you run for longer, further or faster than the stage says, or try a later stage?",
                     YES_NO_CHOICES, "Say whether you did more than the stage says.")
    pain_during = _pain("How bad was your back pain during the session?",
                        f"Choose how bad the pain was during the session, from {PAIN_MIN} to {PAIN_MAX}.")
    pain_after = _pain("How bad was it at its worst later that day?",
                       f"Choose how bad the pain was later that day, from {PAIN_MIN} to {PAIN_MAX}.")
    morning = _radios("How was your back the next morning, compared with usual?", MORNING_CHOICES,
                      "Choose how your back was the next morning.")
    week_trend = _radios("Compared with a week ago, is your back pain better, the same, or worse?",
                         WEEK_TREND_CHOICES, "Choose how your back pain compares with a week ago.")
    other_pain = _radios("Did anything else hurt at 4 out of 10 or more: a shin, foot, ankle, knee or hip?",
                         YES_NO_CHOICES, "Say whether anything else hurt.")
    finished = _radios("How many sessions of this stage have you finished in full, counting this one?",
                       FINISHED_CHOICES, "Choose how many sessions of this stage you have finished.", coerce=int)
    # Set when the check-in was reached from a plan (its link, or the form on the plan's page): the
    # result then does not ask "Don't have a plan yet?". Not an answer: it says nothing about health.
    from_plan = forms.BooleanField(required=False, widget=forms.HiddenInput)
    # The plan's sessions a week, from its link: "Update my plan" keeps them. Not an answer either.
    sessions = forms.CharField(label="", required=False, widget=forms.HiddenInput)

    def clean_sessions(self) -> int:
        # Not typed by the runner: a value off the list is left out (the new plan offers 3 a week).
        return sessions_from_link(self.data) or 3

    def answers(self) -> CheckIn:
        data = self.cleaned_data
        return CheckIn(stage=data["stage"], pain_during=data["pain_during"], pain_after=data["pain_after"],
                       morning=data["morning"], week_trend=data["week_trend"], emergency=data["emergency"],
                       warning_signs=data["warning_signs"], longer=data["longer"],
                       other_pain=data["other_pain"], finished=data["finished"])

    def early_answers(self) -> tuple[str, str]:
        """The emergency and warning-sign answers alone, where valid: they decide even if the rest is missing."""
        def valid(name, choices):
            value = self.data.get(name)
            return value if value in dict(choices) else ""
        return valid("emergency", EMERGENCY_CHOICES), valid("warning_signs", YES_NO_UNSURE_CHOICES)


def sessions_from_link(params) -> int | None:
    """The sessions a week a plan's link gives (?sessions=N), or None."""
    value = str(params.get("sessions", ""))
    return int(value) if value.isdigit() and int(value) in dict(SESSION_CHOICES) else None


def stage_from_link(params: QueryDict) -> int | None:
    """The stage a plan's link gives the check-in (?stage=N), or None: anything else is ignored."""
    value = params.get("stage", "")
    return int(value) if value.isdigit() and int(value) in dict(STAGE_CHOICES) else None


# --- The gate before a plan (return-to-running.md, "Before a plan: who it is for") ---------------
GATE_QUESTIONS = (
    ("rest_pain", "Is your back pain at rest more than 3 out of 10?", ""),
    ("gave_birth", "Have you given birth in the last 3 months, or are you pregnant?", ""),
    ("leg_pain_more", "Is the pain down your leg worse than the pain in your back?", ""),
    ("bone_risk", "Are you 70 or over, or have you got thin bones (osteoporosis) or a past spine fracture?", ""),
    ("young_extension", "Are you under 20, with back pain that is worse when you lean back?", ""),
)
GATE_FIELDS = tuple(name for name, _, _ in GATE_QUESTIONS)


class GateForm(PlanForm):
    """The start page: who the plan is for, then the plan's own inputs, in one POST."""

    def __init__(self, data=None, *, today: datetime.date, **kwargs):
        super().__init__(data, today=today, **kwargs)
        gate = {name: _radios(text, YES_NO_UNSURE_CHOICES, "Choose yes, no or not sure.", help_text=hint)
                for name, text, hint in GATE_QUESTIONS}
        gate["walk_test"] = _radios("Can you walk briskly for 30 minutes without your back pain rising?",
                                    YES_NO_UNSURE_CHOICES, "Choose yes, no or not sure.",
                                    help_text="If not, or you are not sure, the plan starts with that walk "
                                              "(stage 1).")
        # The questions first, then the plan's details.
        self.fields = {**gate, **self.fields}

    def not_for_you(self) -> list[str]:
        """The gate questions answered yes or not sure ("not sure" counts as yes)."""
        return [name for name in GATE_FIELDS if self.cleaned_data.get(name) in (YES, UNSURE)]

    def clean(self):
        cleaned = super().clean()
        # A failed (or doubtful) walk test keeps the plan at stage 1: no later stage can be chosen.
        if cleaned.get("walk_test") in (NO, UNSURE) and cleaned.get("stage"):
            cleaned["stage"] = FIRST_STAGE
        return cleaned


class CalendarForm(PlanForm):
    """The plan's inputs and, for the calendar file only, a time of day for its sessions (not in the plan's link)."""

    time = forms.TimeField(label="Time of day", required=False, input_formats=["%H:%M"],
                           widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
                           error_messages=_messages("Give a time of day as hours and minutes, like 07:30."),
                           help_text="Leave it empty for all-day events.")


class CardForm(PlanForm):
    """The plan's inputs and which week to print (this week, or the first, when not given)."""

    week = forms.IntegerField(label="Week", required=False, min_value=1,
                              error_messages=_messages("Choose a week of the plan by its number."))
