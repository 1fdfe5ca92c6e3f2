"""Words as search sees them: split, stop words, and Snowball's English stemmer. No database.

The databases stem for matching (SQLite's porter tokenizer, PostgreSQL's english configuration, which
is Snowball's English stemmer, the one used here); these functions do the rest in Python the same way
on both: find synonyms and warning signs in a
query, tell a known word from a misspelt one, and mark the matched words in a snippet.
"""

import re
import threading
from functools import lru_cache

import snowballstemmer

# Letters and digits; an apostrophe inside a word is dropped, so "can't" is "cant" and "child's" is
# "childs" (people type both ways).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PLAIN_WORD = re.compile(r"\w+")

# PostgreSQL's english stop words (the Snowball list), so a word left out here is left out there too,
# and both databases look for the same words. Apostrophes dropped, as in words().
STOP_WORDS = frozenset("""
a about above after again against all am an and any are arent as at be because been before being
below between both but by cant couldnt did didnt do does doesnt doing dont down during each few for
from further had hadnt has hasnt have havent having he hed hell hes her here heres hers herself him
himself his how hows i id ill im ive if in into is isnt it its itself lets me more most mustnt my
myself no nor not of off on once only or other ought our ours ourselves out over own same shant she
shed shell shes should shouldnt so some such than that thats the their theirs them themselves then
there theres these they theyd theyll theyre theyve this those through to too under until up very
was wasnt we wed well were weve werent what whats when whens where wheres which while who whos whom
why whys with wont would wouldnt you youd youll youre youve your yours yourself yourselves
s t d ll m o re ve y can will just don should now
""".split())


def words(text: str) -> list[str]:
    """The words of a text in lower case, in order, apostrophes dropped."""
    return [w.replace("'", "").replace("’", "") for w in _WORD.findall(text.lower())]


def word_set(text: str) -> set[str]:
    """The distinct words of a text, as words() gives them; quicker for long texts (the lexicon of
    10,000 pages)."""
    return set(_PLAIN_WORD.findall(text.lower().replace("'", "").replace("’", "").replace("_", " ")))


def spans(text: str):
    """Each word of a text with where it is: (start, end, word as words() gives it)."""
    for match in _WORD.finditer(text):
        yield match.start(), match.end(), match.group().lower().replace("'", "").replace("’", "")


# A stemmer keeps the word it works on between calls, so each thread has its own.
_local = threading.local()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """Snowball's English stem (Porter 2), so two forms of one word compare equal: numbness/numb,
    stretches/stretching, tingle/tingling, injuries/injury, running/run. Only ever compared with
    another stem()."""
    if not hasattr(_local, "english"):
        _local.english = snowballstemmer.stemmer("english")
    return _local.english.stemWord(word.lower())


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]
