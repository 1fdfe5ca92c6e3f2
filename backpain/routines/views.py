"""The routine builder (/routine/) and its printable sheet (/routine/sheet/).

Both read the same GET parameters, so every routine has a stable, shareable URL. One query for the
exercises (plus two prefetches) serves a request, however big the library grows.
"""

from dataclasses import dataclass
from urllib.parse import quote, unquote

from django.http import QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from backpain import vocabulary
from backpain.caching import content_version, per_content_version, wants_fragment
from backpain.content.models import Exercise
from backpain.qr import public_qr_svg

from .compose import (
    MAX_MINUTES,
    MIN_MINUTES,
    SECONDS_PER_REP,
    STAGE_LABELS,
    SWITCH_SECONDS,
    TRANSITION_SECONDS,
    ExerciseData,
    Item,
    Phase,
    compose,
)
from .forms import FOCUS_CHOICES, RoutineForm, with_defaults

MAX_PRINTED_URL = 160
# "Add to my routine" adds to the last routine this browser built, kept in a cookie that holds only
# the builder's own choices (the same words as its link): no account, nothing about the runner.
ROUTINE_COOKIE = "routine"
ROUTINE_COOKIE_DAYS = 30
MAX_COOKIE_QUERY = 1500
EQUIPMENT_PHRASES = {term.slug: term.phrase for term in vocabulary.EQUIPMENT}
EQUIPMENT_BOXES = vocabulary.names(vocabulary.EQUIPMENT)
ROUTINE_PARAMS = ("run", "warmup", "cooldown", "focus", "equipment", "include", "exclude")
EXERCISE_FIELDS = ("slug", "title", "category", "order", "difficulty", "sets", "reps", "hold_seconds",
                   "duration_seconds", "per_side", "cues", "illustration", "illustration_alt")


@per_content_version
def library() -> list[Exercise]:
    """Every exercise, once, with what composing and the sheet need (an admin save reads it again)."""
    return list(Exercise.objects.only(*EXERCISE_FIELDS).prefetch_related("body_areas", "equipment")
                .order_by("order", "slug"))


@dataclass(frozen=True)
class Entry:
    item: Item
    exercise: Exercise | None  # None for the plain easy walk or run


@dataclass(frozen=True)
class PhaseView:
    phase: Phase
    entries: list[Entry]

    @property
    def title(self) -> str:
        return self.phase.name.capitalize()


@per_content_version
def _table_rows() -> dict[str, dict[tuple[bool, bool], SafeString]]:
    """Each exercise's row of the include / leave-out table in its four states (included, left out):
    the same for everyone until content changes, and a third of the builder's time drawn per request."""
    def row(exercise, included, excluded):
        context = {"exercise": exercise, "included": included, "excluded": excluded}
        return mark_safe(render_to_string("routines/_include_row.html", context))  # noqa: S308 (a template render)

    return {e.slug: {(included, excluded): row(e, included, excluded) for included in (False, True)
                     for excluded in (False, True)} for e in library()}


@per_content_version
def _exercise_data() -> list[ExerciseData]:
    """The library as compose() reads it."""
    return [ExerciseData.from_exercise(e) for e in library()]


def _exercise_groups(exercises, form) -> list[tuple[str, list[SafeString]]]:
    """The include / leave-out table: exercises by category, with what is ticked now."""
    include = set(form.data.getlist("include"))
    exclude = set(form.data.getlist("exclude"))
    kept = _table_rows()
    groups = []
    for category, label in Exercise.CATEGORIES:
        rows = [kept[e.slug][e.slug in include, e.slug in exclude] for e in exercises if e.category == category]
        if rows:
            groups.append((label, rows))
    return groups


@dataclass(frozen=True)
class Added:
    """An exercise just added with "Add to my routine", and the equipment that was ticked for it."""

    exercise: Exercise
    equipment: list[str]  # slugs
    reason: str = ""  # why it is not in the routine after all (it doesn't fit, ...), else ""

    @property
    def needs(self) -> str:
        """'a mat and a foam roller'"""
        return " and ".join(EQUIPMENT_PHRASES.get(slug, slug) for slug in self.equipment)

    @property
    def ticked(self) -> str:
        """'Mat and Foam roller', as the boxes say"""
        return " and ".join(EQUIPMENT_BOXES.get(slug, slug) for slug in self.equipment)


def _added(request, by_slug: dict, form) -> list[Added]:
    ticked = set(form.data.getlist("equipment"))
    found = []
    for slug in dict.fromkeys(request.GET.getlist("added")):
        exercise = by_slug.get(slug)
        if exercise is not None and slug in form.data.getlist("include"):
            found.append(Added(exercise, [e.slug for e in exercise.equipment.all() if e.slug in ticked]))
    return found


def _form(request) -> RoutineForm:
    return RoutineForm(with_defaults(request.GET), exercises=library())


def _kept_key(form: RoutineForm) -> tuple:
    """What a routine's exercises are built from, to keep them rendered by ({% cache %}: the builder's
    preview, the sheet's phases): the content and the validated choices (the canonical query and the
    order the exercises to include were asked in, which the routine keeps)."""
    return content_version(), form.query(), tuple(dict.fromkeys(form.cleaned_data["include"]))


