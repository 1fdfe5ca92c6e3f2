"""One voice: every page names the emergency number and services the settings name, and no others.

The guide's Markdown says {emergency_number}, {urgent_care} and {primary_care}; pages fill them in
from settings when shown (backpain.services). The real content set is loaded once for this module.
"""

import re

from django.utils.html import strip_tags

from backpain.content.models import AnatomyTopic, Article, Cause, Exercise
from backpain.services import PLACEHOLDERS, expand_html, expand_text

# Numbers and services of other countries' systems, and what the default settings call their own.
OTHER_SERVICES = re.compile(r"\bGP\b|\bGPs\b|NHS 111|\b111\b|\b999\b|\b112\b|A&E|A&amp;E|\b000\b|\b811\b")


def guide_urls():
    return [item.get_absolute_url() for model in (Article, Cause, AnatomyTopic, Exercise)
            for item in model.objects.all()]


def main_text(html: str) -> str:
    return strip_tags(html[html.index("<main"):html.index("</main>")])


def test_content_pages_name_only_the_services_in_settings(client, loaded):
    urls = guide_urls()
    assert len(urls) > 50
    pages = {url: client.get(url).content.decode() for url in [*urls, "/", "/guide/", "/checker/",
                                                                "/checker/how-it-decides/", "/routine/"]}
    for url, html in pages.items():
        # An inline figure's coordinates (translate(112,...)) are not words: keep only its title and description.
        html = re.sub(r"<svg\b.*?</svg>", lambda m: strip_tags(m.group(0)), html, flags=re.S)
        assert not OTHER_SERVICES.findall(html), (url, OTHER_SERVICES.findall(html))
        for placeholder in PLACEHOLDERS:
            assert placeholder not in html, (url, placeholder)
    article = pages["/articles/when-to-see-a-professional/"]
    assert 'href="tel:911">911</a>' in article
    assert "urgent care" in main_text(article) and "primary-care doctor" in main_text(article)


def test_content_follows_the_settings(client, loaded, settings):
    client.get("/articles/when-to-see-a-professional/")  # kept in the page cache with the default settings
    settings.EMERGENCY_NUMBER, settings.URGENT_CARE_NAME, settings.PRIMARY_CARE_NAME = "999", "NHS 111", "GP"
    html = client.get("/articles/when-to-see-a-professional/").content.decode()
    text = main_text(html)
    assert 'href="tel:999">999</a>' in html and "911" not in html
    assert "NHS 111" in text and "your GP" in text and "urgent care" not in text
    cause = client.get("/causes/pre-existing-conditions/").content.decode()
    assert "call 999" in main_text(cause) and "See your GP" in main_text(cause)


def test_search_snippets_fill_in_the_placeholders(client, loaded):
    html = client.get("/search/?q=ambulance+drive").content.decode()
    assert "{emergency_number}" not in html


def test_filling_in_escapes_the_settings(settings):
    settings.EMERGENCY_NUMBER, settings.URGENT_CARE_NAME = "1<2", "<b>care</b>"
    html = expand_html("<p>Call {emergency_number} or {urgent_care}.</p>")
    assert html == '<p>Call <a class="tel" href="tel:12">1&lt;2</a> or &lt;b&gt;care&lt;/b&gt;.</p>'
    assert expand_text("Call {emergency_number}.") == "Call 1<2."
