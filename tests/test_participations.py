"""One set of rules and one writer for an activity's agencies (activities.participations),
shared by the forms, the admin, the restore of a version and the spreadsheet import."""

import pytest
from django.core.exceptions import ValidationError

from activities import participations
from activities.models import ActivityAgency, Role
from tests.factories import make_activity, make_agency, make_member, make_secretariat

pytestmark = pytest.mark.django_db


def test_it_merges_an_agency_named_twice_in_one_role():
    wanted: dict[int, str] = {}
    participations.add(wanted, 1, Role.PARTNER, "ILO")
    participations.add(wanted, 1, Role.PARTNER, "ILO")
    assert wanted == {1: Role.PARTNER}


def test_it_refuses_an_agency_named_in_two_roles():
    wanted = {1: Role.PARTNER}
    with pytest.raises(ValidationError) as refused:
        participations.add(wanted, 1, Role.LEAD, "ILO")
    assert refused.value.messages == ["ILO is listed twice, as Partner and as Lead: keep one role."]


def test_it_names_every_agency_marked_as_lead():
    ilo, who = make_agency("ILO"), make_agency("WHO")
    with pytest.raises(ValidationError) as refused:
        participations.check(make_secretariat(), {ilo.pk: Role.LEAD, who.pk: Role.LEAD})
    assert refused.value.messages == [
        "Only one agency can lead an activity (ILO, WHO are all marked as lead): mark the "
        "others co-lead."
    ]


def test_it_refuses_no_agency_even_to_the_secretariat():
    with pytest.raises(ValidationError) as refused:
        participations.check(make_secretariat(), {})
    assert refused.value.code == "no_agency"


def test_it_keeps_a_member_in_the_row_they_change():
    mine, theirs = make_agency("AGA"), make_agency("AGB")
    with pytest.raises(ValidationError) as refused:
        participations.check(make_member(mine), {theirs.pk: Role.LEAD})
    assert refused.value.messages == ["One of your agencies (AGA) must take part in the activity."]


def test_it_writes_only_the_links_that_change():
    ilo, who, afd = make_agency("ILO"), make_agency("WHO"), make_agency("AFD")
    activity = make_activity(agencies={ilo: Role.LEAD, who: Role.PARTNER, afd: Role.FUNDER})
    before = ActivityAgency.history.count()
    participations.set_roles(
        activity.pk, {ilo.pk: Role.PARTNER, who.pk: Role.LEAD, afd.pk: Role.FUNDER}
    )
    records = ActivityAgency.history.order_by("history_id")[before:]
    assert [(r.agency.acronym, r.role, r.history_type) for r in records] == [
        ("ILO", Role.PARTNER, "~"),
        ("WHO", Role.LEAD, "~"),
    ]


def test_it_hands_the_lead_over_in_many_activities_at_once():
    ilo, who = make_agency("ILO"), make_agency("WHO")
    activities = [make_activity(agencies={ilo: Role.LEAD, who: Role.PARTNER}) for _ in range(3)]
    changes = [
        participations.plan(
            a.pk, participations.stored_links(a.pk), {ilo.pk: Role.PARTNER, who.pk: Role.LEAD}
        )
        for a in activities
    ]
    participations.write(changes)
    leads = ActivityAgency.objects.filter(role=Role.LEAD).values_list("agency__acronym", flat=True)
    assert list(leads) == ["WHO", "WHO", "WHO"]


def test_it_leaves_the_roles_a_change_does_not_manage():
    ilo, afd = make_agency("ILO"), make_agency("AFD")
    merged = participations.merged({ilo.pk: Role.LEAD, afd.pk: Role.FUNDER}, {}, {Role.LEAD})
    assert merged == {afd.pk: Role.FUNDER}
