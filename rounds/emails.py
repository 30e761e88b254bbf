"""The email that tells an agency's members a round asks them: one per person, in their
language, with the deadline and a link to each of their agencies' checklists.

Sent when an agency is asked (rounds.services.ask_agencies, whether the round was opened on
the hub's page or in the admin), by a task queued once the parts are committed
(rounds.tasks.announce_later).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from smtplib import SMTPException

from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import get_connection
from django.urls import reverse

from accounts.language import language_of
from core import emails
from rounds.agency_members import members_by_agency
from rounds.links import where_and_link
from rounds.models import RoundAgency

logger = logging.getLogger(__name__)

# A mail server that is down or refuses: the person is tried again later.
MAIL_ERRORS = (SMTPException, OSError)


def checklist_link(part: RoundAgency) -> str:
    return f"{settings.SITE_URL}{reverse('rounds:checklist', kwargs={'part_id': part.pk})}"


def recipients(parts: list[RoundAgency]) -> list[tuple[User, list[RoundAgency]]]:
    """Each person to tell, with the parts of theirs among `parts` (an agency's member
    asked for two agencies gets one email naming both)."""
    people = members_by_agency({part.agency_id for part in parts})
    theirs: dict[int, tuple[User, list[RoundAgency]]] = {}
    for part in parts:
        for user in people.get(part.agency_id, []):
            theirs.setdefault(user.pk, (user, []))[1].append(part)
    return sorted(theirs.values(), key=lambda pair: pair[0].email)


def announce(part_ids: list[int], only_users: list[int] | None = None) -> list[int]:
    """Email the members of the agencies of these parts (of open rounds); returns the ids of
    the people whose email failed, for a later try."""
    parts = list(
        RoundAgency.objects.filter(pk__in=part_ids, round__closed_at__isnull=True)
        .select_related("round", "agency")
        .order_by("round_id", "agency__acronym")
    )
    by_round: dict[int, list[RoundAgency]] = defaultdict(list)
    for part in parts:
        by_round[part.round_id].append(part)
    failed: list[int] = []
    with get_connection() as connection:
        for round_parts in by_round.values():
            for user, theirs in recipients(round_parts):
                if only_users is not None and user.pk not in only_users:
                    continue
                try:
                    send_to(user, theirs, connection)
                except MAIL_ERRORS:
                    logger.exception("The round email to user %s failed", user.pk)
                    failed.append(user.pk)
    return failed


def tell_returned(part_id: int) -> int:
    """Email each member of the part's agency the secretariat's reason for returning its
    submission, with the checklist's link; returns how many emails went."""
    part = RoundAgency.objects.select_related("round", "agency").filter(pk=part_id).first()
    if part is None or part.returned_at is None:
        return 0
    sent = 0
    with get_connection() as connection:
        for user in members_by_agency([part.agency_id]).get(part.agency_id, []):
            language = language_of(user)
            try:
                emails.send(
                    "round_returned",
                    to=user.email,
                    context={
                        "name": user.get_full_name() or user.email,
                        "round": part.round,
                        "agency": part.agency,
                        "reason": part.return_reason,
                        "link": checklist_link(part),
                    },
                    language=language,
                    headers={"Content-Language": language},
                    connection=connection,
                )
            except MAIL_ERRORS:
                logger.exception("The returned-submission email to user %s failed", user.pk)
                continue
            sent += 1
    return sent


def send_to(user: User, parts: list[RoundAgency], connection) -> None:
    language = language_of(user)
    update_round = parts[0].round
    emails.send(
        "round_opened",
        to=user.email,
        context={
            "name": user.get_full_name() or user.email,
            "round": update_round,
            "parts": [(part.agency, checklist_link(part)) for part in parts],
            "link": checklist_link(parts[0]),
        },
        language=language,
        headers={"Content-Language": language},
        connection=connection,
    )


def tell_mentioned(comment_id: int) -> int:
    """Email the people a comment mentions, and the members of the agencies it mentions,
    each once and in their language (not its author); returns how many emails went."""
    from rounds.models import Comment

    comment = (
        Comment.objects.select_related("author", "activity", "part__round", "part__agency")
        .filter(pk=comment_id, hidden_at__isnull=True)
        .first()
    )
    if comment is None:
        return 0
    people: dict[int, User] = {}
    for user in (
        comment.mentioned_people.filter(is_active=True).exclude(email="").select_related("profile")
    ):
        people[user.pk] = user
    agency_ids = list(comment.mentioned_agencies.values_list("pk", flat=True))
    for users in members_by_agency(agency_ids).values():
        for user in users:
            people.setdefault(user.pk, user)
    people.pop(comment.author_id, None)
    where, link = where_and_link(comment)
    author = comment.author.get_full_name() or comment.author.get_username()
    sent = 0
    with get_connection() as connection:
        for user in sorted(people.values(), key=lambda person: person.email):
            language = language_of(user)
            try:
                emails.send(
                    "comment_mention",
                    to=user.email,
                    context={
                        "name": user.get_full_name() or user.email,
                        "author": author,
                        "where": where,
                        "body": comment.body,
                        "link": f"{settings.SITE_URL}{link}",
                    },
                    language=language,
                    headers={"Content-Language": language},
                    connection=connection,
                )
            except MAIL_ERRORS:
                logger.exception("The mention email to user %s failed", user.pk)
                continue
            sent += 1
    return sent
