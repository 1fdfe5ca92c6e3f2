"""What the guide teaches: sources, anatomy, exercises, causes and articles.

Markdown fields are rendered and sanitised once, on save, into the matching *_html field.
"""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from backpain.markdown import render_markdown


class Source(models.Model):
    """A citation that any content item can point to."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    url = models.URLField(max_length=500, blank=True)
    accessed = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["publisher", "title"]

    def __str__(self):
        return f"{self.title} ({self.publisher})"


class BodyArea(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class Equipment(models.Model):
    slug = models.SlugField(max_length=50, unique=True)
    name = models.CharField(max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name_plural = "equipment"

    def __str__(self):
        return self.name


class ContentItem(models.Model):
    """Fields every page of the guide shares."""

    markdown_fields = ("body",)
    url_name = ""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    summary = models.TextField(help_text="One or two plain sentences, shown in lists and search.")
    body = models.TextField(blank=True, help_text="Markdown.")
    body_html = models.TextField(blank=True, editable=False)
    order = models.PositiveSmallIntegerField(default=100)
    sources = models.ManyToManyField(Source, blank=True, related_name="+")
    last_reviewed = models.DateField()
    next_review_due = models.DateField()
    # What load_content last wrote, so it can tell an editor's change from its own.
    loaded_hash = models.CharField(max_length=64, blank=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["order", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        for field in self.markdown_fields:
            setattr(self, f"{field}_html", render_markdown(getattr(self, field)))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.url_name, args=[self.slug])


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AnatomyTopic(ContentItem):
    url_name = "guide:anatomy"
    illustration = models.CharField(max_length=200, help_text="Path under static/, e.g. img/anatomy/facet-joints.svg")
    illustration_alt = models.CharField(max_length=300)
    history = HistoricalRecords(m2m_fields=["sources"])

    class Meta(ContentItem.Meta):
        verbose_name = "anatomy topic"


class Exercise(ContentItem):
    url_name = "guide:exercise"

    class Category(models.TextChoices):
        AEROBIC = "aerobic", "Easy aerobic"
        DYNAMIC_WARMUP = "dynamic-warmup", "Dynamic warm-up"
        ACTIVATION = "activation", "Activation"
        STRENGTH = "strength", "Strength"
        STATIC_STRETCH = "static-stretch", "Static stretch"
        MOBILITY = "mobility", "Mobility"
        FOAM_ROLLING = "foam-rolling", "Foam rolling"

    class Difficulty(models.TextChoices):
        BEGINNER = "beginner", "Beginner"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"

    category = models.CharField(max_length=20, choices=Category.choices)
    difficulty = models.CharField(max_length=20, choices=Difficulty.choices, default=Difficulty.BEGINNER)
    body_areas = models.ManyToManyField(BodyArea, related_name="exercises")
    equipment = models.ManyToManyField(Equipment, blank=True, related_name="exercises")
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    per_side = models.BooleanField(default=False)
    steps = models.TextField(help_text="One step per line.")
    cues = models.TextField(blank=True, help_text="One coaching cue per line, most important first.")
    mistakes = models.TextField(blank=True, help_text="One common mistake per line.")
    easier = models.TextField(blank=True, help_text="An easier variation.")
    harder = models.TextField(blank=True, help_text="A harder variation.")
    illustration = models.CharField(max_length=200, help_text="Path under static/, e.g. img/exercises/plank.svg")
    illustration_alt = models.CharField(max_length=300)
    history = HistoricalRecords(m2m_fields=["sources", "body_areas", "equipment"])

    @property
    def step_list(self):
        return lines(self.steps)

    @property
    def cue_list(self):
        return lines(self.cues)

    @property
    def mistake_list(self):
        return lines(self.mistakes)

    @property
    def dosage(self) -> str:
        """The dose in a runner's words, e.g. '2 × 30 s hold, each side'."""
        parts = []
        if self.reps:
            parts.append(f"{self.reps} reps")
        if self.hold_seconds:
            parts.append(f"hold {self.hold_seconds} s")
        if self.duration_seconds:
            secs = self.duration_seconds
            parts.append(f"{secs // 60} min" if secs >= 60 and secs % 60 == 0 else f"{secs} s")
        text = ", ".join(parts)
        if self.sets and self.sets > 1:
            text = f"{self.sets} sets of {text}" if text else f"{self.sets} sets"
        if self.per_side:
            text += " each side"
        return text


