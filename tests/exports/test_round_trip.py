import pytest
from django.urls import reverse

from activities.exports import export_response
from activities.models import Activity
from activities.resources import ActivityResource
from tests.exports.matrix import read_csv, small_matrix

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_it_gives_the_admin_the_same_columns_as_the_front_end(superuser_client):
    small_matrix()
    fields = ActivityResource().get_export_order()
    data = {"format": "0", "resource": "0", **{f"activityresource_{f}": "on" for f in fields}}
    admin_file = superuser_client.post(reverse("admin:activities_activity_export"), data)
    front = export_response(Activity.objects.all(), "csv", include_contacts=True, filename="m")
    admin_rows = read_csv(admin_file)
    assert list(admin_rows[0]) == list(read_csv(front)[0])
    assert sorted(r["Reference"] for r in admin_rows) == sorted(
        Activity.objects.values_list("reference", flat=True)
    )
