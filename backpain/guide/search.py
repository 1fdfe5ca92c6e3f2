"""Search across every kind of guide page, ranked by relevance, on SQLite or on PostgreSQL.

A query is answered in four steps:
1. understand(): the words typed, stop words left out (backpain.guide.text). Each word, or phrase an
   editor gave synonyms for, becomes a group of alternatives: itself, the guide's words for it
   (Synonym, editable in admin), a close word of the guide when it is not one ("pirifomis" finds
   piriformis), or itself as a prefix when it only starts one (typing "hamst").
2. warning_signs.matching(): a query that names a warning sign gets a box of advice above the
   results, and the page listing every warning sign comes first.
3. The database counts every match and ranks one page of them (search_sql.py: one parameterised
   query, two when the page reaches past the pages with a word in their title): SQLite's FTS5 (bm25,
   porter stemmer) or PostgreSQL's full-text search (ts_rank over a tsvector weighted title A,
   summary B, text C), both over SearchEntry, whose index the database keeps in step itself
   (content/migrations/0010_search_fts). A page must match every group; when none does, a page that
   matches any group will do, and the results say so.
4. Each hit: its title and a snippet in the page's own case, with every matched word, and its
   synonyms, in <mark>.
"""

import bisect
import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from backpain.caching import per_content_version
from backpain.content.models import SearchEntry, Synonym
from backpain.services import expand_text

from . import search_sql, warning_signs
from .text import STOP_WORDS, spans, stem, word_set, words

MAX_QUERY_LENGTH = 200
MAX_GROUPS = 8
PER_PAGE = 10
KIND_LABELS = {"article": "Article", "cause": "Cause", "anatomy": "Anatomy", "exercise": "Exercise"}
CLOSE_ENOUGH = 0.8  # difflib's ratio for taking a known word as meant ("pirifomis" -> piriformis: 0.95)


# --- What was typed, and what to look for --------------------------------------------------------


@dataclass(frozen=True)
class Alternative:
    words: tuple[str, ...]  # one word, or a phrase whose words come in this order
    prefix: bool = False  # the (single) word is the start of a word


@dataclass(frozen=True)
class Group:
    """A word or phrase as typed, and everything that counts as a match for it."""

    typed: str
    alternatives: tuple[Alternative, ...]
    literal: int = 1  # how many alternatives come first as typed: the word, and the word taken as meant

    def as_typed(self) -> "Group":
        """The group without its synonyms."""
        return Group(self.typed, self.alternatives[:self.literal] or self.alternatives)


@dataclass(frozen=True)
class Marks:
    """What to highlight: words by their stem, and word starts."""

    stems: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()

    def __bool__(self):
        return bool(self.stems or self.prefixes)

    def matches(self, word: str) -> bool:
        return stem(word) in self.stems or word.startswith(self.prefixes or ("\0",))

    def first_in(self, text: str) -> int | None:
        return next((start for start, _, word in spans(text) if self.matches(word)), None)


