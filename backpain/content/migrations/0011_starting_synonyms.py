"""The starting list of search synonyms: what runners type, and the words the guide uses.

Editors change them in admin (Synonym, with history); this adds only the words not there yet, and
taking the migration back removes only the rows it added that nobody has changed since.
"""

from django.db import migrations

STARTING = {
    # Bladder, bowel and the body, in everyday words.
    "pee": "urine, bladder, peeing",
    "wee": "pee, urine, bladder",
    "urinate": "pee, urine, bladder",
    "cant pee": "trouble peeing, bladder, urine",
    "incontinence": "bladder, bowel, control",
    "poo": "bowel",
    "tummy": "abdomen, abdominal, belly",
    "belly": "tummy, abdomen",
    "stomach": "tummy, abdomen",
    "abs": "core, abdominal",
    "bum": "buttock, glutes, bottom",
    "butt": "buttock, glutes, bottom",
    "buttocks": "glutes, bottom",
    "hammies": "hamstrings",
    "quads": "quadriceps, thigh",
    "groin": "genitals, inner thighs, hip flexors",
    # Feelings and symptoms.
    "numb": "numbness, tingling, pins and needles",
    "tingling": "numbness, pins and needles, tingly",
    "pins and needles": "tingling, numbness",
    "sciatica": "leg pain, nerve, sciatic",
    "sciatic": "sciatica, nerve",
    "shooting pain": "sciatica, nerve, leg pain",
    "trapped nerve": "sciatica, nerve",
    "pinched nerve": "sciatica, nerve",
    "fever": "temperature, hot and shivery",
    "temperature": "fever, hot and shivery",
    "ache": "pain, sore",
    "achy": "pain, sore, stiff",
    "sore": "pain, soreness",
    "hurts": "pain",
    "twinge": "pain, strain",
    "stiff": "stiffness, tight",
    "tight": "tightness, stiff",
    "spasm": "strain, cramp",
    "pulled muscle": "muscle strain, strain",
    "tweaked": "strain",
    "flare up": "flare-up",
    "slipped disc": "herniated disc, bulging disc, disc herniation",
    "bulging disc": "herniated disc, disc herniation",
    "disk": "disc",
    "swayback": "hyperlordosis, arch",
    # Running words.
    "warmup": "warm-up, warm up",
    "cooldown": "cool-down, cool down",
    "trainers": "shoes",
    "sneakers": "shoes",
    "footwear": "shoes",
    "mileage": "distance, miles",
    "too much too soon": "building distance, training too fast",
    "overtraining": "overuse, too little rest",
    "cadence": "step rate",
    "long run": "long runs, late in long runs",
    "tired": "fatigue",
    "tarmac": "road, hard surfaces",
    "concrete": "hard surfaces, road",
    "treadmill": "surfaces",
    "technique": "running form, posture",
    "gait": "stride, running form",
    "cross training": "cross-training",
    "weights": "strength",
    "gym": "strength, weights",
    # Who helps.
    "doctor": "professional, GP, sports medicine",
    "gp": "doctor, professional",
    "physio": "physiotherapist, physiotherapy",
    "chiro": "chiropractor, chiropractic",
    "chiropractor": "chiropractic",
    "osteopath": "professional, manual therapy",
    "massage": "foam rolling, manual therapy",
    # Anatomy in runners' words.
    "psoas": "hip flexors",
    "si joint": "sacroiliac",
    "lower back": "low back, lumbar",
    "lumbar": "low back, lower back",
    "spine": "spinal, vertebrae",
    "pregnant": "pregnancy",
    "pregnancy": "pregnant",
}


def add_starting(apps, schema_editor):
    Synonym = apps.get_model("content", "Synonym")  # noqa: N806
    existing = set(Synonym.objects.values_list("word", flat=True))
    Synonym.objects.bulk_create(Synonym(word=word, means=means)
                                for word, means in STARTING.items() if word not in existing)


def remove_starting(apps, schema_editor):
    Synonym = apps.get_model("content", "Synonym")  # noqa: N806
    for word, means in STARTING.items():
        Synonym.objects.filter(word=word, means=means).delete()


class Migration(migrations.Migration):
    dependencies = [("content", "0010_search_fts")]
    operations = [migrations.RunPython(add_starting, remove_starting)]
