from django.db import migrations

# This migration once added the body areas and equipment. They are now written once, in
# backpain/vocabulary.py, and kept in step after every migrate (backpain/content/terms.py), so it
# does nothing; it stays because later migrations depend on it.


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]
    operations = []
