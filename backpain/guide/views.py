"""The reading side: home, guide, articles, causes, anatomy, exercises and search.

One view and one template serve both the full page and, for htmx, the partial it targets.
"""

import hashlib
from functools import wraps

from django.core.cache import cache, caches
from django.http import HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import quote_etag
from django.views.decorators.http import require_GET

from backpain.content.signals import content_version

from . import selectors
from .forms import ExerciseFilters, SearchForm
from .search import search as run_search

PAGE_CACHE_SECONDS = 24 * 3600


def htmx_partial(request, template: str, partial: str) -> str:
    # A boosted or history-restore request needs the whole page.
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template


def _cached_page(key: str) -> bytes | None:
    """This process's copy first, then the shared cache (and keep a local copy of that)."""
    local = caches["local"]
    body = local.get(key)
    if body is None:
        body = cache.get(key)
        if body is not None:
            local.set(key, body, timeout=PAGE_CACHE_SECONDS)
    return body


def content_page(view):
    """Pages that change only when content does.

    The content version (bumped on every save) makes the ETag, so browsers get a 304 until an
    editor changes something, and keys a shared cache of the rendered page. A page that used a
    CSP nonce is never cached: a nonce must not be shared between responses.
    """

    @wraps(view)
    @require_GET
    def wrapper(request, *args, **kwargs):
        variant = "h" if request.htmx else "p"
        version = content_version()
        etag = quote_etag(f"{version}-{variant}")
        key = "page:" + hashlib.sha256(f"{version}:{variant}:{request.get_full_path()}".encode()).hexdigest()
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


@content_page
def home(request):
    return render(request, "guide/home.html", {"articles": selectors.articles()})


@content_page
def guide_index(request):
    return render(request, "guide/index.html", {
        "articles": selectors.articles(),
        "causes": selectors.causes(),
        "areas": selectors.body_areas(),
    })


def _neighbours(slug: str):
    """The articles before and after this one in the guide's order."""
    ordered = list(selectors.articles().only("slug", "title", "order"))
    index = next((i for i, a in enumerate(ordered) if a.slug == slug), None)
    if index is None:
        return None, None
    previous = ordered[index - 1] if index > 0 else None
    following = ordered[index + 1] if index + 1 < len(ordered) else None
    return previous, following


@content_page
def article_detail(request, slug):
    article = get_object_or_404(selectors.article(slug))
    previous, following = _neighbours(slug)
    return render(request, "guide/article_detail.html",
                  {"item": article, "previous": previous, "next": following})


@content_page
def cause_detail(request, slug):
    return render(request, "guide/cause_detail.html", {"item": get_object_or_404(selectors.cause(slug))})


@content_page
def anatomy_detail(request, slug):
    return render(request, "guide/anatomy_detail.html",
                  {"item": get_object_or_404(selectors.anatomy(slug))})


@content_page
def exercise_detail(request, slug):
    return render(request, "guide/exercise_detail.html",
                  {"item": get_object_or_404(selectors.exercise(slug))})


@content_page
def exercise_list(request):
    filters = ExerciseFilters(request.GET or None)
    exercises = selectors.exercises(**filters.selected())
    status = 400 if filters.is_bound and filters.errors else 200
    template = htmx_partial(request, "guide/exercise_list.html", "results")
    return render(request, template, {"filters": filters, "exercises": exercises}, status=status)


@require_GET
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    hits = run_search(query) if query else []
    template = htmx_partial(request, "guide/search.html", "results")
    status = 400 if form.errors else 200
    response = render(request, template, {"form": form, "query": query, "hits": hits}, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response
