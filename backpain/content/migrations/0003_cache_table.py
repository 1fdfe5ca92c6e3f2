from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    # The default cache lives in the database; create its table on deploy with the rest.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("content", "0002_vocabulary")]
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
