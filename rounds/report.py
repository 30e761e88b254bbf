"""A round's report for the secretariat to send on, and its comparison with another round:
completion per agency, what changed in the matrix since the previous round's close, late
submissions. The changes are read from the history (activities.changes)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from activities.changes import Changes, changes_between, kind_labels
from results.periods import Reported, reported_by_agency
from rounds.models import RoundAgency, UpdateRound
from rounds.services import parts_with_progress


class SameRound(ValueError):
    """Comparing a round with itself: nothing can have changed."""


def moment_of(update_round: UpdateRound) -> datetime.datetime:
    """A round's record is the matrix at its close (now, while it is open)."""
    return update_round.closed_at or timezone.now()


def previous_round(update_round: UpdateRound) -> UpdateRound | None:
    """The round closed last before this one closed (or before now, while it is open)."""
    return (
        UpdateRound.objects.filter(closed_at__lt=moment_of(update_round))
        .exclude(pk=update_round.pk)
        .order_by("-closed_at")
        .first()
    )


def start_of(update_round: UpdateRound, against: UpdateRound | None) -> datetime.datetime:
    """Where the comparison starts: the other round's close, or this round's opening."""
    return moment_of(against) if against is not None else update_round.opened_at


def round_changes(update_round: UpdateRound, against: UpdateRound | None) -> Changes:
    if against is not None and against.pk == update_round.pk:
        raise SameRound(
            _("“%(title)s” compared with itself: pick another round to compare it with.")
            % {"title": update_round.title}
        )
    since, until = start_of(update_round, against), moment_of(update_round)
    if against is not None and since > until:
        since, until = until, since
    return changes_between(since, until)


@dataclass
class Report:
    round: UpdateRound
    against: UpdateRound | None
    parts: list[RoundAgency]
    changes: Changes
    # Per agency, its results for the round's period (empty when the round asks for none).
    results: dict[int, Reported] = field(default_factory=dict)

    def results_by_agency(self) -> list[tuple[RoundAgency, Reported]]:
        return [(part, self.results[part.agency_id]) for part in self.parts if self.results]

    @property
    def late(self) -> list[RoundAgency]:
        return [part for part in self.parts if part.is_late]

    @property
    def missing(self) -> list[RoundAgency]:
        return [part for part in self.parts if part.submitted_at is None]

    def counts(self) -> list[tuple[str, int]]:
        labels = kind_labels()
        return [(labels[kind], n) for kind, n in self.changes.counts().items()]

    def counts_by_agency(self) -> list[tuple[str, list[int]]]:
        """Per agency, how many of its rows are new, closed, changed, deleted."""
        kinds = list(kind_labels())
        found = []
        for agency, rows in self.changes.by_agency():
            counts = dict.fromkeys(kinds, 0)
            for row in rows:
                counts[row.kind] += 1
            found.append((agency, [counts[kind] for kind in kinds]))
        return found

    def sheets(self) -> Iterator[tuple[str, list[list]]]:
        """The report as workbook sheets: completion, changes, late submissions."""
        yes, no = _("yes"), _("no")
        yield (
            _("Completion"),
            [
                [
                    _("Agency"),
                    _("Status"),
                    _("Rows answered"),
                    _("Rows"),
                    _("Submitted"),
                    _("Late"),
                ],
                *(
                    [
                        part.agency.acronym,
                        part.status_label,
                        part.answered_count,
                        part.row_count,
                        part.submitted_at,
                        yes if part.is_late else no,
                    ]
                    for part in self.parts
                ),
            ],
        )
        rows = [[_("Agency"), _("Country"), _("Reference"), _("Title"), _("Change"), _("Fields")]]
        for agency, changed in self.changes.by_agency():
            for row in changed:
                fields = "; ".join(f"{c.label}: {c.old} → {c.new} ({c.who})" for c in row.fields)
                rows.append([agency, row.country, row.reference, row.title, row.kind_label, fields])
        yield _("Changes"), rows
        if self.results:
            yield (
                _("Results reported"),
                [
                    [_("Agency"), _("Indicators"), _("With a value"), _("Approved")],
                    *(
                        [part.agency.acronym, found.expected, found.reported, found.approved]
                        for part, found in self.results_by_agency()
                    ),
                ],
            )
        yield (
            _("Late submissions"),
            [
                [_("Agency"), _("Submitted"), _("Submitted by")],
                *(
                    [
                        part.agency.acronym,
                        part.submitted_at,
                        part.submitted_by.get_username() if part.submitted_by else "",
                    ]
                    for part in self.late
                ),
            ],
        )


def build_report(update_round: UpdateRound) -> Report:
    against = previous_round(update_round)
    parts = list(parts_with_progress(update_round))
    results = {}
    if update_round.period is not None:
        results = reported_by_agency(update_round.period, [part.agency_id for part in parts])
    return Report(update_round, against, parts, round_changes(update_round, against), results)
