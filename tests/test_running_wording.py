"""Plain words: every check-in question, reason and pain rule, and each paragraph and list item of the
guide's article "Returning to running", at a US reading grade of 8 or lower (Flesch-Kincaid, textstat,
as tests/test_checker_wording.py scores the checker). Whole texts aim lower: see the last test.
"""

import itertools
import re
from pathlib import Path

import pytest
from django.conf import settings

from backpain.running.checkin import CheckIn, decide
from backpain.running.forms import CheckInForm
from backpain.running.plan import PAIN_ZONES, STAGES
from tests.content_text import grader

MAX_GRADE = 8.0
ARTICLE = Path(settings.CONTENT_DIR) / "articles" / "returning-to-running.md"


@pytest.fixture(scope="module")
def grade():
    return grader()


def every_reason() -> list[str]:
    """Every reason a check-in can give: each stage with each pair of pains, and each other answer."""
    base = {"morning": "usual", "week_trend": "better_or_same", "emergency": "no", "warning_signs": "no",
            "longer": "no", "other_pain": "no", "finished": 2}
    others = [{}, {"morning": "worse"}, {"week_trend": "worse"}, {"emergency": "yes"}, {"emergency": "unsure"},
              {"warning_signs": "yes"}, {"warning_signs": "unsure"}, {"longer": "yes"}, {"other_pain": "yes"},
              {"finished": 0}, {"finished": 1}]
    answers = itertools.product(STAGES, range(11), range(11), others)
    return sorted({decide(CheckIn(stage=stage.number, pain_during=during, pain_after=after, **{**base, **more})).reason
                   for stage, during, after, more in answers})


def article_pieces() -> list[str]:
    """Each paragraph, list item and heading of the article's body as plain text (tables left out)."""
    body = ARTICLE.read_text().split("---", 2)[2].replace("{emergency_number}", "911")
    pieces = []
    for block in re.split(r"\n\s*\n", body.strip()):
        if block.startswith("|"):
            continue
        for item in re.split(r"\n(?=- )", block):
            text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", item).replace("**", "")
            pieces.append(" ".join(text.lstrip("#- ").split()))
    return pieces


def form_texts() -> list[str]:
    form = CheckInForm()
    return [text for field in form for text in (field.label, field.help_text) if text]


TEXTS = [*every_reason(), *form_texts(), *(f"{z.meaning}. {z.action}" for z in PAIN_ZONES)]


def too_hard(grade, texts) -> str:
    """Every text above the grade, one a line (empty when none is)."""
    return "\n".join(f"(grade {grade(text):.1f}) {text}" for text in texts if grade(text) > MAX_GRADE)


def test_check_in_words_are_at_grade_eight_or_lower(grade):
    assert len(TEXTS) > 30
    assert not too_hard(grade, TEXTS), "Above grade 8:\n" + too_hard(grade, TEXTS)


def test_article_words_are_at_grade_eight_or_lower(grade):
    pieces = article_pieces()
    assert len(pieces) > 20
    assert not too_hard(grade, pieces), "Above grade 8:\n" + too_hard(grade, pieces)


def test_taken_whole_they_read_at_about_grade_six(grade):
    # A reading age of about 11 is about a US grade of 6.
    assert grade(" ".join(article_pieces())) <= 6
    assert grade(" ".join(every_reason())) <= 6


def test_the_article_table_is_the_plan_s_own_stages():
    rows = re.findall(r"^\| (\d+) \| (.+?) \|$", ARTICLE.read_text(), flags=re.MULTILINE)
    assert [(int(n), text) for n, text in rows] == [(s.number, s.main_text.replace("\u00a0", " ")) for s in STAGES]
