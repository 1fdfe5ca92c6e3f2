"""The two databases behind search: SQLite's FTS5 and PostgreSQL's full-text search.

backpain/guide/search.py decides what to look for (groups of alternatives: a word typed, its
synonyms, the word taken as meant); this module asks the database for one page of hits and the true
count of every match. The order of the hits:
1. the pinned page (the one listing every warning sign), when a warning sign was named;
2. pages with a word of the query in their title, by
   a. the slug being the words typed ("plank" is /exercises/plank/, titled "Forearm plank"),
   b. the groups in the title, each with the weight search.py gives it (1 / (1 + the titles in the
      guide that have it)), twice when found as typed rather than only through a synonym: on a
      guide about runners' backs "back" in a title says little, "strain" a lot,
   c. the database's relevance: bm25 (title 10, summary 4, the rest 1) or ts_rank (title A,
      summary B, the rest C), both sorted ascending here;
3. every other match, by relevance alone.

One pass over the matches counts them and ranks parts 1 and 2 (page()); a page that reaches past
them asks once more for part 3 (others()). Relevance is worked out only where it can change the
page: SQLite's bm25 for the pages with a word in the title, PostgreSQL's ts_rank only for those
that can reach the page asked for (sorted by slug and title score, with every page tied with the
last: FETCH ... WITH TIES). That keeps 10,000 pages that all match under 50 ms
(tests/benchmarks/test_search_speed.py).

The index is the database's own (content/migrations/0010_search_fts). What was typed is always a
parameter; the SQL around it is put together from the constant pieces below.
"""

from dataclasses import dataclass

from django.db import connection

from .text import words


@dataclass(frozen=True)
class Backend:
    table: str  # what the matches are read from
    id: str  # the SearchEntry id in that table
    match: str  # params: match text
    in_title: str  # params: match text for the title alone
    score: str  # relevance, best first when sorted ascending; params: match text when score_params

    score_params: int = 0

    def match_text(self, groups, every: bool = True, title: bool = False) -> str:
        raise NotImplementedError


def _cheap_first(group):
    """The group's alternatives, single words before phrases: an OR stops at the first that matches,
    and a phrase needs the words' positions, a word does not."""
    return sorted(group.alternatives, key=lambda alternative: len(alternative.words))


class SQLite(Backend):
    def match_text(self, groups, every=True, title=False):
        """An FTS5 query: each alternative a quoted phrase, a prefix with * (words are letters and
        digits only, so nothing in them is FTS5 syntax)."""
        def one(alternative):
            return '"' + " ".join(alternative.words) + '"' + ("*" if alternative.prefix else "")
        joined = [" OR ".join(one(a) for a in _cheap_first(group)) for group in groups]
        text = (" AND " if every else " OR ").join(f"({part})" for part in joined)
        return f"title : ({text})" if title else text


class PostgreSQL(Backend):
    def match_text(self, groups, every=True, title=False):
        """A to_tsquery() text: a phrase's words joined by <->, a prefix with :* (words are letters
        and digits only, so nothing in them is tsquery syntax). The title has its own tsvector."""
        def one(alternative):
            return "(" + " <-> ".join(alternative.words) + (":*" if alternative.prefix else "") + ")"
        joined = [" | ".join(one(a) for a in _cheap_first(group)) for group in groups]
        return (" & " if every else " | ").join(f"({part})" for part in joined)


FTS = "content_searchentry_fts"
SQLITE = SQLite(
    table=FTS,
    id="rowid",
    match=f"{FTS} MATCH %s",
    # "+rowid", not "rowid": a filter on the rows the MATCH found, not a lookup that would run the
    # full-text query again for each of them.
    in_title=f"+rowid IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",  # noqa: S608 - FTS is a constant
    score=f"bm25({FTS}, 10.0, 4.0, 1.0)",
)
POSTGRES = PostgreSQL(
    table="content_searchentry",
    id="id",
    match="search_vector @@ to_tsquery('english', %s)",
    in_title="title_vector @@ to_tsquery('english', %s)",
    score="-ts_rank('{0.1, 0.2, 0.4, 1.0}', search_vector, to_tsquery('english', %s), 1)",
    score_params=1,
)
BACKENDS = {"sqlite": SQLITE, "postgresql": POSTGRES}

