"""The plan as an iCalendar file (.ics) for a phone's calendar, written with the icalendar library.

Each session is an event with what to do in its description and run mode for its stage as its URL;
rest days have no event. Event
ids come from the plan's inputs, so downloading the same plan again updates the same events instead of
adding copies. No Django here: the view gives the links and the time stamp.
"""

from __future__ import annotations

import datetime

from icalendar import Alarm, Calendar, Event

from .plan import COOL_DOWN_MINUTES, WARM_UP_MINUTES, Plan, Session

PRODUCT_ID = "-//Back on Track//Return to running//EN"
NAME = "Return to running"


def session_url(url: str, session: Session, sessions_per_week: int) -> str:
    """Run mode or the check-in for the session's stage (the only things their GETs read)."""
    return f"{url}?stage={session.stage.number}&sessions={sessions_per_week}"


def describe(session: Session, *, plan_url: str, check_in_url: str, run_url: str, warm_up_url: str,
             sessions_per_week: int = 3) -> str:
    stage = session.stage
    return "\n".join((
        f"Stage {stage.number}: {stage.name} (week {session.week}, session {session.number}).",
        f"1. Warm-up: walk for {WARM_UP_MINUTES} minutes. Warm-up moves: {warm_up_url}",
        f"2. {stage.main_text.replace(chr(0xA0), ' ')}.",
        f"3. Cool-down: walk for {COOL_DOWN_MINUTES} minutes.",
        "Pain during the run: 0 to 3 is fine; 4 or 5 is a warning; over 5 is too much, so stop running.",
        f"Run mode, which times every step for you: {session_url(run_url, session, sessions_per_week)}",
        f"The next morning, check in: {session_url(check_in_url, session, sessions_per_week)}",
        f"Your plan: {plan_url}",
        "Education, not diagnosis.",
    ))


# A reminder before each session: an hour before a session at a time of day, or at 8 in the morning
# of an all-day one.
REMINDER_BEFORE = datetime.timedelta(hours=1)
ALL_DAY_REMINDER = datetime.timedelta(hours=8)


def _reminder(session: Session) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"Walk-run today: stage {session.stage.number}, {session.stage.name}")
    return alarm


def plan_calendar(plan: Plan, *, plan_url: str, check_in_url: str, run_url: str, warm_up_url: str,
                  stamp: datetime.datetime, at: datetime.time | None = None) -> bytes:
    """One event per session, each with a reminder: all-day events, or at the time of day `at`."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", NAME)
    inputs = plan.inputs
    key = f"{inputs.start:%Y%m%d}-{inputs.sessions_per_week}-{inputs.first_stage}"
    for index, session in enumerate(plan.sessions, start=1):
        event = Event()
        event.add("uid", f"running-{key}-{index}@back-on-track")
        event.add("dtstamp", stamp)
        alarm = _reminder(session)
        if at is None:
            event.add("dtstart", session.date)
            event.add("dtend", session.date + datetime.timedelta(days=1))
            alarm.add("trigger", ALL_DAY_REMINDER)
        else:
            # Floating local time: the runner's own clock, wherever the phone is.
            begins = datetime.datetime.combine(session.date, at)
            event.add("dtstart", begins)
            event.add("dtend", begins + datetime.timedelta(minutes=session.stage.total_minutes))
            alarm.add("trigger", -REMINDER_BEFORE)
        event.add_component(alarm)
        event.add("summary", f"Walk-run: stage {session.stage.number}, {session.stage.name}")
        sessions = plan.inputs.sessions_per_week
        event.add("description", describe(session, plan_url=plan_url, check_in_url=check_in_url, run_url=run_url,
                                           warm_up_url=warm_up_url, sessions_per_week=sessions))
        # Opening the event on the day starts the session: run mode for its stage (the plan is in the description).
        event.add("url", session_url(run_url, session, sessions))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy block
        calendar.add_component(event)
    return calendar.to_ical()
