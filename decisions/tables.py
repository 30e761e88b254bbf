"""Meetings, decisions and action points as tables: one exporter each, header row first, for
the CSV, XLSX and ODS downloads (core.spreadsheets)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext as _

from core.spreadsheets.cells import Row
from decisions.models import ActionPoint, Decision, Meeting


def yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


class MeetingTable:
    def __init__(self, meetings: Iterable[Meeting]) -> None:
        self.meetings = meetings

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Date"),
            _("Meeting"),
            _("Kind"),
            _("Where"),
            _("Country"),
            _("Agencies taking part"),
            _("Decisions"),
            _("Action points"),
            _("Minutes public"),
            _("Written in"),
        ]
        for meeting in self.meetings:
            yield [
                meeting.date,
                meeting.title,
                meeting.get_kind_display(),
                meeting.where,
                meeting.country.alpha3 if meeting.country else "",
                ", ".join(agency.acronym for agency in meeting.agencies.all()),
                meeting.n_decisions,
                meeting.n_actions,
                yes_no(meeting.minutes_public),
                meeting.get_language_display(),
            ]


class DecisionTable:
    def __init__(self, decisions: Iterable[Decision]) -> None:
        self.decisions = decisions

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Decided on"),
            _("Decision"),
            _("Decided by"),
            _("Meeting"),
            _("Country"),
            _("Public"),
            _("Written in"),
        ]
        for decision in self.decisions:
            yield [
                decision.decided_on,
                decision.text,
                decision.decided_by,
                decision.meeting.title,
                decision.country.alpha3 if decision.country else "",
                yes_no(decision.is_public),
                decision.get_language_display(),
            ]


class ActionPointTable:
    def __init__(self, actions: Iterable[ActionPoint]) -> None:
        self.actions = actions

    def iter_table(self) -> Iterator[Row]:
        yield [
            _("Due date"),
            _("Action"),
            _("Owner agency"),
            _("Owner person"),
            _("Status"),
            _("Progress note"),
            _("Meeting"),
            _("Meeting date"),
        ]
        for action in self.actions:
            yield [
                action.due_date,
                action.text,
                action.owner_agency.acronym,
                action.owner_person.name if action.owner_person else "",
                action.get_status_display(),
                action.note,
                action.meeting.title,
                action.meeting.date,
            ]
