"""A partner's own spreadsheet, in the browser: upload a French ODS with the partner's own
headers, match its columns, read the preview naming the three wrong rows, upload the fixed
file (its columns remembered), apply."""

import pytest

from activities.models import Activity
from tests.browser.conftest import log_in_and_wait
from tests.factories import make_member
from tests.imports.partner_files import file_bytes, partners_hub

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ODS = "application/vnd.oasis.opendocument.spreadsheet"


def upload(page, data: bytes, name: str) -> None:
    page.get_by_role("link", name="Import", exact=True).first.click()
    page.set_input_files("input[type=file]", {"name": name, "mimeType": ODS, "buffer": data})
    page.get_by_role("button", name="Check the file").click()


def test_it_walks_a_partner_through_their_own_file(page):
    from playwright.sync_api import expect

    partners_hub()
    from agencies.models import Agency

    make_member(Agency.objects.get(acronym="ILO"), username="awa", email="awa@ilo.org")
    log_in_and_wait(page, "awa@ilo.org")

    # The file's own French headers: the mapping step shows them with guesses filled in.
    data, name = file_bytes("fr")
    upload(page, data, name)
    expect(page.locator("h1")).to_contain_text("Match the columns")
    expect(page.get_by_label("Agence chef de file")).to_have_value("lead_agency")
    expect(page.get_by_label("Remarques")).to_have_value("")
    page.get_by_role("button", name="Check the file with these columns").click()

    # The preview names exactly the three wrong rows and offers no apply.
    expect(page.locator(".subtitle")).to_contain_text("3 rows need fixing")
    expect(page.locator(".chip--error")).to_have_count(3)
    expect(page.get_by_role("button", name="Apply")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("Columns not imported: Remarques.")

    # The fixed file: its columns are remembered, the preview is ready; apply.
    fixed, name = file_bytes("fr", without_wrong_rows=True)
    upload(page, fixed, name)
    expect(page.locator(".subtitle")).to_contain_text("Ready to apply")
    page.get_by_role("button", name="Apply 3 rows").click()
    expect(page.locator("main")).to_contain_text("Imported: 3 activities created, 0 changed.")
    assert Activity.objects.count() == 3
