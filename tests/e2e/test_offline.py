"""The site on a phone with no signal: after one visit, pages the runner opened open again offline
(from the Workbox service worker), a page never opened shows the offline page with the emergency
number, and no symptom-checker page is ever kept. The server side is tests/test_offline.py."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.live import deployed_copy, gunicorn

pytestmark = pytest.mark.service_worker

EXERCISE = "/exercises/plank/"
PLAN = "/return-to-running/plan/?stage=1&start=2026-12-07&sessions=3"
RUN = "/return-to-running/run/?stage=1"
# What a player asks for: the first bytes of the track, as a range.
FIRST_BYTES = """async (url) => {
  const response = await fetch(url, {headers: {Range: "bytes=0-99"}});
  return [response.status, (await response.arrayBuffer()).byteLength];
}"""

CACHED_URLS = """async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) urls.push(request.url);
  }
  return urls;
}"""


def test_pages_opened_once_open_again_with_no_signal_and_the_rest_shows_the_offline_page(site, screenshot):
    page = site(width=375)
    page.goto("/")  # the first page, loaded before the worker runs: app.js hands it over
    expect(page.locator("html[data-offline-kept]")).to_be_attached()
    assert page.evaluate("!!navigator.serviceWorker.controller")

    # The manifest, icons and worker make it installable (localhost counts as a secure origin). A
    # Playwright context is a private window, which Chromium never installs from: that one is left out.
    cdp = page.context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    assert [error for error in errors if error["errorId"] != "in-incognito"] == []

    page.goto(EXERCISE)
    exercise_title = page.locator("h1").inner_text()
    page.goto(PLAN)
    plan_title = page.locator("h1").inner_text()
    # Run mode, and its audio track kept whole for the player's byte ranges with no signal.
    page.goto(RUN)
    page.get_by_role("button", name="Keep it on this phone for runs with no signal").click()
    expect(page.locator("[data-keep-audio-status]")).to_have_text("Kept on this phone: it plays with no signal.")
    audio = page.locator("[data-keep-audio-button]").get_attribute("data-src")
    page.goto("/checker/")  # opened, but never kept
    page.goto("/")

    page.context.set_offline(True)
    for url, title in (("/", None), (EXERCISE, exercise_title), (PLAN, plan_title), (RUN, None)):
        response = page.goto(url)
        assert response.ok and response.from_service_worker, url
        assert "You are offline" not in page.locator("h1").inner_text(), url
        if title:
            assert page.locator("h1").inner_text() == title
    assert page.evaluate(FIRST_BYTES, audio) == [206, 100]  # run mode is open: its track plays

    page.goto("/about/")  # never opened on this phone
    assert page.locator("h1").inner_text() == "You are offline"
    assert page.locator(f'.emergency-signs a[href="tel:{settings.EMERGENCY_NUMBER}"]').is_visible()
    screenshot(page, "offline-375.png")
    if screenshot.wanted:
        page.set_viewport_size({"width": 1280, "height": 900})
        screenshot(page, "offline-1280.png")

    kept = page.evaluate(CACHED_URLS)
    assert any(url.endswith(EXERCISE) for url in kept)
    assert not [url for url in kept if "/checker/" in url]


STYLED = """(name) => [...document.styleSheets].some(sheet => sheet.href && sheet.href.includes(name)
  && sheet.cssRules.length > 0)"""


def test_the_first_page_a_phone_ever_opens_opens_again_with_no_signal_with_its_styles(site):
    """A runner scans the card's QR code: run mode is the first page of the site this phone opens,
    loaded before the worker runs. It, and its own stylesheet (not in the precache), still open offline."""
    page = site(width=375)
    page.goto(RUN)
    heading = page.locator("h1").inner_text()
    assert page.evaluate(STYLED, "/css/running")
    expect(page.locator("html[data-offline-kept]")).to_be_attached()

    page.context.set_offline(True)
    response = page.reload()
    assert response.ok and response.from_service_worker
    assert page.locator("h1").inner_text() == heading
    assert page.evaluate(STYLED, "/css/running"), "run mode's stylesheet was not kept"


@pytest.mark.live
def test_under_production_static_names_the_first_page_and_the_offline_page_keep_their_styles(browser, tmp_path):
    """As deployed (gunicorn, production settings, collectstatic's hashed file names): the precache
    holds the files by their plain names, which pages never ask for, so what a page uses must be kept
    as it is used, the first page's files included."""
    with gunicorn(deployed_copy(tmp_path), workers=1) as base:
        context = browser.new_context(base_url=base, viewport={"width": 375, "height": 800})
        page = context.new_page()
        page.goto(RUN)
        sheets = page.evaluate("[...document.styleSheets].map(sheet => sheet.href).filter(Boolean)")
        assert [href for href in sheets if re.search(r"/static/css/running\.[0-9a-f]{12}\.css$", href)], sheets
        expect(page.locator("html[data-offline-kept]")).to_be_attached()

        context.set_offline(True)
        assert page.reload().from_service_worker
        assert page.evaluate(STYLED, "/css/running"), "run mode's stylesheet was not kept"
        page.goto("/about/")  # never opened: the offline page, styled by the files already kept
        assert page.locator("h1").inner_text() == "You are offline"
        assert page.evaluate(STYLED, "/css/site")
        context.close()
