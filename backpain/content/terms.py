"""The body areas and equipment rows, kept in step with backpain.vocabulary after every migrate.

The words are written once, in code, because the routine builder and the checker match on their
slugs; the rows exist so exercises can link to them. Run after every `migrate` (and after `flush`,
which tests use), like Django's own content types and permissions.
"""

from django.apps import apps as django_apps

from backpain import vocabulary


def sync_terms(sender=None, apps=django_apps, **kwargs) -> None:
    """Create or update each body area and piece of equipment; rows the vocabulary no longer names are
    left alone (exercises may still link to them). `apps` is the state the migrate left, as Django's
    own post_migrate handlers read it: after `migrate content zero` there are no tables to fill."""
    for model_name, terms in (("BodyArea", vocabulary.BODY_AREAS), ("Equipment", vocabulary.EQUIPMENT)):
        try:
            model = apps.get_model("content", model_name)
        except LookupError:
            return
        for order, term in enumerate(terms):
            model.objects.update_or_create(slug=term.slug, defaults={"name": term.name, "order": order})
