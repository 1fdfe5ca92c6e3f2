"""The physiotherapist's sheet builder (/prescribe/) and the sheet it makes (/prescribe/sheet/<token>/).

No database row: the sheet lives in its encrypted link (sheet.py). Both pages are sent with
`Cache-Control: no-store` (nothing of a patient's sheet is kept in a browser's or a proxy's cache; the
builder also holds a CSRF token) and `Referrer-Policy: no-referrer` (a click from a sheet never hands
its link to the next site, or to our own access log as a Referer).
"""

from dataclasses import dataclass
from functools import cache, wraps

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from backpain.caching import content_version, per_content_version, wants_fragment
from backpain.content import library
from backpain.content.models import Exercise
from backpain.qr import qr_svg

from .forms import FIELD_LABELS, Builder, FindExercises
from .sheet import LIMITS, MAX_EXERCISES, MAX_LINE_NOTE, MAX_NAME, MAX_NOTE, BadLink, Line, encode, is_legacy, read

CARD_FIELDS = ("slug", "title", "summary", "order", "category", "illustration", "illustration_alt", "sets", "reps",
               "hold_seconds", "duration_seconds", "per_side")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# What a GET to the builder reads: without any of these it is the blank builder.
BUILDER_GET_READS = (*FindExercises.base_fields, "sheet")


def _found(*, q="", **filters):
    """The library as its own page filters it, and a words search over titles and summaries."""
    exercises = Exercise.objects.only(*CARD_FIELDS).order_by("order", "slug")
    if q:
        exercises = exercises.filter(Q(title__icontains=q) | Q(summary__icontains=q))
    return library.filtered(exercises, **filters)


def _item(exercise: Exercise, on_sheet: bool) -> SafeString:
    # A template render: every value in it was escaped.
    return mark_safe(render_to_string("prescribe/_found_item.html", {"exercise": exercise, "on_sheet": on_sheet}))  # noqa: S308


@per_content_version
def _kept_items() -> dict[str, tuple[SafeString, SafeString]]:
    """Every exercise's entry in the builder's list, off the sheet and on it: the same for every
    physiotherapist until content changes, and most of the builder's time when drawn per request."""
    return {e.slug: (_item(e, False), _item(e, True)) for e in Exercise.objects.only(*CARD_FIELDS)}


def found_items(found: list[Exercise], on_sheet: set[str]) -> list[SafeString]:
    kept = _kept_items()
    return [kept[e.slug][e.slug in on_sheet] if e.slug in kept else _item(e, e.slug in on_sheet) for e in found]


def private(view=None, *, referrer="no-referrer"):
    """A page that holds a patient's sheet: never stored by a cache, its address never in a Referer."""
    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = never_cache(view)(request, *args, **kwargs)
            # Set here, not by SecurityMiddleware's site-wide "same-origin": these pages need more.
            response["Referrer-Policy"] = referrer
            return response
        return wrapped
    return decorate(view) if view else decorate


# The builder posts its form to itself. Under "no-referrer" a browser sends `Origin: null` with a
# form's POST (Fetch standard), which Django's CSRF check rightly refuses, so the builder without
# JavaScript could not work. "strict-origin" sends the site's origin alone (https://host/), never the
# path or query that may hold a sheet (/prescribe/?sheet=...), and nothing over plain HTTP.
BUILDER_REFERRER = "strict-origin"


def bad_link(request):
    """The one answer to a link we can't open: nothing of it is echoed back (the page's own address,
    for the canonical link, is the builder's)."""
    context = {"page_url": request.build_absolute_uri(reverse("prescribe:builder"))}
    return render(request, "prescribe/bad_link.html", context, status=400)


@dataclass(frozen=True)
class Row:
    """One exercise on the sheet being built, with its dose fields."""

    number: int
    line: Line
    exercise: Exercise
    fields: list[dict]
    note_error: str = ""


def _rows(state: Builder, known: dict) -> list[Row]:
    rows = []
    for number, line in enumerate(state.lines, 1):
        exercise = known[line.slug]
        # "Time" only where it means something: an exercise timed in the library, or one given a time.
        timed = bool(exercise.duration_seconds or line.time or state.errors.get(f"time-{line.slug}"))
        fields = [{"name": f"{name}-{line.slug}", "label": FIELD_LABELS[name], "value": getattr(line, name),
                   "min": low, "max": high, "error": state.errors.get(f"{name}-{line.slug}", "")}
                  for name, (low, high) in LIMITS.items() if name != "time" or timed]
        rows.append(Row(number, line, exercise, fields, state.errors.get(f"note-{line.slug}", "")))
    return rows


