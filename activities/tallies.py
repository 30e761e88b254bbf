"""The matrix's whole-coalition counts, read from the tallies the database keeps
(activities.tally_models, activities.tally_sql): a few hundred rows to read whatever the
number of activities, one query each.

Elsewhere than on PostgreSQL (the SQLite of `make run`) no trigger keeps them, and the same
answers are counted from the activities themselves.
"""

from django.db import connection, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractYear

from activities.models import Activity, ActivityAgency, Role
from activities.tally_models import NO_YEAR, AgencyTally, CountryYearsTally, LeadTally
from activities.tally_sql import rebuild


def kept() -> bool:
    """Whether the database keeps the tallies (PostgreSQL, with migration 0007's triggers)."""
    return connection.vendor == "postgresql"


def country_counts() -> list[tuple[int, int]]:
    """(country id, activities) for every country with at least one activity."""
    if not kept():
        return list(Activity.objects.order_by().values_list("country_id").annotate(n=Count("pk")))
    rows = (
        CountryYearsTally.objects.order_by()
        .values_list("country_id")
        .annotate(n=Sum("activities"))
        .filter(n__gt=0)
    )
    return list(rows)


def lead_counts() -> list[tuple[int, int, int]]:
    """(country id, agency id, activities it leads there) where it leads any."""
    if not kept():
        rows = (
            ActivityAgency.objects.filter(role=Role.LEAD)
            .order_by()
            .values_list("activity__country_id", "agency_id")
            .annotate(n=Count("pk"))
        )
        return list(rows)
    return list(
        LeadTally.objects.filter(activities__gt=0).values_list(
            "country_id", "agency_id", "activities"
        )
    )


def countries_with_activities() -> int:
    if not kept():
        return Activity.objects.order_by().values("country_id").distinct().count()
    return (
        CountryYearsTally.objects.filter(activities__gt=0)
        .order_by()
        .values("country_id")
        .distinct()
        .count()
    )


def agencies_taking_part() -> int:
    if not kept():
        return ActivityAgency.objects.order_by().values("agency_id").distinct().count()
    return AgencyTally.objects.filter(activities__gt=0).count()


def running_in(year: int) -> int:
    """Activities running at some point in `year`: Activity.objects.in_year(year).count()."""
    if not kept():
        return Activity.objects.in_year(year).count()
    rows = CountryYearsTally.objects.filter(
        Q(start_year__lte=year),  # a missing start (NO_YEAR) is before any year
        Q(end_year__gte=year) | Q(end_year=NO_YEAR),
    ).exclude(start_year=NO_YEAR, end_year=NO_YEAR)
    return rows.aggregate(n=Sum("activities"))["n"] or 0


def year_counts() -> list[tuple[int | None, int | None, int]]:
    """(start year, end year, activities), None for a missing date, over the whole matrix."""
    if not kept():
        rows = (
            Activity.objects.order_by()
            .annotate(started=ExtractYear("start_date"), ending=ExtractYear("end_date"))
            .values_list("started", "ending")
            .annotate(n=Count("pk"))
        )
        return list(rows)
    rows = (
        CountryYearsTally.objects.order_by()
        .values_list("start_year", "end_year")
        .annotate(n=Sum("activities"))
        .filter(n__gt=0)
    )
    return [
        (start if start != NO_YEAR else None, end if end != NO_YEAR else None, n)
        for start, end, n in rows
    ]


def recount() -> None:
    """Count everything again (after writing with the triggers disabled, or to check)."""
    if not kept():
        return
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in rebuild():
            cursor.execute(statement)
