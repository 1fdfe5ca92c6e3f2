"""The exercise library's filters, shared by every feature that lets someone pick exercises
(the guide's library page and the physiotherapist's sheet builder), so a new filter is added once."""

from django import forms
from django.db.models import QuerySet

from backpain import vocabulary

from .models import Cause, Exercise


class ExerciseFilters(forms.Form):
    """The library's filters: a plain GET form, also driven by htmx."""

    category = forms.ChoiceField(required=False)
    area = forms.ChoiceField(label="Body area", required=False)
    equipment = forms.ChoiceField(required=False)
    difficulty = forms.ChoiceField(required=False)
    cause = forms.ChoiceField(label="Helps with", required=False)

    def __init__(self, data):
        super().__init__(data)
        anything = [("", "Any")]
        self.fields["category"].choices = anything + Exercise.CATEGORIES
        self.fields["difficulty"].choices = anything + Exercise.DIFFICULTIES
        self.fields["area"].choices = anything + vocabulary.choices(vocabulary.BODY_AREAS)
        no_equipment = [("none", "No equipment")]
        self.fields["equipment"].choices = anything + no_equipment + vocabulary.choices(vocabulary.EQUIPMENT)
        self.fields["cause"].choices = anything + list(Cause.objects.values_list("slug", "title"))

    def selected(self) -> dict[str, str]:
        """The valid filters chosen; an invalid one is reported by the form and ignored here."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def applied(self) -> list[str]:
        """The chosen filters in words ("Body area: Hips"), for the summary of the folded filters."""
        return [f"{self[name].label}: {dict(self.fields[name].choices).get(value, value)}"
                for name, value in self.selected().items()]


def filtered(exercises: QuerySet[Exercise], *, category="", area="", equipment="", difficulty="",
             cause="") -> QuerySet[Exercise]:
    """`exercises` narrowed by the library's filters; `equipment='none'` means nothing needed."""
    if category:
        exercises = exercises.filter(category=category)
    if difficulty:
        exercises = exercises.filter(difficulty=difficulty)
    if area:
        exercises = exercises.filter(body_areas__slug=area)
    if equipment == "none":
        exercises = exercises.filter(equipment__isnull=True)
    elif equipment:
        exercises = exercises.filter(equipment__slug=equipment)
    if cause:
        exercises = exercises.filter(causes__slug=cause)
    return exercises.distinct()
