"""Sync content/ (Markdown with YAML front matter) with the database, and back.

Parse and validate every file first, then write everything in one transaction: bad input names
the file and field and leaves the database as it was. Each item remembers a hash of what was last
loaded, so an editor's admin change is never silently overwritten.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import frontmatter
import yaml
from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import models, transaction

from backpain.dose import step_problems
from backpain.vocabulary import CONTEXT_ANSWERS

from .models import (
    AnatomyTopic,
    Article,
    BodyArea,
    Cause,
    Draft,
    Equipment,
    Exercise,
    Source,
    history_of,
    unix_newlines,
)


class ContentError(Exception):
    def __init__(self, path: Path | str, field: str | None, message: str):
        self.path, self.field, self.message = str(path), field, message
        where = f"{self.path}: {field}" if field else self.path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Kind:
    """One folder of content files and its model. The fields' kinds come from the model: a required
    text is a CharField or TextField that may not be blank, a number an IntegerField, a choice a field
    with choices, a relation a ManyToManyField (to another folder's model, or to a fixed list: body
    areas, equipment). Only what the model cannot say is written here: the fields a file has, in the
    order export writes them, and which text fields hold one item a line."""

    folder: str
    model: type
    fields: tuple[str, ...]  # the front matter's fields, in the order export writes them
    line_lists: tuple[str, ...] = ()  # YAML list <-> one item per line in the database
    body_field: str = "body"

    def _of_type(self, *types) -> tuple[str, ...]:
        return tuple(name for name in self.fields if name not in self.line_lists
                     and isinstance(self.model._meta.get_field(name), types))

    @cached_property
    def relations(self) -> dict[str, str | type]:
        """name -> the folder of the related model, or the related model when no folder holds it."""
        folders = {kind.model: kind.folder for kind in KINDS}
        return {name: folders.get(field.related_model, field.related_model)
                for name in self._of_type(models.ManyToManyField)
                for field in (self.model._meta.get_field(name),)}

    @cached_property
    def choices(self) -> dict[str, list[str]]:
        """name -> the allowed values."""
        return {name: [value for value, _ in self.model._meta.get_field(name).choices]
                for name in self._of_type(models.CharField) if self.model._meta.get_field(name).choices}

    @cached_property
    def required(self) -> tuple[str, ...]:
        texts = self._of_type(models.CharField, models.TextField)
        return tuple(name for name in texts if name not in self.choices and not self.model._meta.get_field(name).blank)

    @cached_property
    def text(self) -> tuple[str, ...]:
        """The texts that may be empty."""
        texts = self._of_type(models.CharField, models.TextField)
        return tuple(name for name in texts if name not in self.choices and name not in self.required)

    @cached_property
    def integers(self) -> tuple[str, ...]:
        return self._of_type(models.IntegerField)

    @cached_property
    def booleans(self) -> tuple[str, ...]:
        return self._of_type(models.BooleanField)

    @cached_property
    def dates(self) -> tuple[str, ...]:
        return self._of_type(models.DateField)

    @property
    def scalar_fields(self):
        return (*self.required, *self.text, *self.integers, *self.booleans, *self.dates,
                *self.choices, *self.line_lists)

    @cached_property
    def form(self) -> type[forms.ModelForm]:
        """The model's own validation (its fields' validators and clean()), as admin runs it."""
        return forms.modelform_factory(self.model, fields=[*self.scalar_fields, self.body_field])


REVIEWED = ("last_reviewed", "next_review_due", "reviewer", "reviewer_role")
# The one way a content file is written (content/README.md, "The format"): fields in a fixed order
# for each kind (below), every value on one line (no wrapping), lists of slugs sorted in [flow, style],
# lists of lines (steps, cues, mistakes) one per line, Markdown fields as `|` blocks, empty numbers
# and texts left out. Export writes it; `load_content --check` fails on a file written otherwise,
# so a change made in admin shows in git as the lines of that field and nothing else.
KINDS = [
    Kind("sources", Source, ("title", "publisher", "url", "accessed"), body_field="notes"),
    Kind("anatomy", AnatomyTopic, ("title", "summary", "order", "illustration", "illustration_alt", "sources",
                                   *REVIEWED)),
    Kind("exercises", Exercise, (
        "title", "summary", "order", "category", "body_areas", "equipment", "difficulty", "sets", "reps",
        "hold_seconds", "duration_seconds", "per_side", "steps", "cues", "mistakes", "easier", "harder",
        "illustration", "illustration_alt", "sources", *REVIEWED), line_lists=("steps", "cues", "mistakes")),
    Kind("causes", Cause, ("title", "summary", "order", "sources", *REVIEWED, "signs", "why_it_hurts",
                           "what_to_do", "anatomy", "exercises", "suggested_by"), line_lists=("suggested_by",)),
    Kind("articles", Article, ("title", "summary", "order", "sources", *REVIEWED, "causes", "anatomy",
                               "exercises")),
]
KIND_BY_FOLDER = {kind.folder: kind for kind in KINDS}


@dataclass
class Record:
    """One item as plain data: what a file says, or what the database holds."""

    kind: Kind
    slug: str
    data: dict
    path: Path | None = None

    @property
    def hash(self) -> str:
        payload = json.dumps({"slug": self.slug, **self.data}, sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()


@dataclass
class Report:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)  # edited in admin since the last load
    drafted: list[str] = field(default_factory=list)  # an editor's draft is waiting: never overwritten

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def summary(self) -> str:
        text = (f"{len(self.created)} created, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.conflicts)} skipped (edited in admin)")
        if self.drafted:
            text += f", {len(self.drafted)} kept (unpublished draft)"
        if not self.changed:
            text += ". Nothing to change."
        return text


# --- Reading files ------------------------------------------------------------------------


def _clean_text(value) -> str:
    """Every text the loader reads, from a file or the database, goes through here: line endings
    as "\\n" (admin's text boxes send "\\r\\n"), no space at either end."""
    return "" if value is None else unix_newlines(str(value)).strip()


def parse_file(kind: Kind, path: Path) -> Record:
    try:
        post = frontmatter.load(path)
    except yaml.YAMLError as error:
        raise ContentError(path, None, f"malformed YAML front matter ({error})") from error
    except UnicodeDecodeError as error:
        raise ContentError(path, None, "not valid UTF-8") from error
    meta = dict(post.metadata)
    slug = meta.pop("slug", path.stem)
    if slug != path.stem:
        raise ContentError(path, "slug", f"'{slug}' must match the file name '{path.stem}'")
    known = {*kind.scalar_fields, *kind.relations}
    if kind.folder != "sources":
        known.add("order")
    for name in meta:
        if name not in known:
            raise ContentError(path, name, f"unknown field (expected one of: {', '.join(sorted(known))})")

    data = {}
    for name in kind.required:
        value = _clean_text(meta.get(name))
        if not value:
            raise ContentError(path, name, "is required")
        data[name] = value
    for name in kind.text:
        data[name] = _clean_text(meta.get(name))
    for name in kind.integers:
        value = meta.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
            raise ContentError(path, name, f"must be a whole number of 0 or more, not {value!r}")
        data[name] = value
    if "order" in data and data["order"] is None:
        data["order"] = 100
    for name in kind.booleans:
        value = meta.get(name, False)
        if not isinstance(value, bool):
            raise ContentError(path, name, f"must be true or false, not {value!r}")
        data[name] = value
    for name in kind.dates:
        value = meta.get(name)
        if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
            raise ContentError(path, name, f"must be a date like 2026-11-22, not {value!r}")
        data[name] = value.isoformat()
    for name, allowed in kind.choices.items():
        value = meta.get(name)
        if value not in allowed:
            raise ContentError(path, name, f"unknown value {value!r} (allowed: {', '.join(allowed)})")
        data[name] = value
    for name in (*kind.line_lists, *kind.relations):
        value = meta.get(name) or []
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise ContentError(path, name, "must be a list")
        items = [str(v).strip() for v in value if str(v).strip()]
        if any("\n" in item for item in items):
            raise ContentError(path, name, "items must be single lines")
        data[name] = sorted(set(items)) if name in kind.relations else items
    data[kind.body_field] = _clean_text(post.content)
    _check_fields(kind, path, data)
    _check_with_the_model(kind, path, data)
    return Record(kind, slug, data, path)


def _check_fields(kind: Kind, path: Path, data: dict) -> None:
    if kind.model is Exercise:
        if not data["steps"]:
            raise ContentError(path, "steps", "at least one step is required")
        for number, step in enumerate(data["steps"], 1):
            if wrong := step_problems(step):
                raise ContentError(path, "steps", f"step {number} ({step!r}): {'; '.join(wrong)}")
        if not data["body_areas"]:
            raise ContentError(path, "body_areas", "at least one body area is required")
    if kind.model is Cause:
        for entry in data["suggested_by"]:
            name, _, value = entry.partition("=")
            if value not in CONTEXT_ANSWERS.get(name, ()):
                raise ContentError(path, "suggested_by",
                                   f"'{entry}' is not a symptom-checker context answer (field=value)")
    if kind.folder == "sources" and data["url"] and not data["url"].startswith(("https://", "http://")):
        raise ContentError(path, "url", "must start with https:// or http://")


def _check_with_the_model(kind: Kind, path: Path, data: dict) -> None:
    """The model's own rules, through its ModelForm as admin checks them: each field's validators (a
    picture's path, a length) and the model's clean() (the next review after the last review)."""
    values = {name: "\n".join(value) if name in kind.line_lists else value for name, value in data.items()}
    form = kind.form(data={name: "" if value is None else value for name, value in values.items()})
    if not form.is_valid():
        name = next(name for name in (*kind.fields, kind.body_field, NON_FIELD_ERRORS) if name in form.errors)
        raise ContentError(path, None if name == NON_FIELD_ERRORS else name, " ".join(form.errors[name]))


def read_folder(folder: Path) -> list[Record]:
    if not folder.is_dir():
        raise ContentError(folder, None, "content folder not found")
    records = []
    for kind in KINDS:
        for path in sorted((folder / kind.folder).glob("*.md")):
            records.append(parse_file(kind, path))
    return records


# --- The database side --------------------------------------------------------------------


def record_from_object(kind: Kind, obj) -> Record:
    data = {}
    for name in (*kind.required, *kind.text):
        data[name] = _clean_text(getattr(obj, name))
    for name in (*kind.integers, *kind.booleans, *kind.choices):
        data[name] = getattr(obj, name)
    for name in kind.dates:
        value = getattr(obj, name)
        data[name] = value.isoformat() if value else None
    for name in kind.line_lists:
        data[name] = [line.strip() for line in _clean_text(getattr(obj, name)).split("\n") if line.strip()]
    for name in kind.relations:
        data[name] = sorted(related.slug for related in getattr(obj, name).all())
    data[kind.body_field] = _clean_text(getattr(obj, kind.body_field))
    return Record(kind, obj.slug, data)


def database_records(kind: Kind) -> dict[str, tuple[object, Record]]:
    objects = kind.model.objects.prefetch_related(*kind.relations)
    return {obj.slug: (obj, record_from_object(kind, obj)) for obj in objects}


def _validate_relations(records: list[Record]) -> None:
    known = {kind.folder: set() for kind in KINDS}
    for record in records:
        known[record.kind.folder].add(record.slug)
    for kind in KINDS:
        known[kind.folder] |= set(kind.model.objects.values_list("slug", flat=True))
    fixed = {model: set(model.objects.values_list("slug", flat=True)) for model in (BodyArea, Equipment)}
    for record in records:
        for name, target in record.kind.relations.items():
            allowed = fixed[target] if isinstance(target, type) else known[target]
            for slug in record.data[name]:
                if slug not in allowed:
                    raise ContentError(record.path, name, f"unknown slug '{slug}'")


def _write_fields(record: Record, obj) -> None:
    kind = record.kind
    for name, value in record.data.items():
        if name in kind.relations:
            continue
        if name in kind.line_lists:
            value = "\n".join(value)
        elif name in kind.dates and value:
            value = datetime.date.fromisoformat(value)
        setattr(obj, name, value)
    obj.loaded_hash = record.hash
    obj.save()


def _write_relations(record: Record, obj) -> None:
    for name, target in record.kind.relations.items():
        model = target if isinstance(target, type) else KIND_BY_FOLDER[target].model
        getattr(obj, name).set(model.objects.filter(slug__in=record.data[name]))


# The fields that say who checked a page and when: changing only these is not a change of its text.
REVIEW_FIELDS = frozenset({"last_reviewed", "next_review_due", "reviewer", "reviewer_role"})


def _check_the_date_is_honest(record: Record, current: Record) -> None:
    """A page whose text changed must show a later date than the one it showed (issue 28: 64 pages
    were rewritten and still showed their older review date). A second change on the day of the date
    shown is honest too. The admin dates its own changes."""
    if "last_reviewed" not in record.data:
        return  # sources have no review date
    text_changed = any(record.data.get(name) != current.data.get(name)
                       for name in record.data.keys() | current.data.keys() if name not in REVIEW_FIELDS)
    shown = record.data["last_reviewed"]
    if text_changed and shown <= current.data["last_reviewed"] and shown != datetime.date.today().isoformat():
        raise ContentError(record.path, "last_reviewed",
                           f"the page changed since it was checked on {current.data['last_reviewed']}: set "
                           "last_reviewed to the day of the change (and next_review_due after it)")


def sync(folder: Path, *, force: bool = False, dry_run: bool = False) -> Report:
    """Bring the database in line with the files; on any error nothing is written."""
    records = read_folder(folder)
    report = Report()
    with transaction.atomic():
        _validate_relations(records)
        to_write = []
        existing = {kind.folder: database_records(kind) for kind in KINDS}
        drafted = set(Draft.objects.filter(object_id__isnull=False).values_list("content_type__model", "object_id"))
        for record in records:
            label = f"{record.kind.folder}/{record.slug}"
            obj, current = existing[record.kind.folder].get(record.slug, (None, None))
            if obj is None:
                obj = record.kind.model(slug=record.slug)
                report.created.append(label)
            elif (record.kind.model._meta.model_name, obj.pk) in drafted and current.hash != record.hash:
                report.drafted.append(label)
                continue
            elif current.hash == record.hash:
                if obj.loaded_hash != record.hash and not dry_run:
                    # Same content (e.g. just exported): adopt it as the loaded version.
                    record.kind.model.objects.filter(pk=obj.pk).update(loaded_hash=record.hash)
                report.unchanged.append(label)
                continue
            elif current.hash != obj.loaded_hash and not force:
                report.conflicts.append(label)
                continue
            else:
                _check_the_date_is_honest(record, current)
                report.updated.append(label)
            to_write.append((record, obj, "+" if obj.pk is None else "~"))  # its revision's type
        if not dry_run:
            for record, obj, _ in to_write:  # first pass: the items themselves
                obj.skip_history_when_saving = True  # one revision each, below, once its links are set
                _write_fields(record, obj)
            for record, obj, _ in to_write:  # second pass: relations, now every slug exists
                _write_relations(record, obj)
            for record, obj, history_type in to_write:
                del obj.skip_history_when_saving
                history_of(record.kind.model).create_historical_record(obj, history_type)
    return report


# --- Export -------------------------------------------------------------------------------


BLOCK_LISTS = ("steps", "cues", "mistakes")  # one line each; other lists are short [flow, lists]


def _scalar(value) -> str:
    """One value as YAML on one line: plain where YAML allows, quoted where it must be."""
    dumped = yaml.safe_dump(value, width=float("inf"), allow_unicode=True, default_flow_style=True)
    return dumped.removesuffix("\n").removesuffix("\n...")


def _field_lines(name: str, value) -> list[str]:
    if isinstance(value, list):
        if name in BLOCK_LISTS and value:
            return [f"{name}:", *(f"  - {_scalar(item)}" for item in value)]
        return [f"{name}: [{', '.join(_scalar(item) for item in value)}]"]
    if isinstance(value, str) and "\n" in value:
        return [f"{name}: |", *(f"  {line}" if line else "" for line in value.split("\n"))]
    return [f"{name}: {_scalar(value)}"]


def render_file(record: Record) -> str:
    lines = [f"slug: {_scalar(record.slug)}"]
    for name in record.kind.fields:
        value = record.data.get(name)
        if value is None or value == "":
            continue
        if name in record.kind.dates:
            value = datetime.date.fromisoformat(value)
        lines += _field_lines(name, value)
    body = record.data[record.kind.body_field]
    front = "\n".join(lines)
    return f"---\n{front}\n---\n\n{body}\n" if body else f"---\n{front}\n---\n"


def format_problems(records: list[Record]) -> list[str]:
    """Files not written in the format (see render_file), each with its first line that differs."""
    problems = []
    for record in records:
        written = record.path.read_text(encoding="utf-8").split("\n")
        expected = render_file(record).split("\n")
        for number, (line, wanted) in enumerate(zip(written, expected, strict=False), start=1):
            if line != wanted:
                problems.append(f"{record.path}: line {number} should read: {wanted!r}")
                break
        else:
            if len(written) != len(expected):
                problems.append(f"{record.path}: line {min(len(written), len(expected))}: extra or missing lines")
    return problems


def export(folder: Path) -> tuple[int, int]:
    """Write every item in the database to folder/<kind>/<slug>.md; returns (files changed, items).

    A file already saying the same is left untouched."""
    changed = count = 0
    for kind in KINDS:
        (folder / kind.folder).mkdir(parents=True, exist_ok=True)
        for _obj, record in database_records(kind).values():
            path = folder / kind.folder / f"{record.slug}.md"
            text = render_file(record)
            count += 1
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                path.write_text(text, encoding="utf-8")
                changed += 1
    return changed, count
