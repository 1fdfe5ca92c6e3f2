"""backpain/content/drafts.py through the admin: a change is a draft until published, and the editor sees
how hard its text is to read (backpain/content/reading.py)."""

import re

import pytest
import textstat
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from backpain.content import reading
from backpain.content.loader import sync
from backpain.content.models import Cause, Draft, Exercise

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client = Client()
    client.force_login(user)
    return client


def cause_form(cause, **changes) -> dict:
    form = {
        "title": cause.title, "slug": cause.slug, "summary": cause.summary, "order": cause.order,
        "signs": cause.signs, "why_it_hurts": cause.why_it_hurts, "what_to_do": cause.what_to_do,
        "body": cause.body, "anatomy": [a.pk for a in cause.anatomy.all()],
        "exercises": [e.pk for e in cause.exercises.all()], "suggested_by": cause.suggested_by,
        "last_reviewed": "2026-11-22", "next_review_due": "2027-11-22", "reviewer": "Asha Patel",
        "reviewer_role": "physiotherapist", "sources": [s.pk for s in cause.sources.all()],
    }
    return {**form, **changes}


def test_saving_keeps_a_draft_and_the_public_page_does_not_change(editor, linked, django_capture_on_commit_callbacks):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    public = Client().get(cause.get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, cause_form(cause, title="Hips that stay tight", _continue="Save draft"))
    assert response.status_code == 302 and response["Location"] == url
    cause.refresh_from_db()
    assert cause.title != "Hips that stay tight"
    assert Client().get(cause.get_absolute_url()).content.decode() == public
    draft = Draft.objects.get()
    assert draft.data["title"] == "Hips that stay tight" and draft.editor == "editor"
    # Opened again, the form shows the draft, and says so.
    html = editor.get(url).content.decode()
    assert 'value="Hips that stay tight"' in html and "Unpublished draft" in html


def test_preview_shows_the_draft_in_the_real_page_template_to_editors_only(editor, linked):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    response = editor.post(url, cause_form(cause, title="Hips that stay tight", signs="- **Stiff** mornings",
                                           _preview="Preview draft"))
    draft = Draft.objects.get()
    assert response["Location"] == reverse("guide:preview", args=[draft.pk])
    page = editor.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex" and "no-cache" in page["Cache-Control"]
    assert "Preview of an unpublished draft" in html and "<h1" in html and "Hips that stay tight" in html
    assert "<strong>Stiff</strong> mornings" in html  # Markdown rendered, as the page will be
    assert linked["exercise"].title in html and linked["anatomy"].title in html  # its links, as drafted
    assert Client().get(response["Location"]).status_code == 302  # the public is sent to log in
    reader = User.objects.create_user("reader", password="a-long-password-2", is_staff=True)
    staff = Client()
    staff.force_login(reader)
    assert staff.get(response["Location"]).status_code == 403  # staff without the right to edit causes


def test_publishing_makes_the_draft_the_page_and_keeps_both_in_history(editor, linked,
                                                                     django_capture_on_commit_callbacks):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    revisions = cause.history.count()
    editor.post(url, cause_form(cause, title="Hips that stay tight", _continue="Save draft"))
    assert cause.history.count() == revisions  # a draft is not a revision of the page
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(url, cause_form(cause, title="Hips that stay tight", _publish="Publish"))
    assert response.status_code == 302
    cause.refresh_from_db()
    assert cause.title == "Hips that stay tight" and not Draft.objects.exists()
    assert "Hips that stay tight" in Client().get(cause.get_absolute_url()).content.decode()
    assert cause.history.count() == revisions + 1
    assert cause.history.first().title == "Hips that stay tight"
    assert cause.history.all()[1].title != "Hips that stay tight"  # the published version before it
    assert Draft.history.filter(data__title="Hips that stay tight").exists()  # the draft, kept in history


def test_discarding_a_draft_leaves_the_page_as_published(editor, linked):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    editor.post(url, cause_form(cause, title="Hips that stay tight", _continue="Save draft"))
    response = editor.post(url, {"_discard": "Discard draft"})
    assert response.status_code == 302 and not Draft.objects.exists()
    assert f'value="{cause.title}"' in editor.get(url).content.decode()


def test_a_draft_must_be_valid_like_a_page(editor, linked):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    response = editor.post(url, cause_form(cause, title="", next_review_due="2020-01-01", _continue="Save draft"))
    assert response.status_code == 200 and not Draft.objects.exists()
    html = response.content.decode()
    assert "This field is required" in html and "The next review must be after the last review." in html


def test_a_new_page_is_a_draft_until_published(editor, linked, django_capture_on_commit_callbacks):
    add = reverse("admin:content_cause_add")
    form = cause_form(linked["cause"], title="Cold weather", slug="cold-weather")
    response = editor.post(add, {**form, "_continue": "Save draft"})
    draft = Draft.objects.get()
    assert response["Location"] == f"{add}?draft={draft.pk}"
    assert not Cause.objects.filter(slug="cold-weather").exists()
    assert Client().get("/causes/cold-weather/").status_code == 404
    assert 'value="Cold weather"' in editor.get(response["Location"]).content.decode()
    preview = editor.get(reverse("guide:preview", args=[draft.pk])).content.decode()
    assert "Cold weather" in preview
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(response["Location"], {**form, "_publish": "Publish"})
    assert Cause.objects.filter(slug="cold-weather").exists() and not Draft.objects.exists()
    assert Client().get("/causes/cold-weather/").status_code == 200


