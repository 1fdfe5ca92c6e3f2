"""The reading side: home, guide, articles, causes, anatomy, exercises and search.

One view and one template serve both the full page and, for htmx, the partial it targets.
"""

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_ratelimit.decorators import ratelimit

from backpain.caching import cached_page, wants_fragment
from backpain.content import drafts
from backpain.content.library import ExerciseFilters
from backpain.content.models import AnatomyTopic, Article, Cause, Draft, Exercise, Feedback

from . import selectors
from .forms import FeedbackForm, SearchForm
from .search import search as run_search
from .warning_signs import PROFESSIONAL_PAGE


def htmx_partial(request, template: str, partial: str) -> str:
    return f"{template}#{partial}" if wants_fragment(request) else template


@require_GET
@cached_page()
def home(request):
    return render(request, "guide/home.html", {"articles": selectors.articles()})


@require_GET
@cached_page()
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


@require_GET
@cached_page()
def article_detail(request, slug):
    article = get_object_or_404(selectors.article(slug))
    previous, following = _neighbours(slug)
    return render(request, "guide/article_detail.html",
                  {"item": article, "previous": previous, "next": following})


# The flare-up plan's text is the article of this slug (content/articles/flare-up-plan.md): one text,
# read on the article page and printed from here on one page (A4 or Letter) with the emergency signs.
FLARE_UP_PLAN = "flare-up-plan"


@require_GET
@cached_page()
def flare_up_card(request):
    """The flare-up plan as a one-page printable card."""
    article = get_object_or_404(selectors.article(FLARE_UP_PLAN))
    return render(request, "guide/flare_up_card.html", {"item": article})


@require_GET
@cached_page()
def cause_detail(request, slug):
    return render(request, "guide/cause_detail.html", {"item": get_object_or_404(selectors.cause(slug))})


@require_GET
@cached_page()
def anatomy_detail(request, slug):
    return render(request, "guide/anatomy_detail.html",
                  {"item": get_object_or_404(selectors.anatomy(slug))})


@require_GET
@cached_page()
def exercise_detail(request, slug):
    return render(request, "guide/exercise_detail.html",
                  {"item": get_object_or_404(selectors.exercise(slug))})


@require_GET
@cached_page(params=tuple(ExerciseFilters.base_fields))
def exercise_list(request):
    filters = ExerciseFilters(request.GET)
    exercises = selectors.exercises(**filters.selected())
    status = 400 if filters.errors else 200
    template = htmx_partial(request, "guide/exercise_list.html", "results")
    # A fragment also brings the folded filters' summary, swapped in out of band.
    return render(request, template, {"filters": filters, "exercises": exercises,
                                      "fragment": wants_fragment(request)}, status=status)


def _page_number(value) -> int:
    """The page asked for; anything that is not a page number is the first page."""
    try:
        return min(max(int(value), 1), 1000)
    except (TypeError, ValueError):
        return 1


# Not cached: anyone can type anything, and each query would be a new entry.
@require_GET
@vary_on_headers("HX-Request")
def search(request):
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    results = run_search(query, page=_page_number(request.GET.get("page"))) if query else None
    template = htmx_partial(request, "guide/search.html", "results")
    status = 400 if form.errors else 200
    return render(request, template, {
        "form": form, "query": query, "results": results,
        "professional_url": reverse(f"guide:{PROFESSIONAL_PAGE[0]}", args=[PROFESSIONAL_PAGE[1]]),
        # A click on another page of results moves focus to the new results (typing never does).
        "focus_results": "page" in request.GET,
    }, status=status)


PAGE_TEMPLATES = {Article: "guide/article_detail.html", Cause: "guide/cause_detail.html",
                  AnatomyTopic: "guide/anatomy_detail.html", Exercise: "guide/exercise_detail.html"}


@require_GET
@never_cache
@staff_member_required
def preview(request, draft_id):
    """An editor's draft in the page's own template, as it will look once published. Never public."""
    draft = get_object_or_404(Draft, pk=draft_id)
    model = draft.content_type.model_class()
    if model not in PAGE_TEMPLATES or not request.user.has_perm(f"content.change_{model._meta.model_name}"):
        raise PermissionDenied
    page = drafts.page_from_draft(draft)
    opts = model._meta
    edit = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[draft.object_id]) if draft.object_id \
        else f"{reverse(f'admin:{opts.app_label}_{opts.model_name}_add')}?draft={draft.pk}"
    context = {"item": page, "draft_preview": {"draft": draft, "edit_url": edit}}
    if model is Article:
        context["previous"], context["next"] = _neighbours(page.slug)
    response = render(request, PAGE_TEMPLATES[model], context)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_http_methods(["GET", "POST"])
@never_cache
@vary_on_headers("HX-Request")
# Sending is limited per client address (backpain/clients.py; settings.FEEDBACK_RATE): every POST
# counts, kept or not, so a script gets nowhere by sending bad forms either.
@ratelimit(group="feedback", key="backpain.clients.ratelimit_key", rate=settings.FEEDBACK_RATE, method="POST",
           block=False)
def feedback(request):
    """"Was this page helpful?" Yes or No (a plain GET link from every page) opens this small form;
    sending it keeps the page, the answer and the comment, and nothing about the reader."""
    template = "guide/feedback.html"
    if request.method == "POST" and request.limited:
        # htmx swaps nothing on a 4xx, so its fragment comes back as 200 with the message.
        response = render(request, htmx_partial(request, template, "limited"), {"limited": True},
                          status=200 if wants_fragment(request) else 429)
        response["Retry-After"] = "3600"
        return response
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_valid():
            if not form.is_trap:
                Feedback.objects.create(page=form.cleaned_data["page"], helpful=form.cleaned_data["helpful"],
                                        comment=form.cleaned_data["comment"])
            return render(request, htmx_partial(request, template, "thanks"), {"page": form.cleaned_data["page"]})
        # htmx swaps nothing on a 4xx, so its fragment comes back as 200 with the messages.
        return render(request, htmx_partial(request, template, "form"), {"form": form},
                      status=200 if wants_fragment(request) else 400)
    form = FeedbackForm(initial={"page": request.GET.get("page", ""), "helpful": request.GET.get("helpful", "")})
    return render(request, htmx_partial(request, template, "form"), {"form": form})
