from django.conf import settings

from backpain import vocabulary
from backpain.services import emergency_link

# The emergency signs in a few words each (the shared vocabulary, as the checker asks them), for the
# checker's intro box and templates/includes/emergency_signs.html.
EMERGENCY_SIGNS = tuple(sign.short for sign in vocabulary.EMERGENCY_SIGNS)


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
        # The same signs in one sentence, for the footer's disclaimer.
        "emergency_signs_in_a_sentence": vocabulary.EMERGENCY_SIGNS_IN_A_SENTENCE,
    }
