"""Dates in English as the coalition writes them (ILO/UN usage): day, month, year, never the
month-first numbers of Django's US defaults ("12/06/2026" reads as 12 June elsewhere). Only
the output formats; the rest are Django's."""

DATE_FORMAT = "j F Y"  # 6 December 2026
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "j M Y"  # 6 Dec 2026
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
