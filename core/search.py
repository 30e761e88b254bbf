"""Search that ignores accents and case in every language ("pension" finds "Pensión").

On PostgreSQL both sides of a comparison go through the unaccent extension (enabled by a
migration of the activities app); on SQLite (`make run`) through the Python function
fold(), which CoreConfig.ready registers under the same name on each new connection. So
one query works on both.
"""

import unicodedata

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Expression, F, Func, TextField, Value
from django.db.models.lookups import IContains


def fold(text: str | None) -> str | None:
    """The text without accents, in lower case (None stays None, as in SQL)."""
    if text is None:
        return None
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class Unaccent(Func):
    function = "UNACCENT"
    output_field = TextField()


def contains_folded(field: str, word: str) -> Expression:
    """A filter condition: the field contains the word, accents and case aside."""
    return IContains(Unaccent(F(field)), Unaccent(Value(word)))


def add_sqlite_unaccent(sender: object, connection: BaseDatabaseWrapper, **kwargs: object) -> None:
    """Give a new SQLite connection the UNACCENT function that PostgreSQL's extension has."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("UNACCENT", 1, fold, deterministic=True)
