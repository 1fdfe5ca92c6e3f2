"""Issue 29 in a real browser: a sheet with a note per exercise and doses of its own, the sharing page
(Copy with the clipboard, Share only where the device has it), the link opened in a fresh browser at
375 px, printed on one A4 and one Letter page, and a template saved, reused and deleted in the
physio's browser. `make screenshots` keeps pictures of each in screenshots/ for people to look at."""

import re

from playwright.sync_api import expect
from pypdf import PdfReader

from tests.tools.pdf_pages import to_png

from .accessibility import assert_accessible
from .test_prescribe import SIX

BIRD_NOTE = "Keep the reach small this week."
BRIDGE_NOTE = "Only lift as high as is comfortable."


def physio_context(browser, live_site):
    return browser.new_context(base_url=live_site.url, viewport={"width": 1280, "height": 900},
                               permissions=["clipboard-read", "clipboard-write"])


def build(page):
    page.goto("/prescribe/")
    for number, title in enumerate(SIX, 1):
        page.get_by_role("button", name=f"Add {title}", exact=True).click()
        expect(page.locator(".rx-line")).to_have_count(number)
    page.locator("#sets-bird-dog").fill("3")
    page.locator("#reps-bird-dog").fill("10")
    page.locator("#hold-bird-dog").fill("5")
    page.get_by_label("Note for this exercise").first.fill(BRIDGE_NOTE)  # glute bridge is first
    page.locator("#note-bird-dog").fill(BIRD_NOTE)
    page.get_by_label("Note for the patient").fill("Do these after your run.")
    page.get_by_label("Your name").fill("Sam Okafor")
    page.get_by_role("button", name="Make the link").click()
    expect(page).to_have_url(re.compile(r"/prescribe/share/[^/]+/$"))


def check_patients_sheet(page):
    bird = page.locator('.rx-item[data-slug="bird-dog"]')
    expect(bird.locator(".dose")).to_have_text("3 sets of 10 reps, hold 5\u00a0s each side, every day")
    expect(bird.locator(".rx-steps")).to_contain_text("Hold for 5\u00a0s")
    expect(bird.locator(".rx-steps")).to_contain_text("Do 10 reps each side.")
    steps = bird.locator(".rx-steps").inner_text()
    assert not re.search(r"\b(3|8)\b", steps), steps  # the library's 3-second hold and 8 reps are gone
    expect(bird.locator(".rx-line-note")).to_have_text(f"Note: {BIRD_NOTE}")
    expect(page.locator('.rx-item[data-slug="glute-bridge"] .rx-line-note')).to_have_text(f"Note: {BRIDGE_NOTE}")
    expect(page.locator(".rx-sender")).to_contain_text("Sent by Sam Okafor (as written by the sender")


