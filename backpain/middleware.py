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


# The pages a runner may keep on the phone for when there is no signal (the service worker keeps a
# page only with `X-Offline: keep`: serviceworker/build.mjs). Named here, never guessed, so the
# symptom checker, a check-in, the admin, search and anything new stay off the phone until added.
OFFLINE_PAGES = frozenset({
    "guide:home", "guide:index", "guide:article", "guide:cause", "guide:anatomy",
    "guide:exercises", "guide:exercise",
    "running:plan", "running:run",
    "routines:sheet",
    "prescribe:sheet",
    "offline",
})


class OfflineKeepMiddleware:
    """Mark the listed pages, when fetched whole with GET and answered 200, as safe to keep offline."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if (request.method == "GET" and response.status_code == 200 and match is not None
                and match.view_name in OFFLINE_PAGES
                and response.get("Content-Type", "").startswith("text/html")):
            response["X-Offline"] = "keep"
        return response
