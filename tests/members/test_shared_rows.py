"""Rights on a shared row (activities.participations): a member takes only their own agency
off a row; taking another agency off it, or deleting it, needs a member of the lead agency or
the secretariat. The same rule in the rules themselves, the edit form, "My agency's rows"
and the import (the admin's formset calls the same check; the API does not write)."""

import datetime

import pytest
from django.urls import reverse

from activities import participations
from activities.models import Activity, Role
from tests.factories import make_activity, make_agency, make_country, make_member
from tests.imports.helpers import csv_bytes, errors, run
from tests.members.helpers import form_data
from tests.outcomes import LOGIN, outcome

pytestmark = pytest.mark.postgres


@pytest.fixture
def shared(agency_a, agency_b):
    """Led by A, B a partner: member_a speaks for the lead, member_b for a partner."""
    return make_activity(
        make_country("VN"),
        {agency_a: Role.LEAD, agency_b: Role.PARTNER},
        title="Shared costing",
        start_date=datetime.date(2024, 1, 1),
    )


def _roles(activity) -> dict[str, str]:
    return {p.agency.acronym: p.role for p in activity.participations.select_related("agency")}


# The rule itself, for each persona, on the shared row {A: lead, B: partner}.
# after: the agencies the change leaves (None: delete the row).
CHANGES = {
    "take B off": {"AGA": Role.LEAD},
    "take A off": {"AGB": Role.PARTNER},
    "make B the only one": {"AGB": Role.LEAD},
    "delete": None,
}
ALLOWED = {
    # persona: the changes they may make
    "viewer": set(),
    "member_a": {"take B off", "take A off", "delete"},
    "member_b": {"take B off"},
    "secretariat": set(CHANGES),
    "superuser": set(CHANGES),
}
RULE_CASES = [
    pytest.param(persona, change, change in allowed, id=f"{change}-{persona}")
    for persona, allowed in ALLOWED.items()
    for change in CHANGES
]


@pytest.mark.parametrize(("persona", "change", "allowed"), RULE_CASES)
def test_the_rule_for_each_persona(request, persona, change, allowed, shared, agency_a, agency_b):
    user = request.getfixturevalue(persona)
    ids = {"AGA": agency_a.pk, "AGB": agency_b.pk}
    before = participations.stored_roles(shared.pk)
    after = CHANGES[change]
    if after is None:
        assert user.has_perm("activities.delete_activity", shared) is allowed
        return
    wanted = {ids[acronym]: role for acronym, role in after.items()}
    try:
        participations.check(user, wanted, before=before)
    except Exception:
        assert not allowed
    else:
        assert allowed


def test_a_row_with_only_the_members_agencies_is_theirs_to_delete(agency_a, member_a):
    own = make_activity(make_country("VN"), {agency_a: Role.PARTNER})
    assert member_a.has_perm("activities.delete_activity", own)


def test_a_member_of_two_agencies_takes_one_of_them_off(agency_a, agency_b):
    both = make_member(agency_a, agency_b, username="both")
    other = make_agency("AGC")
    led_by_c = make_activity(make_country("FR"), {other: Role.LEAD, agency_b: Role.PARTNER})
    participations.check(
        both, {other.pk: Role.LEAD}, before=participations.stored_roles(led_by_c.pk)
    )


# The pages: deleting, and the edit form.
DELETE = [
    ("anonymous", LOGIN),
    ("viewer", 403),
    ("member_a", 200),
    ("member_b", 403),
    ("secretariat", 200),
    ("superuser", 200),
]


@pytest.mark.parametrize(("persona_client", "expected"), DELETE, indirect=["persona_client"])
def test_deleting_a_shared_row(persona_client, expected, shared):
    url = reverse("activities:activity_delete", kwargs={"pk": shared.pk})
    response = persona_client.post(url, {"version": shared.version})
    assert outcome(response) == expected
    assert Activity.objects.filter(pk=shared.pk).exists() is (expected != 200)


def test_the_partner_is_told_who_may_delete(member_b_client, shared):
    url = reverse("activities:activity_delete", kwargs={"pk": shared.pk})
    page = member_b_client.get(url).content.decode()
    assert "only a member of its lead agency or the secretariat can delete it" in page


def _edit(client, activity, changes: dict):
    url = reverse("activities:activity_edit", kwargs={"pk": activity.pk})
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


# The form lists A (lead) first, then B (partner).
EDITS = {
    "take B off": {"agencies-1-DELETE": "on"},
    "take A off": {"agencies-0-DELETE": "on"},
    "make B the only one": {"agencies-0-DELETE": "on", "agencies-1-role": Role.LEAD},
}
FORM_CASES = [
    pytest.param(persona, change, change in ALLOWED[persona], id=f"{change}-{persona}")
    for persona in ("member_a", "member_b", "secretariat")
    for change in EDITS
]


@pytest.mark.parametrize(
    ("persona_client", "change", "allowed"), FORM_CASES, indirect=["persona_client"]
)
def test_the_edit_form(request, persona_client, change, allowed, shared):
    response = _edit(persona_client, shared, EDITS[change])
    if allowed:
        assert response.status_code == 302
        assert _roles(shared) == CHANGES[change]
    else:
        assert response.status_code == 200
        assert _roles(shared) == {"AGA": Role.LEAD, "AGB": Role.PARTNER}
        # The lead hands the row away (theirs would no longer take part); the partner
        # takes the lead off.
        reason = {
            "member_a": "One of your agencies (AGA) must take part",
            "member_b": "removing AGA needs a member of the lead agency (AGA) or the secretariat",
        }
        assert reason[request.node.callspec.params["persona_client"]] in response.content.decode()


def test_my_rows_offers_delete_only_where_the_member_may(member_b_client, agency_b, shared):
    own = make_activity(shared.country, {agency_b: Role.LEAD}, title="B alone")
    page = member_b_client.get(reverse("activities:my_rows")).content.decode()
    assert reverse("activities:activity_delete", kwargs={"pk": own.pk}) in page
    assert reverse("activities:activity_delete", kwargs={"pk": shared.pk}) not in page


# The import: the same rule, row by row.
HEADER = ["Reference", "Country code", "Title", "Type", "Lead agency", "Partner agencies"]


@pytest.mark.django_db
def test_the_import_refuses_a_partner_taking_the_lead_off(member_b, shared):
    rows = [[shared.reference, "VNM", "Shared costing", "Study", "", "AGB"]]
    job = run(member_b, csv_bytes(rows, header=HEADER))
    assert errors(job) == [
        "row 2, Lead agency: You can take only your own agency off this activity: removing "
        "AGA needs a member of the lead agency (AGA) or the secretariat."
    ]
    assert _roles(shared) == {"AGA": Role.LEAD, "AGB": Role.PARTNER}


@pytest.mark.django_db
def test_the_import_lets_a_partner_leave_the_row(member_b, shared):
    rows = [[shared.reference, "VNM", "Shared costing", "Study", "AGA", ""]]
    run(member_b, csv_bytes(rows, header=HEADER))
    assert _roles(shared) == {"AGA": Role.LEAD}
