"""The documents' production path: an S3-compatible bucket through django-storages, run
against moto's standalone S3 server, started here on a free loopback port."""

import socket
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from decisions.models import Document
from tests.decisions.conftest import PDF

pytestmark = pytest.mark.django_db
BUCKET = "spf-documents"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = Path(sys.executable).with_name("moto_server")
    process = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("moto_server did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def s3_documents(settings, s3_endpoint):
    credentials = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": s3_endpoint,
                "region_name": "us-east-1",
                "access_key": "testing",
                "secret_key": "testing",
                "default_acl": "private",
                "querystring_auth": True,
                "file_overwrite": False,
            },
        },
    }
    return client


def test_a_document_goes_to_the_bucket_and_back_through_the_checking_view(
    s3_documents, member_a_client, coalition
):
    assert type(storages["documents"]).__name__ == "S3Storage"
    response = member_a_client.post(
        f"{reverse('decisions:document_add')}?action={coalition.action_a.pk}",
        {
            "title": "Matrix as sent",
            "language": "fr",
            "date": "2012-02-28",
            "visibility": "agency",
            "file": SimpleUploadedFile("matrice.pdf", PDF),
            "closes": "on",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get(title="Matrix as sent")
    keys = [item["Key"] for item in s3_documents.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert document.file.name in keys
    body = s3_documents.get_object(Bucket=BUCKET, Key=document.file.name)["Body"].read()
    assert body == PDF
    # The object is private: no grant to everyone (AllUsers) or any authenticated user.
    acl = s3_documents.get_object_acl(Bucket=BUCKET, Key=document.file.name)
    assert all(grant["Grantee"].get("URI") is None for grant in acl["Grants"])
    download = member_a_client.get(reverse("decisions:document", args=[document.pk]))
    assert b"".join(download.streaming_content) == PDF
    anonymous = Client()
    assert anonymous.get(reverse("decisions:document", args=[document.pk])).status_code == 404


def test_a_refused_file_leaves_the_bucket_as_it_was(s3_documents, member_a_client, coalition):
    before = s3_documents.list_objects_v2(Bucket=BUCKET).get("KeyCount", 0)
    response = member_a_client.post(
        f"{reverse('decisions:document_add')}?country=VN",
        {
            "title": "Not a PDF",
            "language": "en",
            "date": "2012-02-28",
            "visibility": "members",
            "file": SimpleUploadedFile("x.pdf", b"<html>no</html>"),
        },
    )
    assert response.status_code == 200
    assert "“x.pdf” was refused" in response.content.decode()
    assert s3_documents.list_objects_v2(Bucket=BUCKET).get("KeyCount", 0) == before
