"""The widget renderer writes exactly what Django's widget templates write, only faster."""

import datetime
import functools

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from backpain.checker.forms import CheckerForm
from backpain.content.library import ExerciseFilters
from backpain.form_renderer import WidgetRenderer
from backpain.guide.forms import FeedbackForm, SearchForm
from backpain.routines.forms import RoutineForm
from backpain.running.forms import CalendarForm, CardForm, CheckInForm, GateForm, PlanForm

FAST, STOCK = WidgetRenderer(), DjangoTemplates()

# Attributes the templates treat differently: True bare, False left out, None and numbers as str().
ODD_ATTRS = {"required": True, "disabled": False, "data-none": None, "size": 4, "placeholder": 'say "hi" <b>&',
             "aria-describedby": "a b"}
ODD_VALUES = [None, "", 0, 12, "plain", '"><script>alert(1)</script>', "café & co"]
INPUT_WIDGETS = [forms.TextInput, forms.NumberInput, forms.EmailInput, forms.URLInput, forms.PasswordInput,
                 forms.HiddenInput, forms.SearchInput, forms.TelInput, forms.ColorInput, forms.DateInput,
                 forms.DateTimeInput, forms.TimeInput, forms.CheckboxInput]


@pytest.mark.parametrize("widget_class", INPUT_WIDGETS, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("value", ODD_VALUES, ids=repr)
def test_each_input_widget_is_the_same_markup(widget_class, value):
    widget = widget_class(attrs=ODD_ATTRS)
    assert widget.render("name", value, renderer=FAST) == widget.render("name", value, renderer=STOCK)


@pytest.mark.parametrize("widget_class", [forms.RadioSelect, forms.CheckboxSelectMultiple])
def test_each_option_shown_by_itself_is_the_same_markup(widget_class):
    field = forms.Form()
    field.fields["pick"] = forms.MultipleChoiceField(choices=[("a", "A <&>"), (1, "One"), ('"q"', "Q")],
                                                      widget=widget_class(attrs={"class": "x"}))
    bound = forms.Form({"pick": ["a", '"q"']})
    bound.fields["pick"] = field.fields["pick"]
    for form in (field, bound):
        form.renderer = FAST
        fast = [choice.tag() for choice in form["pick"]]
        form.renderer = STOCK
        assert fast == [choice.tag() for choice in form["pick"]]


TODAY = datetime.date(2026, 12, 7)
FORMS = {form_class.__name__: make for form_class, make in [
    (CheckerForm, CheckerForm), (CheckInForm, CheckInForm), (ExerciseFilters, ExerciseFilters),
    (RoutineForm, RoutineForm), (SearchForm, SearchForm), (FeedbackForm, FeedbackForm),
    *((cls, functools.partial(cls, today=TODAY)) for cls in (PlanForm, GateForm, CalendarForm, CardForm))]}
JUNK = {"age": "x<y", "q": '"><b>', "stage": "99", "pain": "7", "run": "yes", "focus": ["hips", "nope"],
        "fever": "no", "comment": "a & b", "website": "http://x", "sessions": "3", "start": "2026-13-40"}


@pytest.mark.parametrize("name", FORMS)
@pytest.mark.parametrize("data", [None, JUNK], ids=["blank", "bound with junk"])
def test_every_field_of_every_form_is_the_same_markup(name, data, db):  # the filters read body areas
    def markup(renderer):
        form = FORMS[name](data)
        form.renderer = renderer
        if data is not None:
            form.is_valid()  # errors change attributes (aria-describedby, aria-invalid)
        return [(str(bound), [choice.tag() for choice in bound]) for bound in form]

    assert markup(FAST) == markup(STOCK)


def test_the_site_uses_it(settings):
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), WidgetRenderer)
