"""Small factories: content made in code, not fixture files."""

import datetime
import itertools
from functools import wraps

from django.test import TestCase

from backpain.content.models import AnatomyTopic, Article, BodyArea, Cause, Equipment, Exercise, Source, Synonym

_counter = itertools.count(1)
TODAY = datetime.date(2026, 11, 22)
NEXT_YEAR = datetime.date(2027, 11, 22)


def committed(make):
    """Save as an editor's save does: the transaction commits, then the content version changes.

    A test's transaction never commits, so what waits for the commit is run when `make` returns,
    as pytest-django's django_capture_on_commit_callbacks(execute=True) does.
    """

    @wraps(make)
    def saved(*args, **kwargs):
        with TestCase.captureOnCommitCallbacks(execute=True):
            return make(*args, **kwargs)

    return saved


def _create(model, fields: dict, **links):
    """Save an item with its links and one "created" revision in its history.

    django-simple-history would otherwise write a full revision, with a copy of every link, on the
    save and again on each `.set()` of a link (three revisions a factory call, about 50 ms): most of
    the time of every test that makes content. The revision written here holds the item's fields.
    """
    item = model(**fields)
    item.skip_history_when_saving = True
    item.save()
    for name, values in links.items():
        getattr(item, name).set(values)
    del item.skip_history_when_saving
    model.history.bulk_history_create([item])
    return item


def _dates():
    return {"last_reviewed": TODAY, "next_review_due": NEXT_YEAR, "reviewer": "Asha Patel",
            "reviewer_role": "physiotherapist"}


@committed
def make_source(**fields) -> Source:
    n = next(_counter)
    defaults = {"slug": f"source-{n}", "title": f"Source {n}", "publisher": "NICE",
                "url": "https://example.org/guidance", "accessed": TODAY}
    return Source.objects.create(**{**defaults, **fields})


@committed
def make_anatomy(*, sources=(), **fields) -> AnatomyTopic:
    n = next(_counter)
    defaults = {"slug": f"anatomy-{n}", "title": f"Anatomy topic {n}", "summary": "A part of the back.",
                "body": "The **lumbar spine** has five vertebrae.", "illustration": "img/favicon.svg",
                "illustration_alt": "A diagram.", **_dates()}
    return _create(AnatomyTopic, {**defaults, **fields}, sources=sources)


@committed
def make_exercise(*, areas=("core",), equipment=(), sources=(), **fields) -> Exercise:
    n = next(_counter)
    defaults = {"slug": f"exercise-{n}", "title": f"Exercise {n}", "summary": "Builds a steady trunk.",
                "body": "Why it helps.", "category": "activation", "difficulty": "beginner",
                "sets": 2, "hold_seconds": 20, "steps": "Lie down.\nLift.", "cues": "Breathe.",
                "illustration": "img/favicon.svg", "illustration_alt": "A figure.", **_dates()}
    return _create(Exercise, {**defaults, **fields}, body_areas=BodyArea.objects.filter(slug__in=areas),
                   equipment=Equipment.objects.filter(slug__in=equipment), sources=sources)


@committed
def make_cause(*, anatomy=(), exercises=(), sources=(), **fields) -> Cause:
    n = next(_counter)
    defaults = {"slug": f"cause-{n}", "title": f"Cause {n}", "summary": "A reason backs hurt.",
                "signs": "- Ache after runs", "why_it_hurts": "It loads the spine.",
                "what_to_do": "Strengthen.", **_dates()}
    return _create(Cause, {**defaults, **fields}, anatomy=anatomy, exercises=exercises, sources=sources)


@committed
def make_article(*, causes=(), anatomy=(), exercises=(), sources=(), **fields) -> Article:
    n = next(_counter)
    defaults = {"slug": f"article-{n}", "title": f"Article {n}", "summary": "About running.",
                "body": "Some words " * 50, "order": n, **_dates()}
    return _create(Article, {**defaults, **fields}, causes=causes, anatomy=anatomy, exercises=exercises,
                   sources=sources)


@committed
def make_synonym(word: str, means: str) -> Synonym:
    return Synonym.objects.create(word=word, means=means)


@committed
def make_linked_set() -> dict:
    """One of everything, linked the way real content is."""
    source = make_source()
    anatomy = make_anatomy(sources=[source])
    exercise = make_exercise(areas=("core", "hips"), equipment=("mat",), sources=[source])
    cause = make_cause(anatomy=[anatomy], exercises=[exercise], sources=[source])
    article = make_article(causes=[cause], anatomy=[anatomy], exercises=[exercise], sources=[source])
    return {"source": source, "anatomy": anatomy, "exercise": exercise, "cause": cause, "article": article}
