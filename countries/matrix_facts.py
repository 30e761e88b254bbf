"""What the countries floor asks of the matrix, which lives above it (see the README's
floors): where an agency works, and the criteria the matrix answers by itself.

The floor that knows the matrix fills this registry in its AppConfig.ready() (overview does,
from overview/selection.py). Unfilled, nobody works anywhere (only the secretariat may assess)
and computed criteria are not assessed.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class ComputedState:
    """A computed criterion's state in one country: a rating (countries.models.Rating) and
    what it rests on, in words."""

    rating: str
    evidence: str


# agency ids -> ids of the countries where one of them takes part in an activity
PresenceSource = Callable[[frozenset[int]], set[int]]
# country ids -> each one's state (countries left out: not known)
ComputationSource = Callable[[Iterable[int]], dict[int, ComputedState]]

_presence: list[PresenceSource] = []
_computations: dict[str, ComputationSource] = {}


def register_presence(source: PresenceSource) -> None:
    if source not in _presence:
        _presence.append(source)


def register_computation(key: str, source: ComputationSource) -> None:
    """`key` is a countries.models.Computation value."""
    _computations[key] = source


def countries_of_agencies(agency_ids: frozenset[int]) -> set[int]:
    """Ids of the countries where one of the agencies works (has an activity)."""
    found: set[int] = set()
    for source in _presence:
        found |= source(agency_ids) if agency_ids else set()
    return found


def computed_states(key: str, country_ids: Iterable[int]) -> dict[int, ComputedState]:
    source = _computations.get(key)
    return source(country_ids) if source is not None else {}
