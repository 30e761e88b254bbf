"""Meetings, their decisions and action points; documents; countries' status in the
coalition's work and their joint workplans."""

from decisions.models.countries import CountryDeliverable, CountryStatus, Status
from decisions.models.documents import Document, Visibility
from decisions.models.meetings import (
    ActionPoint,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingKind,
)

__all__ = [
    "ActionPoint",
    "ActionStatus",
    "AgendaItem",
    "CountryDeliverable",
    "CountryStatus",
    "Decision",
    "Document",
    "Meeting",
    "MeetingKind",
    "Status",
    "Visibility",
]
