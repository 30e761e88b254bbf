"""iCalendar feeds (RFC 5545) of dated steps, written by hand: the format is small.

Each step is an all-day VEVENT whose UID stays the same when the step changes, so a
calendar that subscribed updates the event instead of adding a second one.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from workplan.models import Step
from workplan.other_deadlines import Deadline

LINE_LIMIT = 75  # octets per line, before the CRLF


def escape_text(value: str) -> str:
    """TEXT value escaping: backslash, semicolon, comma and newlines."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into CRLF-joined pieces of at most 75 octets, never inside a
    UTF-8 character; continuation lines start with one space (which counts in their 75)."""
    pieces, current, size, limit = [], [], 0, LINE_LIMIT
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_LIMIT - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def step_event(step: Step, stamp: str, host: str) -> list[str]:
    deliverable = step.deliverable
    url = (
        f"{settings.SITE_URL}"
        f"{reverse('workplan:board_year', args=[deliverable.area.workplan.year])}"
        f"#d{deliverable.pk}"
    )
    description = deliverable.title
    if step.due_note:
        description += f"\n{step.due_note}"
    end = step.due_date + datetime.timedelta(days=1)
    return [
        "BEGIN:VEVENT",
        f"UID:step-{step.pk}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{step.due_date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape_text(step.title)}",
        f"DESCRIPTION:{escape_text(description)}",
        f"URL:{url}",
        "END:VEVENT",
    ]


def deadline_event(deadline: Deadline, stamp: str, host: str) -> list[str]:
    """An all-day VEVENT for a deadline of another app (an update round's)."""
    end = deadline.due_date + datetime.timedelta(days=1)
    return [
        "BEGIN:VEVENT",
        f"UID:{deadline.uid}@{host}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{deadline.due_date:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape_text(deadline.title)}",
        f"DESCRIPTION:{escape_text(deadline.part_of)}",
        f"URL:{settings.SITE_URL}{deadline.path}",
        "END:VEVENT",
    ]


def site_timezone() -> list[str]:
    """A VTIMEZONE for the site's time zone at its current offset.

    The events are whole days and need no zone, but RFC 5545 wants at least one component in
    a calendar: with it, a feed with no deadline yet is still one strict clients accept.
    """
    offset = timezone.localtime().strftime("%z")  # "+0000", "+0100"
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{settings.TIME_ZONE}",
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        f"TZOFFSETFROM:{offset}",
        f"TZOFFSETTO:{offset}",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def calendar(name: str, steps: Iterable[Step], deadlines: Iterable[Deadline] = ()) -> str:
    """A VCALENDAR of `steps` (select_related deliverable__area__workplan) and of other
    apps' `deadlines`."""
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    host = settings.SITE_URL.split("://")[-1].split("/")[0].split(":")[0] or "spf-hub"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//SPF Coalition Hub//Workplan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
        *site_timezone(),
    ]
    for step in steps:
        lines.extend(step_event(step, stamp, host))
    for deadline in deadlines:
        lines.extend(deadline_event(deadline, stamp, host))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
