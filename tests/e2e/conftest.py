"""Browser tests: Playwright driving Debian's Chromium against live_server."""

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM must allow it here only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium-headless-shell")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
WANT_SCREENSHOTS = os.environ.get("BACKPAIN_SCREENSHOTS") == "1"


def pytest_collection_modifyitems(config, items):
    """Every test here is a browser test (e2e). The cases marked `screenshots` (the shorter print
    cases of a sheet) run only in `make screenshots`: `make test` keeps one print case per sheet,
    the longest, on both papers."""
    extra = []
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
        if not WANT_SCREENSHOTS and item.get_closest_marker("screenshots"):
            extra.append(item)
    if extra:
        config.hook.pytest_deselected(items=extra)
        items[:] = [item for item in items if item not in extra]


@pytest.fixture(autouse=True)
def clean_console(request, monkeypatch):
    """Every browser journey ends with a clean console: no JavaScript error, no failed resource,
    no Content-Security-Policy violation (Chromium logs those as console errors).

    Every context any test opens (through `site`, pytest-playwright's `page`, or `browser.new_context`)
    reports its console errors and uncaught page errors here; the test fails at teardown with the list.
    A test that opens an error page on purpose names the expected message with `console_allows`.
    """
    from playwright.sync_api import Browser

    problems = []
    allowed = [text for marker in request.node.iter_markers("console_allows") for text in marker.args]
    new_context = Browser.new_context
    # The service worker runs only in the tests of the site offline (marked `service_worker`): in
    # every other context it would install its precache and take each first page again (about 12
    # requests a context), which tests nothing those tests check and cost the suite about 15 s.
    workers = "allow" if request.node.get_closest_marker("service_worker") else "block"

    def listening_context(self, *args, **kwargs):
        kwargs.setdefault("service_workers", workers)
        context = new_context(self, *args, **kwargs)
        context.on("console", lambda message: message.type in ("error", "assert") and problems.append(
            f"console {message.type} on {message.page.url if message.page else '?'}: {message.text}"))
        context.on("weberror", lambda error: problems.append(
            f"uncaught error on {error.page.url if error.page else '?'}: {error.error}"))
        return context

    monkeypatch.setattr(Browser, "new_context", listening_context)
    yield
    unexpected = [p for p in problems if not any(text in p for text in allowed)]
    assert not unexpected, "The browser console was not clean:\n" + "\n".join(unexpected)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.exit(f"Browser tests need Chromium at {CHROMIUM}: apt-get install -y chromium-headless-shell, "
                    "or set CHROMIUM_PATH", returncode=1)
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"],
    }


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """One live server for the whole browser session, over the real content set loaded once.

    Not pytest-django's `live_server`, which empties the database after every
    test and so would reload the content each time (about 2 s a test). Browser tests read the
    content; a test that changes it puts it back (see the admin journey). The content is committed,
    so the rows are removed again when the session ends.
    """
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.live_server_helper import LiveServer

    from backpain.content.loader import sync

    with django_db_blocker.unblock():
        sync(settings.CONTENT_DIR)
        server = LiveServer("localhost")
    yield server
    server.stop()
    with django_db_blocker.unblock():
        # flush sends post_migrate, which puts back the body areas, equipment and Editors group.
        call_command("flush", interactive=False, verbosity=0)
        if connection.vendor == "postgresql":
            # The stopped server's request threads are not joined, and one may still hold its kept
            # connection; PostgreSQL then refuses to drop the test database ("being accessed by
            # other users"). End those sessions; this process's own connection stays.
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()")


@pytest.fixture(autouse=True)
def _database_open_to_the_live_server(live_site, django_db_blocker):
    """The server thread shares this process, so it can reach the database only while a test runs."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def editor():
    """A superuser who signs in to the admin as "editor" with "a-long-password-1"."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("editor", "e@example.org", "a-long-password-1")
    yield user
    user.delete()


@pytest.fixture
def site(browser, live_site):
    """Open pages on the live server with the content loaded: site(js=False, width=375)."""
    contexts = []

    def open_page(*, js=True, width=1280):
        context = browser.new_context(java_script_enabled=js, base_url=live_site.url,
                                      viewport={"width": width, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot_dir():
    """Where printed PDFs (and screenshots) go: screenshots/, ignored by git."""
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture
def screenshot(screenshot_dir):
    """screenshot(page, "name.png"): a picture for people to look at (`make screenshots`).

    Pictures check nothing and a full page costs about a second, so the suite takes them only
    when BACKPAIN_SCREENSHOTS=1, as `make screenshots` sets it.
    """
    def take(page, name, full_page=True):
        if WANT_SCREENSHOTS:
            page.screenshot(path=str(screenshot_dir / name), full_page=full_page)

    take.wanted = WANT_SCREENSHOTS
    return take
