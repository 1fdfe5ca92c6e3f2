from django import forms
from django.http import QueryDict

from backpain import vocabulary

from .compose import MAX_MINUTES, MIN_MINUTES, RUN_TYPES, Inputs

RUN_CHOICES = [(slug, run.label) for slug, run in RUN_TYPES.items()]
FOCUS_CHOICES = vocabulary.choices(vocabulary.BODY_AREAS, vocabulary.FOCUS_AREAS)
# "none" is accepted (links may say equipment=none) and means nothing; it is not a box to tick.
EQUIPMENT_CHOICES = vocabulary.choices(vocabulary.EQUIPMENT, vocabulary.ROUTINE_EQUIPMENT)
DEFAULTS = {"run": "easy", "warmup": "10", "cooldown": "10"}
MINUTES_MESSAGE = f"Choose a whole number of minutes from {MIN_MINUTES} to {MAX_MINUTES}."


def _shorten(value, limit=40) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


class SlugsField(forms.MultipleChoiceField):
    """Repeatable slugs; an unknown one is named (shortened) in the message, not echoed whole."""

    def __init__(self, *, what: str, **kwargs):
        self.what = what
        super().__init__(required=False, **kwargs)

    def validate(self, value):
        for slug in value:
            if not self.valid_value(slug):
                raise forms.ValidationError(f"We have no {self.what} called “{_shorten(slug)}”.",
                                            code="invalid_choice")


class MinutesField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=MIN_MINUTES, max_value=MAX_MINUTES, error_messages={
            "required": MINUTES_MESSAGE, "invalid": MINUTES_MESSAGE,
            "min_value": MINUTES_MESSAGE, "max_value": MINUTES_MESSAGE,
        }, widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
            help_text=f"{MIN_MINUTES} to {MAX_MINUTES} minutes", **kwargs)


class RoutineForm(forms.Form):
    """The builder's inputs. Always bound: missing basics take their defaults (see with_defaults)."""

    run = forms.ChoiceField(label="What run is it?", choices=RUN_CHOICES, widget=forms.RadioSelect,
                            error_messages={"invalid_choice": "Choose one of the run types listed.",
                                            "required": "Choose the run you are doing."})
    warmup = MinutesField(label="Warm-up")
    cooldown = MinutesField(label="Cool-down")
    focus = SlugsField(what="focus area", label="Focus areas", choices=FOCUS_CHOICES,
                       widget=forms.CheckboxSelectMultiple)
    equipment = SlugsField(what="equipment", label="Equipment at hand",
                           choices=[*EQUIPMENT_CHOICES, ("none", "Nothing")], widget=forms.CheckboxSelectMultiple)
    include = SlugsField(what="exercise", label="Always include")
    exclude = SlugsField(what="exercise", label="Leave out")
    # No symptom-checker level travels here (spec 2.1: a health outcome in an address reaches logs and
    # history). The checker links to the builder only from a result that offers a routine.

    def __init__(self, data, *, exercises=()):
        super().__init__(data)
        choices = [(e.slug, e.title) for e in exercises]
        self.fields["include"].choices = choices
        self.fields["exclude"].choices = choices

    def clean(self):
        cleaned = super().clean()
        both = set(cleaned.get("include") or ()) & set(cleaned.get("exclude") or ())
        if both:
            titles = dict(self.fields["include"].choices)
            names = ", ".join(f"“{titles[s]}”" for s in sorted(both))
            self.add_error("exclude", f"{names} can't be both included and left out: untick one.")
        return cleaned

    def inputs(self) -> Inputs:
        data = self.cleaned_data
        return Inputs(run_type=data["run"], warmup_minutes=data["warmup"], cooldown_minutes=data["cooldown"],
                      focus=frozenset(data["focus"]), equipment=frozenset(data["equipment"]) - {"none"},
                      include=tuple(dict.fromkeys(data["include"])), exclude=frozenset(data["exclude"]))

    def query(self) -> str:
        """The canonical query string for these inputs: same inputs, same URL."""
        data = self.cleaned_data
        query = QueryDict(mutable=True)
        query["run"], query["warmup"], query["cooldown"] = data["run"], data["warmup"], data["cooldown"]
        for name, choices in (("focus", FOCUS_CHOICES), ("equipment", EQUIPMENT_CHOICES)):
            query.setlist(name, [slug for slug, _ in choices if slug in data[name]])
        for name in ("include", "exclude"):
            query.setlist(name, sorted(set(data[name])))
        return query.urlencode(safe="")


def with_defaults(params: QueryDict) -> QueryDict:
    """The GET parameters with the basics filled in when they are absent (not when left empty)."""
    data = params.copy()
    for name, value in DEFAULTS.items():
        if name not in data:
            data[name] = value
    return data
