"""Unknown values settled in the preview, with no file edit: mapped to an existing record
(remembered for the person's and their agency's next files, audited, offered to the
secretariat, who accepts it for everyone), added (the secretariat) or proposed (a member),
or their rows left out."""

import pytest
from django.test import Client

from activities.models import Activity
from agencies.models import Agency
from imports.models import ImportJob, ValueMapping
from tests.factories import make_agency, make_country, make_member, make_secretariat
from tests.imports.helpers import csv_bytes, errors, preview

pytestmark = pytest.mark.django_db

HEADER = ["Country", "Title", "Type", "Lead agency", "Partner agencies"]
ROWS = [
    ["Mozambique", "Estudio de pensiones", "Estudio", "AGA", "OPS"],
    ["Mozambique", "Piso de salud", "Estudio de caso", "AGA", "CEPAL"],
    ["Mozambique", "Transferencias", "Estudio", "AGA", ""],
]
DATA = csv_bytes(ROWS, header=HEADER)


@pytest.fixture
def world(agency_a):
    make_country("MZ")
    return {"who": make_agency("WHO", name="World Health Organization"), "a": agency_a}


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def answer(user, job: ImportJob, answers: dict) -> ImportJob:
    client_of(user).post(f"/import/{job.pk}/values/", answers)
    job.refresh_from_db()
    return job


def test_a_member_maps_leaves_out_and_the_same_file_then_changes_nothing(world, member_a):
    job = preview(member_a, DATA)
    assert job.preview["unknown"] == [
        ["agency", "OPS", [2]],
        ["type", "Estudio de caso", [3]],
        ["agency", "CEPAL", [3]],
    ]
    page = client_of(member_a).get(f"/import/{job.pk}/").content.decode()
    assert "Values the hub does not know" in page
    who = world["who"]
    job = answer(
        member_a, job, {"value_0": f"map:{who.pk}", "value_1": "map:study", "value_2": "out"}
    )
    assert (errors(job), job.new_count, job.preview["left_out"]) == (
        [],
        2,
        [[3, "agency", "CEPAL"]],
    )
    client_of(member_a).post(f"/import/{job.pk}/apply/")
    pension = Activity.objects.get(title="Estudio de pensiones")
    assert set(pension.participations.values_list("agency__acronym", flat=True)) == {"AGA", "WHO"}
    # Audited: who mapped what, when; each change in the history.
    ops = ValueMapping.objects.get(key="ops")
    assert (ops.kind, ops.target, ops.created_by, ops.agency) == (
        "agency",
        str(who.pk),
        member_a,
        world["a"],
    )
    assert ops.created_at is not None and ops.history.count() == 1
    again = preview(member_a, DATA)
    assert (again.new_count, again.changed_count, again.unchanged_count) == (0, 0, 2)
    assert again.preview["unknown"] == [["agency", "CEPAL", [3]]]


def test_a_mapping_serves_the_persons_agency_and_everyone_once_accepted(world, member_a, agency_b):
    job = preview(member_a, DATA)
    answer(member_a, job, {"value_0": f"map:{world['who'].pk}"})
    colleague, other = make_member(world["a"]), make_member(agency_b)
    assert ["agency", "OPS", [2]] not in preview(colleague, DATA).preview["unknown"]
    assert ["agency", "OPS", [2]] in preview(other, DATA).preview["unknown"]
    secretariat = make_secretariat()
    client_of(secretariat).post(
        "/admin/imports/valuemapping/",
        {"action": "accept", "_selected_action": [ValueMapping.objects.get().pk]},
    )
    accepted = ValueMapping.objects.get()
    assert (accepted.for_everyone, accepted.accepted_by) == (True, secretariat)
    assert ["agency", "OPS", [2]] not in preview(other, DATA).preview["unknown"]


def test_a_members_new_agency_is_a_proposal_the_secretariat_adds(world, member_a):
    job = preview(member_a, DATA)
    job = answer(member_a, job, {"value_0": "add", "value_1": "map:study", "value_2": "add"})
    assert job.preview["left_out"] == [[2, "agency", "OPS"], [3, "agency", "CEPAL"]]
    assert not Agency.objects.filter(acronym__in=["OPS", "CEPAL"]).exists()
    proposals = ValueMapping.objects.filter(target="")
    assert sorted(proposals.values_list("written", flat=True)) == ["CEPAL", "OPS"]
    secretariat = make_secretariat()
    client_of(secretariat).post(
        "/admin/imports/valuemapping/",
        {
            "action": "add_proposed",
            "_selected_action": list(proposals.values_list("pk", flat=True)),
        },
    )
    assert set(
        Agency.objects.filter(acronym__in=["OPS", "CEPAL"]).values_list("acronym", flat=True)
    ) == {"OPS", "CEPAL"}
    later = preview(make_member(world["a"]), DATA)  # the type was mapped for agency A too
    assert (later.preview["unknown"], later.error_count, later.new_count) == ([], 0, 3)


def test_the_secretariat_adds_an_organisation_not_in_the_hub(world):
    secretariat = make_secretariat()
    job = preview(secretariat, DATA)
    job = answer(
        secretariat,
        job,
        {"value_0": "add", "agency_kind_0": "un", "value_1": "map:study", "value_2": "out"},
    )
    ops = Agency.objects.get(acronym="OPS")
    assert (ops.kind, job.error_count, job.new_count) == ("un", 0, 2)


@pytest.mark.parametrize(
    ("persona", "status"),
    [("anonymous", 302), ("member_a", 302), ("secretariat", 200), ("superuser", 200)],
)
def test_only_the_secretariat_sees_the_spellings_in_the_admin(persona, status, request, client):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    response = client.get("/admin/imports/valuemapping/")
    assert response.status_code == status
