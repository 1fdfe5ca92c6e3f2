"""backpain/content/pictures.py: a file an editor names is checked where content enters (admin,
draft publish, loader), and a picture missing on a page is left out, never a 500."""

import logging
import textwrap

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse

import backpain.settings as production
from backpain.content.loader import ContentError, sync
from backpain.content.models import AnatomyTopic, Exercise
from tests.test_loader import FILES, REVIEW

TYPO = "img/exercises/plank-typo.svg"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """static/ collected once with production's storage (WhiteNoise's manifest), as a deploy does."""
    root = tmp_path_factory.mktemp("collected")
    with override_settings(STATIC_ROOT=root, STORAGES=production.STORAGES):
        call_command("collectstatic", "--noinput", verbosity=0)
    return root


@pytest.fixture
def production_static(settings, collected):
    settings.STATIC_ROOT = collected
    settings.STORAGES = production.STORAGES


@pytest.fixture
def editor(db):
    client = Client()
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "a-long-password-1"))
    return client


def _form(editor, url) -> dict:
    form = editor.get(url).context["adminform"].form
    return {name: ("" if form[name].value() is None else form[name].value()) for name in form.fields}


@pytest.mark.parametrize("button", [{"_publish": "Publish"}, {"_continue": "Save draft"}])
def test_the_admin_refuses_a_picture_that_is_not_there_and_names_the_field(editor, linked, button):
    exercise = linked["exercise"]
    url = reverse("admin:content_exercise_change", args=[exercise.pk])
    response = editor.post(url, {**_form(editor, url), "illustration": TYPO, **button})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["illustration"]
    assert f"No file {TYPO} under static/" in errors["illustration"][0]
    assert Exercise.objects.get(pk=exercise.pk).illustration == "img/favicon.svg"
    # An anatomy topic's picture too; and a path out of static/ is refused the same way.
    anatomy = linked["anatomy"]
    url = reverse("admin:content_anatomytopic_change", args=[anatomy.pk])
    response = editor.post(url, {**_form(editor, url), "illustration": "../backpain/settings.py", **button})
    assert list(response.context["adminform"].form.errors) == ["illustration"]
    assert AnatomyTopic.objects.get(pk=anatomy.pk).illustration == "img/favicon.svg"


def test_the_loader_refuses_a_picture_that_is_not_there_and_writes_nothing(tmp_path, db):
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = textwrap.dedent(text).replace("REVIEW\n", REVIEW)
        path.write_text(text.replace("img/exercises/plank.svg", TYPO))
    with pytest.raises(ContentError) as error:
        sync(tmp_path)
    assert error.value.field == "illustration" and "plank.md" in str(error.value)
    assert f"No file {TYPO} under static/" in str(error.value)
    assert not Exercise.objects.exists()


def test_a_missing_picture_is_left_out_of_every_page_and_logged_once(client, linked, production_static, caplog):
    exercise = linked["exercise"]
    # Entered before the check existed, or its file deleted since: the pages must still answer.
    Exercise.objects.filter(pk=exercise.pk).update(illustration=TYPO, title="Plank")
    AnatomyTopic.objects.filter(pk=linked["anatomy"].pk).update(illustration="img/anatomy/gone.svg")
    urls = ["/exercises/", exercise.get_absolute_url(), linked["cause"].get_absolute_url(),
            linked["article"].get_absolute_url(), linked["anatomy"].get_absolute_url(), "/prescribe/?q=plank",
            "/routine/?warmup=5", "/routine/sheet/?warmup=5"]
    with caplog.at_level(logging.WARNING, logger="backpain.content.pictures"):
        for _ in range(2):
            for url in urls:
                response = client.get(url)
                assert response.status_code == 200, url
                html = response.content.decode()
                assert "plank-typo" not in html and "gone.svg" not in html
    # The pictures that are there are still shown, with production's hashed names.
    assert "/static/img/favicon." in client.get("/exercises/?area=hips").content.decode()
    missing = [record.getMessage() for record in caplog.records if "not in the collected static files" in
               record.getMessage()]
    assert sorted(missing) == sorted({message for message in missing}) and len(missing) >= 2
    assert any(TYPO in message for message in missing) and any("gone.svg" in message for message in missing)
