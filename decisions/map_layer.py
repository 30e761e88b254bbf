"""The map's layer of the coalition's countries: each country's current status, as the
reader may see it (candidates and requests for members only). One query."""

from __future__ import annotations

from dataclasses import dataclass

from accounts.roles import AnyUser
from decisions.models import CountryStatus, Status


@dataclass(frozen=True)
class StatusMark:
    status: str
    label: str


def status_layer(user: AnyUser) -> dict[str, StatusMark]:
    """Country code (alpha-2) -> its current status."""
    labels = dict(Status.choices)
    rows = CountryStatus.objects.visible_to(user).current().values_list("country__code", "status")
    return {code: StatusMark(status, str(labels[status])) for code, status in rows}


def legend(layer: dict[str, StatusMark]) -> list[StatusMark]:
    """The statuses the layer shows, in the order of the choices."""
    shown = {mark.status for mark in layer.values()}
    return [StatusMark(value, str(label)) for value, label in Status.choices if value in shown]


def statuses_by_country(sender, user: AnyUser, country_ids: list[int], **kwargs) -> dict[int, str]:
    """Country id -> its current status in words, for the ranking (a receiver of
    countries.statuses.country_statuses_asked, connected by DecisionsConfig.ready)."""
    labels = dict(Status.choices)
    rows = (
        CountryStatus.objects.visible_to(user)
        .filter(country_id__in=country_ids)
        .current()
        .values_list("country_id", "status")
    )
    return {country_id: str(labels[status]) for country_id, status in rows}
