import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from simple_history.admin import SimpleHistoryAdmin

from backpain.dose import step_problems

from . import drafts, reading
from .loader import KINDS
from .models import (
    AnatomyTopic,
    Article,
    BodyArea,
    Cause,
    Draft,
    Equipment,
    Exercise,
    Feedback,
    Source,
    Synonym,
    lines,
    unix_newlines,
)

REVIEW_FIELDS = ("Review", {"fields": (("reviewer", "reviewer_role"), ("last_reviewed", "next_review_due"),
                                       "sources")})
DUE_SOON_DAYS = 30


class TextWithNewlines(forms.CharField):
    """A textarea's text with \\n line endings. Browsers send \\r\\n; without this, History and the
    exported files would show fields nobody touched as changed."""

    def to_python(self, value):
        value = super().to_python(value)
        return unix_newlines(value)


TEXT_AREAS = {models.TextField: {"form_class": TextWithNewlines, "widget": forms.Textarea}}


class ReviewDue(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("soon", f"Due within {DUE_SOON_DAYS} days"), ("later", "Not due yet")]

    def queryset(self, request, queryset):
        today = datetime.date.today()
        soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
        if self.value() == "overdue":
            return queryset.filter(next_review_due__lt=today)
        if self.value() == "soon":
            return queryset.filter(next_review_due__gte=today, next_review_due__lte=soon)
        if self.value() == "later":
            return queryset.filter(next_review_due__gt=soon)
        return queryset