@require_http_methods(["GET", "POST"])
@private(referrer=BUILDER_REFERRER)
@vary_on_headers("HX-Request")
def builder(request):
    data = request.POST if request.method == "POST" else request.GET
    # The blank builder (a GET that reads nothing): its list and filters are kept rendered by the
    # content version ({% cache %} in the template), so the database is read only to draw them. The
    # filters, their choices from the database, and the list are made when the template shows them (a
    # template calls a callable), so not when they are kept.
    find = cache(lambda: FindExercises(data))
    blank = request.method == "GET" and not any(name in request.GET for name in BUILDER_GET_READS)
    known = {} if blank else {e.slug: e for e in Exercise.objects.only(*CARD_FIELDS)}
    if request.method == "POST":
        state = Builder.from_data(request.POST, known)
    elif "sheet" in request.GET:  # "Edit this sheet": start from the sheet in the link
        try:
            state = Builder.from_sheet(read(request.GET["sheet"]), known)
        except BadLink:
            return bad_link(request)
    else:
        state = Builder()
    if state.token:  # on to the sharing page: the link, Copy, Share, the QR code, Print
        url = reverse("prescribe:share", args=[state.token])
        if request.htmx:  # a whole new page: htmx goes there itself
            response = HttpResponse(status=200)
            response["HX-Redirect"] = url
            return response
        return redirect(url)
    fragment = wants_fragment(request)
    found = cache(lambda: list(_found(**find().selected())))
    context = {
        "find": find, "found": found, "found_items": lambda: found_items(found(), state.slugs),
        "find_key": content_version() if blank else None,
        "filtering": lambda: any(name != "q" for name in find().selected()),
        "state": state, "rows": _rows(state, known),
        "max_exercises": MAX_EXERCISES, "max_note": MAX_NOTE, "max_line_note": MAX_LINE_NOTE, "max_name": MAX_NAME,
        "fragment": fragment,
    }
    template = "prescribe/builder.html" + ("#builder" if fragment else "")
    # htmx swaps nothing on a 4xx, so its answer is a 200 that shows the messages.
    status = 400 if state.errors and not fragment else 200
    return render(request, template, context, status=status)


@dataclass(frozen=True)
class Entry:
    number: int
    line: Line
    exercise: Exercise | None  # None: taken out of the library (or renamed) since the sheet was made

    @property
    def name(self) -> str:
        return self.exercise.title if self.exercise else self.line.slug.replace("-", " ").capitalize()

    @property
    def steps(self) -> list[str]:
        return self.line.steps(self.exercise) if self.exercise else []


@require_GET
@private
def sheet(request, token):
    try:
        sheet = read(token)
    except BadLink:
        return bad_link(request)
    if is_legacy(token):  # a link from before issue 29: read once, then on to its encrypted link
        return redirect("prescribe:sheet", encode(sheet), permanent=True)
    # One query, however many exercises: the sheet needs no related rows.
    found = {e.slug: e for e in Exercise.objects.filter(slug__in=sheet.slugs)
             .only(*CARD_FIELDS, "steps", "cues")}
    entries = [Entry(number, line, found.get(line.slug)) for number, line in enumerate(sheet.lines, 1)]
    path = reverse("prescribe:sheet", args=[token])
    context = {
        "sheet": sheet, "entries": entries, "missing": [e for e in entries if e.exercise is None],
        "qr": qr_svg(request.build_absolute_uri(path), title="QR code that opens this sheet on a phone"),
        "edit_url": f"{reverse('prescribe:builder')}?sheet={token}", "days": DAYS,
    }
    response = render(request, "prescribe/sheet.html", context)
    response["X-Robots-Tag"] = "noindex"  # a sheet is for one patient, never for a search engine
    return response


@require_GET
@private
def share(request, token):
    """After "Make the link": the physio's page for handing the sheet over (the link as text with Copy
    and, where the device has one, Share; a QR code to scan from the screen; the patient's view; Print;
    saving it as a template in this browser). Copy, Share and templates are static/js/prescribe.js;
    without it the link is still there to select, and the other buttons are links."""
    try:
        sheet = read(token)
    except BadLink:
        return bad_link(request)
    if is_legacy(token):
        return redirect("prescribe:share", encode(sheet), permanent=True)
    url = request.build_absolute_uri(reverse("prescribe:sheet", args=[token]))
    context = {
        "sheet": sheet, "token": token, "url": url,
        "qr": qr_svg(url, title="QR code that opens the patient's sheet on a phone"),
        "edit_url": f"{reverse('prescribe:builder')}?sheet={token}",
    }
    response = render(request, "prescribe/share.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
