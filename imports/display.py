"""Stored values as an import's preview shows them: codes, acronyms, labels in the reader's
language, lists of countries, places and themes."""

from typing import Any

from django.utils.translation import gettext as _

from activities.models import ActivityStatus, ActivityType, Role, Scope
from countries.models import Region
from imports.matching import Lookup
from imports.places import PLACE_SETS, set_names
from imports.rows import BOOL_FIELDS, DATE_FIELDS, TOOL_FIELDS


class Display:
    """Stored values as the preview shows them (codes, acronyms, labels)."""

    def __init__(self, lookup: Lookup) -> None:
        self.lookup = lookup
        self.types = {code: str(label) for code, label in ActivityType.choices}
        self.statuses = {code: str(label) for code, label in ActivityStatus.choices}
        self.scopes = {code: str(label) for code, label in Scope.choices}
        self.regions = {code: str(label) for code, label in Region.choices}
        self.yes, self.no = _("yes"), _("no")

    def __call__(self, name: str, value: Any) -> str:
        if value is None:
            return ""
        if name == "country_id":
            return self.lookup.alpha3.get(value, "")
        if name == "focal_point_id":
            return self.lookup.person_names.get(value, "")
        if name == "activity_type":
            return self.types.get(value, value)
        if name == "status":
            return self.statuses.get(value, value)
        if name == "scope":
            return self.scopes.get(value, value)
        if name == "region":
            return self.regions.get(value, value)
        if name in PLACE_SETS:
            return set_names(self.lookup, name, value)
        if name in BOOL_FIELDS:
            return self.yes if value else self.no
        if name in DATE_FIELDS:
            return value.isoformat()
        if name in TOOL_FIELDS:
            return "; ".join(sorted(self.lookup.tool_names[pk] for pk in value))
        return str(value)

    def all_agencies(self, roles: dict[int, str]) -> str:
        """Every agency with its role: "ILO (Lead); WHO (Partner)"."""
        labels = dict(Role.choices)
        ordered = sorted(roles.items(), key=lambda item: (Role.values.index(item[1]), item[0]))
        return "; ".join(f"{self.lookup.acronyms[pk]} ({labels[role]})" for pk, role in ordered)

    def agencies(self, roles: dict[int, str], role: str) -> str:
        names = sorted(self.lookup.acronyms[pk] for pk, r in roles.items() if r == role)
        return "; ".join(names)
