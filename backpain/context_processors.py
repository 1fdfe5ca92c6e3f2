from django.conf import settings

from backpain.services import emergency_link


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "emergency_number": settings.EMERGENCY_NUMBER,
        # The number as a tap-to-call link: use this wherever the number is shown in a page's body.
        "emergency_link": emergency_link(),
        "urgent_care_name": settings.URGENT_CARE_NAME,
        "primary_care_name": settings.PRIMARY_CARE_NAME,
    }
