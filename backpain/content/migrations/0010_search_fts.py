"""Full-text search on both databases, its index kept in step by the database itself.

SQLite: an FTS5 table over content_searchentry with the porter stemmer. It holds only the index
(external content), and three triggers write it in the same statement as the row, so the index
always agrees with the table in every transaction; bm25() ranks with a weight for each column.
PostgreSQL: a generated column holding the weighted tsvector (title A, summary B, text C), and one
for the title alone, each indexed with GIN; they replace 0004's unweighted expression index, and
ts_rank() ranks with the first.

Then each row's `text` is rebuilt: it now holds the rest of the page in its own case, without the
title and summary, which are columns of their own and weighted apart.

On SQLite, a later migration that makes Django rebuild content_searchentry (most AlterField
operations copy the table) drops these triggers: create them again after it.
tests/test_search_index.py checks that they exist and that the index agrees with the table.
"""

import html
import re

from django.db import migrations, models
from django.utils.html import strip_tags

FTS5_TABLE = (
    "CREATE VIRTUAL TABLE content_searchentry_fts USING fts5("
    "title, summary, text, content='content_searchentry', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')"
)
FTS5_INSERT = ("INSERT INTO content_searchentry_fts(rowid, title, summary, text) "
               "VALUES (new.id, new.title, new.summary, new.text);")
FTS5_DELETE = ("INSERT INTO content_searchentry_fts(content_searchentry_fts, rowid, title, summary, text) "
               "VALUES ('delete', old.id, old.title, old.summary, old.text);")
SQLITE_FORWARD = [
    FTS5_TABLE,
    f"CREATE TRIGGER content_searchentry_fts_insert AFTER INSERT ON content_searchentry BEGIN {FTS5_INSERT} END",
    f"CREATE TRIGGER content_searchentry_fts_delete AFTER DELETE ON content_searchentry BEGIN {FTS5_DELETE} END",
    "CREATE TRIGGER content_searchentry_fts_update AFTER UPDATE ON content_searchentry "
    f"BEGIN {FTS5_DELETE} {FTS5_INSERT} END",
    "INSERT INTO content_searchentry_fts(content_searchentry_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS content_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS content_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS content_searchentry_fts_update",
    "DROP TABLE IF EXISTS content_searchentry_fts",
]

POSTGRES_FORWARD = [
    "DROP INDEX IF EXISTS content_searchentry_fts",
    "ALTER TABLE content_searchentry ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', title), 'A') || "
    "setweight(to_tsvector('english', summary), 'B') || "
    "setweight(to_tsvector('english', text), 'C')) STORED",
    "CREATE INDEX content_searchentry_search_vector ON content_searchentry USING GIN (search_vector)",
    # The title alone, for ranking pages with a word of the query in their title first.
    "ALTER TABLE content_searchentry ADD COLUMN title_vector tsvector GENERATED ALWAYS AS ("
    "to_tsvector('english', title)) STORED",
    "CREATE INDEX content_searchentry_title_vector ON content_searchentry USING GIN (title_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS content_searchentry_title_vector",
    "ALTER TABLE content_searchentry DROP COLUMN IF EXISTS title_vector",
    "DROP INDEX IF EXISTS content_searchentry_search_vector",
    "ALTER TABLE content_searchentry DROP COLUMN IF EXISTS search_vector",
    "CREATE INDEX IF NOT EXISTS content_searchentry_fts ON content_searchentry "
    "USING GIN (to_tsvector('english', title || ' ' || text))",
]


def _run(statements):
    def run(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        for sql in statements.get(vendor, ()):
            schema_editor.execute(sql, params=None)
    return run


# As content/signals.py's search_text() wrote it when this migration was made (frozen here).
BLOCK_END = re.compile(r"</(?:p|h[1-6]|li|dt|dd|td|th|blockquote)>|\n", re.IGNORECASE)


def plain_text(html_text):
    blocks = (re.sub(r"\s+", " ", html.unescape(strip_tags(block))).strip() for block in BLOCK_END.split(html_text))
    return " ".join(b if b[-1] in ".!?:;,…" else f"{b}." for b in blocks if b)


PAGES = {
    "article": ("Article", ("body_html",), ()),
    "cause": ("Cause", ("body_html", "signs_html", "why_it_hurts_html", "what_to_do_html"), ()),
    "anatomy": ("AnatomyTopic", ("body_html",), ()),
    "exercise": ("Exercise", ("body_html",), ("steps", "cues", "mistakes", "easier", "harder")),
}


def rebuild_text(apps, schema_editor):
    SearchEntry = apps.get_model("content", "SearchEntry")  # noqa: N806
    for kind, (model_name, html_fields, plain_fields) in PAGES.items():
        model = apps.get_model("content", model_name)
        for item in model.objects.all():
            parts = [plain_text(getattr(item, name)) for name in (*html_fields, *plain_fields)]
            text = " ".join(part for part in parts if part)
            SearchEntry.objects.filter(kind=kind, object_id=item.pk).update(text=text)


class Migration(migrations.Migration):
    dependencies = [("content", "0009_synonyms")]
    operations = [
        migrations.AlterField(
            model_name="searchentry",
            name="text",
            field=models.TextField(
                help_text="The rest of the page (body, steps, cues…) as plain text, in its own case."),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        ),
        migrations.RunPython(rebuild_text, migrations.RunPython.noop),
    ]