@dataclass(frozen=True)
class Query:
    text: str
    groups: tuple[Group, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()  # (as typed, the guide's word taken as meant)

    @property
    def marks(self) -> Marks:
        stems, prefixes = set(), []
        for group in self.groups:
            for alternative in group.alternatives:
                if alternative.prefix:
                    prefixes.append(alternative.words[0])
                else:
                    stems.update(stem(w) for w in alternative.words if w not in STOP_WORDS)
        return Marks(frozenset(stems), tuple(prefixes))


@dataclass(frozen=True)
class Lexicon:
    """What search knows of the guide, read once per content version: its words (to tell a
    misspelling from a word), the synonyms by stem, and which titles have each word (index statistics
    for ranking: a word in few titles says more than a word in many)."""

    words: tuple[str, ...] = ()  # sorted, three letters or more
    stems: frozenset[str] = frozenset()
    synonyms: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)  # stems of the words typed
    by_length: dict[int, list[str]] = field(default_factory=dict)
    titles: dict[str, frozenset[int]] = field(default_factory=dict)  # stem -> the titles (numbered) with it
    title_words: tuple[str, ...] = ()  # sorted, for prefixes

    @classmethod
    def build(cls, pages: Iterable[tuple[str, str]], synonyms: Iterable[tuple[str, str]]) -> "Lexicon":
        """pages: (title, the rest of the page's text) for each page."""
        found: set[str] = set()
        titles: dict[str, set[int]] = {}
        for number, (title, rest) in enumerate(pages):
            in_title = word_set(title)
            for word in in_title:
                titles.setdefault(stem(word), set()).add(number)
            found |= in_title
            found |= word_set(rest)
        known = sorted(w for w in found if len(w) >= 3 and not w.isdigit() and w not in STOP_WORDS)
        by_key: dict[tuple[str, ...], list[str]] = {}
        for word, means in synonyms:
            key = tuple(stem(w) for w in words(word))
            if key:
                alternatives = by_key.setdefault(key, [])
                alternatives += [m for m in (" ".join(words(part)) for part in means.split(",")) if m]
        by_length: dict[int, list[str]] = {}
        for word in known:
            by_length.setdefault(len(word), []).append(word)
        title_words = sorted({w for w in found if stem(w) in titles})
        return cls(words=tuple(known), stems=frozenset(stem(w) for w in known),
                   synonyms={key: tuple(dict.fromkeys(alts)) for key, alts in by_key.items()},
                   by_length=by_length, titles={k: frozenset(v) for k, v in titles.items()},
                   title_words=tuple(title_words))

    def titles_with(self, group: Group) -> int:
        """How many titles have any of the group's alternatives (by this module's stems, so close to,
        not always exactly, what the database's stemmer matches: a weight, not a count shown)."""
        found: set[int] = set()
        for alternative in group.alternatives:
            if alternative.prefix:
                i = bisect.bisect_left(self.title_words, alternative.words[0])
                while i < len(self.title_words) and self.title_words[i].startswith(alternative.words[0]):
                    found |= self.titles.get(stem(self.title_words[i]), frozenset())
                    i += 1
                continue
            sets = [self.titles.get(stem(w), frozenset()) for w in alternative.words if w not in STOP_WORDS]
            if sets:
                found |= frozenset.intersection(*sets)
        return len(found)

    def knows(self, word: str) -> bool:
        return stem(word) in self.stems or (stem(word),) in self.synonyms

    def has_any(self, group: Group) -> bool:
        """Whether any alternative of the group is in the guide at all (else no page can have them all)."""
        return any(self.starts(a.words[0]) if a.prefix else all(stem(w) in self.stems for w in a.words
                                                                 if w not in STOP_WORDS)
                   for a in group.alternatives)

    def starts(self, word: str) -> bool:
        """Whether some word of the guide starts with this one (someone still typing it)."""
        i = bisect.bisect_left(self.words, word)
        return i < len(self.words) and self.words[i].startswith(word)

    def closest(self, word: str, n: int = 1, cutoff: float = CLOSE_ENOUGH) -> list[str]:
        if len(word) < 4:
            return []
        candidates = [w for size in range(len(word) - 2, len(word) + 3) for w in self.by_length.get(size, ())]
        return difflib.get_close_matches(word, candidates, n=n, cutoff=cutoff)

    def synonym_at(self, typed: list[str], i: int) -> tuple[int, tuple[str, ...]] | None:
        """The longest phrase with synonyms that starts at typed[i]: (how many words, alternatives)."""
        longest = max((len(key) for key in self.synonyms), default=0)
        for size in range(min(longest, len(typed) - i), 0, -1):
            alternatives = self.synonyms.get(tuple(stem(w) for w in typed[i:i + size]))
            if alternatives:
                return size, alternatives
        return None


def _alternatives(phrases: Iterable[str]) -> list[Alternative]:
    found = (tuple(words(phrase)) for phrase in phrases)
    return [Alternative(ws) for ws in found if ws and not all(w in STOP_WORDS for w in ws)]


def understand(text: str, lexicon: Lexicon) -> Query:
    """What to look for: a group of alternatives for each word or phrase typed (pure: no database)."""
    typed = words(text[:MAX_QUERY_LENGTH])
    groups: list[Group] = []
    corrections: list[tuple[str, str]] = []
    i = 0
    while i < len(typed) and len(groups) < MAX_GROUPS:
        found = lexicon.synonym_at(typed, i)
        if found:
            size, means = found
            phrase = " ".join(typed[i:i + size])
            alternatives = _alternatives([phrase, *means])
            i += size
            if alternatives:
                literal = int(alternatives[0].words == tuple(typed[i - size:i]))
                groups.append(Group(phrase, tuple(alternatives), literal))
            continue
        word = typed[i]
        i += 1
        if word in STOP_WORDS or len(word) < 2:
            continue
        alternatives, literal = [Alternative((word,))], 1
        if not lexicon.knows(word):
            if len(word) >= 3 and lexicon.starts(word):
                alternatives = [Alternative((word,), prefix=True)]
            else:
                for close in lexicon.closest(word):
                    corrections.append((word, close))
                    alternatives += _alternatives([close, *lexicon.synonyms.get((stem(close),), ())])
                    literal = 2
        groups.append(Group(word, tuple(dict.fromkeys(alternatives)), literal))
    unique = tuple(dict((g.alternatives, g) for g in groups).values())
    return Query(text=text.strip(), groups=unique, corrections=tuple(corrections))


def _lexicon_from_database() -> Lexicon:
    pages = ((title, f"{summary} {text}") for title, summary, text in
             SearchEntry.objects.values_list("title", "summary", "text").iterator(chunk_size=2000))
    return Lexicon.build(pages, Synonym.objects.values_list("word", "means"))


# Read once per content version (a synonym saved in admin is a new version, like any content).
current_lexicon = per_content_version(_lexicon_from_database)