def test_load_content_never_overwrites_a_page_with_a_draft(editor, settings, capsys):
    sync(settings.CONTENT_DIR)
    plank = Exercise.objects.get(slug="plank")
    form = editor.get(reverse("admin:content_exercise_change", args=[plank.pk])).context["adminform"].form
    data = {name: ("" if form[name].value() is None else form[name].value()) for name in form.fields}
    data["per_side"] = "on" if data["per_side"] else ""
    editor.post(reverse("admin:content_exercise_change", args=[plank.pk]),
                {**data, "title": "Plank, drafted", "_continue": "Save draft"})
    Exercise.objects.filter(pk=plank.pk).update(title="Changed outside the admin", loaded_hash="")
    call_command("load_content", "--force")
    assert "exercises/plank: has an unpublished draft" in capsys.readouterr().err
    assert Exercise.objects.get(pk=plank.pk).title == "Changed outside the admin"
    assert Draft.objects.get().data["title"] == "Plank, drafted"


# --- The reading grade an editor sees ----------------------------------------------------------

PLAIN_SIGNS = "Your back hurts. It is stiff in the morning. It gets better when you walk."
HARD_SIGNS = ("Considerable musculoskeletal discomfort, characteristically exacerbated following prolonged "
              "stationary positioning, frequently necessitates comprehensive multidisciplinary evaluation "
              "incorporating biomechanical, physiological and psychosocial determinants.")


def _grade_in(html: str) -> float:
    return float(re.search(r"Reading grade (-?\d+\.\d)", html).group(1))


def test_the_change_form_shows_the_reading_grade_of_the_draft_not_of_the_published_page(
        editor, linked, django_capture_on_commit_callbacks):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    published = _grade_in(editor.get(url).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(url, cause_form(cause, signs=HARD_SIGNS, _continue="Save draft"))
    html = editor.get(url).content.decode()
    drafted = _grade_in(html)
    assert drafted > published and drafted > reading.MAX_PAGE_GRADE
    assert "Too hard to read" in html and "Hardest part" in html and "musculoskeletal" in html


def test_the_reading_grade_follows_the_text_as_it_is_typed_and_saves_nothing(editor, linked):
    cause = linked["cause"]
    url = reverse("admin:content_cause_reading")
    plain = editor.post(url, cause_form(cause, title="Stiff back", summary="It hurts.", signs=PLAIN_SIGNS,
                                        why_it_hurts="You sat a lot.", what_to_do="Walk.", body=""))
    hard = editor.post(url, cause_form(cause, signs=HARD_SIGNS))
    assert plain.status_code == hard.status_code == 200
    plain_html, hard_html = plain.content.decode(), hard.content.decode()
    assert _grade_in(plain_html) <= reading.MAX_MEDIAN_GRADE and "Plain enough" in plain_html
    assert "Too hard to read" in hard_html and "Hardest part" in hard_html
    # The grade is textstat's Flesch-Kincaid grade of the text as the page shows it.
    blocks = reading.main_text("causes", {"title": "Stiff back", "summary": "It hurts.", "signs": PLAIN_SIGNS,
                                          "why_it_hurts": "You sat a lot.", "what_to_do": "Walk."}, [])
    assert _grade_in(plain_html) == round(textstat.flesch_kincaid_grade(reading.as_sentences(blocks)), 1)
    assert not Draft.objects.exists()
    cause.refresh_from_db()
    assert "musculoskeletal" not in cause.signs


def test_the_reading_grade_address_is_for_editors_and_only_takes_the_form(editor, linked):
    url = reverse("admin:content_cause_reading")
    assert editor.get(url).status_code == 405
    anonymous = Client().post(url, {"signs": HARD_SIGNS})
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    runner = User.objects.create_user("runner", password="a-long-password-2", is_staff=True)
    client = Client()
    client.force_login(runner)
    assert client.post(url, {"signs": HARD_SIGNS}).status_code == 403


def test_an_exercise_is_graded_by_its_steps_and_cues_one_line_each(editor, linked):
    blocks = reading.main_text("exercises", {"title": "Bridge", "summary": "Lift your hips.",
                                             "steps": "Lie on your back.\nLift your hips", "cues": "",
                                             "body": 'Keep going. "A quoted line is not ours."'}, [])
    assert blocks == ["Bridge", "Lift your hips.", "Lie on your back.", "Lift your hips", "Keep going."]
    exercise = Exercise.objects.first() or linked["exercise"]
    html = editor.get(reverse("admin:content_exercise_change", args=[exercise.pk])).content.decode()
    assert "Reading grade" in html and 'aria-live="polite"' in html and "js/admin_reading" in html


def test_without_its_dictionary_the_grade_is_not_available_and_nothing_is_downloaded(editor, linked, monkeypatch,
                                                                                      tmp_path):
    import nltk

    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])  # NLTK finds no dictionary anywhere
    monkeypatch.setattr(nltk, "download", lambda *args, **kwargs: pytest.fail("tried to download"))
    assert reading.grade("Your back hurts.") is None
    cause = linked["cause"]
    html = editor.get(reverse("admin:content_cause_change", args=[cause.pk])).content.decode()
    assert "Reading grade: not available on this server" in html
