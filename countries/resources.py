"""Countries in spreadsheets: ISO 3166 alpha-3 codes, with names and variants understood."""

from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from import_export import widgets
from import_export.fields import Field

from core.names import AmbiguousName, NameIndex, NameNotFound
from core.resources import ChoiceWidget, HubResource, LinesWidget
from countries.models import Country, Region, iso_alpha2


def unknown_country(value: str) -> ValueError:
    return ValueError(
        gettext("Unknown country “%(value)s”: use its ISO code (e.g. VNM) or its name.")
        % {"value": value}
    )


class CountryWidget(widgets.Widget):
    """A Country row: its alpha-3 code on export; any ISO code, name or variant on import."""

    def __init__(self) -> None:
        super().__init__()
        self._index: NameIndex[int] | None = None
        self._found: dict[int, Country] = {}  # a file names the same few countries many times

    def export_value(self, country: Country | None) -> str:
        return country.code.alpha3 if country is not None else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Country | None:
        text = str(value or "").strip()
        if not text:
            return None
        if self._index is None:  # the hub's one matcher, read once per import
            self._index = Country.objects.name_index(refuse_ambiguous=True)
        try:
            pk = self._index.find(text)
        except NameNotFound as error:
            raise unknown_country(text) from error
        except AmbiguousName as error:
            raise ValueError(
                gettext("“%(value)s” could be several countries (%(names)s): use the ISO code.")
                % {"value": text, "names": ", ".join(error.candidates)}
            ) from error
        if pk not in self._found:
            self._found[pk] = Country.objects.get(pk=pk)
        return self._found[pk]


class ISOCodeWidget(widgets.Widget):
    """The code column of Country itself: alpha-3 out, alpha-2 (as stored) in."""

    def export_value(self, code: Any) -> str:
        return code.alpha3 if code else ""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return self.export_value(value)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = str(value or "").strip()
        code = iso_alpha2(text) if text else ""
        if not code:
            raise unknown_country(text)
        return code


class CountryResource(HubResource):
    code = Field("code", column_name=_("Country code"), widget=ISOCodeWidget())
    name = Field("name", column_name=_("Country"), readonly=True)
    region = Field("region", column_name=_("ILO region"), widget=ChoiceWidget(Region))
    name_variants = Field("name_variants", column_name=_("Name variants"), widget=LinesWidget())

    class Meta:
        model = Country
        name = _("Countries (ISO alpha-3 codes)")
        fields = ("code", "name", "region", "name_variants")
        export_order = fields
        import_id_fields = ("code",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