def _context(request, form: RoutineForm) -> dict:
    exercises = library()
    context = {"form": form, "routine": None,
               "exercise_groups": _exercise_groups(exercises, form),
               "choosing": bool(form.data.getlist("include") or form.data.getlist("exclude")),
               "min_minutes": MIN_MINUTES, "max_minutes": MAX_MINUTES,
               "timing": {"rep": SECONDS_PER_REP, "transition": TRANSITION_SECONDS, "switch": SWITCH_SECONDS}}
    by_slug = {e.slug: e for e in exercises}
    context["added"] = _added(request, by_slug, form)
    valid = form.is_valid()
    if not valid:
        return context
    routine = compose(_exercise_data(), form.inputs())
    reasons = {s.slug: s.reason for s in routine.skipped}
    context["added"] = [Added(a.exercise, a.equipment, reasons.get(a.exercise.slug, "")) for a in context["added"]]
    added = {a.exercise.slug for a in context["added"]}
    context["other_skipped"] = [s for s in routine.skipped if s.slug not in added]
    query = form.query()
    sheet_path = f"{reverse('routines:sheet')}?{query}"
    focus_names = dict(FOCUS_CHOICES)
    context.update({
        "routine": routine,
        "phases": [PhaseView(p, [Entry(i, by_slug.get(i.slug)) for i in p.items]) for p in routine.phases],
        "stage_labels": STAGE_LABELS,
        "focus_names": [focus_names[f] for f, _ in FOCUS_CHOICES if f in form.cleaned_data["focus"]],
        "query": query,
        "builder_url": f"{reverse('routines:builder')}?{query}",
        "preview_key": _kept_key(form),
        "sheet_url": sheet_path,
    })
    return context


def _saved_routine(request) -> QueryDict:
    """The last routine this browser built (its own choices only), or nothing."""
    saved = QueryDict(unquote(request.COOKIES.get(ROUTINE_COOKIE, ""))[:MAX_COOKIE_QUERY], mutable=True)
    for name in list(saved):
        if name not in ROUTINE_PARAMS:
            del saved[name]
    return saved


def _add(request):
    """"Add to my routine" (?add=slug): the last routine, plus this exercise and the equipment it needs.

    Redirects to the routine's own link with added=slug, so the page can say what changed."""
    params = request.GET.copy()
    slugs = [s for s in params.pop("add") if s]
    if not any(name in ROUTINE_PARAMS for name in params):
        params = _saved_routine(request)
    by_slug = {e.slug: e for e in library()}
    include, exclude = params.getlist("include"), params.getlist("exclude")
    equipment = [e for e in params.getlist("equipment") if e != "none"]
    for slug in slugs:
        include.append(slug)  # an unknown slug is named by the form, as for include=
        exercise = by_slug.get(slug)
        if exercise is not None:
            # Only what the builder asks about (a warm-up never needs weights); the rest is explained.
            equipment += [e.slug for e in exercise.equipment.all() if e.slug in vocabulary.ROUTINE_EQUIPMENT]
    params.setlist("include", list(dict.fromkeys(include)))
    params.setlist("exclude", [s for s in exclude if s not in slugs])
    params.setlist("equipment", list(dict.fromkeys(equipment)))
    params.setlist("added", slugs)
    return redirect(f"{reverse('routines:builder')}?{params.urlencode()}")


# The sheet is not cached whole: it prints the Host it was asked with (its exercises are kept, in the
# template). Composing is a pure function over the exercise library, which is kept per content version.
@require_GET
@vary_on_headers("HX-Request")
def builder(request):
    if "add" in request.GET:
        return _add(request)
    form = _form(request)
    context = _context(request, form)
    fragment = wants_fragment(request)
    context["fragment"] = fragment
    template = "routines/builder.html"
    status = 400 if form.errors else 200
    if fragment:
        template += "#preview"
        # htmx swaps nothing on a 4xx, so the message at the preview would never show.
        status = 200
    response = render(request, template, context, status=status)
    if context.get("routine") is not None:
        kept = context["query"]
        if len(kept) <= MAX_COOKIE_QUERY:
            response.set_cookie(ROUTINE_COOKIE, quote(kept, safe=""), max_age=ROUTINE_COOKIE_DAYS * 86400,
                                samesite="Lax", httponly=True, secure=request.is_secure())
    return response


@require_GET
def sheet(request):
    form = _form(request)
    context = _context(request, form)
    if context["routine"] is None:
        # The form with its messages: the builder page says it best.
        return render(request, "routines/builder.html", context, status=400)
    absolute = request.build_absolute_uri(context["sheet_url"])
    short_url = f"{request.get_host()}{context['sheet_url']}"
    # A very long link (many exercises chosen) would push the sheet onto a second page: print the
    # start of it then, and let the QR code carry the whole link.
    cut = len(short_url) > MAX_PRINTED_URL
    context.update({
        "short_url": short_url[:MAX_PRINTED_URL - 1] + "…" if cut else short_url,
        "short_url_cut": cut,
        "qr": public_qr_svg(absolute, title="QR code that opens this sheet online"),
        "today": timezone.localdate(),
        "days": ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        "phases_key": _kept_key(form),
    })
    return render(request, "routines/sheet.html", context)
