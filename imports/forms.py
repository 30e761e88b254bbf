from django import forms
from django.utils.translation import gettext_lazy as _

from imports.parsing import ImportFileError, check_size


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (XLSX or CSV)"),
        help_text=_(
            "The matrix as downloaded from the hub, or the import template, filled in. "
            "Rows are matched by their reference; leave it empty for a new activity."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
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