IS_EXACT = "+{id} IN (SELECT id FROM content_searchentry WHERE slug = %s)"  # params: slug
IS_PINNED = "+{id} IN (SELECT id FROM content_searchentry WHERE kind = %s AND slug = %s)"  # params: kind, slug
# For each group: its weight when the title has any of its alternatives, and again when one as typed
# (once, counted twice, for a group without synonyms).
TITLE_SCORE = "CASE WHEN {in_title} THEN %s ELSE 0.0 END + CASE WHEN {in_title} THEN %s ELSE 0.0 END"
TITLE_SCORE_TWICE = "CASE WHEN {in_title} THEN 2 * %s ELSE 0.0 END"

# Every match, once: whether it is pinned, and how it ranks; a title score above 0 is the title tier
# (one test of the title for the pages without a word of the query in it).
MATCHES = (
    "SELECT {id} AS id, 0 AS pinned, CASE WHEN {is_exact} THEN 1 ELSE 0 END AS exact, "
    "CASE WHEN {in_title} THEN {title_score} ELSE 0.0 END AS title_score, {score} AS score "
    "FROM {table} WHERE {where}"
)
PINNED = ("SELECT id, 1 AS pinned, 0 AS exact, 0.0 AS title_score, 0.0 AS score "
          "FROM content_searchentry WHERE kind = %s AND slug = %s")
# SQLite has bm25 already (for the title tier): the page is a slice of the sorted rows.
SQLITE_TOP = ("SELECT * FROM m WHERE pinned = 1 OR title_score > 0 "
              "ORDER BY pinned DESC, exact DESC, title_score DESC, score, id LIMIT %s OFFSET %s")
# PostgreSQL: the band of rows that can reach the page, ranked after (in PAGE).
POSTGRES_TOP = ("SELECT * FROM m WHERE pinned = 1 OR title_score > 0 "
                "ORDER BY pinned DESC, exact DESC, title_score DESC FETCH FIRST %s ROWS WITH TIES")
COLUMNS = "e.id, e.kind, e.slug, e.title, e.summary, e.text, e.url, t.pinned, t.exact, t.title_score"
PAGE = (
    "WITH m AS MATERIALIZED ({matches}), top AS ({top}) "
    "SELECT c.matches, c.in_title, c.pinned_count, p.* FROM "
    "(SELECT count(*) FILTER (WHERE pinned = 0) AS matches, count(*) FILTER (WHERE title_score > 0) AS in_title, "
    " count(*) FILTER (WHERE pinned = 1) AS pinned_count FROM m) AS c "
    "LEFT JOIN (SELECT {columns}, {score} AS score FROM top AS t JOIN content_searchentry e ON e.id = t.id "
    "           ORDER BY t.pinned DESC, t.exact DESC, t.title_score DESC, score, e.id {limit}) AS p ON 1 = 1 "
    "ORDER BY p.pinned DESC, p.exact DESC, p.title_score DESC, p.score, p.id"
)
OTHERS = (
    "SELECT e.id, e.kind, e.slug, e.title, e.summary, e.text, e.url, 0 AS pinned FROM "
    "(SELECT {id} AS id, {score} AS score FROM {table} WHERE {where} ORDER BY score, id LIMIT %s OFFSET %s) AS r "
    "JOIN content_searchentry e ON e.id = r.id ORDER BY r.score, r.id"
)


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    slug: str
    title: str
    summary: str
    text: str
    url: str
    pinned: bool


