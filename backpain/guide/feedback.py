"""Keeping the feedback table small: what prune_feedback does (and a cron job or deploy step runs)."""

import datetime

from django.db import transaction
from django.utils import timezone

from backpain.content.models import Feedback


@transaction.atomic
def prune(*, days: int, keep: int) -> int:
    """Delete answers received more than `days` ago, then all but the newest `keep`; returns how many."""
    cutoff = timezone.localdate() - datetime.timedelta(days=days)
    deleted, _ = Feedback.objects.filter(received__lt=cutoff).delete()
    beyond = Feedback.objects.order_by("-received", "-pk").values("pk")[keep:]  # one query (SQLite, PostgreSQL)
    return deleted + Feedback.objects.filter(pk__in=beyond).delete()[0]
