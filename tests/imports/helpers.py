"""Files to upload, and the shortest path through an import job in tests."""

import csv
import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile

from activities.models import Role
from imports.jobs import apply_job, preview_job
from imports.models import ImportJob
from tests.factories import make_agency, make_country

HEADER = ["Reference", "Country code", "Title", "Type", "Status", "Lead agency", "Partner agencies"]


def csv_bytes(rows: list[list], header: list[str] = HEADER, encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def xlsx_bytes(rows: list[list], header: list[str] = HEADER, title: str = "Activities") -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, data: bytes, name: str = "matrix.csv"):
    """POST the file to the upload page; return the response (a redirect to the job)."""
    return client.post("/import/", {"file": SimpleUploadedFile(name, data)})


def preview(user, data: bytes, name: str = "matrix.csv") -> ImportJob:
    job = ImportJob.objects.create(user=user, file_name=name, file_data=data, file_size=len(data))
    preview_job(job)
    job.refresh_from_db()
    return job


def run(user, data: bytes, name: str = "matrix.csv") -> ImportJob:
    """Preview, then apply when the preview allows it."""
    job = preview(user, data, name)
    if job.can_apply:
        apply_job(job.pk)
        job.refresh_from_db()
    return job


def errors(job: ImportJob) -> list[str]:
    """Every row error of the preview as "row N, column: reason" lines."""
    return [
        f"row {row['n']}, {column}: {reason}"
        for row in job.preview.get("rows", [])
        if row["s"] == "error"
        for column, _value, reason in row["errors"]
    ]


def basics():
    """Viet Nam and two agencies, ILO and UNICEF."""
    return make_country("VN"), make_agency("ILO"), make_agency("UNICEF")


__all__ = ["HEADER", "Role", "basics", "csv_bytes", "errors", "preview", "run", "upload"]
