"""The hub's PostgreSQL connections run without JIT compiling (see the settings: for the
hub's short queries the compiling cost more than the query)."""

import pytest
from django.db import connection

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


def test_the_hub_s_connections_do_not_jit_compile_queries():
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        (setting,) = cursor.fetchone()
    assert setting == "off"
