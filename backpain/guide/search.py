"""Search across every kind of guide page: ranked, with the matched words highlighted."""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from backpain.content.models import SearchEntry
from backpain.services import expand_text

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
MAX_RESULTS = 30
KIND_LABELS = {"article": "Article", "cause": "Cause", "anatomy": "Anatomy", "exercise": "Exercise"}


def _singular(word: str) -> str:
    # "hamstrings" should find "hamstring stretch": match on the stem of a plain plural.
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(query: str) -> list[str]:
    """The distinct lowercase words of a query, longest first, without one-letter noise."""
    words = (w.strip("'’-") for w in re.findall(r"[\w'’-]+", query.lower()[:MAX_QUERY_LENGTH]))
    unique = dict.fromkeys(_singular(w) for w in words if len(w) > 1)
    return sorted(unique, key=len, reverse=True)[:MAX_TERMS]


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


def highlight(text: str, words: list[str]) -> SafeString:
    """Escape text, then wrap each matched word in <mark>."""
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(entry: SearchEntry, words: list[str], width: int = 160) -> SafeString:
    """The summary if it holds a match, else the stretch of text around the first match."""
    summary_lower = entry.summary.lower()
    if not words or any(w in summary_lower for w in words):
        return highlight(entry.summary, words)
    text = expand_text(entry.text)  # {emergency_number} and the like, as the settings say
    positions = [text.find(w) for w in words if w in text]
    start = max(0, min(positions) - width // 3) if positions else 0
    piece = text[start:start + width]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + width < len(text):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return highlight(piece, words)


# Must match the expression of the GIN index in content/migrations/0004 so PostgreSQL uses it.
FTS_VECTOR = "to_tsvector('english', title || ' ' || text)"


def _matching(query: str, words: list[str]):
    entries = SearchEntry.objects.all()
    if connection.vendor == "postgresql":
        # Full-text search: stems words ("stretching" finds "stretch") and uses the index.
        # Written out (not SearchVector) so the expression is the index's, character for character.
        matches = RawSQL(f"{FTS_VECTOR} @@ plainto_tsquery('english', %s)", [query],  # noqa: S611
                         output_field=BooleanField())
        return entries.filter(matches)
    for word in words:
        entries = entries.filter(text__contains=word)
    return entries


def search(query: str) -> list[Hit]:
    words = terms(query)
    if not words:
        return []
    title_all = Q()
    for word in words:
        title_all &= Q(title__icontains=word)
    title_any = Q()
    for word in words:
        title_any |= Q(title__icontains=word)
    entries = (
        _matching(" ".join(words), words)
        .annotate(rank=Case(When(title_all, then=Value(2)), When(title_any, then=Value(1)),
                            default=Value(0), output_field=IntegerField()))
        .order_by("-rank", "title")
        .only("kind", "title", "summary", "text", "url")[:MAX_RESULTS]
    )
    return [Hit(e.kind, e.title, e.url, snippet(e, words)) for e in entries]
