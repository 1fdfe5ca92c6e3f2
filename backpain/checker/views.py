"""The symptom checker: one endpoint, /checker/. GET shows the questions; POST answers them.

Without JavaScript the form posts once and gets the result page (or the form back with errors,
status 400, with the emergency advice first if the answers given already make an emergency).
With htmx the same endpoint answers two small POSTs, told apart by `step`:
`step=<group>` checks one group of questions and returns it as a fragment, and `step=advice`
returns the emergency advice as soon as an emergency sign is answered yes.

Privacy: answers come only in a POST body, never in a URL; nothing is stored or logged; every
response is marked no-store; the view never touches the session, so the only cookie is CSRF's.
"""

from functools import cache
from urllib.parse import urlencode

from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from backpain.caching import cached_page

from . import rules
from .forms import GROUPS_BY_NAME, ORDER_ASKED, CheckerForm
from .suggestions import focus_areas, likely_causes

TEMPLATE = "checker/checker.html"
# The likely causes a result shows in full, ranked; the rest are one click away ("More causes").
CAUSES_SHOWN = 3


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
        # Never a result for an unfinished form, with one exception: an answer that already makes an
        # emergency (a yes to an emergency sign) shows the emergency advice first, whatever is missing.
        # No other level is shown until every required question is answered.
        advice = rules.emergency_signs(form.answers())
        return render(request, TEMPLATE, {"form": form, "advice_first": advice}, status=400)
    return _result(request, form)


def _blank_form(request):
    # The questions are the same for everyone and kept rendered ({% cache %} in the template); the
    # CSRF token around them is this visitor's own.
    return render(request, TEMPLATE, {"form": CheckerForm()})


def _emergency_advice(request, form):
    """The emergency advice if any emergency sign so far is `yes`; otherwise an empty fragment."""
    context = {
        # Every answer so far: "not sure" on a cauda equina sign is an emergency with leg symptoms.
        "advice": rules.emergency_signs(form.answers()),
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
        "outcome": outcome,
        "answer_count": len(answers),
        "answer_list": answer_list(answers),
        "causes": causes,
        "context_answered": any(name in answers for name in rules.CONTEXT_FIELDS),
        "rules_version": rules.RULES_VERSION,
        "rules_reviewed": rules.RULES_REVIEWED,
        "emergency_questions": rules.EMERGENCY_QUESTIONS,  # the self-care safety net
    }
    if outcome.offers_routine:
        shown = causes[:CAUSES_SHOWN]
        context["focus_areas"] = focus_areas([item["cause"] for item in shown])
        context["routine_url"] = routine_url([area.slug for area in context["focus_areas"]])
    return render(request, TEMPLATE, context)


@require_GET
@cached_page(shared=False)  # the same for everyone, from rules that change only with a release
def how_it_decides(request):
    """Every rule in plain words, grouped by level, drawn from the rules the checker runs."""
    context = {
        "levels": [(level, rules.LEVEL_LABELS[level], level_rules) for level, level_rules in rules.rules_by_level()],
        "tag_notes": TAG_NOTES,
        "notes": rules.result_notes(),
        "changes": rules.CHANGES,
        "kept_on_purpose": rules.KEPT_ON_PURPOSE,
        "earlier_changes": rules.EARLIER_CHANGES,
        "earlier_version": rules.EARLIER_VERSION,
        "rules_version": rules.RULES_VERSION,
        "previous_version": rules.PREVIOUS_VERSION,
        "rules_reviewed": rules.RULES_REVIEWED,
        "rule_count": len(rules.RULES),
    }
    return render(request, "checker/how_it_decides.html", context)


# What a result says besides its level, for each tag a rule can carry (shown beside those rules).
TAG_NOTES = {
    rules.CAUDA_EQUINA: "The result also says to tell the staff: “I am worried about cauda equina syndrome.”",
    rules.BONE_STRESS: "The result also says: stop running and jumping until a professional has checked you. "
                       "No running routine is offered.",
    rules.PREGNANT: "No running routine is offered. The result says to ask your midwife or a pelvic health "
                    "physiotherapist what exercise suits you.",
    rules.PREGNANCY_SIGNS: "The result says to call your maternity unit or midwife now.",
    rules.PREGNANCY_TEST: "No running routine is offered. The result says to take a pregnancy test first and, if it "
                          "is positive, to tell your midwife or doctor about the back pain.",
    rules.RECENT_BIRTH: "No running routine or return-to-running plan is offered. The result says to see a pelvic "
                        "health physiotherapist first.",
    rules.PELVIC_HEALTH: "The routine is offered, with a note: a pelvic health check before you return to running "
                         "is recommended, and a leak when running is common and treatable.",
}


ANSWER_ROW = "<div><dt>{}</dt><dd>{}</dd></div>"


@cache
def _choice_rows() -> dict[tuple[str, str], str]:
    """The summary row for each single answer to each question, escaped once.

    They come from the rules, not from anyone's answers, so they can be kept.
    """
    return {(question.name, value): format_html(ANSWER_ROW, question.short, question.describe(value))
            for question in rules.QUESTIONS.values() for value in question.values}


def answer_list(answers: dict) -> str:
    """Every answer given, in the order asked, as a <dl>: shown on screen and again when printed.

    Built here rather than by a template loop (twice): measured on 1 December 2026 with 27 answers,
    the loop took 0.5 ms a time, 1 ms of a 9 ms result page; this takes 0.04 ms.
    """
    rows = _choice_rows()
    html = []
    for name in ORDER_ASKED:
        if name in answers:
            answer = answers[name]
            question = rules.QUESTIONS[name]
            row = rows.get((name, answer)) or format_html(ANSWER_ROW, question.short, question.describe(answer))
            html.append(row)
    # Every row was built by format_html, so the joined rows are already escaped.
    return format_html('<dl class="answer-list">\n{}\n</dl>', mark_safe("\n".join(html)))  # noqa: S308


def routine_url(focus: list[str]) -> str:
    # Body areas only: no answer, and not the result's level, ever goes into a URL (an address reaches
    # logs and history). The link is shown only when the result offers a routine.
    return f"{reverse('routines:builder')}?{urlencode({'focus': focus}, doseq=True)}"