class Cause(ContentItem):
    url_name = "guide:cause"
    markdown_fields = ("body", "signs", "why_it_hurts", "what_to_do")

    signs = models.TextField(help_text="Markdown: how it shows up in a runner.")
    signs_html = models.TextField(blank=True, editable=False)
    why_it_hurts = models.TextField(help_text="Markdown: why it loads the low back.")
    why_it_hurts_html = models.TextField(blank=True, editable=False)
    what_to_do = models.TextField(help_text="Markdown.")
    what_to_do_html = models.TextField(blank=True, editable=False)
    anatomy = models.ManyToManyField(AnatomyTopic, blank=True, related_name="causes")
    exercises = models.ManyToManyField(Exercise, blank=True, related_name="causes")
    suggested_by = models.TextField(
        blank=True,
        help_text="Symptom-checker context answers that point to this cause, one per line, "
        "as field=value (for example sitting_hours=over_8).",
    )
    history = HistoricalRecords(m2m_fields=["sources", "anatomy", "exercises"])

    @property
    def suggested_by_list(self):
        return lines(self.suggested_by)


class Article(ContentItem):
    url_name = "guide:article"
    causes = models.ManyToManyField(Cause, blank=True, related_name="articles")
    anatomy = models.ManyToManyField(AnatomyTopic, blank=True, related_name="articles")
    exercises = models.ManyToManyField(Exercise, blank=True, related_name="articles")
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=["sources", "causes", "anatomy", "exercises"])

    def save(self, *args, **kwargs):
        # About 200 words a minute for plain reading.
        self.reading_minutes = max(1, math.ceil(len(self.body.split()) / 200))
        super().save(*args, **kwargs)


class SearchEntry(models.Model):
    """One row per guide page, so search reads one small table (kept in step by content/signals.py).

    The database keeps its full-text index of these rows in step itself, in the same statement as the
    row is written (content/migrations/0006_search_fts): SQLite's FTS5 table by triggers, PostgreSQL's
    weighted tsvector as a generated column. backpain/guide/search.py queries both.
    """

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    slug = models.SlugField(max_length=100)
    title = models.CharField(max_length=200)
    summary = models.TextField()
    text = models.TextField(help_text="The rest of the page (body, steps, cues…) as plain text, in its own case.")
    url = models.CharField(max_length=200)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="unique_search_entry")]
        verbose_name_plural = "search entries"

    def __str__(self):
        return f"{self.kind}: {self.title}"


def _phrases(text: str) -> list[str]:
    """Comma-separated words or phrases, trimmed, in lower case, each once, in order."""
    found = (" ".join(part.split()).lower() for part in text.split(","))
    return list(dict.fromkeys(phrase for phrase in found if phrase))


class Synonym(models.Model):
    """What people type, and the words the guide uses for the same thing: search looks for both.

    One way only: "pee" finds pages that say "urine" or "bladder"; "bladder" finds what it finds.
    """

    word = models.CharField(
        max_length=60, unique=True,
        help_text="What people type, in lower case: a word or a short phrase, such as pee or pins and needles.")
    means = models.CharField(
        max_length=300,
        help_text="The words the guide uses for it, separated by commas, such as: urine, bladder.")
    updated = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return f"{self.word} → {self.means}"

    def save(self, *args, **kwargs):
        self.word = " ".join(self.word.split()).lower()
        self.means = ", ".join(self.alternatives)
        super().save(*args, **kwargs)

    def clean(self):
        self.word = " ".join(self.word.split()).lower()
        if not any(c.isalnum() for c in self.word):
            raise ValidationError({"word": "Type a word or a short phrase."})
        if not [m for m in self.alternatives if m != self.word]:
            raise ValidationError({"means": "Give at least one other word, separated by commas."})

    @property
    def alternatives(self) -> list[str]:
        return _phrases(self.means)
