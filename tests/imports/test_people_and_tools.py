"""People, tools, agencies and countries as partners write them: a focal point found by name
within the agency, a new one added, tools in the plural or with their acronym, suggestions
that keep a list cell whole, and names that could be several countries."""

import pytest

from activities.models import Activity, Tool
from agencies.models import FocalPoint
from tests.factories import make_country, make_focal_point
from tests.imports.helpers import basics, csv_bytes, errors, preview, run

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

HEADER = ["Country code", "Title", "Type", "Lead agency", "Partner agencies"]
HEADER += ["Focal point", "Focal point email", "Tools used"]


def row(title="Pension law", lead="ILO", partners="", person="", email="", tools="") -> list:
    return ["VNM", title, "Study", lead, partners, person, email, tools]


def test_it_finds_a_focal_point_by_name_whatever_the_email(secretariat):
    _, ilo, _ = basics()
    ana = make_focal_point(ilo, name="Ana Ruiz", email="ana@ilo.org")
    job = run(secretariat, csv_bytes([row(person="ana ruiz", email="a.ruiz@ilo.org")], HEADER))
    assert Activity.objects.get().focal_point == ana
    assert job.status == "applied"


def test_it_shows_and_applies_the_new_email(secretariat):
    _, ilo, _ = basics()
    make_focal_point(ilo, name="Ana Ruiz", email="ana@ilo.org")
    job = run(secretariat, csv_bytes([row(person="Ana Ruiz", email="a.ruiz@ilo.org")], HEADER))
    assert ["Focal point email", "ana@ilo.org", "a.ruiz@ilo.org"] in job.preview["rows"][0][
        "changes"
    ]
    assert FocalPoint.objects.get().email == "a.ruiz@ilo.org"


def test_it_adds_a_new_focal_point_of_the_rows_agency_once(secretariat):
    basics()
    rows = [row(person="Awa Diop", email="awa@ilo.org"), row("Costing", person="Awa Diop")]
    job = run(secretariat, csv_bytes(rows, HEADER))
    person = FocalPoint.objects.get()
    assert (person.name, person.agency.acronym, person.country.code) == ("Awa Diop", "ILO", "VN")
    assert set(Activity.objects.values_list("focal_point", flat=True)) == {person.pk}
    assert "Awa Diop (new focal point of ILO)" in str(job.preview["rows"])


def test_a_members_row_naming_another_agencys_new_person_proposes_it(
    member_a, agency_a, agency_b, secretariat, secretariat_client
):
    from imports.models import FocalPointProposal

    make_country("VN")
    header = ["Country code", "Title", "Type", "Lead agency", "Partner agencies", "Focal point"]
    rows = [["VNM", "Ours", "Study", "AGB", "AGA", "Someone New"]]
    job = run(member_a, csv_bytes(rows, header))
    assert (errors(job), job.created_count) == ([], 1)
    assert "Someone New (proposed to AGB's members and the secretariat)" in str(job.preview["rows"])
    ours = Activity.objects.get()
    assert (ours.focal_point, FocalPoint.objects.count()) == (None, 0)
    proposal = FocalPointProposal.objects.get()
    assert (proposal.agency, proposal.name, proposal.proposed_by) == (
        agency_b,
        "Someone New",
        member_a,
    )
    again = run(member_a, csv_bytes(rows, header))  # proposed once: nothing new to do
    assert (again.new_count, again.changed_count, FocalPointProposal.objects.count()) == (0, 0, 1)
    secretariat_client.post(
        "/admin/imports/focalpointproposal/",
        {"action": "accept", "_selected_action": [proposal.pk]},
    )
    ours.refresh_from_db()
    assert (ours.focal_point.name, ours.focal_point.agency) == ("Someone New", agency_b)


def test_it_asks_for_the_email_of_two_namesakes(secretariat):
    _, ilo, _ = basics()
    make_focal_point(ilo, name="Ana Ruiz"), make_focal_point(ilo, name="Ana Ruiz")
    job = preview(secretariat, csv_bytes([row(person="Ana Ruiz")], HEADER))
    assert errors(job) == [
        "row 2, Focal point: Several focal points are called “Ana Ruiz”: add their email."
    ]


def test_it_knows_a_tool_in_the_plural_or_with_its_acronym(secretariat):
    basics()
    ispa = Tool.objects.create(name="ISPA tool", acronym="ISPA")
    rap = Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    run(secretariat, csv_bytes([row(tools="ISPA tools; Rapid Assessment Protocol (RAP)")], HEADER))
    assert set(Activity.objects.get().tools_used.all()) == {ispa, rap}


def test_it_keeps_the_other_agencies_in_its_suggestion(secretariat):
    basics()
    job = preview(secretariat, csv_bytes([row(partners="UNICEF; UNICFE")], HEADER))
    assert errors(job) == [
        "row 2, Partner agencies: Unknown agency “UNICFE”. Did you mean "
        "“UNICEF”? The cell would then read “UNICEF; UNICEF”."
    ]


def test_it_lists_the_countries_a_name_could_be(secretariat):
    basics()
    make_country("CG", region="africa"), make_country("CD", region="africa")
    job = preview(secretariat, csv_bytes([["Congo", *row()[1:]]], ["Country", *HEADER[1:]]))
    assert errors(job) == [
        "row 2, Country: “Congo” could be several countries (Congo, Democratic "
        "Republic of the Congo): use the ISO code."
    ]


def test_it_adds_a_tool_only_when_the_secretariat_confirms_it(secretariat, secretariat_client):
    basics()
    job = preview(secretariat, csv_bytes([row(tools="Fiscal space handbook")], HEADER))
    assert job.preview["unknown"] == [["tool", "Fiscal space handbook", [2]]]
    assert not Tool.objects.exists()
    secretariat_client.post(f"/import/{job.pk}/values/", {"value_0": "add"})
    job.refresh_from_db()
    assert "Fiscal space handbook (new tool)" in str(job.preview["rows"])
    assert not Tool.objects.exists()  # nothing written before the apply
    secretariat_client.post(f"/import/{job.pk}/apply/")
    assert list(Activity.objects.get().tools_used.values_list("name", flat=True)) == [
        "Fiscal space handbook"
    ]


def test_it_refuses_an_unknown_tool_from_a_member(member_a, agency_a):
    make_country("VN")
    Tool.objects.create(name="Rapid Assessment Protocol", acronym="RAP")
    job = preview(member_a, csv_bytes([row(lead="AGA", tools="Rapid Assesment Protocol")], HEADER))
    assert errors(job) == [
        "row 2, Tools used: Unknown SPF tool “Rapid Assesment Protocol”. Did you mean “Rapid "
        "Assessment Protocol”?"
    ]
