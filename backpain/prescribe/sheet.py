"""A home-exercise sheet, carried whole in its link: plain data in, an encrypted token out, no database.

The token is a compact list (exercise slugs, numbers and notes, the sheet's note and two names) as JSON,
compressed, then encrypted and authenticated with AES-SIV (`cryptography`), a key made from the
site's secret key by HKDF with this feature's own purpose string. Without the server's key nobody
can read it (an access log, a browser's history, a Referer) or change it; a tampered, truncated,
over-long, foreign or other-purpose token is a BadLink, which the view turns into a 400 page.

Why AES-SIV: it is deterministic, so one sheet always has one link and one QR code however often it
is made, and it stays safe without a random nonce (RFC 5297). What it gives away: that two links
carry the same sheet, and roughly how long the sheet is.

Links made before issue 29 were only signed (Django's Signer, readable by anyone): `decode_legacy`
still reads them so that a patient's old link opens once and is sent on to its new, encrypted link.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESSIV
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core import signing

from backpain.dose import days_text, prescribed_text

PURPOSE = b"backpain.prescribe.sheet.v2"  # HKDF's info and the AEAD's associated data: this key for this only
FORMAT = 2  # the first byte of every token; a new layout gets a new number
LEGACY_SALT = "backpain.prescribe.sheet"  # the signed (unencrypted) links of format 1
LEGACY_FORMAT = 1
MAX_PLAIN = 16_000  # bytes a token may inflate to (a full sheet is under 4 kB): no zip bombs
MAX_EXERCISES = 12
MAX_NOTE = 400
MAX_LINE_NOTE = 200  # a note for one exercise, shown under it
MAX_NAME = 80
# A longer link makes a QR code too dense to scan from paper; the builder refuses to make one.
MAX_TOKEN = 1500
# (lowest, highest) for each number of a dose; 0 reps, 0 s hold or 0 s time means none. "hold" is a
# held position (a stretch, a plank); "time" is how long to keep going (a walk, foam rolling, strides).
# The caps are what a physiotherapist would set for a home programme, with room to spare (issue 29):
# - sets at most 5 and reps at most 30: ACSM's position stand "Progression models in resistance training
#   for healthy adults" (Med Sci Sports Exerc 2009;41:687-708) gives 1-3 sets for novices, more for the
#   trained, and 10-25 reps for muscular endurance;
# - a hold at most 2 minutes: ACSM's Guidelines for Exercise Testing and Prescription advise holding a
#   stretch 10-30 s (up to 60 s for older adults); isometric holds such as planks are shorter still;
# - a time at most 30 minutes: a warm-up walk or jog is 5-10 minutes (ACSM's Guidelines), and the
#   return-to-running plan's longest step is a 30-minute walk (backpain/running/plan.py).
LIMITS = {"sets": (1, 5), "reps": (0, 30), "hold": (0, 120), "time": (0, 1800), "days": (1, 7)}
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
    time: int = 0
    note: str = ""  # the physiotherapist's word on this exercise, plain text

    @property
    def dose(self) -> str:
        return prescribed_text(sets=self.sets, reps=self.reps or None, hold_seconds=self.hold or None,
                               duration_seconds=self.time or None, per_side=self.per_side, days=self.days)

    def steps(self, exercise) -> list[str]:
        """The exercise's steps with this dose's numbers in them: the heading, the steps and the timer
        all read this one Line."""
        return exercise.steps_for(sets=self.sets, reps=self.reps, hold=self.hold, time=self.time,
                                  per_side=self.per_side)

    @property
    def often(self) -> str:
        return days_text(self.days)

    @property
    def timed(self) -> bool:
        """A hold to count: the timer is offered."""
        return self.hold > 0

    @classmethod
    def from_exercise(cls, exercise) -> Line:
        """The library's own dose as a start (duck-typed Exercise), inside the limits."""
        def within(name, value):
            low, high = LIMITS[name]
            return min(max(value or 0, low), high)
        return cls(slug=exercise.slug, sets=within("sets", exercise.sets), reps=within("reps", exercise.reps),
                   hold=within("hold", exercise.hold_seconds), per_side=bool(exercise.per_side),
                   time=within("time", exercise.duration_seconds))


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
        if not isinstance(line.note, str) or len(line.note) > MAX_LINE_NOTE:
            found.append(f"an exercise's note is at most {MAX_LINE_NOTE} characters")
    for name, limit in (("note", MAX_NOTE), ("clinic", MAX_NAME), ("therapist", MAX_NAME)):
        value = getattr(sheet, name)
        if not isinstance(value, str) or len(value) > limit:
            found.append(f"the {name} is at most {limit} characters")
    return found


@lru_cache(maxsize=8)
def _cipher(secret: str) -> AESSIV:
    """AES-SIV under a 512-bit key derived from one secret key for this purpose only."""
    key = HKDF(algorithm=hashes.SHA256(), length=64, salt=None, info=PURPOSE).derive(secret.encode())
    return AESSIV(key)


