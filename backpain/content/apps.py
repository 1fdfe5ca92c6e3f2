from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ContentConfig(AppConfig):
    name = "backpain.content"
    verbose_name = "Guide content"

    def ready(self):
        from . import signals
        from .permissions import ensure_editors_group
        from .terms import sync_terms

        signals.connect()
        post_migrate.connect(sync_terms, sender=self)
        post_migrate.connect(ensure_editors_group, sender=self)
