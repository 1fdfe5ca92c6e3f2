from django.conf import settings


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "emergency_number": settings.EMERGENCY_NUMBER,
        "urgent_care_name": settings.URGENT_CARE_NAME,
        "primary_care_name": settings.PRIMARY_CARE_NAME,
    }
