"""Opening a round emails every member of each asked agency, in their language, with the
deadline and a link to their agency's checklist; agencies nobody can answer for are listed
before opening and marked on the dashboard."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from rounds.models import RoundAgency, UpdateRound
from tests.factories import make_agency, make_member
from tests.week.conftest import open_test_round, speaking
from tests.workplan.conftest import eager_celery  # noqa: F401  (tasks run in-process)

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_form(agency_a, agency_b):
    deadline = timezone.localdate() + datetime.timedelta(days=14)
    return {
        "title": "2030 matrix update",
        "deadline": deadline.isoformat(),
        "message": "Please check the end dates.",
        "agencies": [agency_a.pk, agency_b.pk],
    }


def open_on_the_page(client, form, capture) -> None:
    with capture(execute=True):
        response = client.post(reverse("rounds:open"), form)
    assert response.status_code == 302


def test_it_emails_each_member_of_each_asked_agency(
    secretariat_client,
    open_form,
    agency_a,
    agency_b,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    make_member(agency_a, username="ana")
    make_member(agency_a, username="ben")
    make_member(agency_b, username="carla")
    open_on_the_page(secretariat_client, open_form, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mailoutbox) == [
        "ana@example.org",
        "ben@example.org",
        "carla@example.org",
    ]


def test_it_links_the_agency_s_checklist(
    secretariat_client, open_form, agency_a, mailoutbox, django_capture_on_commit_callbacks
):
    make_member(agency_a, username="ana")
    open_form["agencies"] = [agency_a.pk]
    open_on_the_page(secretariat_client, open_form, django_capture_on_commit_callbacks)
    part = RoundAgency.objects.get()
    (link,) = re.findall(r"https?://\S+/rounds/parts/\d+/", mailoutbox[0].body)
    assert link.endswith(f"/rounds/parts/{part.pk}/")


def test_it_writes_in_the_member_s_language_with_the_deadline(
    secretariat, agency_a, mailoutbox, django_capture_on_commit_callbacks
):
    speaking(make_member(agency_a, username="marie"), "fr")
    with django_capture_on_commit_callbacks(execute=True):
        update_round = open_test_round(secretariat, agency_a, days=30)
    message = mailoutbox[0]
    assert message.extra_headers["Content-Language"] == "fr"
    months = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ]
    deadline = update_round.deadline
    assert f"{deadline.day} {months[deadline.month - 1]} {deadline.year}" in message.body


def test_it_sends_one_email_to_a_member_of_two_asked_agencies(
    secretariat, agency_a, agency_b, mailoutbox, django_capture_on_commit_callbacks
):
    make_member(agency_a, agency_b, username="ana")
    with django_capture_on_commit_callbacks(execute=True):
        open_test_round(secretariat, agency_a, agency_b)
    assert len(mailoutbox) == 1
    assert len(re.findall(r"/rounds/parts/\d+/", mailoutbox[0].body)) == 2


def test_it_emails_an_agency_added_to_an_open_round_later(
    secretariat, agency_a, agency_b, mailoutbox, django_capture_on_commit_callbacks
):
    from rounds.services import ask_agencies

    make_member(agency_b, username="carla")
    update_round = open_test_round(secretariat, agency_a)
    with django_capture_on_commit_callbacks(execute=True):
        ask_agencies(update_round, [agency_b])
    assert [m.to for m in mailoutbox] == [["carla@example.org"]]


def test_it_lists_ticked_agencies_without_members_before_opening(secretariat_client, agency_a):
    agency_a.is_member = True
    agency_a.save()
    content = secretariat_client.get(reverse("rounds:open")).content.decode()
    assert 'id="unreachable-agencies"' in content
    assert f"/admin/auth/user/invite/?agencies={agency_a.pk}" in content


def test_it_lists_nothing_when_every_ticked_agency_has_a_member(
    secretariat_client, agency_a, member_a
):
    agency_a.is_member = True
    agency_a.save()
    content = secretariat_client.get(reverse("rounds:open")).content.decode()
    assert 'id="unreachable-agencies"' not in content


def test_it_warns_after_opening_whom_nobody_can_answer_for(
    secretariat_client, open_form, agency_a, django_capture_on_commit_callbacks
):
    make_member(agency_a, username="ana")
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(reverse("rounds:open"), open_form, follow=True)
    content = response.content.decode()
    assert "1 person gets an email." in content
    assert "Nobody can answer for AGB" in content


def test_it_marks_the_agency_without_members_on_the_dashboard(
    secretariat_client, secretariat, agency_a, agency_b, member_a
):
    update_round = open_test_round(secretariat, agency_a, agency_b)
    response = secretariat_client.get(reverse("rounds:dashboard", args=[update_round.pk]))
    assert response.context["unreachable"] == {agency_b.pk}
    assert response.content.decode().count('class="no-member"') == 1


def test_it_prefills_the_invitation_with_the_agency(secretariat_client, agency_b):
    response = secretariat_client.get(
        reverse("admin:auth_user_invite"), {"agencies": str(agency_b.pk)}
    )
    assert response.context["form"]["agencies"].value() == [str(agency_b.pk)]


def test_it_offers_all_and_none_switches(secretariat_client):
    content = secretariat_client.get(reverse("rounds:open")).content.decode()
    assert 'data-check-all="agency-choices"' in content
    assert 'data-check-none="agency-choices"' in content


def test_it_sends_nothing_for_a_closed_round(
    secretariat, agency_a, mailoutbox, django_capture_on_commit_callbacks
):
    from rounds.emails import announce

    make_member(agency_a, username="ana")
    update_round = open_test_round(secretariat, agency_a)
    UpdateRound.objects.filter(pk=update_round.pk).update(closed_at=timezone.now())
    announce(list(update_round.parts.values_list("pk", flat=True)))
    assert mailoutbox == []


def test_it_leaves_out_inactive_members(
    secretariat, agency_a, mailoutbox, django_capture_on_commit_callbacks
):
    make_member(agency_a, username="gone", is_active=False)
    other = make_agency("AGX")
    make_member(other, username="elsewhere")
    with django_capture_on_commit_callbacks(execute=True):
        open_test_round(secretariat, agency_a)
    assert mailoutbox == []