class ContentAdmin(SimpleHistoryAdmin):
    """Shared admin for guide pages: search, filters, slugs, a rendered preview, and drafts.

    Saving keeps the change as a draft (backpain/content/drafts.py): the public page stays as it was
    until an editor presses Publish. "Preview draft" shows the page as it will look, in the site's
    own template.
    """

    list_display = ("title", "order", "reviewer", "last_reviewed", "next_review_due", "updated")
    list_editable = ("order",)
    list_filter = (ReviewDue, "reviewer_role")
    formfield_overrides = TEXT_AREAS
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("sources",)
    readonly_fields = ("preview", "created", "updated")
    save_on_top = True
    change_form_template = "admin/content/draft_change_form.html"

    class Media:
        js = ("js/admin_reading.js",)

    @admin.display(description="Rendered preview (as published)")
    def preview(self, obj):
        # Safe: *_html is produced by backpain.markdown.render_markdown, which sanitises with nh3.
        parts = [getattr(obj, f"{name}_html", "") for name in obj.markdown_fields]
        return mark_safe('<div class="markdown-preview">' + "".join(parts) + "</div>")  # noqa: S308

    # --- Drafts ----------------------------------------------------------------------------------
    def _draft(self, request, obj=None) -> Draft | None:
        """This page's draft; for a new page, the draft named in the address (?draft=)."""
        if not hasattr(request, "_content_draft"):
            if obj is not None and obj.pk:
                request._content_draft = drafts.draft_for(self.model, obj.pk)
            else:
                number = request.GET.get("draft", "")
                request._content_draft = Draft.objects.filter(
                    pk=int(number), object_id__isnull=True,
                    content_type__app_label=self.opts.app_label, content_type__model=self.opts.model_name,
                ).first() if number.isdigit() else None
        return request._content_draft

    @staticmethod
    def _publishing(request) -> bool:
        # Publish pressed, or an earlier published version restored from History (simple_history's
        # Revert), which is a choice to make that version the public page again.
        reverting = request.resolver_match.url_name.endswith("_simple_history")
        return "_publish" in request.POST or reverting

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change=change, **kwargs)
        draft = self._draft(request, obj)
        if draft is None:
            return form_class
        values = drafts.initial(draft)

        class FormShowingTheDraft(form_class):
            def __init__(self, *args, **kwargs):
                if not args and kwargs.get("data") is None:  # opened, not posted: show the draft
                    kwargs["initial"] = {**values, **(kwargs.get("initial") or {})}
                super().__init__(*args, **kwargs)

        return FormShowingTheDraft

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        if request.method == "POST" and "_discard" in request.POST:
            obj = self.get_object(request, object_id) if object_id else None
            allowed = self.has_change_permission(request, obj) if obj else self.has_add_permission(request)
            if not allowed:
                raise PermissionDenied
            drafts.discard(self._draft(request, obj))
            messages.info(request, "Draft discarded. The page is as it was published.")
            if obj is None:
                return redirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_changelist"))
            return redirect(request.path)
        return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The draft was already read for the form (get_form), and is kept on the request.
        context["draft"] = self._draft(request, obj)
        # The grade of what the form shows: the draft, the published page, or what was just posted.
        form = context["adminform"].form
        context["reading"] = self._reading(form.data if form.is_bound else form.initial)
        context["reading_url"] = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_reading")
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- Reading grade -----------------------------------------------------------------------------
    def _reading(self, values) -> dict:
        """The reading grade of a page's text as the form holds it, and its hardest part."""
        kind = next(kind.folder for kind in KINDS if kind.model is self.model)
        titles = reading.long_titles(Source.objects.values_list("title", flat=True))
        blocks = reading.main_text(kind, values, titles)
        grade = reading.grade(reading.as_sentences(blocks)) if blocks else None
        hardest = None
        if grade is not None and grade > reading.MAX_MEDIAN_GRADE:
            hardest = max(blocks, key=lambda block: reading.grade(reading.as_sentences([block])) or 0)
        return {"grade": grade, "has_text": bool(blocks), "hardest": hardest,
                "aim": reading.MAX_MEDIAN_GRADE, "limit": reading.MAX_PAGE_GRADE,
                "too_hard": grade is not None and grade > reading.MAX_PAGE_GRADE,
                "above_aim": grade is not None and grade > reading.MAX_MEDIAN_GRADE}

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_reading"
        view = self.admin_site.admin_view(require_POST(self.reading_view))
        return [path("reading-grade/", view, name=name), *super().get_urls()]

    def reading_view(self, request):
        """The grade of the text in the change form as the editor types (static/js/admin_reading.js
        posts the form here). Nothing is saved."""
        if not (self.has_change_permission(request) or self.has_add_permission(request)):
            raise PermissionDenied
        return TemplateResponse(request, "admin/content/_reading_grade.html",
                                {"reading": self._reading(request.POST)})

    def save_model(self, request, obj, form, change):
        if self._publishing(request):
            _date_a_change_of_text(obj, form, change)
            super().save_model(request, obj, form, change)
        else:
            request.saved_draft = drafts.save_draft(form, editor=request.user.get_username(),
                                                    draft=self._draft(request, obj if change else None))

    def save_related(self, request, form, formsets, change):
        if self._publishing(request):
            super().save_related(request, form, formsets, change)
            drafts.discard(self._draft(request, form.instance if change else None))

    def log_addition(self, request, obj, message):
        if self._publishing(request):
            super().log_addition(request, obj, message)

    def log_change(self, request, obj, message):
        super().log_change(request, obj, message if self._publishing(request) else "Saved a draft (not published).")

    def response_add(self, request, obj, post_url_continue=None):
        if self._publishing(request):
            return super().response_add(request, obj, post_url_continue)
        add = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_add")
        return self._after_saving_a_draft(request, f"{add}?draft={request.saved_draft.pk}")

    def response_change(self, request, obj):
        if self._publishing(request):
            return super().response_change(request, obj)
        return self._after_saving_a_draft(request, request.path)

    def _after_saving_a_draft(self, request, url):
        if "_preview" in request.POST:
            return redirect(reverse("guide:preview", args=[request.saved_draft.pk]))
        messages.info(request, "Draft saved. The public page has not changed: publish the draft when it is ready.")
        return redirect(url)


def _date_a_change_of_text(obj, form, change) -> None:
    """Publishing a change to a page's text dates it today, unless the editor set the date: the date a
    page shows is never older than its text (issue 28; the loader refuses such a file)."""
    review = {"last_reviewed", "next_review_due", "reviewer", "reviewer_role"}
    if not change or "last_reviewed" in form.changed_data or not set(form.changed_data) - review:
        return
    today = datetime.date.today()
    if obj.last_reviewed < today:
        obj.last_reviewed = today
    if obj.next_review_due <= obj.last_reviewed:
        obj.next_review_due = obj.last_reviewed + datetime.timedelta(days=365)


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    formfield_overrides = TEXT_AREAS
    list_display = ("title", "publisher", "url", "accessed")
    search_fields = ("title", "publisher", "url")
    list_filter = ("publisher",)
    prepopulated_fields = {"slug": ("title",)}


@admin.register(BodyArea, Equipment)
class TermAdmin(admin.ModelAdmin):
    """Read only: these words are written once in backpain/vocabulary.py, because the routine builder
    and the checker match on their slugs. Exercises pick from them."""

    list_display = ("name", "slug", "order")
    search_fields = ("name", "slug")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AnatomyTopic)
