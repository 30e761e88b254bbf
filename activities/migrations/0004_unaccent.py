from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """PostgreSQL's unaccent extension, for the matrix's search (core/search.py). A no-op on
    SQLite, which gets a Python function of the same name instead."""

    dependencies = [
        ("activities", "0003_verbose_names"),
    ]

    operations = [UnaccentExtension()]
