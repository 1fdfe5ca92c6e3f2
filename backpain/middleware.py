import logging

from django.conf import settings

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    """When the database is down, answer 503 with a friendly page instead of a 500.

    Each request opens its connection afresh (or health-checks a persistent one), so the site
    recovers by itself as soon as the database is back: no restart needed.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        from django.db import DatabaseError, InterfaceError, OperationalError
        from django.http import HttpResponse
        from django.template.loader import render_to_string

        if isinstance(exception, OperationalError | InterfaceError) or type(exception) is DatabaseError:
            logger.error("Database unavailable: %s", exception.__class__.__name__)
            response = HttpResponse(render_to_string("503.html"), status=503)
            response["Retry-After"] = "30"
            response["Cache-Control"] = "no-store"
            return response
        return None


class RequestSizeLimitMiddleware:
    """Refuse request bodies over DATA_UPLOAD_MAX_MEMORY_SIZE with 413 before anything reads them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.http import HttpResponse

        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse("Bad Content-Length.", status=400, content_type="text/plain")
        if length > settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return HttpResponse("Request too large: nothing was saved.", status=413, content_type="text/plain")
        return self.get_response(request)
