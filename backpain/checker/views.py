"""The symptom checker: one endpoint, /checker/. GET shows the questions; POST answers them.

Without JavaScript the form posts once and gets the result page (or the form back with errors,
status 400). With htmx the same endpoint answers two small POSTs, told apart by `step`:
`step=<group>` checks one group of questions and returns it as a fragment, and `step=advice`
returns the emergency advice as soon as an emergency sign is answered yes.

Privacy: answers come only in a POST body, never in a URL; nothing is stored or logged; every
response is marked no-store; the view never touches the session, so the only cookie is CSRF's.
"""

from urllib.parse import urlencode

from django.core.cache import caches
from django.db.models import Count, Q
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers

from backpain.content.models import BodyArea, Cause

from . import rules
from .forms import GROUPS_BY_NAME, CheckerForm

TEMPLATE = "checker/checker.html"
# Body areas the routine builder can focus on, and its focus when no likely cause suggests one.
FOCUS_AREAS = ("lower-back", "core", "hips", "hamstrings", "glutes")
DEFAULT_FOCUS = ("lower-back", "core")


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()  # if anything ever fails here, error reports show no answers
@never_cache  # Cache-Control: no-store (and private): answers and results must not be kept anywhere.
@vary_on_headers("HX-Request")
def checker(request):
    if request.method == "GET":
        # Any query string is ignored: answers are never read from a URL.
        return _blank_form(request)
    # Bodies over DATA_UPLOAD_MAX_MEMORY_SIZE are refused with 413 by RequestSizeLimitMiddleware;
    # one that gets past it raises RequestDataTooBig here, which Django answers with its 400 page.
    # Nothing in this view catches it.
    form = CheckerForm(request.POST)
    valid = form.is_valid()
    step = request.POST.get("step", "") if request.htmx else ""
    if step == "advice":
        return _emergency_advice(request, form)
    if step in GROUPS_BY_NAME:
        return _step(request, form, step)
    if not valid:
        return render(request, TEMPLATE, {"form": form}, status=400)
    return _result(request, form)


# The blank form is the same page for everyone but for its CSRF token: render it once per process
# with a placeholder, and put each visitor's own fresh token in. No token is ever shared.
CSRF_PLACEHOLDER = "csrf-token-placeholder-for-this-visitor"


def _blank_form(request):
    key = f"checker-blank-page:{request.scheme}://{request.get_host()}"
    page = caches["local"].get(key)
    if page is None:
        page = render_to_string(TEMPLATE, {"form": CheckerForm(), "csrf_token": CSRF_PLACEHOLDER}, request)
        caches["local"].set(key, page, timeout=3600)
    return HttpResponse(page.replace(CSRF_PLACEHOLDER, get_token(request)))


def _emergency_advice(request, form):
    """The emergency advice if any emergency sign so far is `yes`; otherwise an empty fragment."""
    context = {
        "advice": rules.emergency_signs(form.answers(rules.EMERGENCY_SIGNS)),
        # Move focus to the advice when it first appears, not each time it is redrawn.
        "advice_focus": "advice_shown" not in request.POST,
    }
    return render(request, f"{TEMPLATE}#advice", context)


def _step(request, form, name):
    """One group of questions, checked: marked data-step-valid to move on, or with its errors.

    Always 200: the check itself succeeded, and htmx (and django-htmx's debug handler) treat a
    4xx fragment as a failed request rather than content to show. A full POST with errors is 400.
    """
    errors = form.error_summary(GROUPS_BY_NAME[name].fields)
    context = {"form": form, "g": form.group(name), "stepped": True, "step_errors": errors}
    return render(request, f"{TEMPLATE}#step", context)


def _result(request, form):
    answers = form.answers()
    outcome = rules.triage(answers)
    causes = likely_causes(answers)
    context = {
        "form": form,
        "outcome": outcome,
        "answered": form.answered(),
        "causes": causes,
        "context_answered": any(name in answers for name in rules.CONTEXT_FIELDS),
        "rules_version": rules.RULES_VERSION,
        "rules_reviewed": rules.RULES_REVIEWED,
    }
    if outcome.offers_routine:
        context["focus_areas"] = focus_areas([item["cause"] for item in causes[:4]])  # the causes shown in full
        context["routine_url"] = routine_url(outcome.level, [area.slug for area in context["focus_areas"]])
    return render(request, TEMPLATE, context)


def context_entries(answers) -> set[str]:
    """The context answers as the `field=value` strings causes list in `suggested_by`."""
    entries = set()
    for name in rules.CONTEXT_FIELDS:
        value = answers.get(name)
        for item in value if isinstance(value, tuple | list) else [value]:
            if item:
                entries.add(f"{name}={item}")
    return entries


def likely_causes(answers) -> list[dict]:
    """Causes whose `suggested_by` lists one of these context answers, most matches first (one query)."""
    entries = context_entries(answers)
    if not entries:
        return []
    query = Q()
    for entry in entries:
        query |= Q(suggested_by__contains=entry)
    found = []
    for cause in Cause.objects.filter(query).only("slug", "title", "summary", "order", "suggested_by"):
        # `contains` narrows in the database; the exact match is on whole lines.
        matched = [entry for entry in cause.suggested_by_list if entry in entries]
        if matched:
            found.append({"cause": cause, "because": [_describe_entry(entry) for entry in matched]})
    found.sort(key=lambda item: (-len(item["because"]), item["cause"].order, item["cause"].title))
    return found


def _describe_entry(entry: str) -> str:
    name, value = entry.split("=", 1)
    question = rules.QUESTIONS[name]
    return f"{question.short}: {question.describe(value).lower()}"


def focus_areas(causes, most=3) -> list[BodyArea]:
    """The routine's focus: the body areas most of the likely causes' exercises work (one query).

    At most three, so the routine stays focused; lower back and core when no cause points anywhere.
    """
    hits = Count("exercises__causes", filter=Q(exercises__causes__in=causes), distinct=True)
    areas = list(BodyArea.objects.filter(slug__in=FOCUS_AREAS).annotate(hits=hits).order_by("order"))
    chosen = sorted((area for area in areas if area.hits), key=lambda area: -area.hits)[:most]  # stable
    chosen = sorted(chosen, key=lambda area: area.order)
    return chosen or [area for area in areas if area.slug in DEFAULT_FOCUS]


def routine_url(level: str, focus: list[str]) -> str:
    # The level and body areas only: no answer ever goes into a URL.
    return f"{reverse('routines:builder')}?{urlencode({'triage': level, 'focus': focus}, doseq=True)}"
