from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from backpain.content.loader import export


class Command(BaseCommand):
    help = "Write the database's content (with editors' changes) back to content/ as Markdown."

    def add_arguments(self, parser):
        parser.add_argument("--folder", type=Path, default=settings.CONTENT_DIR)

    def handle(self, *args, folder, **options):
        changed, count = export(folder)
        self.stdout.write(f"Exported {count} items to {folder}: {changed} file(s) changed.")
