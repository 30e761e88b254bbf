"""What members and the secretariat do in update rounds. Views call these; rules live here."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from accounts.permissions import agency_ids
from rounds.models import RoundAgency, RowConfirmation


def open_parts_for(user: AbstractBaseUser | AnonymousUser) -> list[RoundAgency]:
    """The open rounds' parts asked of the user's agencies (for the banner and checklist)."""
    mine = agency_ids(user)
    if not mine:
        return []
    return list(
        RoundAgency.objects.filter(agency_id__in=mine, round__closed_at__isnull=True)
        .select_related("round", "agency")
        .order_by("round__deadline", "agency__acronym")
    )


def confirmations_for(parts: list[RoundAgency]) -> dict[tuple[int, int], RowConfirmation]:
    """Answers given so far in those parts, keyed by (round part id, activity id)."""
    if not parts:
        return {}
    by_key = {(part.round_id, part.agency_id): part.pk for part in parts}
    rows = RowConfirmation.objects.filter(
        round_id__in={p.round_id for p in parts}, agency_id__in={p.agency_id for p in parts}
    )
    return {
        (by_key[(row.round_id, row.agency_id)], row.activity_id): row
        for row in rows
        if (row.round_id, row.agency_id) in by_key
    }
