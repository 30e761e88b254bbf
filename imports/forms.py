from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core.spreadsheets.reading import check_size
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

    def __init__(self, *args: Any, columns: list[Column], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.columns = columns
        choices = [("", _("Ignore this column")), *((f, field_label(f)) for f in IMPORTED_FIELDS)]
        for column in columns:
            self.fields[f"column_{column.index}"] = forms.ChoiceField(
                label=column.header or column.tag or f"#{column.index + 1}",
                choices=choices,
                required=False,
                initial=column.field,
            )

    def rows(self) -> list[tuple[Column, forms.BoundField]]:
        return [(column, self[f"column_{column.index}"]) for column in self.columns]

    def chosen(self) -> list[str]:
        return [self.cleaned_data.get(f"column_{column.index}", "") for column in self.columns]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        for problem in mapping_problems(self.chosen()):
            self.add_error(None, problem)
        return cleaned
