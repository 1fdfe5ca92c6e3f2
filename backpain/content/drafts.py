"""Drafts: an editor's change waits, unseen by the public, until someone publishes it.

The admin saves a valid form here instead of to the page (`save_draft`), shows the draft when the
page is opened again (`initial`), builds the page as it will look for a preview (`page_from_draft`)
and publishes by saving the form to the page as usual (then `discard`). A draft holds the form's
cleaned values as JSON: text as text, dates as ISO strings, links as lists of primary keys.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ContentItem, Draft


def draft_for(model: type[ContentItem], pk: int | None) -> Draft | None:
    if pk is None:
        return None
    return Draft.objects.filter(content_type=ContentType.objects.get_for_model(model), object_id=pk).first()


def _to_json(value):
    if isinstance(value, models.QuerySet | list | tuple):
        return sorted(item.pk for item in value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def save_draft(form, *, editor: str, draft: Draft | None = None) -> Draft:
    """Keep a valid admin form's values as the page's draft (a new one, or replacing `draft`)."""
    model = form._meta.model
    data = {name: _to_json(value) for name, value in form.cleaned_data.items()}
    if draft is None:
        pk = form.instance.pk
        draft = draft_for(model, pk) or Draft(content_type=ContentType.objects.get_for_model(model), object_id=pk)
    draft.data, draft.editor = data, editor
    draft.save()
    return draft


def initial(draft: Draft) -> dict:
    """The draft's values as a form's initial data: what the editor left, shown again."""
    return dict(draft.data)


def discard(draft: Draft | None) -> None:
    if draft is not None and draft.pk:
        draft.delete()


def page_from_draft(draft: Draft) -> ContentItem:
    """The page as it will look once published: never saved, with its links in place.

    Templates read links through `.all()`, which serves a prefetched list first; each link is put
    there, from the draft for the page's own links and from the database for pages linking to it.
    """
    model = draft.content_type.model_class()
    fields = {field.name: field for field in model._meta.get_fields()}
    values = {}
    links = {}
    for name, value in draft.data.items():
        field = fields.get(name)
        if field is None:
            continue
        if field.many_to_many:
            links[name] = list(field.related_model.objects.filter(pk__in=value))
        elif isinstance(field, models.DateField) and value:
            values[name] = datetime.date.fromisoformat(value)
        else:
            values[name] = value
    # A new page has no primary key; links need one, and this object is never saved.
    page = model(pk=draft.object_id or 0, **values)
    page.render_html()
    page.created = page.updated = draft.updated  # what the page will say once published now
    cache = {}
    for field in model._meta.get_fields():
        if field.many_to_many and not field.auto_created:  # the page's own links: as drafted
            cache[field.name] = links.get(field.name, [])
        elif field.many_to_many:  # pages that link to this one: as published
            name = field.related_name or field.get_accessor_name()
            cache[name] = list(getattr(page, name).all()) if draft.object_id else []
    page._prefetched_objects_cache = cache
    return page
