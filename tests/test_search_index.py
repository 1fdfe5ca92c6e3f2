"""The search index: SearchEntry rows kept in step with content by signals, and the database's own
full-text index kept in step with those rows (content/migrations/0010_search_fts)."""

import pytest
from django.db import connection, transaction

from backpain.content.models import Cause, SearchEntry
from backpain.content.signals import plain_text
from backpain.guide.search import search
from tests import factories


def urls(query: str) -> list[str]:
    return [hit.url for hit in search(query).hits]


@pytest.mark.django_db
def test_the_database_keeps_its_index_in_step_with_the_rows():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'content_searchentry'")
            assert {row[0] for row in cursor.fetchall()} == {
                "content_searchentry_fts_insert", "content_searchentry_fts_update", "content_searchentry_fts_delete"}
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT column_name FROM information_schema.columns "
                           "WHERE table_name = 'content_searchentry' AND is_generated = 'ALWAYS'")
            assert {row[0] for row in cursor.fetchall()} == {"search_vector", "title_vector"}
    # Words no guide page uses: the browser tests' live server may have the real content committed.
    cause = factories.make_cause(title="Cold mornings", summary="Stiff in zorblaxian weather.")
    assert urls("zorblaxian") == [cause.get_absolute_url()]
    cause.summary = "Stiff in glimmerquonk weather."
    cause.save()
    assert urls("zorblaxian") == [] and urls("glimmerquonk") == [cause.get_absolute_url()]
    SearchEntry.objects.bulk_create([SearchEntry(kind="article", object_id=999, slug="bulk", title="Bulk glacier",
                                                 summary="", text="", url="/articles/bulk/")])
    assert urls("glacier") == ["/articles/bulk/"]
    cause.delete()
    assert urls("glimmerquonk") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:  # FTS5 checks its index against the table's rows
            cursor.execute("INSERT INTO content_searchentry_fts(content_searchentry_fts, rank) "
                           "VALUES ('integrity-check', 1)")


@pytest.mark.django_db
def test_the_index_changes_in_the_same_transaction_as_the_content():
    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        Cause.objects.create(slug="glacial", title="Glacial pace", summary="Slow.", signs="-", why_it_hurts="-",
                             what_to_do="-", last_reviewed=factories.TODAY, next_review_due=factories.NEXT_YEAR)
        assert urls("glacial") == ["/causes/glacial/"]  # seen inside the transaction
        raise Undo
    assert urls("glacial") == [] and not SearchEntry.objects.filter(slug="glacial").exists()


@pytest.mark.django_db
def test_entries_keep_the_text_s_own_case_apart_from_title_and_summary():
    exercise = factories.make_exercise(title="Bird dog", summary="Opposite arm and leg.",
                                       body="## Why\nKeeps the **Spine** still.", steps="Kneel.\nReach out")
    entry = SearchEntry.objects.get(kind="exercise", object_id=exercise.pk)
    assert entry.title == "Bird dog" and "Bird dog" not in entry.text and "Opposite arm" not in entry.text
    assert entry.text.startswith("Why. Keeps the Spine still.") and "Kneel. Reach out." in entry.text


def test_plain_text_ends_each_block_with_a_stop():
    html = ("<h2>Urgent</h2>\n<ul>\n<li>a high temperature</li>\n<li>weight loss, without trying</li></ul>"
            "<p>Call &amp; go!</p>")
    assert plain_text(html) == "Urgent. a high temperature. weight loss, without trying. Call & go!"


def test_a_wrapped_line_inside_a_paragraph_is_a_space_not_a_stop():
    # Issue 28: snippets read "the cause. is usually" where the Markdown had a soft line break.
    assert plain_text("<p>the cause\nis usually how you move</p>") == "the cause is usually how you move."
    assert plain_text("Kneel.\nReach out", lines=True) == "Kneel. Reach out."


# Words whose forms a light stemmer and Snowball's English stemmer treat differently, and the forms
# runners type.
STEM_WORDS = ("numbness numb stretches stretching tingle tingling injuries injury running runner dizzy "
              "dizziness hamstrings generally arching kneeling sciatica bladder weakness conditioning "
              "tightness inflammation inflammatory vertebrae recovery easily").split()


@pytest.mark.django_db
def test_search_stems_as_postgresql_does():
    from backpain.guide.text import stem

    if connection.vendor != "postgresql":
        # SQLite's FTS5 has only the older Porter stemmer; what search does in Python is PostgreSQL's.
        assert [stem(w) for w in ("inflammation", "conditioning", "dizziness", "dizzy")] == [
            "inflamm", "condit", "dizzi", "dizzi"]
        return
    with connection.cursor() as cursor:
        for word in STEM_WORDS:
            cursor.execute("SELECT ts_lexize('english_stem', %s)", [word])
            assert cursor.fetchone()[0] == [stem(word)], word
