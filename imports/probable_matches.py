"""Rows without a reference that the hub probably has already: same country, a close title,
dates that overlap. Previewed as "probably SPF-XXXX" and compared with that activity (so a
file imported twice changes nothing the second time); the person can ask for a new one.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from accounts.roles import agency_ids, is_secretariat
from activities.models import Activity
from core.names import name_key
from imports.rows import RowInput

# How alike two titles must be (difflib's ratio of their name keys, 0..1): the same
# activity, probably; or maybe (a reworded title), which the person confirms or not.
TITLE_CLOSE = 0.85
TITLE_MAYBE = 0.6
SHORTEST_FUZZY = 8
NUMBERS = re.compile(r"\d+")


class Stored(NamedTuple):
    reference: str
    key: str
    start: datetime.date | None
    end: datetime.date | None
    agencies: frozenset[int]


class Matches(NamedTuple):
    """Row number -> reference: the activities rows probably are, and those they may be."""

    probable: dict[int, str]
    maybe: dict[int, str]


def overlap(
    start: datetime.date | None,
    end: datetime.date | None,
    other_start: datetime.date | None,
    other_end: datetime.date | None,
) -> bool:
    """Whether two date ranges share a day (an open end or a missing date always does)."""
    if start and other_end and start > other_end:
        return False
    return not (other_start and end and other_start > end)


def likeness(key: str, other: str, cutoff: float = TITLE_CLOSE) -> float:
    """How alike two titles' keys are; titles with other numbers ("Phase 1", "Phase 2")
    or too short to tell a typo from another word match only when equal."""
    if key == other:
        return 1.0
    if min(len(key), len(other)) < SHORTEST_FUZZY or NUMBERS.findall(key) != NUMBERS.findall(other):
        return 0.0
    matcher = SequenceMatcher(None, key, other)
    if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
        return 0.0
    return matcher.ratio()


def probable_matches(
    rows: list[RowInput], user: Any, new: set[int], same: set[int] = frozenset()
) -> Matches:
    """The activities rows without a reference probably are, among those `user` may change,
    and those they maybe are: a reworded title (less alike, but the same country, dates
    that overlap and an agency in common), which the person confirms ("same", rows in
    `same`) or not. Rows in `new` are meant as new activities."""
    wanted = [
        row
        for row in rows
        if not row.reference
        and not row.errors
        and row.number not in new
        and row.values.get("country_id")
        and row.values.get("title")
    ]
    if not wanted:
        return Matches({}, {})
    stored = Activity.objects.filter(country_id__in={row.values["country_id"] for row in wanted})
    if not is_secretariat(user):
        stored = stored.filter(participations__agency_id__in=agency_ids(user)).distinct()
    agencies: dict[str, set[int]] = defaultdict(set)
    for reference, agency_id in stored.values_list("reference", "participations__agency_id"):
        if agency_id is not None:
            agencies[reference].add(agency_id)
    by_country: dict[int, list[Stored]] = defaultdict(list)
    for reference, country_id, title, start, end in stored.order_by("pk").values_list(
        "reference", "country_id", "title", "start_date", "end_date"
    ):
        known = frozenset(agencies[reference])
        by_country[country_id].append(Stored(reference, name_key(title), start, end, known))
    matches = Matches({}, {})
    taken: set[str] = set()
    for row in wanted:
        key = name_key(row.values["title"])
        start, end = row.values.get("start_date"), row.values.get("end_date")
        named = frozenset(row.values.get("roles") or ())
        best: tuple[float, str] | None = None
        for candidate in by_country[row.values["country_id"]]:
            if candidate.reference in taken:
                continue
            if not overlap(start, end, candidate.start, candidate.end):
                continue
            score = likeness(key, candidate.key, TITLE_MAYBE)
            if score < TITLE_CLOSE and not (named & candidate.agencies):
                continue  # a reworded title is only a "maybe" with an agency in common
            if score >= TITLE_MAYBE and (best is None or score > best[0]):
                best = (score, candidate.reference)
        if best is None:
            continue
        if best[0] >= TITLE_CLOSE or row.number in same:
            matches.probable[row.number] = best[1]
        else:
            matches.maybe[row.number] = best[1]
        taken.add(best[1])
    return matches