# --- Results ---------------------------------------------------------------------------------------


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    title_html: SafeString
    snippet: SafeString
    pinned: bool = False

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass
class Results:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    per_page: int = PER_PAGE
    matched_all: bool = True  # False: no page had every word, these have some
    warnings: tuple[warning_signs.WarningSign, ...] = ()
    suggestions: tuple[str, ...] = ()  # when nothing matched: the guide's words closest to those typed
    # Django's page of the matches: the database counts them and returns only this page's (search_sql),
    # so the paginator pages a range as long as the count, never the rows.
    pagination: Page = field(init=False)

    def __post_init__(self):
        self.paginate(1)

    def paginate(self, number: int) -> None:
        """The page asked for, or the last one when that is past the end (an old link)."""
        self.pagination = Paginator(range(self.total), self.per_page).get_page(number)

    @property
    def page(self) -> int:
        return self.pagination.number

    @property
    def pages(self) -> int:
        return self.pagination.paginator.num_pages

    @property
    def start(self) -> int:
        return self.pagination.start_index() if self.hits else 0

    @property
    def end(self) -> int:
        return self.start + len(self.hits) - 1 if self.hits else 0

    @property
    def previous_page(self) -> int | None:
        return self.pagination.previous_page_number() if self.pagination.has_previous() else None

    @property
    def next_page(self) -> int | None:
        return self.pagination.next_page_number() if self.pagination.has_next() else None

    @property
    def emergency(self) -> bool:
        return any(sign.level == warning_signs.EMERGENCY for sign in self.warnings)

    @property
    def urgent(self) -> bool:
        return any(sign.level == warning_signs.URGENT for sign in self.warnings)


def highlight(text: str, marks: Marks) -> SafeString:
    """Escape text, then wrap each matched word in <mark>."""
    out, last = [], 0
    for start, end, word in spans(text) if marks else ():
        if marks.matches(word):
            out.append(escape(text[last:start]))
            out.append(f"<mark>{escape(text[start:end])}</mark>")
            last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def snippet(summary: str, text: str, marks: Marks, width: int = 200) -> SafeString:
    """The summary if it holds a match, else the stretch of the page around the first match."""
    summary = expand_text(summary)  # {emergency_number} and the like, as the settings say
    if not marks or marks.first_in(summary) is not None:
        return highlight(summary, marks)
    text = expand_text(text)
    first = marks.first_in(text)
    if first is None:
        return highlight(summary, marks)
    start = max(0, first - width // 3)
    piece = text[start:start + width]
    if start > 0:
        piece = "…" + piece.split(" ", 1)[-1]
    if start + width < len(text):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return highlight(piece, marks)


def _hit(entry: search_sql.Entry, marks: Marks) -> Hit:
    return Hit(entry.kind, entry.title, entry.url, highlight(entry.title, marks),
               snippet(entry.summary, entry.text, marks), pinned=entry.pinned)


def _suggestions(query: Query, lexicon: Lexicon) -> tuple[str, ...]:
    typed = [w for w in words(query.text) if w not in STOP_WORDS]
    close = (c for w in typed for c in lexicon.closest(w, n=3, cutoff=0.7) if c != w)
    return tuple(dict.fromkeys(close))[:5]


def search(text: str, page: int = 1, per_page: int = PER_PAGE) -> Results:
    """One page of results for what was typed, with the true count of every match (one query for a
    page that the pinned page and the pages with a word in their title fill, else two)."""
    lexicon = current_lexicon()
    query = understand(text, lexicon)
    warnings = warning_signs.matching(" ".join([text, *(close for _, close in query.corrections)]))
    pinned = warning_signs.PROFESSIONAL_PAGE if warnings else None
    results = Results(query, per_page=per_page, warnings=warnings)
    if not query.groups and not pinned:
        return results
    weights = [1.0 / (1 + lexicon.titles_with(group)) for group in query.groups]

    def fetch(every: bool, number: int) -> search_sql.Page:
        return search_sql.page(query, every, pinned, weights, (number - 1) * per_page, per_page)

    # A page must have every group; when none does, pages with some of them will do, and the results
    # say so. (A word the guide does not have at all rules out every page: no need to ask.)
    asked = max(1, page)
    every = len(query.groups) < 2 or all(lexicon.has_any(group) for group in query.groups)
    found = fetch(every, asked)
    if every and not found.matches and len(query.groups) > 1:
        found, every = fetch(False, asked), False
    results.matched_all = every or not found.matches
    results.total = found.total
    results.paginate(asked)
    if results.page != asked and results.total:  # past the last page (an old link): the last page
        found = fetch(every, results.page)
    entries = list(found.entries)
    start, ranked_first = (results.page - 1) * per_page, found.pinned + found.in_title
    if len(entries) < per_page and found.matches > found.in_title and start + per_page > ranked_first:
        entries += search_sql.others(query, every, pinned, max(0, start - ranked_first), per_page - len(entries))
    marks = query.marks
    results.hits = [_hit(entry, marks) for entry in entries]
    if not results.total:
        results.suggestions = _suggestions(query, lexicon)
    return results
