"""A country's status in the coalition's work (candidate, selected, Flagship target...),
which a floor above keeps (decisions): the comparison of assessed countries shows it beside
each country, so a ranking leads somewhere. That app registers its source from its
AppConfig.ready; unfilled, no status is shown."""

from __future__ import annotations

from collections.abc import Callable

from accounts.roles import AnyUser

# (reader, country ids) -> country id -> the status in words, as the reader may see it
StatusSource = Callable[[AnyUser, list[int]], dict[int, str]]

_sources: list[StatusSource] = []


def register_status_source(source: StatusSource) -> None:
    if source not in _sources:
        _sources.append(source)


def statuses_of(user: AnyUser, country_ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for source in _sources:
        found.update(source(user, country_ids))
    return found
