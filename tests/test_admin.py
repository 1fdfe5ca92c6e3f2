import re

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from backpain.content.models import AnatomyTopic, Article, BodyArea, Cause, Equipment, Exercise, Source, Synonym


@pytest.fixture
def editor_client(client, db):
    user = User.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    return client


MODELS = [Source, AnatomyTopic, Exercise, Cause, Article, Synonym]


@pytest.mark.parametrize("model", MODELS)
def test_changelist_add_and_change_forms_render(editor_client, linked, model):
    opts = model._meta
    changelist = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200
    assert editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200
    obj = model.objects.first()
    change = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
    assert change.status_code == 200
    assert str(obj) in change.content.decode()


@pytest.mark.parametrize("model", [BodyArea, Equipment])
def test_body_areas_and_equipment_are_read_only_words_from_the_vocabulary(editor_client, linked, model):
    from backpain import vocabulary

    opts = model._meta
    terms = vocabulary.BODY_AREAS if model is BodyArea else vocabulary.EQUIPMENT
    assert list(model.objects.values_list("slug", "name")) == [(t.slug, t.name) for t in terms]
    changelist = editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == 200 and terms[0].name in changelist.content.decode()
    assert editor_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 403
    obj = model.objects.first()
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    page = editor_client.get(url).content.decode()
    assert obj.name in page and 'name="_save"' not in page
    assert editor_client.post(url, {"slug": obj.slug, "name": "Renamed", "order": 0}).status_code == 403
    obj.refresh_from_db()
    assert obj.name == terms[0].name


@pytest.mark.parametrize("model", [AnatomyTopic, Exercise, Cause, Article])
def test_change_form_has_preview_and_view_on_site(editor_client, linked, model):
    obj = model.objects.first()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    html = editor_client.get(url).content.decode()
    assert "Rendered preview" in html
    assert obj.body_html in html
    assert "View on site" in html


def test_changelist_search_finds_by_title(editor_client, linked):
    url = reverse("admin:content_exercise_changelist")
    html = editor_client.get(url, {"q": linked["exercise"].title}).content.decode()
    assert linked["exercise"].title in html


def test_editing_through_admin_renders_markdown_and_keeps_history(editor_client, linked):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    form = {
        "title": cause.title, "slug": cause.slug, "summary": cause.summary, "order": 5,
        "signs": "- Stiff **mornings**", "why_it_hurts": "Load.", "what_to_do": "Move.",
        "body": "<script>alert(1)</script>Text", "anatomy": [cause.anatomy.get().pk],
        "exercises": [cause.exercises.get().pk], "suggested_by": "",
        "last_reviewed": "2026-11-22", "next_review_due": "2027-11-22", "sources": [linked["source"].pk],
        "reviewer": "Asha Patel", "reviewer_role": "physiotherapist",
    }
    response = editor_client.post(url, {**form, "_publish": "Publish"})
    assert response.status_code == 302, response.content.decode()[:2000]
    cause.refresh_from_db()
    assert "<strong>mornings</strong>" in cause.signs_html
    assert "<script" not in cause.body_html
    history = editor_client.get(reverse("admin:content_cause_history", args=[cause.pk]))
    assert history.status_code == 200
    assert cause.history.count() >= 2


# --- Review governance ------------------------------------------------------------------------------
def test_next_review_must_be_after_the_last_one(editor_client, linked):
    cause = linked["cause"]
    url = reverse("admin:content_cause_change", args=[cause.pk])
    form = {
        "title": cause.title, "slug": cause.slug, "summary": cause.summary, "order": 5, "signs": cause.signs,
        "why_it_hurts": cause.why_it_hurts, "what_to_do": cause.what_to_do, "body": cause.body,
        "anatomy": [cause.anatomy.get().pk], "exercises": [cause.exercises.get().pk], "suggested_by": "",
        "last_reviewed": "2026-11-22", "next_review_due": "2026-11-01", "reviewer": "Asha Patel",
        "reviewer_role": "physiotherapist", "sources": [linked["source"].pk],
    }
    response = editor_client.post(url, {**form, "_publish": "Publish"})
    assert response.status_code == 200
    assert "The next review must be after the last review." in response.content.decode()
    cause.refresh_from_db()
    assert cause.next_review_due.isoformat() == "2027-11-22"