def _secrets() -> list[str]:
    """The secret key, then the old ones (SECRET_KEY_FALLBACKS): a key rotation keeps links open."""
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def _rows(sheet: Sheet) -> list:
    return [[line.slug, line.sets, line.reps, line.hold, int(line.per_side), line.days, line.time, line.note]
            for line in sheet.lines]


def encode(sheet: Sheet) -> str:
    """The encrypted token for a valid sheet (ValueError if it is not valid)."""
    wrong = problems(sheet)
    if wrong:
        raise ValueError("; ".join(wrong))
    data = [_rows(sheet), sheet.note, sheet.clinic, sheet.therapist]
    plain = zlib.compress(json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode(), 9)
    version = bytes([FORMAT])
    sealed = _cipher(settings.SECRET_KEY).encrypt(plain, [PURPOSE, version])
    return base64.urlsafe_b64encode(version + sealed).rstrip(b"=").decode("ascii")


def _opened(token: str) -> bytes:
    """The plain bytes inside a token of this format, or BadLink."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except (binascii.Error, ValueError) as error:
        raise BadLink("not a token") from error
    if len(raw) < 18 or raw[0] != FORMAT:
        raise BadLink("an unknown format")
    version, sealed = raw[:1], raw[1:]
    for secret in _secrets():
        try:
            plain = _cipher(secret).decrypt(sealed, [PURPOSE, version])
        except InvalidTag:
            continue
        inflate = zlib.decompressobj()
        try:
            text = inflate.decompress(plain, MAX_PLAIN)
        except zlib.error as error:
            raise BadLink("not compressed") from error
        if inflate.unconsumed_tail or not inflate.eof:
            raise BadLink("too long inside")
        return text
    raise BadLink("not made by this builder")


def _line(row) -> Line | None:
    slug, sets, reps, hold, side, days, time, note = row
    return Line(slug, sets, reps, hold, bool(side), days, time, note) if side in (0, 1) else None


def _legacy_line(row) -> Line | None:
    """A format-1 row: no time of its own (the builder put a walk's minutes in its hold)."""
    slug, sets, reps, hold, side, days = row
    time = 0
    if type(hold) is int and not reps and hold > LIMITS["hold"][1]:
        hold, time = 0, hold
    # Format 1 allowed more (10 sets, 50 reps, a 5-minute hold): such a dose opens at today's caps.
    sets, reps, hold, time = (min(value, LIMITS[name][1]) if type(value) is int else value
                              for name, value in (("sets", sets), ("reps", reps), ("hold", hold), ("time", time)))
    return _line([slug, sets, reps, hold, side, days, time, ""])


def _sheet(rows, note, clinic, therapist, line=_line) -> Sheet:
    """A Sheet from a token's data, or BadLink: every field is checked (a sealed wrong shape is refused)."""
    try:
        lines = tuple(line(row) for row in rows)
    except (TypeError, ValueError) as error:
        raise BadLink("the wrong shape") from error
    if None in lines:
        raise BadLink("the wrong shape")
    sheet = Sheet(lines, note, clinic, therapist)
    if problems(sheet):
        raise BadLink("; ".join(problems(sheet)))
    return sheet


def is_legacy(token: str) -> bool:
    """A format-1 link: Django's signed value, whose signature follows a colon (never in base64url)."""
    return isinstance(token, str) and ":" in token


def decode(token: str) -> Sheet:
    """The sheet a token carries, or BadLink. Checks the length before any work, then opens and
    authenticates it, then checks every field."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN:
        raise BadLink("too long" if token else "empty")
    try:
        data = json.loads(_opened(token))
        rows, note, clinic, therapist = data
    except (ValueError, TypeError, UnicodeError, RecursionError) as error:
        raise BadLink("the wrong shape") from error
    return _sheet(rows, note, clinic, therapist)


def decode_legacy(token: str) -> Sheet:
    """A sheet from a link made before issue 29 (signed, not encrypted), or BadLink. Read only to send
    the patient on to the new link; it can go once such links are out of use."""
    if not isinstance(token, str) or not token or len(token) > MAX_TOKEN:
        raise BadLink("too long" if token else "empty")
    try:
        data = signing.Signer(salt=LEGACY_SALT).unsign_object(token)
        version, rows, note, clinic, therapist = data
    except (signing.BadSignature, ValueError, TypeError, UnicodeError, OverflowError) as error:
        raise BadLink("not signed by this builder") from error
    if version != LEGACY_FORMAT:
        raise BadLink("an unknown format")
    return _sheet(rows, note, clinic, therapist, line=_legacy_line)


def read(token: str) -> Sheet:
    """Either format: the builder's "Edit this sheet" opens old links too."""
    return decode_legacy(token) if is_legacy(token) else decode(token)
