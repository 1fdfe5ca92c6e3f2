"""The real content set in content/: loads cleanly, is linked, cited and illustrated."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import strip_tags

from backpain.content import reading
from backpain.content.models import AnatomyTopic, Article, Cause, Exercise, Source
from backpain.markdown import render_markdown
from tests import content_text

STATIC = Path(settings.BASE_DIR) / "static"


def test_loads_with_no_warning_and_second_load_changes_nothing(loaded, capsys):
    assert loaded.stderr == ""
    assert "0 updated, 0 unchanged, 0 skipped" in loaded.stdout  # a first load: everything created
    call_command("load_content")
    assert "Nothing to change." in capsys.readouterr().out


def test_the_set_has_what_the_guide_promises(loaded):
    assert Cause.objects.count() >= 16
    assert AnatomyTopic.objects.count() >= 7
    assert Exercise.objects.count() >= 30
    assert Article.objects.count() >= 9
    categories = set(Exercise.objects.values_list("category", flat=True))
    assert categories >= {"aerobic", "dynamic-warmup", "activation", "strength", "static-stretch", "foam-rolling"}


@pytest.mark.parametrize("model", [AnatomyTopic, Exercise, Cause, Article])
def test_every_item_cites_a_source_and_has_review_dates(loaded, model):
    for item in model.objects.prefetch_related("sources"):
        assert item.sources.exists(), f"{item.slug} cites no source"
        assert item.last_reviewed < item.next_review_due, item.slug
        assert item.summary.strip() and item.body.strip(), item.slug


@pytest.mark.parametrize("model", [AnatomyTopic, Exercise])
def test_every_illustration_exists_with_alt_text(loaded, model):
    for item in model.objects.all():
        path = STATIC / item.illustration
        assert path.is_file(), f"{item.slug}: {item.illustration} missing"
        svg = path.read_text()
        assert svg.lstrip().startswith(("<svg", "<?xml")) and "<title" in svg, item.slug
        assert "<script" not in svg.lower() and "href=\"http" not in svg, item.slug
        assert len(item.illustration_alt) > 15, item.slug


def test_every_exercise_has_dosage_steps_cues_and_mistakes(loaded):
    for exercise in Exercise.objects.all():
        assert exercise.dosage, exercise.slug
        assert len(exercise.step_list) >= 2, exercise.slug
        assert 2 <= len(exercise.cue_list) <= 4, exercise.slug
        assert exercise.mistake_list, exercise.slug
        assert exercise.body_areas.exists(), exercise.slug


# A variation that keeps a number: one the dose does not hold, so it cannot say otherwise.
NUMBERS_THE_DOSE_DOES_NOT_HOLD = {
    ("easy-jog", "easier"): "a pattern of jogging and walking inside the dose's time",
    ("easy-jog", "harder"): "how the dose's time ends, at running pace",
}


def test_easier_and_harder_leave_the_numbers_to_the_dose(loaded):
    """Issue 29: "Hold for 45 seconds" under a 30-second hold, or "Do 3 strides" under "4 × 20 s", are two doses."""
    from backpain.dose import DOSE_NUMBER

    numbered = [(exercise.slug, name, text) for exercise in Exercise.objects.all()
                for name, text in (("easier", exercise.easier), ("harder", exercise.harder))
                if DOSE_NUMBER.search(text) and (exercise.slug, name) not in NUMBERS_THE_DOSE_DOES_NOT_HOLD]
    assert numbered == []


def test_causes_have_their_parts_and_links(loaded):
    for cause in Cause.objects.prefetch_related("anatomy", "exercises"):
        assert cause.signs and cause.why_it_hurts and cause.what_to_do, cause.slug
        assert cause.anatomy.exists(), cause.slug
        if cause.slug not in NOT_FIXED_BY_EXERCISE:
            assert cause.exercises.exists(), f"{cause.slug} links no exercise that helps"


# Causes whose fix is not a general exercise: gear, routes, or a clinician's own rehab plan.
NOT_FIXED_BY_EXERCISE = {"worn-shoes", "hard-uneven-surfaces", "pre-existing-conditions"}


def test_no_orphans(loaded):
    for exercise in Exercise.objects.prefetch_related("causes", "articles"):
        assert exercise.causes.exists() or exercise.articles.exists(), f"exercise {exercise.slug} is an orphan"
    for cause in Cause.objects.prefetch_related("articles"):
        assert cause.articles.exists(), f"cause {cause.slug} is not reached from any article"
    for topic in AnatomyTopic.objects.prefetch_related("causes", "articles"):
        assert topic.causes.exists() or topic.articles.exists(), f"anatomy {topic.slug} is an orphan"
    used = {s for m in (AnatomyTopic, Exercise, Cause, Article) for s in m.sources.through.objects.values_list(
        "source__slug", flat=True)}
    assert set(Source.objects.values_list("slug", flat=True)) <= used


def test_red_flags_are_never_played_down(loaded):
    article = Article.objects.get(slug="when-to-see-a-professional")
    text = strip_tags(article.body_html).lower()
    for flag in ("bladder", "bowel", "both legs", "numb"):
        assert flag in text, flag
    assert "/checker/" in article.body


def test_distances_in_miles_have_kilometres(loaded):
    for model in (Cause, Article, Exercise, AnatomyTopic):
        for item in model.objects.all():
            text = " ".join([item.body, getattr(item, "what_to_do", ""), getattr(item, "signs", "")])
            for match in re.finditer(r"\d[\d,–-]*\s*miles?\b(?!\s*\(about)[^.]{0,40}", text):
                assert "km" in match.group(0) or "kilomet" in match.group(0), f"{item.slug}: {match.group(0)}"


# --- Said once, by the page frame --------------------------------------------------------------
# The emergency signs come from one template (templates/includes/emergency_signs.html, from the
# checker's rules) and every exercise page has the template's "stop if it causes sharp pain" line, so
# the Markdown does not repeat them: a copy would not follow the settings or the checker's rules.
# Only "When to see a professional", whose subject they are, lists the signs in its own words.
EMERGENCY_WORDS = ("genitals", "bladder or bowel", "bladder and bowel")
SIGNS_PAGE = "articles/when-to-see-a-professional"


def test_the_emergency_signs_are_not_copied_into_pages():
    for page in content_text.pages(content_text.PAGE_KINDS):
        if page.name == SIGNS_PAGE:
            continue
        text = " ".join(page.blocks).lower()
        assert not [w for w in EMERGENCY_WORDS if w in text], f"{page.name} repeats the emergency signs"


def test_exercise_pages_leave_the_stop_warning_to_the_template():
    for record in content_text.records():
        if record.kind.folder == "exercises":
            assert "stop if" not in record.data["body"].lower(), record.slug
    template = (Path(settings.BASE_DIR) / "templates" / "guide" / "exercise_detail.html").read_text()
    assert "Stop if an exercise causes sharp pain" in template


# The cause template's own headings, and the headings the Markdown once used for the same parts.
CAUSE_TEMPLATE_HEADINGS = {"how it shows up", "why it hurts your lower back", "what to do"}
SAME_AS_TEMPLATE = {"signs", "why it hurts", "why the low back feels it", "easy habits", "what you can do now"}


def test_cause_pages_do_not_repeat_the_templates_headings():
    template = (Path(settings.BASE_DIR) / "templates" / "guide" / "cause_detail.html").read_text()
    assert all(heading in template.lower() for heading in CAUSE_TEMPLATE_HEADINGS)
    for record in content_text.records():
        if record.kind.folder != "causes":
            continue
        for name in ("signs", "why_it_hurts", "what_to_do"):
            assert not re.search(r"^\s*#", record.data[name], re.MULTILINE), f"{record.slug}: heading in {name}"
        headings = {h.strip().lower() for h in re.findall(r"^#+ (.+)$", record.data["body"], re.MULTILINE)}
        assert not headings & (CAUSE_TEMPLATE_HEADINGS | SAME_AS_TEMPLATE), (record.slug, headings)


# --- Specification 2.1 in the guide's words ------------------------------------------------------
# Every reason the checker can give, with words that show "When to see a professional" names it in
# the section of its most urgent level. A new rule in the checker fails here until the page says it.
SIGN_WORDS = {
    "saddle_numbness": "genitals", "bladder_bowel": "trouble peeing", "sexual_function": "erection",
    "both_legs": "down both legs", "leg_weakness": "foot that drags", "serious_accident": "serious accident",
    "chest_pain": "chest pain", "collapse_signs": "feel faint", "tearing_pain": "tearing or ripping",
    "very_unwell": "sepsis",
    "fever": "high temperature", "weight_loss": "losing weight without trying", "cancer_history": "had cancer",
    "back_shape": "changed shape", "night_pain": "worse at night", "upper_back": "high in your back",
    "cough_sneeze": "cough, sneeze", "urinary_symptoms": "burning when you pee", "pulsing_tummy": "pulsing feeling",
    "infection_risk": "higher risk of infection", "sudden_onset": "small fall or knock",
    "pregnancy_signs": "call your maternity unit or midwife now",
    "bone_weakness": "weak bones (osteoporosis)", "pregnant": "you are pregnant", "age": "under 16",
    "leg_pain": "down one leg", "leg_tingling": "pins and needles", "duration": "more than 3 months",
    "improving": "not getting better", "severe_or_worse": "keeps getting worse",
    "stops_activity": "everyday things", "recent_birth": "gave birth less than 12 weeks ago",
    "stiffness_persists": "never fully loosens", "extension_pain": "lean backwards", "energy_bone": "periods",
    "worried": "struggling to cope",
}
SECTION = {"emergency": "emergency", "urgent": "urgent", "soon": "soon"}


def _sections(markdown: str) -> dict[str, str]:
    """Each `## ` section of a body as plain lower-case text, keyed by the heading's first word."""
    sections = {}
    for part in ("\n" + markdown).split("\n## ")[1:]:
        heading, _, text = part.partition("\n")
        blocks = reading.html_blocks(render_markdown(text))
        sections[heading.split(":")[0].split()[0].lower()] = " ".join(blocks).lower()
    return sections


