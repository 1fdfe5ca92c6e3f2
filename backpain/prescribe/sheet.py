"""A home-exercise sheet, carried whole in its link: plain data in, a signed token out, no database.

The token is Django's signing over a compact list (exercise slugs and numbers, the note and two
names), compressed. Only this builder can make one that opens (its own salt and the site's secret);
a tampered, truncated, over-long or foreign token is a BadLink, which the view turns into a 400
page. Signing is not encryption: the note can be read by anyone holding the link, so the builder
asks for nothing about the patient.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import signing

from backpain.dose import days_text, prescribed_text

SALT = "backpain.prescribe.sheet"
FORMAT = 1  # the first item of every token; a new layout gets a new number
MAX_EXERCISES = 12
MAX_NOTE = 400
MAX_NAME = 80
# A longer link makes a QR code too dense to scan from paper; the builder refuses to make one.
MAX_TOKEN = 1500
# (lowest, highest) for each number of a dose; 0 reps or 0 s hold means none.
LIMITS = {"sets": (1, 10), "reps": (0, 50), "hold": (0, 300), "days": (1, 7)}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class BadLink(Exception):
    """A link this builder did not make, or one that was changed or cut short."""


@dataclass(frozen=True)
class Line:
    """One exercise on the sheet and its dose."""

    slug: str
    sets: int = 1
    reps: int = 0
    hold: int = 0
    per_side: bool = False
    days: int = 7

    @property
    def dose(self) -> str:
        return prescribed_text(sets=self.sets, reps=self.reps or None, hold_seconds=self.hold or None,
                               per_side=self.per_side, days=self.days)

    @property
    def often(self) -> str:
        return days_text(self.days)

    @property
    def timed(self) -> bool:
        """A hold to count: the timer is offered."""
        return self.hold > 0

    @classmethod
    def from_exercise(cls, exercise) -> Line:
        """The library's own dose as a start (duck-typed Exercise); a timed one becomes a hold."""
        reps = exercise.reps or 0
        hold = exercise.hold_seconds or 0
        if not hold and not reps and exercise.duration_seconds:
            hold = exercise.duration_seconds
        low, high = LIMITS["hold"]
        return cls(slug=exercise.slug, sets=min(max(exercise.sets or 1, 1), LIMITS["sets"][1]),
                   reps=min(reps, LIMITS["reps"][1]), hold=min(max(hold, low), high),
                   per_side=bool(exercise.per_side))


@dataclass(frozen=True)
class Sheet:
    lines: tuple[Line, ...] = ()
    note: str = ""
    clinic: str = ""
    therapist: str = ""

    @property
    def slugs(self) -> list[str]:
        return [line.slug for line in self.lines]


def problems(sheet: Sheet) -> list[str]:
    """What makes a sheet invalid, in words (empty when it is fine)."""
    found = []
    if not 1 <= len(sheet.lines) <= MAX_EXERCISES:
        found.append(f"a sheet has 1 to {MAX_EXERCISES} exercises")
    if len(set(sheet.slugs)) != len(sheet.slugs):
        found.append("an exercise is on it twice")
    for line in sheet.lines:
        if not isinstance(line.slug, str) or len(line.slug) > 100 or not SLUG.match(line.slug):
            found.append("an exercise name is not one of ours")
        for name, (low, high) in LIMITS.items():
            value = getattr(line, name)
            if type(value) is not int or not low <= value <= high:
                found.append(f"{name} must be {low} to {high}")
        if type(line.per_side) is not bool:
            found.append("each side is yes or no")
    for name, limit in (("note", MAX_NOTE), ("clinic", MAX_NAME), ("therapist", MAX_NAME)):
        value = getattr(sheet, name)
        if not isinstance(value, str) or len(value) > limit:
            found.append(f"the {name} is at most {limit} characters")
    return found


def encode(sheet: Sheet) -> str:
    """The signed token for a valid sheet (ValueError if it is not valid)."""
    wrong = problems(sheet)
    if wrong:
        raise ValueError("; ".join(wrong))
    data = [FORMAT, [[line.slug, line.sets, line.reps, line.hold, int(line.per_side), line.days]
                     for line in sheet.lines], sheet.note, sheet.clinic, sheet.therapist]
    # No timestamp (Signer, not signing.dumps): a sheet has one link, however often it is made.
    return signing.Signer(salt=SALT).sign_object(data, compress=True)


def decode(token: str) -> Sheet:
    """The sheet a token carries, or BadLink. Checks the length before any work, then the signature,
    then every field (a valid signature over a wrong shape is still refused)."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN:
        raise BadLink("too long" if token else "empty")
    try:
        data = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError, UnicodeError, OverflowError) as error:
        raise BadLink("not signed by this builder") from error
    try:
        version, rows, note, clinic, therapist = data
        if version != FORMAT:
            raise BadLink("an unknown format")
        lines = tuple(Line(slug, sets, reps, hold, bool(side), days) if side in (0, 1) else None
                      for slug, sets, reps, hold, side, days in rows)
    except (TypeError, ValueError) as error:
        raise BadLink("the wrong shape") from error
    if None in lines:
        raise BadLink("the wrong shape")
    sheet = Sheet(lines, note, clinic, therapist)
    if problems(sheet):
        raise BadLink("; ".join(problems(sheet)))
    return sheet
