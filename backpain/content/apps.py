from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "backpain.content"
    verbose_name = "Guide content"

    def ready(self):
        from . import signals  # noqa: F401
