import datetime

from django.urls import reverse
from django.utils import timezone

from rounds.models import RoundAgency, UpdateRound
from tests.factories import make_agency


def _form(agencies, **overrides):
    data = {
        "title": "Annual update 2025",
        "deadline": (timezone.localdate() + datetime.timedelta(days=14)).isoformat(),
        "message": "Please update your rows.",
        "agencies": [a.pk for a in agencies],
    }
    return data | overrides


def test_it_creates_one_part_per_agency_asked(secretariat_client, agency_a, agency_b):
    response = secretariat_client.post(reverse("rounds:open"), _form([agency_a, agency_b]))
    update_round = UpdateRound.objects.get()
    assert response.url == reverse("rounds:dashboard", kwargs={"round_id": update_round.pk})
    assert set(RoundAgency.objects.values_list("agency_id", flat=True)) == {
        agency_a.pk,
        agency_b.pk,
    }


def test_it_records_who_opened_the_round(secretariat_client, secretariat, agency_a):
    secretariat_client.post(reverse("rounds:open"), _form([agency_a]))
    update_round = UpdateRound.objects.get()
    assert update_round.opened_by == secretariat
    assert update_round.history.first().history_user == secretariat


def test_it_ticks_the_coalition_members_by_default(secretariat_client, agency_a):
    partner = make_agency("PART", is_member=False)
    form = secretariat_client.get(reverse("rounds:open")).context["form"]
    assert agency_a in form.initial["agencies"]
    assert partner not in form.initial["agencies"]


def test_it_names_the_field_of_bad_input(secretariat_client, agency_a):
    past = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    response = secretariat_client.post(reverse("rounds:open"), _form([], deadline=past, title=""))
    errors = response.context["form"].errors
    assert set(errors) == {"title", "deadline", "agencies"}
    assert not UpdateRound.objects.exists()


def test_it_opens_a_round_from_the_admin_with_its_agencies(superuser_client, agency_a, agency_b):
    data = _form([], ask=[agency_a.pk], closed_at="")
    data |= {
        "parts-TOTAL_FORMS": "0",
        "parts-INITIAL_FORMS": "0",
        "parts-MIN_NUM_FORMS": "0",
        "parts-MAX_NUM_FORMS": "1000",
    }
    response = superuser_client.post(reverse("admin:rounds_updateround_add"), data)
    assert response.status_code == 302
    assert list(RoundAgency.objects.values_list("agency_id", flat=True)) == [agency_a.pk]
