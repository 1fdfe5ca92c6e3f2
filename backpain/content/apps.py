from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ContentConfig(AppConfig):
    name = "backpain.content"
    verbose_name = "Guide content"

    def ready(self):
        from . import signals  # noqa: F401
        from .permissions import ensure_editors_group

        post_migrate.connect(ensure_editors_group, sender=self)