def test_share_copy_open_fresh_print_and_reuse_a_template(browser, live_site, screenshot, screenshot_dir):
    physio = physio_context(browser, live_site)
    page = physio.new_page()
    page.set_default_timeout(10_000)
    build(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("The sheet's link is ready")
    link = page.get_by_label("Link to the patient's sheet")
    url = link.input_value()
    assert re.fullmatch(rf"{re.escape(live_site.url)}/prescribe/sheet/[A-Za-z0-9_-]+/", url)
    # Share only where the device has it (headless Chromium on Linux may not).
    has_share = page.evaluate("typeof navigator.share === 'function'")
    expect(page.get_by_role("button", name="Share…")).to_be_visible() if has_share else expect(
        page.locator("[data-share-sheet]")).to_be_hidden()
    page.get_by_role("button", name="Copy the link").click()
    expect(page.locator("[data-share-status]")).to_have_text(
        "Link copied. Paste it into a message or an email to your patient.")
    assert page.evaluate("navigator.clipboard.readText()") == url
    assert page.locator(".rx-share-qr svg").bounding_box()["width"] >= 300  # large enough to scan from a screen
    assert_accessible(page)
    screenshot(page, "prescribe-builder-after-make-the-link.png")
    # Save it as a template, in this browser only.
    page.get_by_label("Name of the template").fill("Back basics")
    page.get_by_role("button", name="Save the template").click()
    expect(page.locator("[data-template-status]")).to_contain_text("Saved “Back basics” in this browser")

    # The patient: a fresh browser, a phone's width, the copied link.
    patient = browser.new_context(base_url=live_site.url, viewport={"width": 375, "height": 800})
    phone = patient.new_page()
    phone.goto(page.evaluate("navigator.clipboard.readText()"))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your home exercises")
    check_patients_sheet(phone)
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(phone, "prescribe-patient-sheet-375.png")
    phone.emulate_media(media="print")
    widths = phone.locator(".rx-picture-pair img").evaluate_all(
        "images => images.map(i => i.getBoundingClientRect().width)")
    assert len(widths) == 12 and min(widths) >= 30 * 96 / 25.4 - 0.5, widths  # every pose at least 30 mm wide
    for paper in ("A4", "Letter"):
        pdf = screenshot_dir / f"prescribe-patient-sheet-{paper}.pdf"
        phone.pdf(path=str(pdf), format=paper, print_background=False)
        assert len(PdfReader(pdf).pages) == 1, paper
        if screenshot.wanted:
            to_png(pdf, scale=2)
    patient.close()

    # Reuse the template: listed on the builder, opens the same sheet to change; then delete it.
    page.goto("/prescribe/")
    templates = page.locator("[data-templates]")
    expect(templates).to_be_visible()
    expect(templates).to_contain_text("nothing is stored on our server")
    templates.get_by_role("link", name="Use Back basics").click()
    expect(page.locator(".rx-line")).to_have_count(6)
    expect(page.locator("#sets-bird-dog")).to_have_value("3")
    expect(page.locator("#note-bird-dog")).to_have_value(BIRD_NOTE)
    screenshot(page, "prescribe-builder-from-template.png")
    page.locator("[data-templates]").get_by_role("button", name="Delete Back basics").click()
    expect(page.locator("[data-template-status]").last).to_have_text("Deleted “Back basics”.")
    expect(page.locator("[data-template-list] li")).to_have_count(0)
    physio.close()


def test_without_javascript_the_sharing_page_still_gives_the_link(site):
    page = site(js=False)
    build(page)
    expect(page.get_by_label("Link to the patient's sheet")).to_have_value(re.compile(r"/prescribe/sheet/"))
    expect(page.locator("[data-copy-link]")).to_be_hidden()
    expect(page.locator("[data-template-save]")).to_be_hidden()
    page.get_by_role("link", name="Open the patient's view").click()
    check_patients_sheet(page)


# A stand-in for the browser's Web Share API (what a phone has and headless Chromium on Linux lacks):
# it records what it was asked to share and resolves, as the device's share sheet would.
WEB_SHARE = """
window.__shared = [];
Object.defineProperty(navigator, "share", {configurable: true, value: function (data) {
  window.__shared.push(data);
  return Promise.resolve();
}});
"""


def test_where_the_device_can_share_the_share_button_shows_and_shares_the_sheets_link(browser, live_site):
    physio = physio_context(browser, live_site)
    physio.add_init_script(WEB_SHARE)
    page = physio.new_page()
    page.set_default_timeout(10_000)
    build(page)
    url = page.get_by_label("Link to the patient's sheet").input_value()
    share = page.get_by_role("button", name="Share…")
    expect(share).to_be_visible()
    share.click()
    page.wait_for_function("window.__shared.length === 1")
    assert page.evaluate("window.__shared") == [{"title": "Your home exercises", "url": url}]
    assert re.fullmatch(rf"{re.escape(live_site.url)}/prescribe/sheet/[A-Za-z0-9_-]+/", url)
    physio.close()
