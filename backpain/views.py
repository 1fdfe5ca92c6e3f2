"""Site-wide views: the about and privacy pages, health check, robots.txt and the error pages."""

from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

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


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # No context processors or database: this page must render when everything else is down.
    return HttpResponse(render_to_string("500.html"), status=500)
