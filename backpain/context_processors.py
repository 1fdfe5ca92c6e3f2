from django.conf import settings
from django.core.exceptions import DisallowedHost

from backpain.checker.rules import EMERGENCY_QUESTIONS
from backpain.services import emergency_link

# The checker's emergency signs in a few words each, for templates/includes/emergency_signs.html.
EMERGENCY_SIGNS = tuple(question.short for question in EMERGENCY_QUESTIONS)


def page_url(request) -> str:
    """This page's absolute address, for the canonical link; empty when the Host header is not one we
    serve (the 400 page for that request must still render, not fail again on the same header)."""
    try:
        return f"{request.scheme}://{request.get_host()}{request.path}"
    except DisallowedHost:
        return ""


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
