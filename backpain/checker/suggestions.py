"""What a result suggests beyond its level: likely causes and the routine's focus.

Both come from the guide's content, which changes only when an editor saves. So the few rows they
need (causes with their `suggested_by` lines, and which body areas each cause's exercises work)
are read once per content version and kept in this process's memory: a check then runs no query.
"""

from dataclasses import dataclass

from backpain.caching import per_content_version
from backpain.content.models import BodyArea, Cause
from backpain.vocabulary import DEFAULT_FOCUS, FOCUS_AREAS

from . import rules


@dataclass(frozen=True)
class ContentIndex:
    causes: list[tuple[Cause, tuple[str, ...]]]  # each cause with its `field=value` entries, in guide order
    areas: list[tuple[BodyArea, frozenset[int]]]  # each focus area with the causes whose exercises work it


@per_content_version
def content_index() -> ContentIndex:
    """The causes and focus areas for the current content; read again (three queries) after a save."""
    causes = Cause.objects.exclude(suggested_by="").only("slug", "title", "summary", "order", "suggested_by")
    areas = list(BodyArea.objects.filter(slug__in=FOCUS_AREAS).order_by("order"))
    pairs = BodyArea.objects.filter(slug__in=FOCUS_AREAS, exercises__causes__isnull=False).values_list(
        "pk", "exercises__causes").distinct()
    causes_by_area = {}
    for area_pk, cause_pk in pairs:
        causes_by_area.setdefault(area_pk, set()).add(cause_pk)
    return ContentIndex(
        causes=[(cause, tuple(cause.suggested_by_list)) for cause in causes.order_by("order", "title")],
        areas=[(area, frozenset(causes_by_area.get(area.pk, ()))) for area in areas],
    )


def context_entries(answers) -> set[str]:
    """The context answers as the `field=value` strings causes list in `suggested_by`."""
    entries = set()
    for name in rules.CONTEXT_FIELDS:
        value = answers.get(name)
        for item in value if isinstance(value, tuple | list) else [value]:
            if item:
                entries.add(f"{name}={item}")
    return entries


def likely_causes(answers) -> list[dict]:
    """Causes whose `suggested_by` lists one of these context answers, most matches first."""
    entries = context_entries(answers)
    if not entries:
        return []
    found = []
    for cause, suggested_by in content_index().causes:
        matched = [entry for entry in suggested_by if entry in entries]
        if matched:
            found.append({"cause": cause, "because": [_describe_entry(entry) for entry in matched]})
    # Guide order already breaks ties; sort is stable.
    found.sort(key=lambda item: -len(item["because"]))
    return found


def _describe_entry(entry: str) -> str:
    name, value = entry.split("=", 1)
    question = rules.QUESTIONS[name]
    return f"{question.short}: {question.describe(value).lower()}"


def focus_areas(causes, most=3) -> list[BodyArea]:
    """The routine's focus: the body areas most of the likely causes' exercises work.

    At most three, so the routine stays focused; lower back and core when no cause points anywhere.
    """
    chosen_pks = {cause.pk for cause in causes}
    areas = content_index().areas
    hits = {area.pk: len(cause_pks & chosen_pks) for area, cause_pks in areas}
    chosen = sorted((area for area, _ in areas if hits[area.pk]), key=lambda area: -hits[area.pk])[:most]  # stable
    chosen = sorted(chosen, key=lambda area: area.order)
    return chosen or [area for area, _ in areas if area.slug in DEFAULT_FOCUS]
