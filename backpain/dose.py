"""How a dose is said, in one place: the exercise pages, the library, the routine and its sheet.

Plain Python (the routine composer is pure and uses it too). Times keep their number and unit on
one line with a no-break space.
"""

NBSP = "\u00a0"  # keeps "20 s" and "2 min" on one line


def minutes_text(seconds: int, approximate: bool = False) -> str:
    """90 -> '1½ min'; approximate times are rounded to the nearest half minute, at least ½."""
    halves = max(1, round(seconds / 30)) if approximate else round(seconds / 30)
    whole, half = divmod(halves, 2)
    if whole == 0:
        return f"½{NBSP}min"
    return f"{whole}{'½' if half else ''}{NBSP}min"


def dose_text(*, sets: int | None, reps: int | None, hold_seconds: int | None, duration_seconds: int | None,
              per_side: bool) -> str:
    """'2 sets of 10 reps, hold 3 s', 'Hold 20 s, 3 times', '20 s, 4 times', '5 min', '… each side'."""
    holding = f"hold {hold_seconds}{NBSP}s" if hold_seconds else ""
    timed = ""
    if duration_seconds:
        timed = minutes_text(duration_seconds) if duration_seconds >= 60 else f"{duration_seconds}{NBSP}s"
    times = sets if sets and sets > 1 else 0
    if reps:
        text = f"{reps} reps" + (f", {holding}" if holding else "")
        text = f"{times} sets of {text}" if times else text
    elif holding or timed:
        text = holding.capitalize() if holding else timed
        text = f"{text}, {times} times" if times else text
    else:
        text = f"{times} sets" if times else ""
    if per_side:
        text = f"{text} each side" if text else "Each side"
    return text


def days_text(days: int | None) -> str:
    """How often, for a home-exercise sheet: 'every day', '3 days a week', '1 day a week'."""
    if not days:
        return ""
    if days >= 7:
        return "every day"
    return f"{days} day{'' if days == 1 else 's'} a week"


def prescribed_text(*, sets: int | None, reps: int | None, hold_seconds: int | None, per_side: bool,
                    days: int | None) -> str:
    """A physiotherapist's dose, worded as the library words it, then how often:
    '2 sets of 10 reps, hold 3 s, each side, 5 days a week'."""
    text = dose_text(sets=sets, reps=reps, hold_seconds=hold_seconds, duration_seconds=None, per_side=per_side)
    often = days_text(days)
    if not often:
        return text
    return f"{text}, {often}" if text else often.capitalize()
