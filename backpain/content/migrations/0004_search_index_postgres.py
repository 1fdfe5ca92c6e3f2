from django.db import migrations

# PostgreSQL gets a full-text index; SQLite searches the same table with LIKE (fast enough at 10k).
VECTOR = "to_tsvector('english', title || ' ' || text)"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS content_searchentry_fts ON content_searchentry USING GIN ({VECTOR})"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS content_searchentry_fts")


class Migration(migrations.Migration):
    dependencies = [("content", "0003_cache_table")]
    operations = [migrations.RunPython(create_index, drop_index)]
