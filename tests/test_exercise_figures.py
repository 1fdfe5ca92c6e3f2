"""The exercise figures in pages (backpain/content/templatetags/figures.py and the two includes)."""

import gzip
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from backpain.content.models import Exercise
from backpain.content.templatetags.figures import exercise_motion, figure_end
from backpain.figures import EXERCISES, svg


def test_the_end_picture_is_named_from_the_illustration():
    assert figure_end("img/exercises/plank.svg") == "img/exercises/plank-end.svg"
    assert figure_end("") == ""


def test_the_moving_figure_is_the_committed_motion_svg_and_only_ours(db):
    drawn = Exercise(illustration="img/exercises/dead-bug.svg")
    assert exercise_motion(drawn) == svg("exercises", "dead-bug", "-motion")
    for other in ("img/favicon.svg", "img/exercises/no-such-figure.svg", "../../backpain/settings.py", ""):
        assert exercise_motion(Exercise(illustration=other)) == ""


@pytest.fixture
def drawn_exercise(linked):
    exercise = linked["exercise"]
    Exercise.objects.filter(pk=exercise.pk).update(illustration="img/exercises/cat-cow.svg")
    exercise.refresh_from_db()
    return exercise


def test_an_exercise_page_inlines_the_moving_figure_with_a_pause_control_and_the_still_pair(client, drawn_exercise):
    html = client.get(drawn_exercise.get_absolute_url()).content.decode()
    figure = re.search(r'<figure class="illustration exercise-figure">.*?</figure>', html, re.S).group(0)
    assert 'class="fig-motion fig-cat-cow"' in figure and "<title id=\"title-cat-cow-motion\">" in figure
    # The pause control is a real checkbox with a label: it works with no script at all.
    assert re.search(r'<input type="checkbox" id="(figure-pause-[\w-]+)" class="figure-pause">'
                     r'<label class="figure-control" for="\1">Pause the movement</label>', figure)
    # Its stylesheets are in the head, not the body: the timing, and this one figure's keyframes only.
    assert "<link" not in figure
    head = html[:html.index("</head>")]
    assert '<link rel="stylesheet" href="/static/css/figures.css">' in head
    assert re.findall(r'href="/static/img/exercises/([\w-]+)-motion\.css"', html) == ["cat-cow"]
    # The two poses side by side (print, reduced motion): the first describes, the second is its end.
    pair = re.search(r'<div class="figure-pair">.*?</div>', figure, re.S).group(0)
    assert f'src="/static/img/exercises/cat-cow.svg" alt="{drawn_exercise.illustration_alt}"' in pair
    assert 'src="/static/img/exercises/cat-cow-end.svg" alt=""' in pair
    assert "<script" not in figure and "style=" not in figure  # nothing the CSP blocks


def test_an_illustration_without_a_drawing_stays_a_still_picture(client, linked):
    exercise = linked["exercise"]  # the factory's illustration is not one backpain/figures draws
    html = client.get(exercise.get_absolute_url()).content.decode()
    assert f'<img src="/static/{exercise.illustration}" alt="{exercise.illustration_alt}"' in html
    assert "figure-pause" not in html and "-motion.css" not in html and "css/figures.css" not in html


def test_the_routine_sheet_prints_start_and_end_side_by_side(client, live_content_exercises):
    html = client.get("/routine/sheet/?run=easy&warmup=10&cooldown=10").content.decode()
    pairs = re.findall(r'<div class="figure-pair"><img src="/static/img/exercises/([\w-]+)\.svg" alt="[^"]+"[^>]*>'
                       r'<svg class="figure-arrow".*?</svg><img src="/static/img/exercises/\1-end\.svg" alt=""', html)
    assert len(pairs) >= 4
    assert "css/figures.css" in html


@pytest.fixture
def live_content_exercises(db):
    from django.core.management import call_command

    call_command("load_content", verbosity=0)


def test_first_view_of_an_exercise_page_is_under_60_kb_compressed(client, drawn_exercise):
    """HTML, every stylesheet it links and its figure: what a phone fetches before it can show the page."""
    html = client.get(drawn_exercise.get_absolute_url()).content
    total = len(gzip.compress(html))
    for href in re.findall(rb'<link rel="stylesheet" href="/static/([^"]+)"', html):
        total += len(gzip.compress(Path(finders.find(href.decode())).read_bytes()))
    assert total < 60_000, f"{total} bytes compressed"


def test_every_figure_is_small_once_compressed():
    for slug in EXERCISES:
        assert len(gzip.compress(svg("exercises", slug, "-motion").encode())) < 2_500, slug
