"""The shared words (backpain/vocabulary.py) are written once: the checker, search, the check-in, the
templates and the routine composer read them, and no module or template holds a copy.

The copy check reads the sources: every string in the Python code (by `ast`, so a sentence split over
lines is one string) and the text of every template. A copy is one of the vocabulary's sentences (a
sign's short words, a context answer's label of two words or more, a check-in warning sign, the
footer's sentence) as a whole string of the code or anywhere in a template's text; the label "Not
sure"; or a list naming four signs or more (a group of signs written out again: the smallest group,
the cauda equina signs, has four).
"""

import ast
import re
from pathlib import Path

import pytest

from backpain import vocabulary
from backpain.checker import rules
from backpain.content.models import Exercise
from backpain.routines import compose

ROOT = Path(__file__).resolve().parent.parent
HOME = ROOT / "backpain" / "vocabulary.py"
SIGN_NAMES = frozenset(vocabulary.SIGN_SHORT)
SENTENCES = tuple(sorted({
    *vocabulary.SIGN_SHORT.values(),
    *(label for labels in vocabulary.CONTEXT_LABELS.values() for label in labels.values() if " " in label),
    *vocabulary.CHECK_IN_WARNING_SIGNS,
    vocabulary.EMERGENCY_SIGNS_IN_A_SENTENCE,
}))
NOT_SURE = vocabulary.ANSWER_LABELS[vocabulary.UNSURE]
SOURCES = sorted(path for path in (ROOT / "backpain").rglob("*.py") if path != HOME and "migrations" not in path.parts)
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


def _plain(text: str) -> str:
    # Case kept: a question may ask in the same words ("Do you have chest pain, or ...?").
    return " ".join(text.split())


def copies_in_python(path: Path, source: str | None = None) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source if source is not None else path.read_text(), filename=str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            # A string that is one of the sentences (a sentence that only contains one is not a copy:
            # "Losing weight without trying, with back pain, needs checking ...").
            text = _plain(node.value).rstrip(".")
            found += [f"{path.name}:{node.lineno} copies {s!r}" for s in SENTENCES if _plain(s) == text]
            if node.value == NOT_SURE:
                found.append(f"{path.name}:{node.lineno} copies the label {NOT_SURE!r}")
        elif isinstance(node, ast.Tuple | ast.List | ast.Set):
            named = [e.value for e in node.elts if isinstance(e, ast.Constant) and e.value in SIGN_NAMES]
            if len(named) >= 4:
                found.append(f"{path.name}:{node.lineno} lists the signs {named} again")
    return sorted(found, key=lambda problem: int(problem.split(":")[1].split()[0]))


def copies_in_template(path: Path) -> list[str]:
    text = _plain(path.read_text())
    return [f"{path.relative_to(ROOT)} copies {s!r}" for s in SENTENCES if _plain(s) in text]


def test_the_copy_check_reads_every_source():
    assert len(SOURCES) > 40 and len(TEMPLATES) > 30 and len(SENTENCES) > 25


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_module_copies_the_shared_words(path):
    assert copies_in_python(path) == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_no_template_copies_the_shared_words(path):
    assert copies_in_template(path) == []


def test_the_copy_check_catches_a_copy():
    # The check itself, on sources that copy: a sign's short words split over two lines, the
    # cauda equina signs written out again, a yes/no/not sure of one's own.
    probe = ROOT / "backpain" / "guide" / "probe.py"
    source = ('SHORT = ("Pain down both legs, or both legs "\n         "numb, tingling or weak")\n'
              'CAUDA = ("saddle_numbness", "bladder_bowel", "sexual_function", "both_legs")\n'
              'CHOICES = (("yes", "Yes"), ("no", "No"), ("unsure", "Not sure"))\n')
    assert copies_in_python(probe, source) == [
        "probe.py:1 copies 'Pain down both legs, or both legs numb, tingling or weak'",
        "probe.py:3 lists the signs ['saddle_numbness', 'bladder_bowel', 'sexual_function', 'both_legs'] again",
        "probe.py:4 copies the label 'Not sure'",
    ]


def test_the_checker_asks_the_signs_in_the_vocabulary_s_order_with_their_short_words():
    assert tuple(sign.name for sign in vocabulary.EMERGENCY_SIGNS) == rules.EMERGENCY_SIGNS
    assert tuple(sign.name for sign in vocabulary.URGENT_SIGNS) == rules.URGENT_SIGNS
    assert rules.CAUDA_EQUINA_SIGNS == vocabulary.CAUDA_EQUINA_SIGNS
    for sign in (*vocabulary.EMERGENCY_SIGNS, *vocabulary.URGENT_SIGNS):
        assert rules.QUESTIONS[sign.name].short == sign.short
    for name, labels in vocabulary.CONTEXT_LABELS.items():
        assert dict(rules.QUESTIONS[name].choices) == labels


def test_every_category_has_a_place_in_a_routine_and_the_model_offers_the_same():
    slugs = tuple(term.slug for term in vocabulary.EXERCISE_CATEGORIES)
    assert tuple(compose.CATEGORY_STAGE) == slugs
    assert {slug for stage in compose.AUTO_CATEGORIES.values() for slug in stage} < set(slugs)
    assert Exercise._meta.get_field("category").choices == vocabulary.choices(vocabulary.EXERCISE_CATEGORIES)
    assert Exercise._meta.get_field("difficulty").choices == vocabulary.choices(vocabulary.DIFFICULTIES)
    assert list(compose.DIFFICULTY_RANK) == [term.slug for term in vocabulary.DIFFICULTIES]


def test_the_footer_and_the_checker_s_intro_box_say_the_vocabulary_s_signs(client):
    html = client.get("/checker/").content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    assert f"If you have {vocabulary.EMERGENCY_SIGNS_IN_A_SENTENCE}, call" in " ".join(footer.split()).replace(
        "&#x27;", "'")
    intro = html[html.index('<ul class="intro-signs">'):]
    intro = intro[:intro.index("</ul>")]
    assert re.findall(r"<li>(.*?)</li>", intro) == [sign.short for sign in vocabulary.EMERGENCY_SIGNS]


def test_the_check_in_asks_the_vocabulary_s_warning_signs(client):
    html = client.get("/return-to-running/check-in/").content.decode()
    for sign in vocabulary.CHECK_IN_WARNING_SIGNS:
        assert sign in html
