"""The exercise figures in pages: the moving figure inlined, and the names of the still pictures.

``make figures`` draws three SVGs per exercise from backpain/figures/ next to the one the
``illustration`` field names (img/exercises/plank.svg): the end pose (plank-end.svg) and the
start pose with the class names its keyframes (plank-motion.css) animate (plank-motion.svg). The
moving one has to be inline, not an <img>, so the page's own CSS can pause it and respect
prefers-reduced-motion; an illustration without those files falls back to its still picture.
"""

from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _sibling(illustration: str, suffix: str) -> str:
    stem, dot, ext = illustration.rpartition(".")
    return f"{stem}{suffix}.{ext}" if dot else illustration


@register.filter
def figure_end(illustration: str) -> str:
    """img/exercises/plank.svg -> img/exercises/plank-end.svg (the end pose)."""
    return _sibling(illustration or "", "-end")


@register.filter
def figure_motion_css(illustration: str) -> str:
    """img/exercises/plank.svg -> img/exercises/plank-motion.css, the keyframes of that one figure
    (for the page's head), or "" when it has no moving figure."""
    return _motion_css(illustration or "")


@lru_cache(maxsize=256)
def _motion_css(illustration: str) -> str:
    if not _motion_svg(illustration):
        return ""
    name = _sibling(illustration, "-motion").removesuffix(".svg") + ".css"
    return name if finders.find(name) else ""


@lru_cache(maxsize=256)
def _motion_svg(illustration: str) -> str:
    if not illustration.startswith("img/exercises/") or not illustration.endswith(".svg"):
        return ""
    path = finders.find(_sibling(illustration, "-motion"))
    if not path:
        return ""
    with open(path, encoding="utf-8") as handle:
        return handle.read()


@register.simple_tag
def exercise_motion(exercise) -> str:
    """The exercise's moving figure as inline SVG markup, or "" when it has none."""
    # Safe to mark: the file is one of ours, drawn by backpain/figures/ (tests/test_figures.py
    # checks each one: no script, no external reference), never text an editor typed.
    return mark_safe(_motion_svg(exercise.illustration or ""))  # noqa: S308


@register.simple_tag
def print_figure(exercise, lazy=False) -> SafeString:
    """includes/exercise_figure_print.html for this exercise (its start and end poses), as the sheets
    print it: drawn once per picture and kept, as a sheet of ten exercises drew it ten times a request."""
    return _print_figure(exercise.illustration or "", exercise.illustration_alt or "", bool(lazy))


@lru_cache(maxsize=256)  # a picture and its words, from the library: nothing of a visitor's
def _print_figure(illustration: str, alt: str, lazy: bool) -> SafeString:
    context = {"exercise": {"illustration": illustration, "illustration_alt": alt}, "lazy": lazy}
    # A template render: every value in it was escaped.
    return mark_safe(render_to_string("includes/exercise_figure_print.html", context))  # noqa: S308
