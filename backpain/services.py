"""The emergency number and the names of services, as the settings give them, on every page.

The checker's templates use the context processor's names. The guide's Markdown content says
`{emergency_number}`, `{urgent_care}` or `{primary_care}` instead of a number or a service, and
those placeholders are filled in when a page is shown (the stored HTML keeps the placeholder, so a
change of settings needs no re-render of the content). Filling in is a few str.replace calls on
HTML that was sanitised on save; each value put in is escaped here.
"""

import re

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

PLACEHOLDERS = ("{emergency_number}", "{urgent_care}", "{primary_care}")


def tel(number: str) -> str:
    """The number as a tel: URL takes it: digits and a leading +, nothing else."""
    return re.sub(r"[^\d+]", "", number)


def emergency_link() -> SafeString:
    number = settings.EMERGENCY_NUMBER
    return format_html('<a class="tel" href="tel:{}">{}</a>', tel(number), number)


def _values(html: bool) -> dict[str, str]:
    return {
        "{emergency_number}": emergency_link() if html else settings.EMERGENCY_NUMBER,
        "{urgent_care}": escape(settings.URGENT_CARE_NAME) if html else settings.URGENT_CARE_NAME,
        "{primary_care}": escape(settings.PRIMARY_CARE_NAME) if html else settings.PRIMARY_CARE_NAME,
    }


def expand_html(html: str) -> SafeString:
    """Sanitised content HTML with the placeholders filled in from settings."""
    if "{" in html:
        for placeholder, value in _values(html=True).items():
            html = html.replace(placeholder, value)
    # The HTML was sanitised by backpain.markdown on save; every value put in above is escaped.
    return mark_safe(html)  # noqa: S308


def expand_text(text: str) -> str:
    """Plain text (search snippets, summaries) with the placeholders filled in; the caller escapes it."""
    if "{" in text:
        for placeholder, value in _values(html=False).items():
            text = text.replace(placeholder, value)
    return text
