import pytest
from django.urls import reverse

from tests.admin.rows import BUILDERS, add_rows

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HISTORY = {"activities.activity", "agencies.focalpoint", "workplan.deliverable", "workplan.step"}
SPREADSHEETS = {
    "countries.country",
    "agencies.agency",
    "agencies.focalpoint",
    "activities.activity",
    "workplan.deliverable",
}
# The activities' Import button opens the hub's import page (tests/admin/test_activity_import).
IMPORTED_IN_THE_ADMIN = SPREADSHEETS - {"activities.activity"}
LIST_PAGES = [(model, page) for model in BUILDERS for page in ("changelist", "add")] + [
    (model, page)
    for model in sorted(SPREADSHEETS)
    for page in ("import", "export")
    if page == "export" or model in IMPORTED_IN_THE_ADMIN
]
OBJECT_PAGES = [(model, "change") for model in BUILDERS] + [
    (model, "history") for model in sorted(HISTORY)
]


def admin_url(model: str, page: str, *args) -> str:
    return reverse(f"admin:{model.replace('.', '_')}_{page}", args=args)


@pytest.mark.parametrize(("model", "page"), LIST_PAGES)
def test_it_opens_the_admin_list_pages(superuser_client, model, page):
    add_rows(model, 2)
    response = superuser_client.get(admin_url(model, page))
    assert response.status_code == 200


@pytest.mark.parametrize(("model", "page"), OBJECT_PAGES)
def test_it_opens_the_admin_record_pages(superuser_client, model, page):
    record = add_rows(model, 1)
    response = superuser_client.get(admin_url(model, page, record.pk))
    assert response.status_code == 200
    assert str(record).split(" (")[0][:20] in response.content.decode()


@pytest.mark.parametrize("model", list(BUILDERS))
def test_it_sends_anonymous_visitors_to_the_login(client, model):
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
