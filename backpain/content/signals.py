"""Keep derived data in step with content: the search index and the pages' cache version."""

import re
import uuid

from django.conf import settings
from django.core.cache import cache, caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.html import strip_tags

from .models import (
    AnatomyTopic,
    Article,
    BodyArea,
    Cause,
    ContentItem,
    Equipment,
    Exercise,
    SearchEntry,
    Source,
)

CONTENT_VERSION_KEY = "content-version"
SEARCH_KINDS = {Article: "article", Cause: "cause", AnatomyTopic: "anatomy", Exercise: "exercise"}
# Real models only: migrations send signals for their historical stand-ins too.
PAGE_CONTENT = {*SEARCH_KINDS, Source, BodyArea, Equipment}


def content_version() -> str:
    """Changes whenever any content is saved; pages use it as their ETag and cache key.

    Read from this process's memory when fresh enough, else from the shared cache.
    """
    local = caches["local"]
    version = local.get(CONTENT_VERSION_KEY)
    if version is None:
        version = cache.get_or_set(CONTENT_VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)
        local.set(CONTENT_VERSION_KEY, version, timeout=settings.CONTENT_VERSION_LOCAL_SECONDS)
    return version


def bump_content_version() -> None:
    version = uuid.uuid4().hex
    cache.set(CONTENT_VERSION_KEY, version, timeout=None)
    caches["local"].set(CONTENT_VERSION_KEY, version, timeout=settings.CONTENT_VERSION_LOCAL_SECONDS)


def search_text(item: ContentItem) -> str:
    parts = [item.title, item.summary]
    parts += [strip_tags(getattr(item, f"{name}_html")) for name in item.markdown_fields]
    if isinstance(item, Exercise):
        parts += [item.steps, item.cues, item.mistakes, item.easier, item.harder]
    return re.sub(r"\s+", " ", " ".join(parts)).lower()


def index_for_search(item: ContentItem) -> None:
    SearchEntry.objects.update_or_create(
        kind=SEARCH_KINDS[type(item)], object_id=item.pk,
        defaults={"slug": item.slug, "title": item.title, "summary": item.summary, "text": search_text(item),
                  "url": item.get_absolute_url()},
    )


@receiver(post_save)
def _content_saved(sender, instance, **kwargs):
    if sender in SEARCH_KINDS:
        index_for_search(instance)
    if sender in PAGE_CONTENT:
        bump_content_version()


@receiver(post_delete)
def _content_deleted(sender, instance, **kwargs):
    if sender in SEARCH_KINDS:
        SearchEntry.objects.filter(kind=SEARCH_KINDS[sender], object_id=instance.pk).delete()
    if sender in PAGE_CONTENT:
        bump_content_version()


@receiver(m2m_changed)
def _relations_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and type(instance) in PAGE_CONTENT:
        bump_content_version()
