"""Figures worked out from every result value (the front page's people newly covered, the
dashboard's progress, a country's results as the public sees them), kept in the cache until
the data changes: the same data version that the cache of public answers uses
(core.public_cache), which every write replaces. The first page after a write pays for
them; the others read them back."""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils import translation

from core.public_cache import data_version

T = TypeVar("T")
# A day at most: the version changes with every write anyway.
TIMEOUT_S = 24 * 3600


def kept(name: str, work: Callable[[], T]) -> T:
    """`work()`, or what it returned for the current data version and language."""
    key = f"spf:kept:{name}:{data_version()}:{translation.get_language()}"
    found = cache.get(key)
    if found is None:
        found = work()
        cache.set(key, found, timeout=TIMEOUT_S)
    return found
