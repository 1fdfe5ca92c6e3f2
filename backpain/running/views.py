"""Return to running (/return-to-running/): the plan, its calendar file and printable week card, and the
check-in after a session.

The plan, the calendar file and the card read only their GET parameters (start, sessions, stage, and
the card's week), so every plan has a stable address to share, print as a QR code or bookmark. They
are not cached whole (a plan is a pure function over a few dozen sessions, with no database query):
the parts of the start page, plan and run mode with no form in them are kept rendered ({% cache %} in
their templates, in this process's bounded cache) by validated values alone: the canonical plan query
and today, the stage.

The start page asks who the plan is for (the gate, return-to-running.md) and the check-in asks how a
session went: both are POSTs. Privacy, as in the symptom checker: answers come only in a POST body,
never in a URL (a plan's link carries only start, sessions and stage; the check-in's GET reads only the
stage a plan's link gives it); nothing is stored or logged; every response is marked no-store.
A runner may keep their check-ins in their own browser (static/js/running.js); the server never sees
that history.
"""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from backpain.caching import wants_fragment
from backpain.qr import public_qr_svg

from .checkin import UNSURE, WARNING_SIGNS, decide, early_stop
from .forms import (
    GATE_FIELDS,
    CalendarForm,
    CardForm,
    CheckInForm,
    GateForm,
    PlanForm,
    sessions_from_link,
    stage_from_link,
    with_defaults,
)
from .ics import plan_calendar
from .markup import chart_svg, week_rows
from .plan import BY_NUMBER, COOL_DOWN_MINUTES, PAIN_ZONES, STAGES, TRIAL_TOP_STAGE, WARM_UP_MINUTES, make_plan
from .session import timeline, total_seconds
from .track import bitrate_kbps, file_name

CHECK_IN_TEMPLATE = "running/check_in.html"
# The routine builder's warm-up and cool-down for an easy run, as long as the plan's walks.
WARM_UP_QUERY = f"run=easy&warmup={WARM_UP_MINUTES}&cooldown={COOL_DOWN_MINUTES}"


def warm_up_url() -> str:
    return f"{reverse('routines:builder')}?{WARM_UP_QUERY}"


def _common() -> dict:
    return {"stages": STAGES, "zones": PAIN_ZONES, "trial_top_stage": TRIAL_TOP_STAGE,
            "warm_up_minutes": WARM_UP_MINUTES, "cool_down_minutes": COOL_DOWN_MINUTES,
            "warm_up_url": warm_up_url()}


def _bad_plan(request, form):
    """The start page with the form and its messages: a plan can't be made from these values."""
    return render(request, "running/start.html", {**_common(), "form": form}, status=400)


def _form_from_link(request, form_class=PlanForm):
    """The plan's form as its link fills it (defaults for what the link leaves out), and today."""
    today = timezone.localdate()
    return form_class(with_defaults(request.GET, today), today=today), today


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()  # the gate's answers are health answers: never in error reports
@never_cache
def start(request):
    """The gate, then the plan: any yes or not sure gets advice instead (200); all no, the plan's link."""
    today = timezone.localdate()
    if request.method == "GET":
        form = GateForm(initial={"start": today, "sessions": 3, "stage": 1}, today=today)
        return render(request, "running/start.html", {**_common(), "form": form})
    form = GateForm(request.POST, today=today)
    if not form.is_valid():
        return render(request, "running/start.html", {**_common(), "form": form}, status=400)
    not_for_you = form.not_for_you()
    if not_for_you:
        unsure = [name for name in GATE_FIELDS if form.cleaned_data[name] == UNSURE]
        return render(request, "running/start.html", {**_common(), "form": form, "not_for_you": not_for_you,
                                                      "unsure_fields": unsure})
    return redirect(f"{reverse('running:plan')}?{form.query()}")


@require_GET
def plan(request):
    form, today = _form_from_link(request)
    if not form.is_valid():
        return _bad_plan(request, form)
    the_plan = make_plan(form.inputs())
    current = the_plan.week_on(today)
    query = form.query()
    context = {
        **_common(),
        "form": form,
        "plan": the_plan,
        # Drawn when the template shows them (a template calls a callable): not when the page's
        # {% cache %} holds them, under plan_key, what they are built from (validated, and today).
        "chart_svg": lambda: chart_svg(the_plan.inputs),
        "week_rows": lambda: week_rows(the_plan.inputs, current.number if current else None, query),
        "plan_key": (query, today.isoformat()),
        "today": today,
        "current_week": current,
        "query": query,
        # The stage the runner is most likely checking in for: this week's, or the first.
        "checkin_form": CheckInForm(initial={"stage": (current or the_plan.weeks[0]).stage.number,
                                             "from_plan": True, "sessions": the_plan.inputs.sessions_per_week}),
        "warning_signs": WARNING_SIGNS,
    }
    return render(request, "running/plan.html", context)


