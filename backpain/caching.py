"""Whole-page caching for pages that change only when content does.

Every content save bumps the content version (backpain.content.signals). It makes the ETag, so
browsers get a 304 until something changes, and keys the rendered page, kept in this process's
memory and in the shared cache. The key also holds the host (pages print absolute links) and the
date (a routine sheet shows it). A page that used a CSP nonce is never cached: a nonce must not be
shared between responses; pages with a CSRF token must not use this decorator at all.
"""

import hashlib
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag
from django.views.decorators.http import require_GET

from backpain.content.signals import content_version

PAGE_CACHE_SECONDS = 24 * 3600


def per_content_version(build):
    """Keep what build() returns in this process's memory until content changes.

    For things read from the content and needed on every request (the exercise library, the
    checker's causes): built once per content version, shared by every request of the process.
    """
    kept = lru_cache(maxsize=1)(lambda version: build())

    @wraps(build)
    def current():
        return kept(content_version())

    return current


def wants_fragment(request) -> bool:
    """An htmx request for a piece of a page; a boosted or history-restore request needs it whole."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def _cached_page(key: str) -> bytes | None:
    """This process's copy first, then the shared cache (and keep a local copy of that)."""
    local = caches["local"]
    body = local.get(key)
    if body is None:
        body = cache.get(key)
        if body is not None:
            local.set(key, body, timeout=PAGE_CACHE_SECONDS)
    return body


def _services_key() -> str:
    """The emergency number and service names, which pages print: a change of settings is a new page."""
    words = "|".join((settings.EMERGENCY_NUMBER, settings.URGENT_CARE_NAME, settings.PRIMARY_CARE_NAME))
    return hashlib.sha256(words.encode()).hexdigest()[:8]


def content_page(view):
    @wraps(view)
    @require_GET
    def wrapper(request, *args, **kwargs):
        variant = "fragment" if wants_fragment(request) else "page"
        version = f"{content_version()}-{timezone.localdate():%Y%m%d}-{_services_key()}-{variant}"
        etag = quote_etag(version)
        page = f"{version}:{request.scheme}://{request.get_host()}{request.get_full_path()}"
        key = "page:" + hashlib.sha256(page.encode()).hexdigest()
        if etag in (request.headers.get("If-None-Match") or ""):
            response = HttpResponseNotModified()
        elif (body := _cached_page(key)) is not None:
            response = HttpResponse(body)
        else:
            response = view(request, *args, **kwargs)
            nonce_used = isinstance(getattr(request, "_csp_nonce", None), str)
            if response.status_code == 200 and not nonce_used:
                cache.set(key, response.content, timeout=PAGE_CACHE_SECONDS)
                caches["local"].set(key, response.content, timeout=PAGE_CACHE_SECONDS)
        if response.status_code in (200, 304):
            response["ETag"] = etag
        patch_vary_headers(response, ["HX-Request"])
        # Browsers revalidate with If-None-Match every time; unchanged content costs a 304.
        patch_cache_control(response, no_cache=True)
        return response

    return wrapper
