"""Mail outages: when the mail server refuses reminders, and when it takes them again.

The first refusal opens an outage (one row, one open at a time: a unique constraint, so two
workers failing at once open one). The next email that goes out closes it with a conditional
UPDATE that only one run can win, and that run emails the secretariat one summary: when mail
stopped and started again, how many reminders went out since, how many still failed (the
sweep tries them again for SPF_REMINDER_RETRY_HOURS) and how many are uncertain.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from accounts.models import SECRETARIAT_GROUP
from core import emails
from reminders.models import MailOutage, ReminderLog, ReminderStatus

logger = logging.getLogger(__name__)


def begin(now: datetime.datetime) -> None:
    """Open an outage unless one is open already."""
    try:
        with transaction.atomic():
            MailOutage.objects.get_or_create(is_open=True, defaults={"started_at": now})
    except IntegrityError:
        pass  # another worker opened it at the same moment


def end(now: datetime.datetime) -> MailOutage | None:
    """Close the open outage, if any; returns it to the one run that closed it."""
    found = MailOutage.objects.filter(is_open=True).first()
    if found is None:
        return None
    if not MailOutage.objects.filter(pk=found.pk, is_open=True).update(is_open=False, ended_at=now):
        return None  # another run closed it first, and tells the secretariat
    found.is_open, found.ended_at = False, now
    return found


def secretariat() -> list[User]:
    return list(
        User.objects.filter(Q(groups__name=SECRETARIAT_GROUP) | Q(is_superuser=True))
        .filter(is_active=True)
        .exclude(email="")
        .select_related("profile")
        .distinct()
        .order_by("pk")
    )


def tell_secretariat(outage: MailOutage) -> int:
    """One summary email to each person of the secretariat; returns how many went."""
    counts = dict.fromkeys(["sent", "failed", "uncertain"], 0)
    counts["sent"] = ReminderLog.objects.filter(
        status=ReminderStatus.SENT, sent_at__gte=outage.started_at
    ).count()
    counts["failed"] = ReminderLog.objects.filter(status=ReminderStatus.FAILED).count()
    counts["uncertain"] = ReminderLog.objects.filter(status=ReminderStatus.UNCERTAIN).count()
    context = {
        "outage": outage,
        **counts,
        "retry_hours": settings.SPF_REMINDER_RETRY_HOURS,
        "log_url": f"{settings.SITE_URL}{reverse('admin:reminders_reminderlog_changelist')}",
    }
    told = 0
    for person in secretariat():
        language = getattr(getattr(person, "profile", None), "language", "") or "en"
        try:
            emails.send("mail_outage_summary", person.email, context, language=language)
        except Exception:  # the reminders went; the summary is a courtesy
            logger.exception("Mail outage summary to user %s failed", person.pk)
        else:
            told += 1
    return told


def mail_works_again() -> None:
    """Called after an email went out: closes an open outage and tells the secretariat."""
    outage = end(timezone.now())
    if outage is not None:
        tell_secretariat(outage)