@require_GET
def calendar(request):
    form, _today = _form_from_link(request, CalendarForm)
    if not form.is_valid():
        return _bad_plan(request, form)
    body = plan_calendar(
        make_plan(form.inputs()),
        plan_url=request.build_absolute_uri(f"{reverse('running:plan')}?{form.query()}"),
        check_in_url=request.build_absolute_uri(reverse("running:check_in")),  # the stage is added per event
        run_url=request.build_absolute_uri(reverse("running:run")),
        warm_up_url=request.build_absolute_uri(warm_up_url()),
        stamp=timezone.now(),
        at=form.cleaned_data["time"],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="return-to-running.ics"'
    return response


@require_GET
def card(request):
    """One week of the plan on one printed page: tick boxes, pain boxes, the rules and a QR code."""
    form, today = _form_from_link(request, CardForm)
    if not form.is_valid():
        return _bad_plan(request, form)
    the_plan = make_plan(form.inputs())
    number = form.cleaned_data["week"]
    if number is None:
        current = the_plan.week_on(today)
        number = current.number if current else 1
    if number > len(the_plan.weeks):
        form.add_error("week", f"This plan has {len(the_plan.weeks)} weeks: choose one of them.")
        return _bad_plan(request, form)
    query = form.query()
    plan_path = f"{reverse('running:plan')}?{query}"
    week = the_plan.weeks[number - 1]
    session_query = f"stage={week.stage.number}&sessions={the_plan.inputs.sessions_per_week}"
    run_path = f"{reverse('running:run')}?{session_query}"
    context = {
        **_common(),
        "plan": the_plan,
        "week": week,
        "plan_url": plan_path,
        "query": query,
        "short_url": f"{request.get_host()}{plan_path}",
        # Scanned at the start of a session, the card opens run mode for its week's stage.
        "qr": public_qr_svg(request.build_absolute_uri(run_path),
                     title="QR code that opens run mode for this week's sessions"),
        "check_in_url": f"{request.get_host()}{reverse('running:check_in')}?{session_query}",
        "run_path": run_path,
        "run_url": f"{request.get_host()}{run_path}",
        "today": today,
    }
    return render(request, "running/card.html", context)


@require_http_methods(["GET", "POST"])
@sensitive_post_parameters()  # if anything ever fails here, error reports show no answers
@never_cache  # Cache-Control: no-store: answers and decisions must not be kept anywhere
@vary_on_headers("HX-Request")
def check_in(request):
    if request.method == "GET":
        # Answers are never read from a URL: only the stage a plan's link gives (?stage=N), to fill in.
        stage = stage_from_link(request.GET)
        initial = {"stage": stage, "from_plan": True, "sessions": sessions_from_link(request.GET)} if stage else {}
        return render(request, CHECK_IN_TEMPLATE, {"checkin_form": CheckInForm(initial=initial),
                                                   "warning_signs": WARNING_SIGNS})
    form = CheckInForm(request.POST)
    answers = decision = None
    if form.is_valid():
        answers = form.answers()
        decision = decide(answers)
    else:
        # An emergency or warning sign answered yes or "not sure" stops the runner whatever else is missing.
        decision = early_stop(*form.early_answers())
    status = 200 if decision else 400
    template = CHECK_IN_TEMPLATE
    if wants_fragment(request):
        template += "#check-in"
        status = 200  # htmx swaps nothing on a 4xx, so the messages would never show
    context = {"checkin_form": form, "answers": answers, "decision": decision, "warning_signs": WARNING_SIGNS,
               "update_plan_url": _updated_plan_url(form, decision),
               "from_plan": form.data.get("from_plan") in ("True", "true", "1", "on"),
               "next_stage": BY_NUMBER.get(decision.stage) if decision and decision.stage else None}
    return render(request, template, context, status=status)


@require_GET
def run(request):
    """Run mode for one session (?stage=N): every step in order; the script counts each one down."""
    stage = BY_NUMBER.get(stage_from_link(request.GET))
    if stage is None:
        return render(request, "running/run.html", {**_common(), "bad_stage": True}, status=400)
    steps = timeline(stage)
    seconds = total_seconds(steps)
    context = {
        **_common(),
        "stage": stage,
        "steps": steps,
        "total_minutes": round(seconds / 60),
        # The stage's audio track, a committed static file (make audio-tracks): its size follows from
        # its length and constant bitrate, so the page never reads the file.
        "audio_file": f"audio/{file_name(stage.number)}",
        "audio_megabytes": f"{seconds * bitrate_kbps(seconds) / 8000:.1f}",
        # Asked when the session ends (without JavaScript, below the steps), with the stage filled in.
        "checkin_form": CheckInForm(initial={"stage": stage.number, "from_plan": True,
                                             "sessions": sessions_from_link(request.GET)}),
        "warning_signs": WARNING_SIGNS,
    }
    return render(request, "running/run.html", context)


def _updated_plan_url(form, decision) -> str:
    """"Update my plan": a plan from today at the stage the decision gives (none after a stop)."""
    if decision is None or decision.stage is None or not form.is_valid():
        return ""
    query = f"start={timezone.localdate().isoformat()}&sessions={form.cleaned_data['sessions']}&stage={decision.stage}"
    return f"{reverse('running:plan')}?{query}"
