import datetime

from django import forms
from django.http import QueryDict

from .checkin import EMERGENCY_CHOICES, FINISHED_CHOICES, MORNING_CHOICES, CheckIn
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


class CheckInForm(forms.Form):
    """The check-in after a session. Answers come only in a POST body; nothing is kept."""

    # Asked first, right under the box of signs: a yes or "not sure" decides on its own.
    emergency = forms.ChoiceField(label="Since your session, have you had any of the emergency signs above?",
                                  choices=EMERGENCY_CHOICES, widget=forms.RadioSelect,
                                  error_messages=_messages("Answer the question about the emergency signs."))
    stage = forms.TypedChoiceField(label="Which stage did you do?", choices=[("", "Choose a stage"), *STAGE_CHOICES],
                                   coerce=int, error_messages=_messages(STAGE_MESSAGE))
    pain_during = forms.TypedChoiceField(
        label="How bad was your back pain during the session?", coerce=int, widget=forms.RadioSelect,
        choices=[(n, str(n)) for n in range(PAIN_MIN, PAIN_MAX + 1)], error_messages=_messages(PAIN_MESSAGE),
        help_text="0 is no pain at all. 10 is the worst pain you can imagine.")
    morning = forms.ChoiceField(label="How was your back the next morning, compared with usual?",
                                choices=MORNING_CHOICES, widget=forms.RadioSelect,
                                error_messages=_messages("Choose how your back was the next morning."))
    finished = forms.TypedChoiceField(
        label="How many sessions of this stage have you finished in full, counting this one?",
        choices=FINISHED_CHOICES, coerce=int, widget=forms.RadioSelect,
        error_messages=_messages("Choose how many sessions of this stage you have finished."))

    def answers(self) -> CheckIn:
        data = self.cleaned_data
        return CheckIn(stage=data["stage"], pain_during=data["pain_during"], morning=data["morning"],
                       emergency=data["emergency"], finished=data["finished"])

    def emergency_answer(self) -> str:
        """The emergency answer alone, when it is valid: it decides even if the rest is missing."""
        value = self.data.get("emergency")
        return value if value in dict(EMERGENCY_CHOICES) else ""



class CardForm(PlanForm):
    """The plan's inputs and which week to print (this week, or the first, when not given)."""

    week = forms.IntegerField(label="Week", required=False, min_value=1,
                              error_messages=_messages("Choose a week of the plan by its number."))
