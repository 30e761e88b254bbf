"""A row of several countries, a region or the world is one row of the round: listed once
in each of its agencies' checklists, answered once by each, whatever its countries."""

from django.urls import reverse

from activities.models import Scope
from activities.places import set_places
from countries.models import Region
from rounds.models import RowConfirmation
from tests.factories import Role, make_activity, make_country


def test_shared_rows_are_listed_and_answered_once(member_a_client, agency_a, agency_b, part_a):
    senegal, mali = make_country("SN", Region.AFRICA), make_country("ML", Region.AFRICA)
    pair = make_activity(senegal, {agency_a: Role.LEAD, agency_b: Role.PARTNER}, title="Pair")
    set_places(pair, scope=Scope.MULTI_COUNTRY, region="", main=senegal, countries=[mali])
    africa = make_activity(senegal, {agency_a: Role.LEAD}, title="Africa event")
    set_places(africa, scope=Scope.REGIONAL, region=Region.AFRICA, main=None, countries=[])
    world = make_activity(senegal, {agency_a: Role.PARTNER}, title="World")
    set_places(world, scope=Scope.GLOBAL, region="", main=None, countries=[])

    page = member_a_client.get(reverse("rounds:checklist", kwargs={"part_id": part_a.pk}))
    assert page.status_code == 200
    html = page.content.decode()
    for row in (pair, africa, world):
        assert html.count(f'id="row-{row.pk}"') == 1
    assert "Senegal, Mali" in html and "Africa: regional" in html and "Global" in html

    for row in (pair, africa, world):
        url = reverse("rounds:confirm_row", kwargs={"part_id": part_a.pk, "activity_id": row.pk})
        assert member_a_client.post(url).status_code == 302
        member_a_client.post(url)
    answers = RowConfirmation.objects.filter(agency=agency_a)
    assert sorted(answers.values_list("activity_id", flat=True)) == sorted(
        [pair.pk, africa.pk, world.pk]
    )
