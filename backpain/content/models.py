"""What the guide teaches: sources, anatomy, exercises, causes and articles.

Markdown fields are rendered and sanitised once, on save, into the matching *_html field.
"""

import datetime
import math

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from backpain import vocabulary
from backpain.dose import dose_text, fill_steps, step_problems
from backpain.markdown import render_markdown

from .pictures import validate_static_path

# Every model's HistoricalRecords, so the loader can write one revision per item it loads instead
# of one for the save and one more for each list of links it sets (history was most of a load).
_HISTORIES: list[HistoricalRecords] = []


def tracked(**options) -> HistoricalRecords:
    """HistoricalRecords(**options), remembered for history_of."""
    records = HistoricalRecords(**options)
    _HISTORIES.append(records)
    return records


def history_of(model: type[models.Model]) -> HistoricalRecords:
    return next(records for records in _HISTORIES if records.cls is model)


def unix_newlines(text: str) -> str:
    """Windows (\\r\\n) and old Mac (\\r) line endings as \\n: the one place content's text is
    given them, for the model's save, admin's text boxes and the loader's files."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_line_endings(obj: models.Model) -> None:
    """Text from the admin arrives with Windows line endings (CRLF); files and history use \\n only,
    so a field nobody touched never shows as changed."""
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if isinstance(value, str) and "\r" in value:
            setattr(obj, field.attname, unix_newlines(value))


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
    history = tracked()

    class Meta:
        ordering = ["publisher", "title"]

    def __str__(self):
        return f"{self.title} ({self.publisher})"

    def save(self, *args, **kwargs):
        normalise_line_endings(self)
        super().save(*args, **kwargs)


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
    next_review_due = models.DateField(help_text="Must be after the last review.")
    reviewer = models.CharField(max_length=200, default="", help_text="Who last reviewed this page, by name.")
    reviewer_role = models.CharField(max_length=200, default="", help_text="Their role, e.g. physiotherapist.")
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
        normalise_line_endings(self)
        self.render_html()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(self.url_name, args=[self.slug])

    def clean(self):
        super().clean()
        if self.last_reviewed and self.next_review_due and self.next_review_due <= self.last_reviewed:
            raise ValidationError({"next_review_due": "The next review must be after the last review."})

    @property
    def review_overdue(self) -> bool:
        return self.next_review_due < datetime.date.today()

    @property
    def reviewed_by_clinician(self) -> bool:
        """False for the editors' own check ("editors; not yet reviewed by a clinician"): the page says so."""
        return "not yet reviewed by a clinician" not in self.reviewer_role

    def render_html(self) -> None:
        """Render and sanitise each Markdown field into its *_html field (on save, and for a preview)."""
        for field in self.markdown_fields:
            setattr(self, f"{field}_html", render_markdown(getattr(self, field)))


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class AnatomyTopic(ContentItem):
    url_name = "guide:anatomy"
    illustration = models.CharField(max_length=200, validators=[validate_static_path],
                                    help_text="Path under static/, e.g. img/anatomy/facet-joints.svg")
    illustration_alt = models.CharField(max_length=300)
    history = tracked(m2m_fields=["sources"])

    class Meta(ContentItem.Meta):
        verbose_name = "anatomy topic"


