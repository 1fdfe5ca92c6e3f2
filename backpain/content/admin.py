from django.contrib import admin
from django.utils.safestring import mark_safe
from simple_history.admin import SimpleHistoryAdmin

from .models import AnatomyTopic, Article, BodyArea, Cause, Equipment, Exercise, Source, Synonym

REVIEW_FIELDS = ("Review", {"fields": ("last_reviewed", "next_review_due", "sources")})


class ContentAdmin(SimpleHistoryAdmin):
    """Shared admin for guide pages: search, filters, slugs, and a rendered preview."""

    list_display = ("title", "order", "last_reviewed", "next_review_due", "updated")
    list_editable = ("order",)
    list_filter = ("last_reviewed", "next_review_due")
    search_fields = ("title", "slug", "summary", "body")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("sources",)
    readonly_fields = ("preview", "created", "updated")
    save_on_top = True

    @admin.display(description="Rendered preview (as saved)")
    def preview(self, obj):
        # Safe: *_html is produced by backpain.markdown.render_markdown, which sanitises with nh3.
        parts = [getattr(obj, f"{name}_html", "") for name in obj.markdown_fields]
        return mark_safe('<div class="markdown-preview">' + "".join(parts) + "</div>")  # noqa: S308


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
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
    list_display = ("title", "category", "difficulty", "dosage", "order", "updated")
    list_filter = ("category", "difficulty", "body_areas", "equipment", "per_side")
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
    list_display = ("title", "order", "reading_minutes", "last_reviewed", "next_review_due")
    autocomplete_fields = ("sources", "causes", "anatomy", "exercises")
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "order")}),
        ("Text (Markdown)", {"fields": ("body", "preview")}),
        ("Links", {"fields": ("causes", "anatomy", "exercises")}),
        REVIEW_FIELDS,
    )




@admin.register(Synonym)
class SynonymAdmin(SimpleHistoryAdmin):
    """Search synonyms: a word people type, and the guide's words for it. A change applies to the
    next search (within the content version's few seconds on every server)."""

    list_display = ("word", "means", "updated")
    search_fields = ("word", "means")
    fields = ("word", "means")
