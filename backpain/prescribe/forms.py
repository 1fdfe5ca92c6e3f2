"""The builder's form: finding exercises (the library's filters and a search) and the sheet being made.

The whole builder is one form, posted back on every step, so it works the same with and without
JavaScript: the buttons say what to do (add=slug, drop=slug, up=slug, down=slug, make) and the
sheet so far travels in the form's own fields (ex=slug, then sets-slug, reps-slug ...). A button is
never named like a property forms have ("remove"): a named control hides it, and htmx calls
form.remove() when it swaps the form.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict

from backpain.content.library import ExerciseFilters

from .sheet import LIMITS, MAX_EXERCISES, MAX_LINE_NOTE, MAX_NAME, MAX_NOTE, MAX_TOKEN, Line, Sheet, encode

FIELD_LABELS = {"sets": "Sets", "reps": "Reps", "hold": "Hold (seconds)", "time": "Time (seconds)",
                "days": "Days a week"}


# Why a cap is where it is, said beside it (the sources are at LIMITS in sheet.py).
CAP_REASONS = {"sets": " (more than a home programme needs)", "reps": " (for more, add a set)",
               "hold": " (2 minutes at most: a longer hold is rarely prescribed)",
               "time": " (30 minutes at most)"}


class FindExercises(ExerciseFilters):
    """The exercise library's filters, plus a words search over titles and summaries."""

    q = forms.CharField(label="Search exercises", max_length=100, required=False,
                        widget=forms.SearchInput(attrs={"autocomplete": "off"}))
    field_order = ["q"]


def _text(data: QueryDict, name: str) -> str:
    """A plain-text field: line endings made plain, spaces trimmed (it is escaped when shown)."""
    return data.get(name, "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _number(value: str, name: str) -> tuple[int, str]:
    low, high = LIMITS[name]
    message = f"{FIELD_LABELS[name]}: a whole number from {low} to {high}{CAP_REASONS.get(name, '')}."
    try:
        number = int(value.strip() or (low if name != "days" else high))
    except ValueError:
        return low, message
    if not low <= number <= high:
        return min(max(number, low), high), message
    return number, ""


@dataclass
class Builder:
    """The sheet being built, as the form holds it, with what is wrong with it."""

    lines: list[Line] = field(default_factory=list)
    note: str = ""
    clinic: str = ""
    therapist: str = ""
    errors: dict[str, str] = field(default_factory=dict)  # field name -> message
    status: str = ""  # what the last step did, said to screen readers
    notice: str = ""  # what changed when an old sheet was opened to edit
    token: str = ""  # set once the link is made

    @property
    def sheet(self) -> Sheet:
        return Sheet(tuple(self.lines), self.note, self.clinic, self.therapist)

    @property
    def slugs(self) -> set[str]:
        return {line.slug for line in self.lines}

    @classmethod
    def from_sheet(cls, sheet: Sheet, known: dict) -> Builder:
        """An existing sheet to change; exercises since taken out of the library are left off, and said."""
        gone = [line.slug for line in sheet.lines if line.slug not in known]
        builder = cls([line for line in sheet.lines if line.slug in known], sheet.note, sheet.clinic,
                      sheet.therapist)
        if gone:
            names = ", ".join(f"“{slug.replace('-', ' ')}”" for slug in gone)
            builder.notice = f"No longer in the exercise library, so left off this copy: {names}."
        return builder

    @classmethod
    def from_data(cls, data: QueryDict, known: dict) -> Builder:
        """Read the sheet from the form, then do what the pressed button asks."""
        builder = cls(note=_text(data, "note"), clinic=_text(data, "clinic"), therapist=_text(data, "therapist"))
        seen = set()
        for slug in data.getlist("ex"):
            if slug in known and slug not in seen and len(seen) < MAX_EXERCISES:
                seen.add(slug)
                builder.lines.append(builder._line(data, slug))
        for name, limit in (("note", MAX_NOTE), ("clinic", MAX_NAME), ("therapist", MAX_NAME)):
            value = getattr(builder, name)
            if len(value) > limit:
                builder.errors[name] = f"Please keep it to {limit} characters (this has {len(value)})."
        builder._act(data, known)
        return builder

    def _line(self, data: QueryDict, slug: str) -> Line:
        numbers = {}
        for name in LIMITS:
            numbers[name], error = _number(data.get(f"{name}-{slug}", ""), name)
            if error:
                self.errors[f"{name}-{slug}"] = error
        note = _text(data, f"note-{slug}")
        if len(note) > MAX_LINE_NOTE:
            self.errors[f"note-{slug}"] = f"Please keep it to {MAX_LINE_NOTE} characters (this has {len(note)})."
        return Line(slug, numbers["sets"], numbers["reps"], numbers["hold"], data.get(f"side-{slug}") == "1",
                    numbers["days"], numbers["time"], note)

    def _act(self, data: QueryDict, known: dict) -> None:
        index = {line.slug: i for i, line in enumerate(self.lines)}

        def title(slug: str) -> str:
            return known[slug].title

        if (slug := data.get("add")) and slug in known:
            if slug in index:
                self.status = f"{title(slug)} is already on the sheet."
            elif len(self.lines) >= MAX_EXERCISES:
                self.status = f"A sheet holds {MAX_EXERCISES} exercises at most: take one off first."
                self.errors["lines"] = self.status
            else:
                self.lines.append(Line.from_exercise(known[slug]))
                self.status = f"Added {title(slug)}: {len(self.lines)} on the sheet."
        elif (slug := data.get("drop")) in index:
            del self.lines[index[slug]]
            self.status = f"Took {title(slug)} off: {len(self.lines)} on the sheet."
        elif (slug := data.get("up") or data.get("down")) in index:
            i = index[slug]
            j = i - 1 if data.get("up") else i + 1
            if 0 <= j < len(self.lines):
                self.lines[i], self.lines[j] = self.lines[j], self.lines[i]
                self.status = f"Moved {title(slug)} to number {j + 1}."
        elif "make" in data:
            self._make()

    def _make(self) -> None:
        if not self.lines:
            self.errors["lines"] = "Add at least one exercise first."
        if self.errors:
            self.status = "The link wasn't made: some answers need a change."
            return
        token = encode(self.sheet)
        if len(token) > MAX_TOKEN:
            self.errors["lines"] = ("This sheet is too long for one link: take an exercise off or shorten the "
                                    "notes.")
            self.status = self.errors["lines"]
            return
        self.token = token
