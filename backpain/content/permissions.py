"""The Editors group: physios and writers who change guide content, and nothing else."""

from django.apps import apps as django_apps

EDITORS = "Editors"
CONTENT_MODELS = ("source", "anatomytopic", "exercise", "cause", "article", "synonym")
# Body areas and equipment are shared words written in code (backpain.vocabulary): editors see them.
TERM_MODELS = ("bodyarea", "equipment")


def ensure_editors_group(sender=None, **kwargs) -> None:
    """Create or refresh the group after every migrate (idempotent)."""
    Group = django_apps.get_model("auth", "Group")  # noqa: N806
    Permission = django_apps.get_model("auth", "Permission")  # noqa: N806
    group, _ = Group.objects.get_or_create(name=EDITORS)
    codenames = [f"{action}_{model}" for model in CONTENT_MODELS for action in ("add", "change", "delete", "view")]
    # Revisions can be read (history pages) but not edited by hand.
    codenames += [f"view_historical{model}" for model in CONTENT_MODELS]
    codenames += [f"view_{model}" for model in TERM_MODELS]
    # Readers' feedback: editors read it and may delete it (e.g. once acted on); nobody edits it.
    codenames += ["view_feedback", "delete_feedback", "view_draft", "add_draft", "change_draft", "delete_draft"]
    group.permissions.set(Permission.objects.filter(content_type__app_label="content", codename__in=codenames))
