"""Reads for the guide pages: each returns a QuerySet with what its page needs prefetched."""

from django.db.models import Prefetch, QuerySet

from backpain.content import library
from backpain.content.models import AnatomyTopic, Article, BodyArea, Cause, Exercise, Source

LIST_FIELDS = ("slug", "title", "summary", "order")


def articles() -> QuerySet[Article]:
    return Article.objects.only(*LIST_FIELDS, "reading_minutes")


def causes() -> QuerySet[Cause]:
    return Cause.objects.only(*LIST_FIELDS)


def body_areas() -> QuerySet[BodyArea]:
    return BodyArea.objects.all()


def _sources():
    return Prefetch("sources", queryset=Source.objects.order_by("publisher", "title"))


def _exercise_cards():
    return Exercise.objects.only(*LIST_FIELDS, "category", "illustration", "illustration_alt",
                                 "sets", "reps", "hold_seconds", "duration_seconds", "per_side")


def article(slug: str) -> QuerySet[Article]:
    return Article.objects.filter(slug=slug).prefetch_related(
        _sources(),
        Prefetch("causes", queryset=causes()),
        Prefetch("anatomy", queryset=AnatomyTopic.objects.only(*LIST_FIELDS)),
        Prefetch("exercises", queryset=_exercise_cards()),
    )


def cause(slug: str) -> QuerySet[Cause]:
    return Cause.objects.filter(slug=slug).prefetch_related(
        _sources(),
        Prefetch("anatomy", queryset=AnatomyTopic.objects.only(*LIST_FIELDS)),
        Prefetch("exercises", queryset=_exercise_cards()),
        Prefetch("articles", queryset=articles()),
    )


def anatomy(slug: str) -> QuerySet[AnatomyTopic]:
    return AnatomyTopic.objects.filter(slug=slug).prefetch_related(
        _sources(),
        Prefetch("causes", queryset=causes()),
        Prefetch("articles", queryset=articles()),
    )


def exercise(slug: str) -> QuerySet[Exercise]:
    return Exercise.objects.filter(slug=slug).prefetch_related(
        _sources(), "body_areas", "equipment",
        Prefetch("causes", queryset=causes()),
        Prefetch("articles", queryset=articles()),
    )


def exercises(**filters) -> QuerySet[Exercise]:
    """The exercise library, narrowed by its filters (backpain/content/library.py)."""
    return library.filtered(_exercise_cards().prefetch_related("body_areas", "equipment"), **filters)
