"""Keep derived data in step with content: the search index, and the pages' content version.

The search entry is written in the same transaction as the content, so the two always agree; the
database's full-text index of it follows in the same statement (content/migrations/0010_search_fts). The
content version changes once per transaction, after it commits (backpain.caching).
Receivers are connected for the content models only (connect(), from ContentConfig.ready), not
for every model Django saves.
"""

import html
import re

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.html import strip_tags

from backpain.caching import bump_content_version_on_commit

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
    Synonym,
)

SEARCH_KINDS = {Article: "article", Cause: "cause", AnatomyTopic: "anatomy", Exercise: "exercise"}
# Synonyms change what search finds, so a change to one is a new content version too.
PAGE_CONTENT = (*SEARCH_KINDS, Source, BodyArea, Equipment, Synonym)


# The end of a paragraph, heading, list item or table cell: where a snippet needs a full stop. A line
# break inside a paragraph is only where the Markdown was wrapped, so it is a space, not a stop.
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|dt|dd|td|th|blockquote)>", re.IGNORECASE)


def plain_text(html_text: str, *, lines: bool = False) -> str:
    """HTML as one line of plain text, each block ending in a stop, so snippets read as sentences
    ("a high temperature. losing weight without trying.", not one run-on list). With `lines`, each
    line is a block too (an exercise's steps, cues and mistakes, one a line)."""
    parts = html_text.split("\n") if lines else [html_text]
    blocks = (re.sub(r"\s+", " ", html.unescape(strip_tags(block))).strip()
              for part in parts for block in BLOCK_END.split(part))
    return " ".join(b if b[-1] in ".!?:;,…" else f"{b}." for b in blocks if b)


def search_text(item: ContentItem) -> str:
    """The page's text besides its title and summary, as plain text in its own case.

    (content/migrations/0010_search_fts keeps a frozen copy of this, to rebuild the rows once.)
    """
    parts = [plain_text(getattr(item, f"{name}_html")) for name in item.markdown_fields]
    if isinstance(item, Exercise):
        lists = ("\n".join(item.step_list), item.cues, item.mistakes, item.easier, item.harder)  # steps as shown
        parts += [plain_text(text, lines=True) for text in lists]
    return " ".join(part for part in parts if part)


def index_for_search(item: ContentItem) -> None:
    SearchEntry.objects.update_or_create(
        kind=SEARCH_KINDS[type(item)], object_id=item.pk,
        defaults={"slug": item.slug, "title": item.title, "summary": item.summary, "text": search_text(item),
                  "url": item.get_absolute_url()},
    )


def _content_saved(sender, instance, using, **kwargs):
    if sender in SEARCH_KINDS:
        index_for_search(instance)
    bump_content_version_on_commit(using)


def _content_deleted(sender, instance, using, **kwargs):
    if sender in SEARCH_KINDS:
        SearchEntry.objects.filter(kind=SEARCH_KINDS[sender], object_id=instance.pk).delete()
    bump_content_version_on_commit(using)


def _relations_changed(sender, action, using, **kwargs):
    if action.startswith("post_"):
        bump_content_version_on_commit(using)


def connect() -> None:
    for model in PAGE_CONTENT:
        post_save.connect(_content_saved, sender=model, dispatch_uid=f"content-saved-{model.__name__}")
        post_delete.connect(_content_deleted, sender=model, dispatch_uid=f"content-deleted-{model.__name__}")
        # A link between two items (an article's causes) is saved in its own table.
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(_relations_changed, sender=through,
                                dispatch_uid=f"content-links-{through._meta.label}")
