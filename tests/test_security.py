"""Security: editors' reach, login limits, redirects, XSS through admin, and hostile requests."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from backpain.content.permissions import EDITORS
from tests import factories
from tests.xss import PAYLOADS, assert_harmless


@pytest.fixture
def editor(db):
    user = User.objects.create_user("physio", "physio@example.org", "a-long-password-1", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def test_editors_can_change_content_but_not_users(client, editor, linked):
    client.force_login(editor)
    assert client.get(reverse("admin:content_exercise_change", args=[linked["exercise"].pk])).status_code == 200
    assert client.get(reverse("admin:content_exercise_history", args=[linked["exercise"].pk])).status_code == 200
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_admin_login_attempts_are_limited(db, settings):
    settings.AXES_ENABLED = True
    User.objects.create_user("physio", "p@example.org", "right-password-123", is_staff=True)
    client = Client()
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "physio", "password": "wrong"})
    locked = client.post(url, {"username": "physio", "password": "right-password-123"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_editors_session_ends_with_the_browser_and_after_a_working_day(client, editor):
    response = client.post(reverse("admin:login"), {"username": "physio", "password": "a-long-password-1",
                                                    "next": reverse("admin:index")})
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value and cookie["httponly"]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie: gone when it closes
    stored = Session.objects.get(session_key=cookie.value)
    assert stored.expire_date <= timezone.now() + datetime.timedelta(hours=8)
    # A session past its expiry date no longer signs anyone in.
    Session.objects.filter(pk=stored.pk).update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(reverse("admin:index")).status_code == 302


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
])
def test_no_open_redirect_after_login(client, db, target):
    User.objects.create_superuser("boss", "b@example.org", "a-long-password-1")
    response = client.post(f"{reverse('admin:login')}?next={target}",
                           {"username": "boss", "password": "a-long-password-1", "next": target})
    assert response.status_code == 302
    assert response["Location"] in ("/admin/", reverse("admin:index"))


def _payload_form(cause, payload, source):
    return {
        "title": cause.title, "slug": cause.slug, "summary": cause.summary, "order": 1,
        "signs": payload, "why_it_hurts": payload, "what_to_do": payload, "body": payload,
        "anatomy": [a.pk for a in cause.anatomy.all()], "exercises": [e.pk for e in cause.exercises.all()],
        "suggested_by": "", "last_reviewed": "2026-11-22", "next_review_due": "2027-11-22",
        "reviewer": "Asha Patel", "reviewer_role": "physiotherapist",
        "sources": [source.pk],
    }


def test_there_are_enough_xss_payloads():
    assert len(PAYLOADS) >= 50


def _main_text(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")].split("</article>")[0]


# Each payload once end to end (an editor's draft preview and the published page), and every
# Markdown field once with all of them: the Markdown pipeline itself meets each payload in
# tests/test_markdown.py.
@pytest.mark.parametrize("payload", PAYLOADS)
def test_xss_payloads_through_the_admin_never_reach_a_page(client, linked, payload):
    client.force_login(User.objects.create_superuser("boss", "b@example.org", "a-long-password-1"))
    cause, source = linked["cause"], linked["source"]
    # The draft's preview renders the payload as the page will: sanitised the same way.
    response = client.post(reverse("admin:content_cause_change", args=[cause.pk]),
                           {**_payload_form(cause, payload, source), "_preview": "Preview draft"})
    assert response.status_code == 302
    preview = client.get(response["Location"]).content.decode()
    assert "Preview of an unpublished draft" in preview
    assert_harmless(_main_text(preview))
    response = client.post(reverse("admin:content_cause_change", args=[cause.pk]),
                           {**_payload_form(cause, payload, source), "_publish": "Publish"})
    assert response.status_code == 302
    assert_harmless(_main_text(client.get(cause.get_absolute_url()).content.decode()))


def test_every_markdown_field_sanitises_every_payload(client, linked):
    client.force_login(User.objects.create_superuser("boss", "b@example.org", "a-long-password-1"))
    cause, article, anatomy, exercise = linked["cause"], linked["article"], linked["anatomy"], linked["exercise"]
    source = linked["source"]
    payload = "\n\n".join(PAYLOADS)
    assert client.post(reverse("admin:content_cause_change", args=[cause.pk]),
                       {**_payload_form(cause, payload, source), "_publish": "Publish"}).status_code == 302
    for model, item in (("article", article), ("anatomytopic", anatomy)):
        form = {"title": item.title, "slug": item.slug, "summary": item.summary, "order": 1,
                "body": payload, "last_reviewed": "2026-11-22", "next_review_due": "2027-11-22",
                "reviewer": "Asha Patel", "reviewer_role": "physiotherapist",
                "sources": [source.pk]}
        if model == "article":
            form.update(causes=[cause.pk], anatomy=[anatomy.pk], exercises=[exercise.pk])
        else:
            form.update(illustration=item.illustration, illustration_alt=item.illustration_alt)
        form["_publish"] = "Publish"
        assert client.post(reverse(f"admin:content_{model}_change", args=[item.pk]), form).status_code == 302
    exercise.body = payload
    exercise.save()
    for url in (cause.get_absolute_url(), article.get_absolute_url(), anatomy.get_absolute_url(),
                exercise.get_absolute_url()):
        assert_harmless(_main_text(client.get(url).content.decode()))


def test_huge_body_is_refused_with_400(client, db):
    response = client.post("/checker/", data=b"x=" + b"a" * (1024 * 1024),
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code in (400, 413)


def test_thousands_of_parameters_are_refused_with_400(client, db):
    query = "&".join(f"p{i}=1" for i in range(5000))
    assert client.get(f"/exercises/?{query}").status_code == 400
    body = "&".join(f"p{i}=1" for i in range(5000))
    assert client.post("/checker/", data=body, content_type="application/x-www-form-urlencoded").status_code == 400


def test_huge_query_string_is_handled(client, db):
    response = client.get("/search/", {"q": "back " * 20000})
    assert response.status_code == 400
    assert client.get("/exercises/?area=" + "x" * 100_000).status_code == 400


def test_invalid_utf8_is_not_a_500(client, db):
    assert client.get("/search/?q=%ff%fe%fd").status_code in (200, 400)
    response = client.post("/checker/", data=b"age=\xff\xfe&fever=\xc3\x28",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 400)


@pytest.mark.parametrize(("method", "url"), [
    ("post", "/"), ("put", "/guide/"), ("delete", "/exercises/"), ("post", "/search/"), ("patch", "/healthz"),
])
def test_wrong_methods_get_405(client, db, method, url):
    assert getattr(client, method)(url).status_code == 405


def test_database_outage_shows_a_friendly_503_and_recovers(db):
    from unittest import mock

    from django.db import OperationalError

    factories.make_linked_set()
    client = Client(raise_request_exception=False)
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("no db")):
        response = client.get("/guide/")
    assert response.status_code == 503
    html = response.content.decode()
    assert "temporarily unavailable" in html and "Traceback" not in html and "OperationalError" not in html
    assert client.get("/guide/").status_code == 200


def test_blank_checker_form_gives_each_visitor_their_own_working_csrf_token(db):
    import re

    tokens, pages = [], []
    for host in ("127.0.0.1", "localhost"):
        visitor = Client(enforce_csrf_checks=True, HTTP_HOST=host)
        html = visitor.get("/checker/").content.decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        tokens.append(token)
        # The page is built for this request, not kept from the first one; its links name the site's
        # own address whatever Host it was asked with (backpain/caching.py).
        assert f'<link rel="canonical" href="{settings.SITE_URL}/checker/">' in html
        pages.append(html.replace(token, ""))
        # The token works: the form is checked (400 for the missing answers), not refused (403).
        assert visitor.post("/checker/", {"csrfmiddlewaretoken": token, "age": "30"}).status_code == 400
        assert Client(enforce_csrf_checks=True).post("/checker/", {"age": "30"}).status_code == 403
    assert tokens[0] != tokens[1]
    assert pages[0] == pages[1]  # all else is the same for everyone


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/checker/", "/no-such-page/"])
def test_a_host_we_do_not_serve_gets_a_400_page_not_a_500(path):
    visitor = Client(raise_request_exception=False, HTTP_HOST="evil.example")
    response = visitor.get(path)
    assert response.status_code == 400
    html = response.content.decode()
    assert "We couldn't understand that request" in html and "evil.example" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(("request_kwargs", "reason"), [
    ({"path": "/", "HTTP_HOST": "evil.example"}, "Invalid HTTP_HOST header: 'evil.example'"),
    ({"path": "/exercises/?" + "&".join(f"p{i}=1" for i in range(300))}, "TooManyFieldsSent"),
    ({"path": "/checker/", "method": "post", "data": b"--x\r\njunk", "content_type": "multipart/form-data"},
     "Invalid boundary in multipart"),
    ({"path": "/checker/", "method": "post", "data": "&".join(f"p{i}=1" for i in range(300)),
      "content_type": "application/x-www-form-urlencoded"}, "TooManyFieldsSent"),
])
def test_attacker_driven_bad_requests_log_one_line_with_the_reason_and_no_traceback(caplog, request_kwargs, reason):
    # The outside review: 108 full tracebacks from one fuzz run.
    kwargs = dict(request_kwargs)
    path, method = kwargs.pop("path"), kwargs.pop("method", "get")
    visitor = Client(raise_request_exception=False)
    with caplog.at_level("WARNING"):
        response = getattr(visitor, method)(path, **kwargs)
    assert response.status_code == 400
    records = [record for record in caplog.records if record.name.startswith(("django.security", "django.request"))]
    assert len(records) == 1, [record.getMessage() for record in caplog.records]
    assert reason in records[0].getMessage() and "\n" not in records[0].getMessage()
    assert records[0].exc_info is None and not records[0].exc_text
    assert "Traceback" not in caplog.text


# --- Login limits by the client address the app trusts, directly and behind the TLS proxy ----------
PROXY = "10.0.0.2"


def _visitor(address: str, behind_proxy: bool) -> Client:
    if behind_proxy:  # every request comes from the proxy; it appends the visitor's address
        return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {address}")
    return Client(REMOTE_ADDR=address)


def _login(visitor: Client, username: str, password: str = "wrong"):
    return visitor.post(reverse("admin:login"), {"username": username, "password": password})


@pytest.fixture
def limits(db, settings):
    settings.AXES_ENABLED = True
    User.objects.create_user("physio", "p@example.org", "right-password-123", is_staff=True)
    return settings


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_someone_elses_wrong_guesses_do_not_lock_the_editor_out(limits, behind_proxy):
    # The outside review: behind the proxy, five wrong guesses by anyone locked the editor out for an hour.
    limits.BEHIND_TLS_PROXY = behind_proxy
    attacker = _visitor("203.0.113.66", behind_proxy)
    for _ in range(limits.AXES_FAILURE_LIMIT - 1):
        assert _login(attacker, "physio").status_code == 200
    assert _login(attacker, "physio").status_code == 429  # the last one allowed: that address is now locked
    assert _login(attacker, "physio", "right-password-123").status_code == 429
    assert _login(_visitor("198.51.100.5", behind_proxy), "physio", "right-password-123").status_code == 302


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_a_username_guessed_from_many_addresses_is_locked_for_a_shorter_while(limits, behind_proxy):
    limits.BEHIND_TLS_PROXY = behind_proxy
    count = int(limits.LOGIN_USERNAME_RATE.split("/")[0])
    for n in range(count):
        assert _login(_visitor(f"203.0.113.{n}", behind_proxy), "physio").status_code == 200
    locked = _login(_visitor("198.51.100.5", behind_proxy), "physio", "right-password-123")
    assert locked.status_code == 429 and "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in locked.wsgi_request.session
    # Other usernames are not held back.
    User.objects.create_user("asha", "a@example.org", "right-password-456", is_staff=True)
    assert _login(_visitor("198.51.100.5", behind_proxy), "asha", "right-password-456").status_code == 302
    # Shorter than the lockout of one address and username (an hour).
    minutes = int(limits.LOGIN_USERNAME_RATE.split("/")[1].rstrip("m"))
    assert minutes < limits.AXES_COOLOFF_TIME * 60


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_one_address_spraying_many_usernames_is_limited(limits, behind_proxy):
    limits.BEHIND_TLS_PROXY = behind_proxy
    count = int(limits.LOGIN_ADDRESS_RATE.split("/")[0])
    sprayer = _visitor("203.0.113.66", behind_proxy)
    for n in range(count):
        assert _login(sprayer, f"user{n}").status_code == 200
    assert _login(sprayer, "physio", "right-password-123").status_code == 429
    # Someone else at another address is not.
    assert _login(_visitor("198.51.100.5", behind_proxy), "physio", "right-password-123").status_code == 302
