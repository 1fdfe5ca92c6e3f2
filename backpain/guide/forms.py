from django import forms

from backpain import vocabulary
from backpain.content.models import Cause, Exercise


class ExerciseFilters(forms.Form):
    """The exercise library's filters: a plain GET form, also driven by htmx."""

    category = forms.ChoiceField(required=False)
    area = forms.ChoiceField(label="Body area", required=False)
    equipment = forms.ChoiceField(required=False)
    difficulty = forms.ChoiceField(required=False)
    cause = forms.ChoiceField(label="Helps with", required=False)

    def __init__(self, data):
        super().__init__(data)
        anything = [("", "Any")]
        self.fields["category"].choices = anything + list(Exercise.Category.choices)
        self.fields["difficulty"].choices = anything + list(Exercise.Difficulty.choices)
        self.fields["area"].choices = anything + vocabulary.choices(vocabulary.BODY_AREAS)
        no_equipment = [("none", "No equipment")]
        self.fields["equipment"].choices = anything + no_equipment + vocabulary.choices(vocabulary.EQUIPMENT)
        self.fields["cause"].choices = anything + list(Cause.objects.values_list("slug", "title"))

    def selected(self) -> dict[str, str]:
        """The valid filters chosen; an invalid one is reported by the form and ignored here."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class SearchForm(forms.Form):
    q = forms.CharField(label="Search the guide", max_length=200, required=False,
                        widget=forms.SearchInput(attrs={"autocomplete": "off"}))
