"""Django's migrate, allowed to create the SQLite file that the site itself only opens (settings.py:
with DEBUG off the file is opened read-write without create, so a missing one is a 503, not an empty
site). Deploys, `make setup-db` and the tests' servers all run migrate first, unchanged."""

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections

READ_WRITE = "?mode=rw"


class Command(DjangoMigrate):
    def execute(self, *args, **options):  # before the checks, which already connect
        connection = connections[options["database"]]
        name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite" and isinstance(name, str) and name.endswith(READ_WRITE):
            connection.close()
            connection.settings_dict["NAME"] = name.removesuffix(READ_WRITE) + "?mode=rwc"  # read-write-create
        return super().execute(*args, **options)
