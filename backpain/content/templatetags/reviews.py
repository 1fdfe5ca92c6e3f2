"""The admin home's list of guide pages whose review is overdue or due soon (NHS-style governance)."""

import datetime

from django import template
from django.urls import reverse

from backpain.content.admin import DUE_SOON_DAYS
from backpain.content.models import AnatomyTopic, Article, Cause, Exercise

register = template.Library()
REVIEWED = (Article, Cause, Exercise, AnatomyTopic)


@register.inclusion_tag("admin/_reviews_due.html")
def reviews_due():
    today = datetime.date.today()
    soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    items = []
    for model in REVIEWED:  # one query each, however much content there is
        opts = model._meta
        for item in model.objects.filter(next_review_due__lte=soon).only("title", "next_review_due", "reviewer"):
            items.append({
                "title": item.title, "kind": opts.verbose_name, "due": item.next_review_due,
                "overdue": item.next_review_due < today, "reviewer": item.reviewer,
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[item.pk]),
            })
    items.sort(key=lambda row: row["due"])
    return {"items": items, "days": DUE_SOON_DAYS}
