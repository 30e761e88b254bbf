import re

import pytest

from activities.models import Role
from tests.factories import make_activity

pytestmark = pytest.mark.django_db


def cells(response) -> dict[tuple[str, str], str]:
    """Each cell of the page's grid, as HTML, by country code and agency acronym."""
    grid = response.context["grid"]
    body = re.search(r"<tbody>(.*?)</tbody>", response.content.decode(), re.DOTALL).group(1)
    lines = re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    found = {}
    for row, line in zip(grid.rows, lines, strict=True):
        # The first <td> is the country's total; one per agency column follows.
        tds = re.findall(r"<td.*?</td>", line)[1:]
        for column, cell in zip(grid.columns, tds, strict=True):
            found[(row.code, column.acronym)] = cell
    return found


def count(cell: str) -> int:
    match = re.search(r"<a [^>]*>(\d+)", cell)
    return int(match.group(1)) if match else 0


def test_it_counts_activities_per_country_and_agency(client, world):
    make_activity(world.vn, {world.ilo: Role.PARTNER})
    grid = cells(client.get("/grid/"))
    assert count(grid[("VN", "ILO")]) == 2
    assert count(grid[("PE", "ILO")]) == 0


def test_it_marks_how_many_the_agency_leads(client, world):
    make_activity(world.vn, {world.ilo: Role.PARTNER})
    grid = cells(client.get("/grid/"))
    assert "★1" in grid[("VN", "ILO")]
    assert "★" not in grid[("VN", "UNICEF")]


def test_it_shows_only_what_the_filters_keep(client, world):
    grid = client.get("/grid/", {"region": "africa"}).context["grid"]
    assert [row.code for row in grid.rows] == ["MZ"]
    assert [column.acronym for column in grid.columns] == ["ILO", "UNICEF"]


def test_it_totals_activities_per_country_and_per_agency(client, world):
    make_activity(world.vn)  # no agency yet: still counted for the country
    grid = client.get("/grid/").context["grid"]
    assert {row.code: row.total for row in grid.rows}["VN"] == 2
    assert {c.acronym: (c.total, c.leads) for c in grid.columns}["ILO"] == (2, 1)


def test_it_links_a_cell_to_the_matching_rows_of_the_matrix(client, world):
    grid = cells(client.get("/grid/", {"status": "ongoing"}))
    assert 'href="/matrix/?status=ongoing&amp;country=VN&amp;agency=ILO"' in grid[("VN", "ILO")]


def test_it_survives_an_unknown_filter_value(client, world):
    response = client.get("/grid/", {"country": "ZZ"})
    assert response.status_code == 200
    assert response.context["grid"].rows == []
