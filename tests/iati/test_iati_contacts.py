"""A focal point's contact goes into the IATI file only if the person agreed to publish it."""

import pytest

from tests.iati.conftest import download

pytestmark = pytest.mark.django_db


def test_it_leaves_out_a_contact_who_did_not_agree(client, coalition):
    data = download(client)
    assert b"<contact-info" not in data
    assert b"lan@a.example.org" not in data


def test_it_publishes_a_contact_who_agreed(client, coalition):
    coalition.person.publishes_contact = True
    coalition.person.save()
    data = download(client)
    assert b"<email>lan@a.example.org</email>" in data
    assert b"<person-name><narrative>Nguyen Thi Lan</narrative></person-name>" in data
