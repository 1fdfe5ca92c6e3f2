""""Was this page helpful?": on every page, kept without anything about the reader."""

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from backpain.content.models import Feedback

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_every_page_asks_with_a_plain_get_form_so_it_stays_cacheable(client, linked):
    for url in ("/", linked["cause"].get_absolute_url(), "/exercises/", "/checker/"):
        html = client.get(url).content.decode()
        box = html[html.index('id="page-feedback"'):]
        box = box[:box.index("</aside>")]
        assert "Was this page helpful?" in box and 'method="get"' in box
        assert f'name="page" value="{url}"' in box and "csrfmiddlewaretoken" not in box


def test_yes_or_no_opens_the_form_with_the_answer_chosen(client, linked):
    page = linked["cause"].get_absolute_url()
    response = client.get("/feedback/", {"page": page, "helpful": "no"})
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert re.search(r'<input type="radio" name="helpful" value="no"[^>]*checked', html)
    assert "csrfmiddlewaretoken" in html and f'value="{page}"' in html
    fragment = client.get("/feedback/", {"page": page, "helpful": "yes"}, **HTMX).content.decode()
    assert "<!doctype" not in fragment.lower() and 'data-hx-post="/feedback/"' in fragment


def test_sending_keeps_the_page_the_answer_and_the_comment_and_nothing_else(client, linked):
    page = linked["cause"].get_absolute_url()
    response = client.post("/feedback/", {"page": page, "helpful": "no", "comment": "Say how long it takes."},
                           HTTP_USER_AGENT="Secret Browser 1.0", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    saved = Feedback.objects.get()
    assert (saved.page, saved.helpful, saved.comment) == (page, False, "Say how long it takes.")
    assert [field.name for field in Feedback._meta.get_fields()] == ["id", "page", "helpful", "comment", "received"]
    assert set(response.cookies) <= {"csrftoken"}


@pytest.mark.parametrize(("data", "message"), [
    ({"page": "/admin/", "helpful": "yes"}, "We can't tell which page this is about."),
    ({"page": "/no-such-page/", "helpful": "yes"}, "We can't tell which page this is about."),
    ({"page": "https://evil.example/", "helpful": "yes"}, "We can't tell which page this is about."),
    ({"page": "//evil.example/", "helpful": "yes"}, "We can't tell which page this is about."),
    ({"helpful": "yes"}, "We can't tell which page this is about."),
    ({"page": "/", "helpful": "maybe"}, "Select a valid choice"),
    ({"page": "/"}, "Choose yes or no."),
    ({"page": "/", "helpful": "no", "comment": "x" * 501}, "Please keep it to 500 characters (you wrote 501)."),
])
def test_bad_input_gets_a_clear_message_and_keeps_nothing(client, linked, data, message):
    response = client.post("/feedback/", data)
    assert response.status_code == 400
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Feedback.objects.exists()
    assert client.post("/feedback/", data, **HTMX).status_code == 200  # htmx shows the messages


def test_sending_needs_the_forms_csrf_token(linked):
    visitor = Client(enforce_csrf_checks=True)
    assert visitor.post("/feedback/", {"page": "/", "helpful": "yes"}).status_code == 403
    html = visitor.get("/feedback/", {"page": "/", "helpful": "yes"}).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert visitor.post("/feedback/", {"page": "/", "helpful": "yes", "csrfmiddlewaretoken": token}).status_code == 200


def test_editors_read_feedback_per_page_and_cannot_change_it(client, linked):
    Feedback.objects.create(page="/", helpful=True, comment="Clear.")
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "a-long-password-1"))
    html = client.get("/admin/content/feedback/?page=/").content.decode()
    assert "Clear." in html
    assert client.get("/admin/content/feedback/add/").status_code == 403
