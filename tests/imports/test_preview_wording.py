"""The preview's words match its state: no "Ready to apply" above errors and no button."""

import pytest
from django.urls import reverse

from tests.factories import Role, make_activity
from tests.imports.helpers import basics, csv_bytes, upload

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

GOOD = ["", "VNM", "Pension law", "Study", "", "ILO", ""]
BAD = ["", "Atlantis", "Bad", "Study", "", "ILO", ""]


def page(client, rows) -> str:
    return client.get(upload(client, csv_bytes(rows)).url).content.decode()


def test_it_counts_the_rows_that_need_fixing(secretariat_client):
    basics()
    shown = page(secretariat_client, [GOOD, BAD, [*BAD[:2], "Worse", *BAD[3:]]])
    assert "2 rows need fixing before anything can be imported" in shown
    assert "Ready to apply" not in shown


def test_it_says_ready_only_when_it_offers_to_apply(secretariat_client):
    basics()
    shown = page(secretariat_client, [GOOD])
    assert "Ready to apply" in shown
    assert "Apply 1 row" in shown


def test_it_says_there_is_nothing_to_import(secretariat_client):
    _, ilo, _ = basics()
    activity = make_activity(agencies={ilo: Role.LEAD}, title="Same", activity_type="study")
    shown = page(secretariat_client, [[activity.reference, "VNM", "Same", "Study", "", "ILO", ""]])
    assert "Nothing to import: the file matches the hub" in shown


def test_it_lists_the_columns_it_ignores(secretariat_client):
    basics()
    rows = [[*GOOD, "+41 22 799 0000"]]
    header = ["Reference", "Country code", "Title", "Type", "Status", "Lead agency"]
    header += ["Partner agencies", "Focal point phone"]
    response = upload(secretariat_client, csv_bytes(rows, header=header))
    shown = secretariat_client.get(response.url).content.decode()
    assert "Columns not imported: <strong>Focal point phone</strong>." in shown


def test_it_links_the_import_template_from_the_upload_page(member_a_client):
    assert reverse("activities:import_template") in member_a_client.get("/import/").content.decode()
