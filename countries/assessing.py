"""Keeping a country's assessments: saving one without losing anyone's change (the pages of
the assessments app and the admin both save through here), and each country's history.

The comparison that ranks countries, and who may assess, need the matrix: they live above it,
in the assessments app.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import formats
from django.utils.translation import gettext as _

from countries.models import (
    Country,
    CountryAssessment,
    Rating,
    SelectionCriterion,
)


class AssessmentConflict(Exception):
    """Someone saved the assessment after the version the form showed."""

    def __init__(self, current: CountryAssessment | None) -> None:
        super().__init__("assessment changed since the form was shown")
        self.current = current

    def message(self) -> str:
        current = self.current
        if current is None:
            return _(
                "Someone else deleted this assessment while you were editing it. Your change "
                "was not saved: review the page and assess again."
            )
        who = current.updated_by
        return _(
            "Someone else (%(who)s) saved this criterion while you were editing it: it now "
            "reads “%(rating)s”, assessed on %(date)s. Your change was not saved: review "
            "it and save again."
        ) % {
            "who": (who.get_full_name() or who.get_username()) if who else _("someone"),
            "rating": current.get_rating_display(),
            "date": formats.date_format(current.assessed_on, "DATE_FORMAT"),
        }


def save_assessment(
    country: Country,
    criterion: SelectionCriterion,
    *,
    rating: str,
    note: str,
    assessed_on: datetime.date,
    based_on_version: int,
    user: AbstractBaseUser,
) -> CountryAssessment:
    """Record the assessment unless it moved on since `based_on_version` (0: the form showed
    none). Raises AssessmentConflict, with nothing written, when it did."""
    with transaction.atomic():
        assessment = (
            CountryAssessment.objects.select_for_update(of=("self",))
            .select_related("updated_by")
            .filter(country=country, criterion=criterion)
            .first()
        )
        if assessment is None and based_on_version:
            raise AssessmentConflict(None)
        if assessment is not None and assessment.version != based_on_version:
            raise AssessmentConflict(assessment)
        if assessment is None:
            assessment = CountryAssessment(country=country, criterion=criterion)
        assessment.rating, assessment.note, assessment.assessed_on = rating, note, assessed_on
        assessment.updated_by = user
        assessment._history_user = user
        try:
            # A savepoint: two first assessments at once meet the unique constraint.
            with transaction.atomic():
                assessment.save()
        except IntegrityError:
            raise AssessmentConflict(
                CountryAssessment.objects.select_related("updated_by")
                .filter(country=country, criterion=criterion)
                .first()
            ) from None
    return assessment


@dataclass(frozen=True)
class HistoryEntry:
    when: datetime.datetime
    who: str
    criterion: str
    kind: str  # created, changed, deleted
    changes: list[tuple[str, str, str]]  # (field, old, new)


def _shown(record, attname: str) -> str:
    value = getattr(record, attname)
    if attname == "rating":
        return str(Rating(value).label) if value in Rating.values else str(value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    return str(value) if value not in (None, "") else "—"


HISTORY_FIELDS = ("rating", "note", "assessed_on")


def country_history(country: Country, limit: int = 100) -> list[HistoryEntry]:
    """Every saved change of the country's assessments, latest first: who, when, which
    criterion, each field's old and new value. One query."""
    records = list(
        CountryAssessment.history.filter(country_id=country.pk)
        .select_related("history_user", "criterion")
        .order_by("history_date", "history_id")
    )
    labels = {
        name: str(CountryAssessment._meta.get_field(name).verbose_name) for name in HISTORY_FIELDS
    }
    previous: dict[int, object] = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        previous[record.id] = record
        user = record.history_user
        who = (user.get_full_name() or user.get_username()) if user else _("someone")
        if record.history_type == "+" or before is None:
            kind = _("assessed")
            changes = [(labels[name], "", _shown(record, name)) for name in HISTORY_FIELDS]
        elif record.history_type == "-":
            kind, changes = _("deleted"), []
        else:
            kind = _("changed")
            changes = [
                (labels[name], _shown(before, name), _shown(record, name))
                for name in HISTORY_FIELDS
                if getattr(before, name) != getattr(record, name)
            ]
        title = record.criterion.title if record.criterion else _("a deleted criterion")
        entries.append(HistoryEntry(record.history_date, who, title, kind, changes))
    entries.reverse()
    return entries[:limit]
