"""The checker's form: every question in rules.QUESTIONS, validated against the specification.

The form only checks that each answer is one the specification allows; what the answers mean is
rules.triage()'s job. The questions come in five groups, emergency signs first: without JavaScript
they are one page that posts once; with htmx they are asked one group at a time.
"""

from dataclasses import dataclass
from functools import cache

from django import forms
from django.core.exceptions import ValidationError

from . import rules

REQUIRED = "Choose an answer."
REQUIRED_YES_NO = "Choose yes, no or not sure."
INVALID_CHOICE = "Choose one of the answers shown."
REPEATED = "Choose only one answer."


@dataclass(frozen=True)
class Group:
    name: str  # also the htmx `step` parameter
    title: str
    intro: str
    fields: tuple[str, ...]


GROUPS = (
    Group("emergency", "Emergency signs",
          "These are rare, but each needs help straight away. Please answer every one, even if it seems "
          "unlikely.", rules.EMERGENCY_SIGNS),
    Group("urgent", "Other warning signs",
          "These need a doctor's advice the same day.", (*rules.URGENT_SIGNS, "sudden_onset", "bone_weakness")),
    Group("pain", "You and your pain", "How long it has lasted and how it is going.",
          ("age", "pregnant", "pregnancy_signs", "recent_birth", "duration", "improving", "severe_or_worse", "leg_pain",
           "leg_tingling", "infection_risk")),
    Group("running", "How it affects you", "These help decide whether to see someone in the next week or two. "
          "Skip any you would rather not answer.",
          ("stops_activity", "worse_during_run", "cut_training", "stiffness_persists", "extension_pain",
           "energy_bone", "worried")),
    Group("context", "Your running", "These don't change how soon to get help. They point to likely causes "
          "and the right routine. All optional.", rules.CONTEXT_FIELDS),
)
# Follow-up questions that JavaScript shows only after an answer: field -> (the question it follows,
# the answers that show it). Without JavaScript they are always on the form, and their label says
# who they are for ("If you are pregnant...").
SHOWN_WHEN = {"pregnancy_signs": ("pregnant", (rules.YES, rules.UNSURE))}
GROUPS_BY_NAME = {group.name: group for group in GROUPS}
ORDER_ASKED = tuple(name for group in GROUPS for name in group.fields)


def _field(question: rules.Question) -> forms.Field:
    common = {"label": question.text, "required": question.required, "help_text": question.hint}
    if question.name == "age":
        messages = {"required": "Enter your age in years.",
                    "invalid": "Enter your age as a whole number, like 34.",
                    "min_value": f"Enter an age of {rules.AGE_MIN} or more.",
                    "max_value": f"Enter an age of {rules.AGE_MAX} or less."}
        # A text box, not type=number: number inputs swallow typing mistakes and spin on scroll.
        widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false",
                                        "class": "input-age", "size": "4"})
        return forms.IntegerField(min_value=rules.AGE_MIN, max_value=rules.AGE_MAX, widget=widget,
                                  error_messages=messages, **common)
    required = REQUIRED_YES_NO if question.choices == rules.YES_NO_UNSURE else REQUIRED
    messages = {"required": required, "invalid_choice": INVALID_CHOICE, "invalid_list": INVALID_CHOICE}
    if question.many:
        return forms.MultipleChoiceField(choices=question.choices, widget=forms.CheckboxSelectMultiple,
                                         error_messages=messages, **common)
    return forms.ChoiceField(choices=question.choices, widget=forms.RadioSelect, error_messages=messages,
                             **common)


@cache
def _shared_fields() -> dict[str, forms.Field]:
    return {question.name: _field(question) for question in rules.QUESTIONS.values()}


def _short_choices(field: forms.Field) -> bool:
    """Answers short enough to sit side by side (Yes / No / Not sure) on a wide screen."""
    choices = getattr(field, "choices", ())
    return bool(choices) and all(len(str(label)) <= 12 for _, label in choices)


class CheckerForm(forms.Form):
    # The server says what is missing, in words tied to each question; the browser's own bubbles
    # would come first, in other words, and not at all for radios in a hidden step.
    use_required_attribute = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Building ~30 choice fields costs more than the rest of a check, so they are built once and
        # shared: validating never changes a field. Only the text box is built afresh, because
        # _describe_text_boxes() sets its widget's attributes for this form's errors.
        self.fields = {name: _field(rules.QUESTIONS[name]) if isinstance(field.widget, forms.TextInput) else field
                       for name, field in _shared_fields().items()}
        if not self.is_bound:
            self._describe_text_boxes()  # a bound form does it once it knows its errors

    def _describe_text_boxes(self):
        # Tie each text box to its hint and error (radio groups are tied on their fieldset, in the template).
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.TextInput):
                auto_id = self[name].auto_id
                has_error = self._errors is not None and name in self._errors
                field.widget.attrs["aria-describedby"] = f"{auto_id}-hint" + (f" {auto_id}-error" if has_error else "")

    def clean(self):
        # Django reads the last of repeated values; a single answer sent twice is ambiguous, so say so.
        getlist = getattr(self.data, "getlist", None)
        if getlist is not None:
            for name, field in self.fields.items():
                if not isinstance(field, forms.MultipleChoiceField) and len(getlist(name)) > 1:
                    self.add_error(name, ValidationError(REPEATED, code="repeated"))
        return super().clean()

    def full_clean(self):
        super().full_clean()
        self._describe_text_boxes()

    def groups(self):
        """Each group with its questions, its number and the total, for the template."""
        return [self._group(number, group) for number, group in enumerate(GROUPS, start=1)]

    def group(self, name: str) -> dict:
        number, group = next((n, g) for n, g in enumerate(GROUPS, start=1) if g.name == name)
        return self._group(number, group)

    def _group(self, number: int, group: Group) -> dict:
        questions = [{"field": self[name], "inline": _short_choices(self.fields[name]),
                      "question": rules.QUESTIONS[name], "shown_when": SHOWN_WHEN.get(name)}
                     for name in group.fields]
        return {"group": group, "number": number, "total": len(GROUPS), "last": number == len(GROUPS),
                "questions": questions}

    def error_summary(self, fields=None) -> list[dict]:
        """Each field with an error, in the order asked: where to jump to, the question, the message."""
        names = fields if fields is not None else ORDER_ASKED
        summary = []
        for name in names:
            if name in self.errors:
                bound = self[name]
                # A group of radios or boxes is reached through its first one.
                target = bound.auto_id if isinstance(bound.field.widget, forms.TextInput) else f"{bound.auto_id}_0"
                summary.append({"id": target, "question": rules.QUESTIONS[name].short,
                                "message": " ".join(self.errors[name])})
        return summary

    def answers(self, fields=None) -> dict[str, object]:
        """The valid answers given (all of them, or those in `fields`), without the empty ones."""
        cleaned = getattr(self, "cleaned_data", {})
        wanted = fields if fields is not None else self.fields
        return {name: (tuple(value) if isinstance(value, list) else value)
                for name in wanted if (value := cleaned.get(name)) not in (None, "", [])}
