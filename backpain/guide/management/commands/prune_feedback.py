from django.core.management.base import BaseCommand

from backpain.guide.feedback import prune


class Command(BaseCommand):
    help = "Delete old feedback, and all but the newest answers (run daily, e.g. from cron)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=365, help="keep answers received within this many days")
        parser.add_argument("--keep", type=int, default=10_000, help="and at most this many, the newest")

    def handle(self, *args, days, keep, **options):
        self.stdout.write(f"Deleted {prune(days=days, keep=keep)} feedback answers.")
