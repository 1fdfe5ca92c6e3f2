"""How a dose is said, in one place: the exercise pages, the library, the routine, the physio's sheet,
and the steps of every exercise.

Plain Python (the routine composer is pure and uses it too). Times keep their number and unit on
one line with a no-break space.

An exercise's steps say how to move; its numbers come only from the dose (issue 29). A step names
where a number goes with a placeholder, filled here from whichever dose the page shows (the
library's, a routine's, a physiotherapist's):

- `{reps}`: "10 reps", "1 rep", and "… each side" when the dose is per side;
- `{hold}`: "3 s", "1½ min";
- `{time}`: how long to keep going: "20 s", "5 min";
- `{sets}`: "3 sets", only when there is more than one.

A sentence whose number the dose doesn't have is left out ("Hold for {hold}." on a dose with no
hold), so is one that still writes a number of its own, and a step left with nothing is dropped.
`step_problems` is the check the loader and the admin share: it refuses a step that writes a dose
number itself ("Do 8 on each side").
"""

import re

NBSP = "\u00a0"  # keeps "20 s" and "2 min" on one line


def minutes_text(seconds: int, approximate: bool = False) -> str:
    """90 -> '1½ min'; approximate times are rounded to the nearest half minute, at least ½."""
    halves = max(1, round(seconds / 30)) if approximate else round(seconds / 30)
    whole, half = divmod(halves, 2)
    if whole == 0:
        return f"½{NBSP}min"
    return f"{whole}{'½' if half else ''}{NBSP}min"


def seconds_text(seconds: int) -> str:
    """A hold or a time as it is said everywhere: '30 s', '2 min', '1½ min', '75 s'."""
    if seconds >= 60 and seconds % 30 == 0:
        return minutes_text(seconds)
    return f"{seconds}{NBSP}s"


def reps_text(reps: int) -> str:
    """'1 rep', '10 reps'."""
    return f"{reps} rep{'' if reps == 1 else 's'}"


def sets_text(sets: int) -> str:
    """'1 set', '3 sets'."""
    return f"{sets} set{'' if sets == 1 else 's'}"


def dose_text(*, sets: int | None, reps: int | None, hold_seconds: int | None, duration_seconds: int | None,
              per_side: bool) -> str:
    """'2 sets of 10 reps, hold 3 s', '3 sets of 1 rep', 'Hold 20 s, 3 times', '20 s, 4 times', '5 min',
    '… each side'."""
    holding = f"hold {seconds_text(hold_seconds)}" if hold_seconds else ""
    timed = seconds_text(duration_seconds) if duration_seconds else ""
    times = sets if sets and sets > 1 else 0
    if reps:
        text = reps_text(reps) + (f", {holding}" if holding else "")
        text = f"{sets_text(times)} of {text}" if times else text
    elif holding or timed:
        text = holding.capitalize() if holding else timed
        text = f"{text}, {times} times" if times else text
    else:
        text = sets_text(times) if times else ""
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
                    days: int | None, duration_seconds: int | None = None) -> str:
    """A physiotherapist's dose, worded as the library words it, then how often:
    '2 sets of 10 reps, hold 3 s, each side, 5 days a week'."""
    text = dose_text(sets=sets, reps=reps, hold_seconds=hold_seconds, duration_seconds=duration_seconds,
                     per_side=per_side)
    often = days_text(days)
    if not often:
        return text
    return f"{text}, {often}" if text else often.capitalize()


# --- The steps ----------------------------------------------------------------------------------
SLOTS = ("reps", "hold", "time", "sets")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# A number a step may not write: any figure at all, or a number word with a dose's unit ("eight reps",
# "a minute", "twice"). Words like "one leg" or "the other side" are how to move, and stay.
_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|"
          r"fifty|sixty|a couple of|a few")
_UNITS = (r"reps?|repetitions?|times|seconds?|secs?|minutes?|mins?|sets?|lifts?|circles?|swings?|strides?|"
          r"lunges?|raises?|rounds?|steps")
DOSE_NUMBER = re.compile(rf"\d+(?:[.,½]\d+)?½?|½|\b(?:{_WORDS})\s+(?:{_UNITS})\b|\b(?:twice|thrice)\b"
                         r"|\ba\s+(?:minute|second)\b", re.IGNORECASE)


def dose_words(*, sets: int | None, reps: int | None, hold: int | None, time: int | None, per_side: bool
               ) -> dict[str, str]:
    """What each placeholder says for one dose; empty where the dose has no such number."""
    return {
        "reps": (reps_text(reps) + (" each side" if per_side else "")) if reps else "",
        "hold": seconds_text(hold) if hold else "",
        "time": seconds_text(time) if time else "",
        "sets": sets_text(sets) if sets and sets > 1 else "",
    }


def fill_step(step: str, words: dict[str, str]) -> str:
    """One step with the dose's numbers in place; sentences the dose has no number for are left out,
    and so is one that writes a dose number itself (stored before the placeholders, in an exercise
    edited in admin): the page shows one dose, the dose's."""
    kept = []
    for sentence in SENTENCE_END.split(step):
        names = PLACEHOLDER.findall(sentence)
        if any(not words.get(name) for name in names) or DOSE_NUMBER.search(PLACEHOLDER.sub("", sentence)):
            continue
        kept.append(PLACEHOLDER.sub(lambda found: words[found.group(1)], sentence))
    return " ".join(kept)


def fill_steps(steps: list[str], *, sets: int | None, reps: int | None, hold: int | None, time: int | None,
               per_side: bool) -> list[str]:
    """An exercise's steps for one dose (see the module's note)."""
    words = dose_words(sets=sets, reps=reps, hold=hold, time=time, per_side=per_side)
    return [text for text in (fill_step(step, words) for step in steps) if text]


def step_problems(step: str) -> list[str]:
    """What is wrong with one step as written, in an editor's words (empty when it is fine)."""
    found = []
    for name in PLACEHOLDER.findall(step):
        if name not in SLOTS:
            found.append(f"{{{name}}} is not a dose placeholder (use {{reps}}, {{hold}}, {{time}} or {{sets}})")
    if "{" in PLACEHOLDER.sub("", step) or "}" in PLACEHOLDER.sub("", step):
        found.append("a brace without its pair: a placeholder is written like {hold}")
    for number in DOSE_NUMBER.finditer(PLACEHOLDER.sub("", step)):
        found.append(f"“{number.group(0)}” is a dose number: the dose gives the numbers, so write {{reps}}, "
                     "{hold}, {time} or {sets} where it goes")
    return found
