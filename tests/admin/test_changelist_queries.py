import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.admin.rows import BUILDERS, add_rows

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.mark.parametrize("model", list(BUILDERS))
def test_it_lists_30_rows_in_as_many_queries_as_3(
    superuser_client, django_assert_num_queries, model
):
    url = reverse(f"admin:{model.replace('.', '_')}_changelist")
    add_rows(model, 3)
    with CaptureQueriesContext(connection) as small:
        assert superuser_client.get(url).status_code == 200
    add_rows(model, 27)
    with django_assert_num_queries(len(small.captured_queries)):
        response = superuser_client.get(url)
    assert response.context["cl"].result_count >= 30
