"""Dates in Spanish: Django's ("16 de diciembre de 2026"), with a short date that names its
month (16 dic 2026)."""

SHORT_DATE_FORMAT = "j b Y"
SHORT_DATETIME_FORMAT = "j b Y, H:i"
