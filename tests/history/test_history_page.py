from django.urls import reverse


def _page(client, activity):
    return client.get(reverse("activities:history", kwargs={"reference": activity.reference}))


def test_it_lists_every_version_newest_first(member_b_client, activity):
    versions = _page(member_b_client, activity).context["versions"]
    assert [v.kind for v in versions] == ["Changed", "Changed", "Created"]
    assert versions[0].is_current


def test_it_shows_what_changed_field_by_field(member_b_client, activity):
    versions = _page(member_b_client, activity).context["versions"]
    changes = {c.label: (c.old, c.new) for c in versions[1].changes}
    assert changes["title"] == ("First title", "Second title")
    assert changes["status"] == ("Planned", "Ongoing")


def test_it_shows_who_and_when(member_b_client, activity):
    html = _page(member_b_client, activity).content.decode()
    assert "by secretariat on" in html
    assert "Second title" in html


def test_it_shows_agency_and_role_changes(member_b_client, activity):
    versions = _page(member_b_client, activity).context["versions"]
    assert versions[-1].agency_changes == ["AGA added as Lead"]
    assert set(versions[0].agency_changes) == {"AGA: Lead → Partner", "AGB added as Lead"}


def test_it_costs_the_same_queries_with_more_versions(
    member_b_client, activity, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        _page(member_b_client, activity)
    for n in range(5):
        activity.title = f"Title {n}"
        activity.save()
    with CaptureQueriesContext(connection) as after:
        response = _page(member_b_client, activity)
    assert len(response.context["versions"]) == 8
    assert len(after) == len(before)
