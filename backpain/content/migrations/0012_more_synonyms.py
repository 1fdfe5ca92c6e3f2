"""More search synonyms (issue 28): the weak spots a newcomer found, and the words for the new pages.

As in 0011: adds only the words not there yet; taking it back removes only the rows it added that
nobody has changed since.
"""

from django.db import migrations

MORE = {
    # "pain down my leg" means sciatica.
    "down my leg": "sciatica",
    "down the leg": "sciatica",
    "down one leg": "sciatica",
    "leg pain": "sciatica, nerve",
    "radiating": "sciatica, spreads, leg pain",
    # "best stretch for lower back": "best" is in no exercise page; these are the words they use.
    "best": "good, helps, suggested, recommended",
    "stretches": "stretch",
    "stretching": "stretch, stretches",
    # Scans and medicines.
    "mri": "scan, scans, magnetic resonance",
    "scan": "mri, scans",
    "xray": "scan, x-ray",
    "x ray": "scan, x-ray",
    "nsaid": "anti-inflammatory, anti-inflammatories",
    "nsaids": "anti-inflammatory, anti-inflammatories",
    "painkiller": "painkillers, medicines",
    "pills": "medicines, painkillers",
    "medication": "medicines, painkillers",
    "tablets": "medicines, painkillers",
    # After a birth.
    "postpartum": "after having a baby, birth, postnatal",
    "postnatal": "after having a baby, birth",
    "post natal": "after having a baby, birth",
    "new mum": "after having a baby, birth",
    "gave birth": "after having a baby, birth",
    "pelvic floor": "pelvic health, leaks",
    # Mind and mood.
    "anxiety": "worry, stress, mood",
    "anxious": "worry, stress, mood",
    "depression": "low mood, mood",
    "depressed": "low mood, mood",
    "insomnia": "sleep",
    # Bones.
    "brittle bones": "osteoporosis, weak bones",
    "osteopenia": "osteoporosis, weak bones",
    "vertebral fracture": "spine fracture, osteoporosis",
}


def add_more(apps, schema_editor):
    Synonym = apps.get_model("content", "Synonym")  # noqa: N806
    existing = set(Synonym.objects.values_list("word", flat=True))
    Synonym.objects.bulk_create(Synonym(word=word, means=means)
                                for word, means in MORE.items() if word not in existing)


def remove_more(apps, schema_editor):
    Synonym = apps.get_model("content", "Synonym")  # noqa: N806
    for word, means in MORE.items():
        Synonym.objects.filter(word=word, means=means).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0011_starting_synonyms")]
    operations = [migrations.RunPython(add_more, remove_more)]
