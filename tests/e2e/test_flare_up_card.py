"""The flare-up plan's card (/flare-up-plan/) prints on exactly one page, on A4 and on US Letter (issue 28)."""

from playwright.sync_api import expect
from pypdf import PdfReader

from .accessibility import assert_accessible_at_each_width


def test_the_flare_up_card_prints_on_exactly_one_page_of_a4_and_of_letter(site, screenshot_dir):
    page = site()
    page.goto("/flare-up-plan/")
    expect(page.locator(".flare-card .emergency-signs")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator("[data-print]")).to_be_hidden()
    for paper in ("A4", "Letter"):
        pdf = screenshot_dir / f"flare-up-card-{paper}.pdf"
        page.pdf(path=str(pdf), format=paper, print_background=False)
        reader = PdfReader(pdf)
        assert len(reader.pages) == 1, paper
        text = reader.pages[0].extract_text()
        for words in ("days", "When to restart the plan", "Over the weeks", "When to get help", "911"):
            assert words in text, (paper, words)


NEW_PAGES = ["/flare-up-plan/", "/articles/flare-up-plan/", "/articles/understanding-back-pain/",
             "/articles/scans-and-mri/", "/articles/medicines-for-back-pain/", "/articles/stress-sleep-and-mood/",
             "/articles/running-with-sciatica/", "/articles/running-after-having-a-baby/",
             "/articles/exercise-with-osteoporosis/"]


def test_the_new_pages_of_issue_28_pass_axe_on_a_phone_and_a_laptop(site):
    page = site()
    for url in NEW_PAGES:
        page.goto(url)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible_at_each_width(page)
