"""Dates in French: Django's, with a short date that names its month (16 déc. 2026)."""

SHORT_DATE_FORMAT = "j N Y"
SHORT_DATETIME_FORMAT = "j N Y, H:i"
