import pytest

from tests.factories import Role, make_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity_of_a(agency_a):
    return make_activity(agencies={agency_a: Role.LEAD})


def test_it_lets_a_member_change_their_agencys_activity(member_a, activity_of_a):
    assert member_a.has_perm("activities.change_activity", activity_of_a)
    assert member_a.has_perm("activities.delete_activity", activity_of_a)


def test_it_keeps_another_agencys_member_out(member_b, activity_of_a):
    assert not member_b.has_perm("activities.change_activity", activity_of_a)
    assert not member_b.has_perm("activities.delete_activity", activity_of_a)


def test_it_lets_the_secretariat_change_anything(secretariat, activity_of_a):
    assert secretariat.has_perm("activities.change_activity", activity_of_a)
    assert secretariat.has_perm("activities.delete_activity", activity_of_a)


def test_it_gives_the_secretariat_group_the_admin_permissions(secretariat):
    assert secretariat.has_perm("activities.add_activity")
    assert secretariat.has_perm("workplan.change_deliverable")