def test_admin_home_lists_reviews_overdue_or_due_within_30_days(editor_client, linked):
    import datetime

    today = datetime.date.today()
    Cause.objects.filter(pk=linked["cause"].pk).update(last_reviewed=today - datetime.timedelta(days=400),
                                                       next_review_due=today - datetime.timedelta(days=3))
    Exercise.objects.filter(pk=linked["exercise"].pk).update(next_review_due=today + datetime.timedelta(days=20))
    html = editor_client.get(reverse("admin:index")).content.decode()
    panel = html[html.index('id="reviews-due"'):]
    panel = panel[:panel.index("</table>")]
    assert linked["cause"].title in panel and "Overdue:" in panel
    assert linked["exercise"].title in panel
    assert linked["article"].title not in panel  # due next year
    assert panel.index(linked["cause"].title) < panel.index(linked["exercise"].title)  # soonest first
    overdue = editor_client.get(reverse("admin:content_cause_changelist"), {"review": "overdue"}).content.decode()
    assert linked["cause"].title in overdue
    later = editor_client.get(reverse("admin:content_cause_changelist"), {"review": "later"}).content.decode()
    assert linked["cause"].title not in later
    ordered = editor_client.get(reverse("admin:content_exercise_changelist"), {"o": "-6"})
    assert ordered.status_code == 200


def test_public_pages_say_who_reviewed_them_and_when(client, linked):
    html = client.get(linked["cause"].get_absolute_url()).content.decode()
    assert "Reviewed by Asha Patel (physiotherapist) on" in html and 'datetime="2026-11-22"' in html


def test_editors_change_search_synonyms_in_admin_with_history(editor_client, db):
    from django.contrib.auth.models import Group

    from backpain.content.permissions import EDITORS

    assert Synonym.objects.filter(word="pee", means__contains="bladder").exists()  # the starting list
    synonym = Synonym.objects.get(word="pee")
    url = reverse("admin:content_synonym_change", args=[synonym.pk])
    assert editor_client.post(url, {"word": "Pee", "means": "urine, bladder, wee"}).status_code == 302
    synonym.refresh_from_db()
    assert (synonym.word, synonym.means) == ("pee", "urine, bladder, wee")
    assert synonym.history.count() == 1 and editor_client.get(
        reverse("admin:content_synonym_history", args=[synonym.pk])).status_code == 200
    response = editor_client.post(reverse("admin:content_synonym_add"), {"word": "ouch", "means": "ouch"})
    assert response.status_code == 200 and "Give at least one other word" in response.content.decode()
    editors = Group.objects.get(name=EDITORS).permissions.values_list("codename", flat=True)
    assert {"change_synonym", "add_synonym", "view_historicalsynonym"} <= set(editors)


def test_the_figure_gallery_shows_every_exercise_start_end_and_moving(editor_client, linked, grow,
                                                                      django_assert_max_num_queries):
    grow(2)
    Exercise.objects.filter(pk=Exercise.objects.first().pk).update(illustration="img/exercises/plank.svg")
    url = reverse("admin:content_exercise_figures")
    assert url in editor_client.get(reverse("admin:index")).content.decode()
    assert url in editor_client.get(reverse("admin:content_exercise_changelist")).content.decode()
    with django_assert_max_num_queries(8):  # session, user, the exercises: not one per exercise
        response = editor_client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for exercise in Exercise.objects.all():
        assert reverse("admin:content_exercise_change", args=[exercise.pk]) in html
        stem = exercise.illustration.removesuffix(".svg")
        assert f"/static/{stem}.svg" in html and f"/static/{stem}-end.svg" in html
    assert html.count('class="fig-motion fig-plank"') == 1  # the drawn one moves; the others are still pictures
    assert 'id="figure-pause-all"' in html


def test_the_figure_gallery_is_for_staff_only(client, db):
    url = reverse("admin:content_exercise_figures")
    response = client.get(url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    User.objects.create_user("runner", "runner@example.org", "a-long-password-1")
    client.login(username="runner", password="a-long-password-1")
    assert client.get(url).status_code == 302  # not staff: the admin login again
    staff = User.objects.create_user("viewer", "viewer@example.org", "a-long-password-1", is_staff=True)
    client.force_login(staff)
    assert client.get(url).status_code == 403  # staff without permission to view exercises


def test_the_exercise_list_and_form_name_an_exercise_whose_stored_steps_still_write_a_dose(editor_client, db):
    """Issue 29: one edited in admin before the placeholders keeps numbered steps the loader leaves alone."""
    from django.urls import reverse

    from tests.factories import make_exercise

    make_exercise(slug="fine", title="Fine bridge", steps="Lift your hips.\nHold for {hold}.")
    old = make_exercise(slug="old", title="Old bridge", steps="Lift your hips.\nHold for 3 seconds at the top.")
    listing = editor_client.get(reverse("admin:content_exercise_changelist")).content.decode()
    assert "Old bridge" in listing and "Fine bridge" in listing
    warning = re.search(r'<li class="warning">(.*?)</li>', listing, re.S).group(1)
    assert "Old bridge (step 2)" in warning and "Fine bridge" not in warning and "{hold}" in warning
    form = editor_client.get(reverse("admin:content_exercise_change", args=[old.pk])).content.decode()
    assert re.search(r'<li class="warning">[^<]*step 2[^<]*</li>', form)
