"""Agencies and focal points in spreadsheets, by acronym and by name (never by database id)."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.fields import Field

from agencies.models import Agency, AgencyKind, FocalLevel, FocalPoint
from core.names import AmbiguousName, NameIndex, NameNotFound
from core.resources import (
    ChoiceWidget,
    HubResource,
    LinesWidget,
    YesNoWidget,
    join_list,
    split_list,
)
from countries.models import Region
from countries.resources import CountryWidget


class AgencyFinder:
    """Finds agencies by acronym, full name or variant (the hub's one matcher,
    Agency.objects.name_index), reading the table once per import."""

    def __init__(self) -> None:
        self._index: NameIndex[int] | None = None
        self._agencies: dict[int, Agency] = {}

    def find_all(self, names: list[str]) -> list[Agency]:
        if self._index is None:
            self._index = Agency.objects.name_index()
            self._agencies = {agency.pk: agency for agency in Agency.objects.all()}
        found, unknown = [], []
        for name in names:
            try:
                found.append(self._agencies[self._index.find(name)])
            except NameNotFound:
                unknown.append(name)
            except AmbiguousName as error:
                raise ValueError(
                    gettext("“%(value)s” could be several agencies (%(names)s): use the acronym.")
                    % {"value": name, "names": ", ".join(error.candidates)}
                ) from error
        if unknown:
            raise ValueError(
                ngettext("Unknown agency: %(names)s.", "Unknown agencies: %(names)s.", len(unknown))
                % {"names": ", ".join(unknown)}
            )
        return found


class AgencyWidget(widgets.Widget):
    """One agency, by acronym (imports also accept its full name or a variant)."""

    def __init__(self) -> None:
        super().__init__()
        self.finder = AgencyFinder()

    def export_value(self, agency: Agency | None) -> str:
        return agency.acronym if agency is not None else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Agency | None:
        names = split_list(value)
        if len(names) > 1:
            raise ValueError(gettext("Give one agency only."))
        return self.finder.find_all(names)[0] if names else None


class AgencyNamesWidget(widgets.Widget):
    """Several agencies: acronyms separated by semicolons (full names and variants read too)."""

    def __init__(self) -> None:
        super().__init__()
        self.finder = AgencyFinder()

    def export_value(self, agencies: Any) -> str:
        items = agencies.all() if hasattr(agencies, "all") else agencies or []
        return join_list(agency.acronym for agency in items)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[Agency]:
        return self.finder.find_all(split_list(value))


class AgencyListWidget(AgencyNamesWidget, widgets.ManyToManyWidget):
    """A many-to-many field of agencies (import-export saves it after the record)."""

    def __init__(self) -> None:
        widgets.ManyToManyWidget.__init__(self, Agency, field="acronym", separator=";")
        self.finder = AgencyFinder()


def find_focal_points(name: str, email: str = "") -> QuerySet[FocalPoint]:
    """Focal points matching an email (when given) or else a name, ignoring case."""
    if email:
        return FocalPoint.objects.filter(email__iexact=email)
    return FocalPoint.objects.filter(name__iexact=name)


def one_focal_point(name: str, email: str = "") -> FocalPoint:
    matches = list(find_focal_points(name, email)[:2])
    if not matches:
        raise ValueError(gettext("Unknown focal point “%(name)s”.") % {"name": email or name})
    if len(matches) > 1:
        raise ValueError(
            gettext("Several focal points are called “%(name)s”: add their email.") % {"name": name}
        )
    return matches[0]


class FocalPointListWidget(widgets.ManyToManyWidget):
    """Several focal points by name, separated by semicolons."""

    def __init__(self) -> None:
        super().__init__(FocalPoint, field="name", separator=";")

    def export_value(self, people: Any) -> str:
        items = people.all() if hasattr(people, "all") else people or []
        return join_list(person.name for person in items)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[FocalPoint]:
        return [one_focal_point(name) for name in split_list(value)]


class AgencyResource(HubResource):
    acronym = Field("acronym", column_name=_("Acronym"), widget=widgets.CharWidget())
    name = Field("name", column_name=_("Full name"), widget=widgets.CharWidget())
    kind = Field("kind", column_name=_("Kind"), widget=ChoiceWidget(AgencyKind))
    is_member = Field("is_member", column_name=_("Coalition member"), widget=YesNoWidget())
    name_variants = Field("name_variants", column_name=_("Name variants"), widget=LinesWidget())
    website = Field("website", column_name=_("Website"), widget=widgets.CharWidget())

    class Meta:
        model = Agency
        name = _("Agencies (by acronym)")
        fields = ("acronym", "name", "kind", "is_member", "name_variants", "website")
        export_order = fields
        import_id_fields = ("acronym",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def get_instance(self, instance_loader: Any, row: dict) -> Agency | None:
        # Acronyms are unique whatever their case: "undp" updates UNDP.
        acronym = str(row.get(str(self.fields["acronym"].column_name)) or "").strip()
        return Agency.objects.filter(acronym__iexact=acronym).first() if acronym else None

    def import_instance(self, instance: Agency, row: dict, **kwargs: Any) -> None:
        # ...and keeps its spelling: a lower-case cell is not a rename.
        stored = instance.acronym if instance.pk else ""
        super().import_instance(instance, row, **kwargs)
        if stored and stored.lower() == instance.acronym.lower():
            instance.acronym = stored


class FocalPointResource(HubResource):
    name = Field("name", column_name=_("Name"), widget=widgets.CharWidget())
    agency = Field("agency", column_name=_("Agency"), widget=AgencyWidget())
    position = Field("position", column_name=_("Position"), widget=widgets.CharWidget())
    level = Field("level", column_name=_("Level"), widget=ChoiceWidget(FocalLevel))
    country_code = Field("country", column_name=_("Country code"), widget=CountryWidget())
    region = Field("region", column_name=_("Region"), widget=ChoiceWidget(Region))
    email = Field("email", column_name=_("Email"), widget=widgets.CharWidget())
    phone = Field("phone", column_name=_("Phone"), widget=widgets.CharWidget())

    contact_fields = ("email", "phone")

    class Meta:
        model = FocalPoint
        name = _("Focal points (by agency and name)")
        fields = ("name", "agency", "position", "level", "country_code", "region", "email", "phone")
        export_order = fields
        import_id_fields = ("agency", "name")
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def prepare_export_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.select_related("agency", "country")
