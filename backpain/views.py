"""Site-wide views: the about and privacy pages, health check, robots.txt and the error pages."""

from django.conf import settings
from django.contrib import admin
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_ratelimit.core import get_usage

from backpain.caching import cached_page


@require_GET
@cached_page()
def about(request):
    """Who writes and reviews the guide, how sources are chosen, funding, and how to report a mistake."""
    return render(request, "site/about.html")


@require_GET
@cached_page()
def privacy(request):
    """What the site stores and what it does not."""
    return render(request, "site/privacy.html")


@require_GET
@cached_page()
def offline(request):
    """What the service worker shows for a page that is not on the phone when there is no signal."""
    return render(request, "site/offline.html")


# Built by Workbox from serviceworker/build.mjs (`make service-worker`) and committed.
SERVICE_WORKER = settings.BASE_DIR / "serviceworker" / "sw.js"


@require_GET
def service_worker(request):
    """The service worker, at the root so that its scope is the whole site.

    no-cache: the browser asks again on every visit with signal, so a new version takes over then.
    """
    response = HttpResponse(SERVICE_WORKER.read_bytes(), content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            # A real table, not SELECT 1: a missing SQLite file would be silently recreated empty.
            cursor.execute("SELECT 1 FROM django_migrations LIMIT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # Everything public may be crawled: checker answers are POST-only and never in a URL, and
    # routine variants share one canonical URL. (The admin is not named: its URL is a setting.)
    lines = ["User-agent: *", "Disallow:", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def favicon(request):
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))


def _username_key(group, request) -> str:
    return request.POST.get("username", "").strip().lower()


# django-ratelimit counters of failed logins (axes keeps its own per username and address).
LOGIN_LIMITS = (
    ("login-username", _username_key, settings.LOGIN_USERNAME_RATE),
    ("login-address", "backpain.clients.ratelimit_key", settings.LOGIN_ADDRESS_RATE),
)


def _over_a_login_limit(request, *, count_this_failure: bool) -> bool:
    usages = [get_usage(request, group=group, key=key, rate=rate, method="POST", increment=count_this_failure)
              for group, key, rate in LOGIN_LIMITS]
    return any(usage and usage["count"] >= usage["limit"] for usage in usages)


@never_cache
def admin_login(request):
    """The admin's login page, with two limits on failures beside axes's (settings: LOGIN_*_RATE)."""
    if request.method == "POST" and _over_a_login_limit(request, count_this_failure=False):
        response = render(request, "429.html", {"what": "Too many failed logins"}, status=429)
        response["Retry-After"] = "900"
        return response
    response = admin.site.login(request)
    if request.method == "POST" and not request.user.is_authenticated:
        _over_a_login_limit(request, count_this_failure=True)
    return response


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: this page must render when everything else is down.
    return HttpResponse(render_to_string("500.html"), status=500)
