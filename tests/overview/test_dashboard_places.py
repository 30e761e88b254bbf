"""The dashboard counts the work beyond one country: by scope, by theme, and by region as the
matrix's region filter finds it (issue 20). Each chart is a table, as the others."""

import pytest
from django.urls import reverse

from activities.models import Scope, Theme
from countries.models import Region
from tests.factories import Role, make_placed_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def charts(member_a_client, coalition):
    care = Theme.objects.get(code="care")
    make_placed_activity(
        Scope.MULTI_COUNTRY,
        {coalition.ilo: Role.LEAD},
        main=coalition.vn,
        countries=(coalition.mz,),
        themes=(care,),
    )
    make_placed_activity(Scope.REGIONAL, region=Region.AFRICA, themes=(care,))
    make_placed_activity(Scope.GLOBAL)
    response = member_a_client.get(reverse("overview:dashboard"))
    return {chart.key: chart for chart in response.context["dashboard"].charts}, response


def counts(chart) -> dict[str, int]:
    return {bar.label: bar.count for bar in chart.bars}


def test_it_counts_activities_by_scope(charts):
    by_key, _response = charts
    assert counts(by_key["scope"]) == {
        "One country": 5,
        "Several countries": 1,
        "Regional": 1,
        "Global": 1,
    }
    assert by_key["scope"].bars[2].url == "/matrix/?scope=regional"


def test_it_lists_every_theme_with_its_count(charts):
    by_key, _response = charts
    themes = counts(by_key["theme"])
    assert len(themes) == Theme.objects.count()
    assert themes["Care"] == 2
    assert sum(themes.values()) == 2
    assert by_key["theme"].bars[0].url.startswith("/matrix/?theme=")


def test_an_activity_counts_in_each_region_it_touches(charts):
    by_key, _response = charts
    regions = counts(by_key["region"])
    # Africa: the child benefit law, the regional event, the exchange (Mozambique).
    assert regions["Africa"] == 3
    # Asia and the Pacific: Viet Nam's two, Tuvalu's, the exchange (its main country).
    assert regions["Asia and the Pacific"] == 4


def test_each_chart_has_its_table(charts):
    _by_key, response = charts
    content = response.content.decode()
    for key in ("scope", "theme"):
        assert f'id="chart-{key}"' in content
    assert content.count('<table class="bar-chart">') >= 9