class AnatomyTopicAdmin(ContentAdmin):
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "order", "illustration", "illustration_alt")}),
        ("Text (Markdown)", {"fields": ("body", "preview")}),
        REVIEW_FIELDS,
    )


@admin.register(Exercise)
class ExerciseAdmin(ContentAdmin):
    list_display = ("title", "category", "difficulty", "dosage", "order", "next_review_due", "updated")
    list_filter = (ReviewDue, "category", "difficulty", "body_areas", "equipment", "per_side")
    autocomplete_fields = ("sources", "body_areas", "equipment")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "order", "category", "difficulty",
                           "body_areas", "equipment")}),
        ("Dosage", {"fields": (("sets", "reps", "hold_seconds", "duration_seconds", "per_side"),)}),
        ("How to do it", {"fields": ("steps", "cues", "mistakes", "easier", "harder")}),
        ("Illustration", {"fields": ("illustration", "illustration_alt")}),
        ("Text (Markdown)", {"fields": ("body", "preview")}),
        REVIEW_FIELDS,
    )
    change_list_template = "admin/content/exercise/change_list.html"
    NUMBERED_STEPS = ("{which} a dose number in the steps, from before the dose placeholders: {where}. "
                      "Pages leave those sentences out, so the dose is said once; write {{reps}}, {{hold}}, "
                      "{{time}} or {{sets}} where the number goes.")

    @staticmethod
    def _numbered_steps(exercise) -> list[int]:
        return [number for number, step in enumerate(lines(exercise.steps), 1) if step_problems(step)]

    def changelist_view(self, request, extra_context=None):
        # Issue 29: an exercise edited in admin before the placeholders kept its numbered steps (the
        # loader leaves it alone; migration 0015 rewrote only the steps we shipped). One query.
        numbered = [(e.title, self._numbered_steps(e)) for e in Exercise.objects.only("title", "steps")]
        where = "; ".join(f"{title} (step {', '.join(map(str, steps))})" for title, steps in numbered if steps)
        if where and request.method == "GET":
            messages.warning(request, self.NUMBERED_STEPS.format(which="These exercises still write", where=where))
        return super().changelist_view(request, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        exercise = self.get_object(request, object_id) if request.method == "GET" else None
        steps = self._numbered_steps(exercise) if exercise else []
        if steps:
            messages.warning(request, self.NUMBERED_STEPS.format(
                which="This exercise still writes", where=f"step {', '.join(map(str, steps))}"))
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self):
        # The figure gallery, behind the admin's login and staff check like every admin page.
        gallery = path("figures/", self.admin_site.admin_view(self.figures_view), name="content_exercise_figures")
        return [gallery, *super().get_urls()]

    def figures_view(self, request):
        """Every exercise's figure at once, start and end, at the sizes the site shows them."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        exercises = Exercise.objects.only("title", "slug", "illustration", "illustration_alt").order_by(
            "order", "title")
        context = {**self.admin_site.each_context(request), "opts": self.model._meta, "exercises": exercises,
                   "title": "Exercise figures"}
        return TemplateResponse(request, "admin/content/exercise/figures.html", context)


@admin.register(Cause)
class CauseAdmin(ContentAdmin):
    autocomplete_fields = ("sources", "anatomy", "exercises")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "order")}),
        ("Text (Markdown)", {"fields": ("signs", "why_it_hurts", "what_to_do", "body", "preview")}),
        ("Links", {"fields": ("anatomy", "exercises", "suggested_by")}),
        REVIEW_FIELDS,
    )


@admin.register(Article)
class ArticleAdmin(ContentAdmin):
    list_display = ("title", "order", "reading_minutes", "reviewer", "last_reviewed", "next_review_due")
    autocomplete_fields = ("sources", "causes", "anatomy", "exercises")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "order")}),
        ("Text (Markdown)", {"fields": ("body", "preview")}),
        ("Links", {"fields": ("causes", "anatomy", "exercises")}),
        REVIEW_FIELDS,
    )




@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """What readers said about each page. Read only: it is theirs, not ours to edit."""

    list_display = ("page", "helpful", "comment", "received")
    list_filter = ("helpful", "received", "page")
    search_fields = ("page", "comment")
    date_hierarchy = "received"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    """Search synonyms: a word people type, and the guide's words for it. A change applies to the
    next search (within the content version's few seconds on every server)."""

    list_display = ("word", "means", "updated")
    search_fields = ("word", "means")
    fields = ("word", "means")
