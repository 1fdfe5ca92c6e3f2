"""Words as search sees them: split, stop words, and a light stemmer. Plain Python, no database.

The databases stem for matching (SQLite's porter tokenizer, PostgreSQL's english configuration);
these functions do the rest in Python the same way on both: find synonyms and warning signs in a
query, tell a known word from a misspelt one, and mark the matched words in a snippet.
"""

import re
from functools import lru_cache

# Letters and digits; an apostrophe inside a word is dropped, so "can't" is "cant" and "child's" is
# "childs" (people type both ways).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_PLAIN_WORD = re.compile(r"\w+")
_VOWEL = re.compile("[aeiouy]")

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


def _without_plural(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "ches", "shes", "xes", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "as")):
        return w[:-1]
    return w


def _without_suffix(w: str) -> str:
    """The word without a plural ending, then without one of -ness, -ing, -ed or -ly."""
    w = _without_plural(w)
    if w.endswith("ness") and len(w) > 6:
        return w[:-4]
    if w.endswith("ing") and len(w) > 5 and _VOWEL.search(w[:-3]):
        return w[:-3]
    if w.endswith("ed") and len(w) > 4 and not w.endswith("eed") and _VOWEL.search(w[:-2]):
        return w[:-2]
    if w.endswith("ly") and len(w) > 5:
        return w[:-2]
    return w


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """A light stem, enough to tell that two forms are one word: numbness/numb, stretches/stretching,
    tingle/tingling, injuries/injury. Not a linguist's stem ("runner" stays itself), and only ever
    compared with another stem() of the same function."""
    w = word.lower()
    if len(w) <= 3:
        return w
    w = _without_suffix(w)
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # running -> run, dragged -> drag
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # tingle -> tingl, like tingling
    if len(w) > 3 and w.endswith("y"):
        w = w[:-1] + "i"  # dizzy -> dizzi, like dizziness
    return w


def stems(text: str) -> list[str]:
    return [stem(w) for w in words(text)]
