from django.conf import settings

from backpain.checker.rules import EMERGENCY_QUESTIONS
from backpain.services import emergency_link

# The checker's emergency signs in a few words each, for templates/includes/emergency_signs.html.
EMERGENCY_SIGNS = tuple(question.short for question in EMERGENCY_QUESTIONS)


def page_url(request) -> str:
    """This page's absolute address, for the canonical link: on the site's own address from settings,
    never the Host header (cached pages are shared by every Host spelling; see backpain/caching.py)."""
    return f"{settings.SITE_URL}{request.path}"


def site(request):
    return {
        "page_url": page_url(request),
        "site_name": settings.SITE_NAME,
        "emergency_number": settings.EMERGENCY_NUMBER,
        # The number as a tap-to-call link: use this wherever the number is shown in a page's body.
        "emergency_link": emergency_link(),
        "urgent_care_name": settings.URGENT_CARE_NAME,
        "primary_care_name": settings.PRIMARY_CARE_NAME,
        "emergency_signs": EMERGENCY_SIGNS,
    }