class Exercise(ContentItem):
    url_name = "guide:exercise"

    # The categories and difficulties are shared words (backpain.vocabulary): the routine composer
    # matches on them.
    CATEGORIES = vocabulary.choices(vocabulary.EXERCISE_CATEGORIES)
    DIFFICULTIES = vocabulary.choices(vocabulary.DIFFICULTIES)

    category = models.CharField(max_length=20, choices=CATEGORIES)
    difficulty = models.CharField(max_length=20, choices=DIFFICULTIES, default=vocabulary.BEGINNER)
    body_areas = models.ManyToManyField(BodyArea, related_name="exercises")
    equipment = models.ManyToManyField(Equipment, blank=True, related_name="exercises")
    sets = models.PositiveSmallIntegerField(null=True, blank=True)
    reps = models.PositiveSmallIntegerField(null=True, blank=True)
    hold_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    duration_seconds = models.PositiveSmallIntegerField(null=True, blank=True)
    per_side = models.BooleanField(default=False)
    steps = models.TextField(help_text="One step per line, saying how to move. No numbers: write {reps}, {hold}, "
                             "{time} or {sets} where the dose goes, e.g. “Hold for {hold}.”")
    cues = models.TextField(blank=True, help_text="One coaching cue per line, most important first.")
    mistakes = models.TextField(blank=True, help_text="One common mistake per line.")
    easier = models.TextField(blank=True, help_text="An easier variation.")
    harder = models.TextField(blank=True, help_text="A harder variation.")
    illustration = models.CharField(max_length=200, validators=[validate_static_path],
                                    help_text="Path under static/, e.g. img/exercises/plank.svg")
    illustration_alt = models.CharField(max_length=300)
    history = tracked(m2m_fields=["sources", "body_areas", "equipment"])

    def clean(self):
        super().clean()
        wrong = [f"Step {number}: {problem}." for number, step in enumerate(lines(self.steps), 1)
                 for problem in step_problems(step)]
        if wrong:
            raise ValidationError({"steps": wrong})

    def steps_for(self, *, sets: int | None, reps: int | None, hold: int | None, time: int | None,
                  per_side: bool) -> list[str]:
        """The steps with another dose's numbers in them (a routine's, a physiotherapist's)."""
        return fill_steps(lines(self.steps), sets=sets, reps=reps, hold=hold, time=time, per_side=per_side)

    @property
    def step_list(self):
        """The steps with the library's own dose in them."""
        return self.steps_for(sets=self.sets, reps=self.reps, hold=self.hold_seconds, time=self.duration_seconds,
                              per_side=self.per_side)

    @property
    def cue_list(self):
        return lines(self.cues)

    @property
    def mistake_list(self):
        return lines(self.mistakes)

    @property
    def dosage(self) -> str:
        """The dose in a runner's words: '2 sets of 10 reps, hold 3 s', 'Hold 20 s, 3 times, each side'."""
        return dose_text(sets=self.sets, reps=self.reps, hold_seconds=self.hold_seconds,
                         duration_seconds=self.duration_seconds, per_side=self.per_side)


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
    history = tracked(m2m_fields=["sources", "anatomy", "exercises"])

    @property
    def suggested_by_list(self):
        return lines(self.suggested_by)


class Article(ContentItem):
    url_name = "guide:article"
    causes = models.ManyToManyField(Cause, blank=True, related_name="articles")
    anatomy = models.ManyToManyField(AnatomyTopic, blank=True, related_name="articles")
    exercises = models.ManyToManyField(Exercise, blank=True, related_name="articles")
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    history = tracked(m2m_fields=["sources", "causes", "anatomy", "exercises"])

    def save(self, *args, **kwargs):
        # About 200 words a minute for plain reading.
        self.reading_minutes = max(1, math.ceil(len(self.body.split()) / 200))
        super().save(*args, **kwargs)


class Draft(models.Model):
    """An editor's unpublished change to a guide page, or a new page, as the admin form gave it.

    The public site reads only the pages themselves, so nobody but editors sees a draft until it is
    published (backpain/content/drafts.py); load_content never overwrites a page with a draft.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True, help_text="Empty for a new page.")
    data = models.JSONField(help_text="The page's fields as the editor left them.")
    editor = models.CharField(max_length=150, blank=True)
    updated = models.DateTimeField(auto_now=True)
    history = tracked()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="one_draft_per_page")]

    def __str__(self):
        return f"Draft of {self.data.get('title') or 'a new page'}"


class Feedback(models.Model):
    """A reader's answer to "Was this page helpful?": the page, yes or no, an optional comment.

    Nothing about the reader is kept: no IP address, browser, account or cookie, and the day only.
    """

    page = models.CharField(max_length=200, help_text="The address of the page, e.g. /causes/weak-core/.")
    helpful = models.BooleanField()
    comment = models.TextField(blank=True, max_length=500)
    received = models.DateField(auto_now_add=True)

    class Meta:
        ordering = ["-received", "-pk"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"{self.page}: {'helpful' if self.helpful else 'not helpful'}"


class SearchEntry(models.Model):
    """One row per guide page, so search reads one small table (kept in step by content/signals.py).

    The database keeps its full-text index of these rows in step itself, in the same statement as the
    row is written (content/migrations/0010_search_fts): SQLite's FTS5 table by triggers, PostgreSQL's
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
    history = tracked()

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
