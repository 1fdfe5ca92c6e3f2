from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from backpain.content.loader import ContentError, format_problems, read_folder, sync


class Command(BaseCommand):
    help = "Sync content/ into the database (idempotent; keeps editors' admin changes)."

    def add_arguments(self, parser):
        parser.add_argument("--folder", type=Path, default=settings.CONTENT_DIR)
        parser.add_argument("--check", action="store_true", help="Validate and report; write nothing.")
        parser.add_argument("--force", action="store_true",
                            help="Overwrite items that were edited in admin since the last load.")

    def handle(self, *args, folder, check, force, **options):
        try:
            report = sync(folder, force=force, dry_run=check)
        except ContentError as error:
            raise CommandError(f"Content not loaded, database unchanged. {error}") from error
        for label in report.conflicts:
            self.stderr.write(self.style.WARNING(
                f"Skipped {label}: edited in admin since the last load. "
                "Run export_content to keep the edit, or load_content --force to discard it."))
        # One format for every file, so git shows an editor's change as that field's lines alone.
        problems = format_problems(read_folder(folder))
        for problem in problems:
            self.stderr.write(self.style.WARNING(problem))
        if check and problems:
            raise CommandError(f"{len(problems)} file(s) not in the format of content/README.md; "
                               "run export_content to rewrite them (nothing was written).")
        for label in report.drafted:
            self.stderr.write(self.style.WARNING(
                f"Skipped {label}: has an unpublished draft in admin. Publish or discard the draft first."))
        prefix = "Check passed (nothing written): would be " if check else ""
        self.stdout.write(prefix + report.summary())
