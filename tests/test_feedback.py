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


# --- Hostile sending: a limit per visitor, no repeats, a honeypot, a capped table -------------------
def _token(visitor) -> str:
    html = visitor.get("/feedback/", {"page": "/", "helpful": "no"}).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_one_visitor_sending_hundreds_is_stopped_with_a_429_and_nothing_more_is_stored(linked, settings):
    # The outside review: 300 POSTs with one CSRF token stored 300 rows.
    visitor = Client(enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.9")
    token = _token(visitor)
    answers = [visitor.post("/feedback/", {"page": "/", "helpful": "no", "comment": f"Spam {n}",
                                           "csrfmiddlewaretoken": token}) for n in range(300)]
    limit = int(settings.FEEDBACK_RATE.split("/")[0])
    assert [answer.status_code for answer in answers] == [200] * limit + [429] * (300 - limit)
    assert Feedback.objects.count() == limit
    html = answers[-1].content.decode()
    assert "Too many answers from here" in html and "try again later" in html
    assert answers[-1]["Retry-After"] and "no-store" in answers[-1]["Cache-Control"]
    # Someone else is not held back by that visitor.
    other = Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.7")
    assert other.post("/feedback/", {"page": "/", "helpful": "yes", "csrfmiddlewaretoken": _token(other)}
                      ).status_code == 200
    assert Feedback.objects.count() == limit + 1


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_the_limit_is_per_client_address_as_the_proxy_setting_says(linked, settings, behind_proxy):
    settings.BEHIND_TLS_PROXY = behind_proxy
    limit = int(settings.FEEDBACK_RATE.split("/")[0])
    # Behind the proxy every request comes from the proxy's address, with the visitor's last in
    # X-Forwarded-For (what came before it there is the visitor's to write, so it is not believed).
    statuses = []
    for n in range(limit + 5):
        visitor = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.{n % 2}")
        statuses.append(visitor.post("/feedback/", {"page": "/", "helpful": "yes"}).status_code)
    if behind_proxy:  # two visitors (203.0.113.0 and .1), each under the limit
        assert statuses == [200] * (limit + 5) and Feedback.objects.count() == limit + 5
    else:  # one address, the proxy's or not: what it says about others is not believed
        assert statuses.count(429) == 5 and Feedback.objects.count() == limit


def test_the_same_comment_on_the_same_page_is_kept_once(client, linked):
    page = linked["cause"].get_absolute_url()
    data = {"page": page, "helpful": "no", "comment": "Say how long it takes."}
    assert client.post("/feedback/", data).status_code == 200
    again = client.post("/feedback/", {**data, "comment": "  say how long it takes.  "})
    assert again.status_code == 400
    assert "We already have this comment about this page" in again.content.decode()
    assert client.post("/feedback/", {**data, "page": "/"}).status_code == 200  # another page
    assert client.post("/feedback/", {"page": page, "helpful": "yes"}).status_code == 200  # no comment: an answer
    assert client.post("/feedback/", {"page": page, "helpful": "yes"}).status_code == 200
    assert Feedback.objects.count() == 4


def test_a_filled_honeypot_is_thanked_and_not_kept(client, linked):
    html = client.get("/feedback/", {"page": "/", "helpful": "yes"}).content.decode()
    trap = html[html.index('class="leave-empty"'):]
    assert 'name="website"' in trap[:trap.index("</div>")] and 'tabindex="-1"' in trap[:trap.index("</div>")]
    response = client.post("/feedback/", {"page": "/", "helpful": "yes", "comment": "Buy now",
                                          "website": "https://spam.example/"})
    assert response.status_code == 200 and "Thank you" in response.content.decode()
    assert not Feedback.objects.exists()


def test_old_feedback_is_pruned_and_the_table_is_capped(linked):
    import datetime

    from django.core.management import call_command

    today = datetime.date.today()
    Feedback.objects.bulk_create(Feedback(page="/", helpful=True, comment=f"{n}") for n in range(30))
    Feedback.objects.filter(comment__in=[str(n) for n in range(10)]).update(
        received=today - datetime.timedelta(days=400))
    call_command("prune_feedback", "--days", "365", "--keep", "15", stdout=__import__("io").StringIO())
    kept = Feedback.objects.order_by("pk")
    assert kept.count() == 15
    assert [row.comment for row in kept] == [str(n) for n in range(15, 30)]  # the newest
