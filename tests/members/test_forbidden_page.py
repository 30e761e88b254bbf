"""One way to refuse: a view raises PermissionDenied with its reason, and Django's handler
draws templates/403.html, which shows that reason (a refusal without one gets the general
sentence). Table-driven over the hub's refusals; nothing is changed by a refused request."""

import pytest
from django.urls import reverse

from activities.models import Activity
from tests.factories import make_focal_point, make_user

pytestmark = pytest.mark.postgres

GENERAL = "You don't have permission to do this."
EDIT = {"title": "Forged", "country": "VN", "activity_type": "costing", "version": 1}


def _activity_edit(ctx):
    return "post", reverse("activities:activity_edit", kwargs={"pk": ctx.activity_a.pk}), EDIT


def _activity_close(ctx):
    return "post", reverse("activities:activity_close", kwargs={"pk": ctx.activity_a.pk}), {}


def _quick_edit(ctx):
    return "post", reverse("activities:quick_edit", kwargs={"pk": ctx.activity_a.pk}), {}


def _my_rows_of_another_agency(ctx):
    return "get", reverse("activities:my_rows") + "?agency=AGA", {}


def _restore(ctx):
    url = reverse("activities:restore", kwargs={"reference": ctx.activity_a.reference})
    return "post", url, {"history_id": 1, "version": 1}


def _focal_point_edit(ctx):
    person = make_focal_point(ctx.agency_a)
    return "post", reverse("agencies:focal_point_edit", kwargs={"pk": person.pk}), {}


def _catalogue_add(ctx):
    return "get", reverse("catalogues:add", kwargs={"kind_name": "tools"}), {}


def _funding_totals(ctx):
    return "get", reverse("funding:totals_export") + "?format=csv", {}


def _rounds(ctx):
    return "get", reverse("rounds:index"), {}


def _dashboard(ctx):
    return "get", reverse("overview:dashboard"), {}


# (who asks, the request, the reason the page must show)
REFUSALS = [
    (
        "member_b",
        _activity_edit,
        "You cannot change this activity: none of your agencies takes part in it.",
    ),
    (
        "member_b",
        _activity_close,
        "You cannot change this activity: none of your agencies takes part in it.",
    ),
    ("member_b", _quick_edit, "You cannot edit this activity: none of your agencies takes part."),
    (
        "member_b",
        _my_rows_of_another_agency,
        "You cannot edit the rows of “AGA”: you are not one of its members.",
    ),
    ("member_b", _restore, "Only the secretariat restores earlier versions."),
    (
        "member_b",
        _focal_point_edit,
        "You cannot change this focal point: you are not a member of AGA.",
    ),
    (
        "viewer",
        _catalogue_add,
        "Only members of an agency and the secretariat add entries to the catalogues.",
    ),
    ("viewer", _funding_totals, "Funding amounts are shown to coalition members only."),
    ("member_b", _rounds, "Only the secretariat manages update rounds."),
    ("viewer", _dashboard, "The dashboard is for coalition members and the secretariat."),
]


class Context:
    def __init__(self, request):
        self.activity_a = request.getfixturevalue("activity_a")
        self.agency_a = request.getfixturevalue("agency_a")


@pytest.mark.parametrize(
    "who, build, reason", REFUSALS, ids=[build.__name__.strip("_") for _w, build, _r in REFUSALS]
)
def test_each_refusal_says_why_on_the_one_403_page(request, client, who, build, reason):
    ctx = Context(request)
    client.force_login(request.getfixturevalue(who))
    method, url, data = build(ctx)
    response = getattr(client, method)(url, data)
    assert response.status_code == 403
    assert response.templates[0].name == "403.html"
    html = response.content.decode()
    assert reason in html
    assert GENERAL not in html  # the reason replaces the general sentence
    assert "Back to the matrix" in html


def test_a_refusal_without_a_reason_gets_the_general_sentence(client, db):
    # The admin's invitation page raises a bare PermissionDenied for staff outside the
    # secretariat.
    client.force_login(make_user("staff", is_staff=True))
    response = client.get(reverse("admin:auth_user_invite"))
    assert response.status_code == 403
    assert GENERAL in response.content.decode()


def test_a_forged_edit_leaves_the_row_as_it_was(member_b_client, activity_a):
    url = reverse("activities:activity_edit", kwargs={"pk": activity_a.pk})
    member_b_client.post(url, EDIT)
    assert Activity.objects.get(pk=activity_a.pk).title == "Costing the floor"


def test_the_reason_is_translated(member_b_client, activity_a, member_b):
    member_b.profile.language = "fr"
    member_b.profile.save()
    member_b_client.force_login(member_b)
    url = reverse("activities:activity_edit", kwargs={"pk": activity_a.pk})
    html = member_b_client.post(url, EDIT).content.decode()
    assert '<html lang="fr">' in html
    assert "none of your agencies takes part in it" not in html


def test_a_page_s_reason_is_translated_when_refused(client, viewer):
    # rule_required's reasons are lazy: translated when the page is drawn, in the person's
    # language.
    viewer.profile.language = "fr"
    viewer.profile.save()
    client.force_login(viewer)
    html = client.get(reverse("overview:dashboard")).content.decode()
    assert "Le tableau de bord est destiné aux membres de la coalition" in html
