"""Shared by the content tests (not a test module): the main text of every content file, as a reader
sees it (backpain/content/reading.py says what counts), its reading grade, and words in common.

Read straight from the files with the loader's parser, so no database is needed.
"""

import hashlib
import re
from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from backpain.content import reading
from backpain.content.loader import KIND_BY_FOLDER, Record, read_folder
from backpain.content.reading import PAGE_KINDS  # noqa: F401 (the tests read it here)

# The seed articles live outside the repository (../shared/seeds/); the tests read only their
# fingerprint, kept here and rebuilt by `make seed-fingerprint` (tests/tools/seed_fingerprint.py).
SEED_FINGERPRINT = Path(settings.BASE_DIR) / "tests" / "seed_fingerprint.txt"


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
        return reading.as_sentences(self.blocks)


def records() -> list[Record]:
    return read_folder(Path(settings.CONTENT_DIR))


def source_titles(all_records: list[Record]) -> list[str]:
    return reading.long_titles(record.data["title"] for record in all_records if record.kind.folder == "sources")


def page_of(record: Record, titles: list[str]) -> Page:
    blocks = reading.main_text(record.kind.folder, record.data, titles)
    return Page(record.path, record.kind.folder, record.slug, blocks)


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


def run_hash(run: tuple[str, ...]) -> str:
    """A run of words as the fingerprint keeps it: 16 hex digits of its SHA-256, never the words."""
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def fingerprint(text: str, n: int) -> set[str]:
    """The hashes of every run of n words in a text."""
    return {run_hash(run) for run in ngrams(words(text), n)}


def read_fingerprint(path: Path = SEED_FINGERPRINT) -> set[str]:
    """The hashes in a fingerprint file (lines starting with # are comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def shared_runs(blocks: list[str], seed_hashes: Container[str], n: int) -> list[str]:
    """Each longest run of n or more words in a block whose n-word runs the seeds also have, as text."""
    def in_seeds(run):
        return run_hash(run) in seed_hashes

    found = []
    for block in blocks:
        tokens = words(block)
        i = 0
        while i <= len(tokens) - n:
            if in_seeds(tuple(tokens[i:i + n])):
                end = i + n
                while end < len(tokens) and in_seeds(tuple(tokens[end - n + 1:end + 1])):
                    end += 1
                found.append(" ".join(tokens[i:end]))
                i = end
            else:
                i += 1
    return found


# --- Reading grade ------------------------------------------------------------------------


def grader():
    """textstat's Flesch-Kincaid grade, through the app's own `reading.grade` (which needs the syllable
    dictionary the install step writes; written here too, for a venv made before that step existed)."""
    reading.install_dictionary()
    return reading.grade
