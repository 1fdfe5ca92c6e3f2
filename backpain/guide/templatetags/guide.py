import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from backpain.services import expand_html

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, item, kind="MedicalWebPage"):
    """schema.org data for a guide page, with its review date; escaped so it can't close the tag."""
    # The site's own address, not the Host header: the page is cached for every Host (backpain/caching.py).
    url = f"{settings.SITE_URL}{item.get_absolute_url()}"
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "name": item.title,
        "headline": item.title,
        "description": item.summary,
        "url": url,
        "lastReviewed": item.last_reviewed.isoformat(),
        "dateModified": item.updated.date().isoformat(),
        "inLanguage": "en",
        "audience": {"@type": "PeopleAudience", "audienceType": "Runners"},
        "publisher": {"@type": "Organization", "name": context.get("site_name", "Back on Track")},
    }
    payload = mark_safe(json.dumps(data).translate(_JSON_ESCAPES))  # noqa: S308 - escaped above
    # A data block, never executed, so it needs no CSP nonce (and the page stays cacheable).
    return format_html('<script type="application/ld+json">{}</script>', payload)


@register.filter
def services(html):
    """Content HTML with {emergency_number}, {urgent_care} and {primary_care} filled in from settings."""
    return expand_html(html or "")
