"""Comments on a row of the matrix (and on an agency's submission in a round).

Who takes part in a thread: the members of the row's agencies (of the part's agency), the
secretariat, and whoever a comment mentioned (an agency by its acronym, "@ILO", or a person
by their user name, "@jdoe"): they are emailed at once in their language and the mention is
listed in their next digest of followed changes. Comments are never deleted: the author may
correct one for SPF_COMMENT_EDIT_MINUTES (each edit kept in its history), the secretariat
hides one with a reason, which is shown in its place.
"""

from __future__ import annotations

import datetime
import re

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import AnyUser, agency_ids, is_secretariat
from activities.models import Activity
from agencies.models import Agency
from rounds.models import Comment, RoundAgency
from rounds.tasks import tell_mentioned_later

MAX_CHARS = 4000
MENTION = re.compile(r"(?<![\w@])@([\w][\w.+-]*)")


def _squeezed(text: str) -> str:
    """An acronym as people type it after "@": case, spaces and hyphens aside."""
    return re.sub(r"[\s\-_.]", "", text).lower()


def _thread_filter(*, activity: Activity | None = None, part: RoundAgency | None = None) -> Q:
    return Q(activity=activity) if activity is not None else Q(part=part)


def _mentioned_in(user: AnyUser, thread: Q) -> bool:
    """The user, or one of their agencies, was mentioned in the thread."""
    mentioned = Q(mentioned_people=user)
    mine = agency_ids(user)
    if mine:
        mentioned |= Q(mentioned_agencies__in=mine)
    return Comment.objects.filter(thread, mentioned).exists()


def may_discuss_row(user: AnyUser, activity: Activity) -> bool:
    """Members of the row's agencies, the secretariat, and people (agencies) mentioned."""
    if not user.is_authenticated:
        return False
    if is_secretariat(user):
        return True
    mine = agency_ids(user)
    if mine and activity.participations.filter(agency_id__in=mine).exists():
        return True
    return _mentioned_in(user, _thread_filter(activity=activity))


def may_discuss_part(user: AnyUser, part: RoundAgency) -> bool:
    if not user.is_authenticated:
        return False
    if is_secretariat(user) or part.agency_id in agency_ids(user):
        return True
    return _mentioned_in(user, _thread_filter(part=part))


def mentions(body: str) -> tuple[list[Agency], list[User]]:
    """The agencies (by acronym) and people (by user name) a comment mentions."""
    words = {match.group(1).rstrip(".-+") for match in MENTION.finditer(body)}
    if not words:
        return [], []
    wanted = {_squeezed(word) for word in words}
    agencies = [agency for agency in Agency.objects.all() if _squeezed(agency.acronym) in wanted]
    named = Q()
    for word in words:
        named |= Q(username__iexact=word)
    people = list(User.objects.filter(named, is_active=True))
    return agencies, people


def _clean(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError(_("Write something before sending the comment."), code="empty")
    if len(body) > MAX_CHARS:
        raise ValidationError(
            _("A comment holds at most %(max)d characters (this one has %(n)d).")
            % {"max": MAX_CHARS, "n": len(body)},
            code="too_long",
        )
    return body


def post_comment(
    user: AbstractBaseUser,
    body: str,
    *,
    activity: Activity | None = None,
    part: RoundAgency | None = None,
) -> Comment:
    """Add a comment to a thread and tell whoever it mentions (once it is committed)."""
    body = _clean(body)
    agencies, people = mentions(body)
    with transaction.atomic():
        comment = Comment(activity=activity, part=part, author=user, body=body)
        comment._history_user = user
        comment.save()
        comment.mentioned_agencies.set(agencies)
        comment.mentioned_people.set(people)
        if agencies or people:
            tell_mentioned_later(comment.pk)
    return comment


def edit_window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.SPF_COMMENT_EDIT_MINUTES)


def may_edit(user: AnyUser, comment: Comment) -> bool:
    return (
        user.is_authenticated
        and comment.author_id == user.pk
        and comment.hidden_at is None
        and timezone.now() - comment.created_at <= edit_window()
    )


def edit_comment(user: AbstractBaseUser, comment: Comment, body: str) -> None:
    """Correct one's comment within the edit window; the earlier text stays in its history."""
    if not may_edit(user, comment):
        raise ValidationError(
            _(
                "Only its author can correct a comment, within %(minutes)d minutes of writing "
                "it. Write a new comment instead."
            )
            % {"minutes": settings.SPF_COMMENT_EDIT_MINUTES},
            code="edit_closed",
        )
    comment.body = _clean(body)
    comment.edited_at = timezone.now()
    comment._history_user = user
    comment.save(update_fields=["body", "edited_at"])


def hide_comment(user: AbstractBaseUser, comment: Comment, reason: str) -> None:
    """The secretariat hides a comment, saying why; it is kept (and its history)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Give a reason for hiding the comment: it is shown in its place."),
            code="reason_required",
        )
    comment.hidden_at = timezone.now()
    comment.hidden_by = user
    comment.hidden_reason = reason[:300]
    comment._history_user = user
    comment._change_reason = reason[:100]
    comment.save(update_fields=["hidden_at", "hidden_by", "hidden_reason"])


def thread(*, activity: Activity | None = None, part: RoundAgency | None = None) -> QuerySet:
    return (
        Comment.objects.filter(_thread_filter(activity=activity, part=part))
        .select_related("author", "hidden_by")
        .order_by("created_at", "pk")
    )


def mentions_of(
    user: AbstractBaseUser, since: datetime.datetime, until: datetime.datetime
) -> QuerySet:
    """Comments, in the window, that mention the person or one of their agencies."""
    mentioned = Q(mentioned_people=user)
    mine = agency_ids(user)
    if mine:
        mentioned |= Q(mentioned_agencies__in=mine)
    return (
        Comment.objects.filter(mentioned, created_at__gt=since, created_at__lte=until)
        .filter(hidden_at__isnull=True)
        .exclude(author=user)
        .select_related("author", "activity", "part__round", "part__agency")
        .distinct()
        .order_by("-created_at")
    )