def test_when_to_see_a_professional_names_every_sign_of_the_checker_at_its_level():
    from backpain.checker import rules
    from backpain.checker.rules import most_urgent

    levels = {}
    for rule in rules.RULES:
        levels[rule.reason] = most_urgent(levels.get(rule.reason, "self_care"), rule.level)
    assert set(levels) == set(SIGN_WORDS), "a checker reason with no words on the page (or words for none)"
    record = next(r for r in content_text.records() if r.slug == "when-to-see-a-professional")
    sections = _sections(record.data["body"])
    for reason, level in levels.items():
        assert SIGN_WORDS[reason].lower() in sections[SECTION[level]], (reason, level, SIGN_WORDS[reason])


@pytest.mark.parametrize("slug, musts", [
    ("when-to-see-a-professional", ["what happens if you wait", "what we don't know for sure", "cauda equina"]),
    ("back-pain-in-pregnancy", ["call your maternity unit or midwife", "what we don't know for sure",
                                "no running advice", "physiotherapist"]),
    ("bone-stress-red-s-and-teenage-runners", ["spondylolysis", "relative energy deficiency in sport",
                                               "stop running and jumping until", "what happens if you carry on",
                                               "what we don't know for sure"]),
])
def test_the_pages_for_specification_2_say_what_is_uncertain_and_what_to_do(slug, musts):
    page = next(p for p in content_text.pages(("articles",)) if p.slug == slug)
    text = " ".join(page.blocks).lower().replace("’", "'")
    for must in musts:
        assert must in text, (slug, must)
