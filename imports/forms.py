from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from activities.models import ActivityType
from core.names import AmbiguousName
from core.spreadsheets.reading import check_size
from countries.models import Country
from imports.columns import IMPORTED_FIELDS, Column, field_label, mapping_problems
from imports.parsing import ImportFileError


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX, ODS or CSV)"),
        help_text=_(
            "The matrix as downloaded from the hub, the import template filled in, or your own "
            "spreadsheet (you will match its columns). Rows are matched by their reference; "
            "leave it empty for a new activity."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.ods,.csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            check_size(upload.size)
        except ImportFileError as error:
            raise forms.ValidationError(error.message) from error
        if not upload.size:
            raise forms.ValidationError(_("The file is empty."))
        return upload


class MappingForm(forms.Form):
    """One choice per column of the file: the hub field it holds, or "ignore"."""

    whole_activity_type = forms.ChoiceField(
        label=_("Type of every row"),
        choices=[("", "—"), *ActivityType.choices],
        required=False,
        help_text=_("When no column of your file holds the type of work."),
    )
    whole_country = forms.CharField(
        label=_("Country of every row"),
        required=False,
        max_length=100,
        help_text=_("When no column of your file holds the country: its name or ISO code."),
    )

    def __init__(
        self, *args: Any, columns: list[Column], whole_file: dict | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.columns = columns
        for name, value in (whole_file or {}).items():
            self.fields[f"whole_{name}"].initial = value
        choices = [("", _("Ignore this column")), *((f, field_label(f)) for f in IMPORTED_FIELDS)]
        for column in columns:
            self.fields[f"column_{column.index}"] = forms.ChoiceField(
                label=column.header or column.tag or f"#{column.index + 1}",
                choices=choices,
                required=False,
                initial=column.field,
            )

    def whole_file_fields(self) -> list[forms.BoundField]:
        return [self["whole_activity_type"], self["whole_country"]]

    def rows(self) -> list[tuple[Column, forms.BoundField]]:
        return [(column, self[f"column_{column.index}"]) for column in self.columns]

    def chosen(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{column.index}", "") for column in self.columns]

    def whole_file(self) -> dict[str, str]:
        """The values given for every row, for the fields no column holds."""
        chosen = set(self.chosen())
        values = {
            "activity_type": self.cleaned_data.get("whole_activity_type", ""),
            "country": self.cleaned_data.get("whole_country", "").strip(),
        }
        if chosen & {"country", "country_code"}:
            values.pop("country")
        return {name: value for name, value in values.items() if value and name not in chosen}

    def clean_whole_country(self) -> str:
        name = self.cleaned_data["whole_country"].strip()
        try:
            known = not name or Country.objects.name_index(refuse_ambiguous=True).get(name)
        except AmbiguousName:
            known = False
        if not known:
            raise forms.ValidationError(
                _("Unknown country “%(value)s”: use its ISO code (e.g. VNM) or its name.")
                % {"value": name}
            )
        return name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for problem in mapping_problems(self.chosen(), self.whole_file()):
            self.add_error(None, problem)
        return cleaned
