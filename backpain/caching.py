"""Caching for pages and data that change only when content does.

The content version names the current state of the content. It changes once for each transaction
that saves content, after that transaction commits (backpain.content.signals): another server must
never read the new version while the new rows are still invisible to it, or it would keep the old
page under the new version.

Pages are cached whole for everyone (`cached_page`), in this process's memory in front of the shared
cache (Redis or the database). The key holds only what the page is built from: the content version,
the date (a sheet prints it), the service names (pages print them), the site's address from settings
(pages print absolute links; never the Host header, whose port, case and trailing dot a visitor chooses:
500 ports once made 430 entries), htmx fragment or whole page, the path and the values of the
parameters the view reads. Any other parameter (?utm_source=…) cannot make a new entry, and only a
200 is kept, so a bad value (a 400) or an unknown slug (a 404) is never stored. Browsers revalidate:
Django's ConditionalGetMiddleware answers 304 from the stored ETag, and only for a 200.
"""

import hashlib
import uuid
from functools import lru_cache, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag

PAGE_CACHE_SECONDS = 24 * 3600
CONTENT_VERSION_KEY = "content-version"


def content_version() -> str:
    """The current content version: this process's copy when fresh enough, else the shared one.

    A process re-reads it at most every CONTENT_VERSION_LOCAL_SECONDS, so a save shows on every
    server within those seconds (at once on the one that saved it).
    """
    local = caches["local"]
    version = local.get(CONTENT_VERSION_KEY)
    if version is None:
        version = cache.get_or_set(CONTENT_VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)
        local.set(CONTENT_VERSION_KEY, version, timeout=settings.CONTENT_VERSION_LOCAL_SECONDS)
    return version


def bump_content_version() -> None:
    version = uuid.uuid4().hex
    cache.set(CONTENT_VERSION_KEY, version, timeout=None)
    caches["local"].set(CONTENT_VERSION_KEY, version, timeout=settings.CONTENT_VERSION_LOCAL_SECONDS)


class _BumpOnCommit:
    """One bump of the content version, waiting for a transaction to commit."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        bump_content_version()


def bump_content_version_on_commit(using: str | None = None) -> None:
    """Bump the version once the current transaction commits (at once outside a transaction).

    However many rows one transaction saves (a `load_content` saves hundreds), the version changes
    once: a bump already waiting is enough. Django keeps the waiting callbacks on the connection
    and drops those of a rolled-back savepoint, so the list says what will run.
    """
    connection = transaction.get_connection(using)
    if not any(isinstance(callback, _BumpOnCommit) and not callback.done
               for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(_BumpOnCommit(), using=using)


_KEPT = []  # every per_content_version() store, so that forget_kept() can empty them all


def per_content_version(build):
    """Keep what build() returns in this process's memory until content changes.

    For things read from the content and needed on every request (the exercise library, the
    checker's causes, search's lexicon): built once per content version, shared by every request of
    the process.
    """
    kept = lru_cache(maxsize=1)(lambda version: build())
    _KEPT.append(kept)

    @wraps(build)
    def current():
        return kept(content_version())

    return current


def forget_kept() -> None:
    """Empty what per_content_version() keeps, as a new process starts (tests: a test's content is
    rolled back without a new content version, so what an earlier test read must not be kept)."""
    for kept in _KEPT:
        kept.cache_clear()


def wants_fragment(request) -> bool:
    """An htmx request for a piece of a page; a boosted or history-restore request needs it whole."""
    return bool(request.htmx) and not request.htmx.boosted and not request.htmx.history_restore_request


def _services() -> str:
    """The emergency number and service names, which pages print: a change of settings is a new page."""
    return "|".join((settings.EMERGENCY_NUMBER, settings.URGENT_CARE_NAME, settings.PRIMARY_CARE_NAME))


def page_key(request, params: tuple[str, ...]) -> str:
    """The cache key of this page: built only from what the page depends on (see the module's doc)."""
    # The last value of each parameter the view reads, as Django's forms read it; nothing else.
    query = urlencode([(name, request.GET[name]) for name in params if request.GET.get(name)])
    variant = "fragment" if wants_fragment(request) else "page"
    parts = (content_version(), f"{timezone.localdate():%Y%m%d}", _services(), variant,
             settings.SITE_URL, request.path, query)
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _shareable(request, response) -> bool:
    """Only a plain 200 that holds nothing of this visitor's own may be kept for everyone."""
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        # django-csp: true once this response's nonce was made; a nonce must never be shared.
        and not getattr(request, "csp_nonce", None)
        # Django marks the request when a CSRF token was put in the page; a token is per visitor.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
    )


def cached_page(*, params: tuple[str, ...] = (), shared: bool = True):
    """Serve a GET page from the cache until content changes; `params` are the query parameters the
    view reads (it must read no others). The view must not put a CSRF token in the page.

    shared=False keeps the page in this process's memory only: for a page built from our code alone
    (the checker's rules), which a release changes without a new content version. The shared cache
    outlives a release; a process does not.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            key = page_key(request, params)
            local = caches["local"]
            response = local.get(key)
            if response is None and shared:
                response = cache.get(key)
                if response is not None:
                    local.set(key, response, timeout=PAGE_CACHE_SECONDS)
            if response is None:
                response = view(request, *args, **kwargs)
                patch_vary_headers(response, ["HX-Request"])
                # Browsers ask again every time; unchanged content costs them a 304.
                patch_cache_control(response, no_cache=True)
                if _shareable(request, response):
                    set_response_etag(response)
                    if shared:
                        cache.set(key, response, timeout=PAGE_CACHE_SECONDS)
                    local.set(key, response, timeout=PAGE_CACHE_SECONDS)
            return response

        return wrapper

    return decorator
