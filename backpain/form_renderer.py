"""Django's form renderer, with its one-element widgets written directly.

Every radio button, check box and text box is otherwise a render of Django's small widget templates
(input.html including attrs.html), about 0.7 ms each: the symptom checker's form, re-shown with an
error, has some 130 of them, which made that page 80 ms where the rest of it takes 10. The markup
here is exactly what those templates give (tests/test_form_renderer.py compares the two for every
widget of every form we have); anything else, or a project that overrides those templates, still
goes through the templates.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join

# Django's templates that are only `{% include "django/forms/widgets/input.html" %}`.
INPUTS = frozenset(f"django/forms/widgets/{name}.html" for name in (
    "input", "text", "number", "email", "url", "password", "hidden", "search", "tel", "color",
    "date", "datetime", "time", "checkbox"))
# An option of a radio or check box group, shown by itself (`{{ choice.tag }}`): the same <input>.
OPTIONS = frozenset({"django/forms/widgets/input_option.html", "django/forms/widgets/radio_option.html",
                     "django/forms/widgets/checkbox_option.html"})


def _input(widget: dict) -> str:
    # As attrs.html: False leaves an attribute out, True writes its bare name, anything else str().
    attrs = format_html_join("", " {}{}", ((name, "" if value is True else format_html('="{}"', str(value)))
                                           for name, value in widget["attrs"].items() if value is not False))
    value = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
    return format_html('<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], value, attrs)


class WidgetRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if isinstance(context, dict) else None
        if widget is not None and (template_name in INPUTS
                                   or (template_name in OPTIONS and not widget.get("wrap_label"))):
            return _input(widget)
        return super().render(template_name, context, request)
