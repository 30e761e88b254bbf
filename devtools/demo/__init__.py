"""Demo data of the SPF coalition, taken from the seed documents, and its loader.

The data lives in plain Python modules (one record per line) so that it can be read and
reviewed like the minutes it comes from; `loader.load_demo()` writes it to the database and
is safe to run again and again (`manage.py load_demo`, run by `make run`).
"""