@dataclass(frozen=True)
class Page:
    matches: int = 0  # pages that match, the pinned one left out
    in_title: int = 0  # of those, the pages with a word of the query in their title
    pinned: int = 0  # 1 when there is a pinned page
    entries: tuple[Entry, ...] = ()

    @property
    def total(self) -> int:
        return self.matches + self.pinned


def backend() -> Backend:
    return BACKENDS[connection.vendor]


def exact_slug(query) -> str:
    return "-".join(words(query.text))  # "knee to chest" is knee-to-chest


def _where(db: Backend, query, every: bool, pinned) -> tuple[str, list]:
    """Every match, the pinned page left out (it has a place of its own)."""
    if not pinned:
        return db.match, [db.match_text(query.groups, every)]
    return f"{db.match} AND NOT {IS_PINNED.format(id=db.id)}", [db.match_text(query.groups, every), *pinned]


def page(query, every: bool, pinned: tuple[str, str] | None, weights: list[float], offset: int, limit: int
         ) -> Page:
    """The counts, and the part of one page that comes from the pinned page and the title tier (one
    query). The caller asks others() for the rest when the page reaches past them."""
    db = backend()
    parts, params = [], []
    if pinned:
        parts.append(PINNED)
        params += pinned
    if query.groups:
        title_any = db.match_text(query.groups, every=False, title=True)
        title_score, title_params = [], []
        for group, weight in zip(query.groups, weights, strict=True):
            if group.as_typed() != group:
                title_score.append(TITLE_SCORE.format(in_title=db.in_title))
                title_params += [db.match_text((group,), title=True), weight,
                                 db.match_text((group.as_typed(),), title=True), weight]
            else:
                title_score.append(TITLE_SCORE_TWICE.format(in_title=db.in_title))
                title_params += [db.match_text((group,), title=True), weight]
        where, where_params = _where(db, query, every, pinned)
        # SQLite works out bm25 here, for the title tier only; PostgreSQL later, for the band only.
        score = f"CASE WHEN {db.in_title} THEN {db.score} ELSE 0.0 END" if db is SQLITE else "0.0"
        parts.append(MATCHES.format(id=db.id, table=db.table, where=where, in_title=db.in_title,
                                    is_exact=IS_EXACT.format(id=db.id), title_score=" + ".join(title_score),
                                    score=score))
        params += [exact_slug(query), title_any, *title_params]
        params += [title_any] if db is SQLITE else []
        params += where_params
    matches = " UNION ALL ".join(parts)
    if db is SQLITE:
        sql = PAGE.format(matches=matches, top=SQLITE_TOP, columns=COLUMNS, score="t.score", limit="")
        params += [limit, offset]
    else:
        ranked = (f"CASE WHEN t.pinned = 1 THEN 0.0 ELSE {db.score} END" if query.groups else "0.0")
        sql = PAGE.format(matches=matches, top=POSTGRES_TOP, columns=COLUMNS, score=ranked,
                          limit="LIMIT %s OFFSET %s")
        params += [offset + limit]
        params += [db.match_text(query.groups, every)] if query.groups else []
        params += [limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    matches_count, in_title, pinned_count = rows[0][:3]
    entries = tuple(Entry(*row[3:10], pinned=bool(row[10])) for row in rows if row[3] is not None)
    return Page(matches_count, in_title, pinned_count, entries)


def others(query, every: bool, pinned: tuple[str, str] | None, offset: int, limit: int) -> list[Entry]:
    """Matches with no word of the query in their title, by relevance alone: `limit` from `offset`."""
    db = backend()
    where, where_params = _where(db, query, every, pinned)
    title_any = db.match_text(query.groups, every=False, title=True)
    sql = OTHERS.format(id=db.id, table=db.table, where=f"NOT {db.in_title} AND {where}", score=db.score)
    params = [*[db.match_text(query.groups, every)] * db.score_params, title_any, *where_params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Entry(*row[:7], pinned=False) for row in cursor.fetchall()]
