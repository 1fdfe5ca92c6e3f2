from django.db import migrations

BODY_AREAS = [
    ("lower-back", "Lower back"), ("core", "Core"), ("hips", "Hips"), ("hamstrings", "Hamstrings"),
    ("glutes", "Glutes"), ("quads", "Quads"), ("calves", "Calves"), ("upper-back", "Upper back"),
    ("shoulders", "Shoulders"),
]
EQUIPMENT = [
    ("mat", "Mat"), ("foam-roller", "Foam roller"), ("resistance-band", "Resistance band"),
    ("weights", "Weights"),
]


def add_vocabulary(apps, schema_editor):
    for model_name, rows in (("BodyArea", BODY_AREAS), ("Equipment", EQUIPMENT)):
        model = apps.get_model("content", model_name)
        for order, (slug, name) in enumerate(rows):
            model.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]
    operations = [migrations.RunPython(add_vocabulary, migrations.RunPython.noop)]
