"""Shared by the checker's tests (not a test module): an all-clear answer set, and a reader for the
result's machine markup (data-triage-level on the outcome, data-reason on each triggering answer)."""

from html.parser import HTMLParser

from backpain.checker import rules

# Every required yes/no/not-sure question: emergency signs, urgent signs, fragility and pregnancy.
REQUIRED_FLAGS = tuple(name for name in rules.FLAG_FIELDS if rules.QUESTIONS[name].required)

# An adult whose answers trigger nothing: every required question answered, nothing alarming.
ALL_CLEAR = {
    **{name: "no" for name in REQUIRED_FLAGS},
    "age": "35", "duration": "under_1_week", "improving": "yes", "recent_birth": "no",
}


class Markup(HTMLParser):
    """Collects data-triage-level and data-reason from a page."""

    def __init__(self, html: str):
        super().__init__()
        self.levels: list[str] = []
        self.reasons: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "data-triage-level" in attrs:
            self.levels.append(attrs["data-triage-level"])
        if "data-reason" in attrs:
            self.reasons.append(attrs["data-reason"])


def answers(**overrides) -> dict:
    """ALL_CLEAR with these answers changed; None leaves a question out."""
    data = {**ALL_CLEAR, **{name: str(value) for name, value in overrides.items()}}
    return {name: value for name, value in data.items() if value != "None"}
