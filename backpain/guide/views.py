"""The reading side: home, guide, articles, causes, anatomy, exercises and search.

One view and one template serve both the full page and, for htmx, the partial it targets.
"""

from functools import wraps

from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition, require_GET

from backpain.content.signals import content_version

from . import selectors
from .forms import ExerciseFilters, SearchForm
from .search import search as run_search


def htmx_partial(request, template: str, partial: str) -> str:
    # A boosted or history-restore request needs the whole page.
    if request.htmx and not request.htmx.boosted and not request.htmx.history_restore_request:
        return f"{template}#{partial}"
    return template


def content_page(view):
    """Pages that change only when content does: ETag from the content version, and Vary."""

    def etag(request, *args, **kwargs):
        return f'{content_version()}-{"h" if request.htmx else "p"}'

    @wraps(view)
    @require_GET
    @condition(etag_func=etag)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ["HX-Request"])
        # Browsers revalidate with If-None-Match and get a 304 until content changes.
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
