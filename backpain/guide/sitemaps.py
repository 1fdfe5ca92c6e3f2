from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from backpain.content.models import AnatomyTopic, Article, Cause, Exercise


class StaticPages(Sitemap):
    def items(self):
        return ["guide:home", "guide:index", "guide:exercises", "checker:form", "routines:builder", "about", "privacy"]

    def location(self, item):
        return reverse(item)


class ContentSitemap(Sitemap):
    model = None

    def items(self):
        return self.model.objects.only("slug", "updated").order_by("order", "slug")

    def lastmod(self, item):
        return item.updated


SITEMAPS = {
    "pages": StaticPages,
    **{
        model._meta.model_name: type(f"{model.__name__}Sitemap", (ContentSitemap,), {"model": model})
        for model in (Article, Cause, AnatomyTopic, Exercise)
    },
}
