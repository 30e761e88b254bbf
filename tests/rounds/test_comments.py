"""Comments on a row (and on a submission): who takes part, mentions, editing, hiding."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.language import set_language
from follows.digest import send_follow_digests
from follows.models import Follow
from rounds.models import Comment
from tests.factories import make_activity, make_agency, make_member
from tests.outcomes import LOGIN, outcome

pytestmark = pytest.mark.postgres

# The thread of a row of agency A: its members and the secretariat; 404 for the others (the
# thread is not theirs to know of).
ROW_OF_A = [
    ("anonymous", LOGIN),
    ("viewer", 404),
    ("member_a", 200),
    ("member_b", 404),
    ("secretariat", 200),
    ("superuser", 200),
]


@pytest.fixture
def row(agency_a):
    return make_activity(agencies={agency_a: "lead"}, title="Costing in Senegal")


def _post(client, row, body, capture=None):
    url = reverse("rounds:comment_row", kwargs={"pk": row.pk})
    if capture is None:
        return client.post(url, {"body": body}, follow=True)
    with capture(execute=True):
        return client.post(url, {"body": body}, follow=True)


@pytest.mark.parametrize("persona_client, expected", ROW_OF_A, indirect=["persona_client"])
def test_who_comments_on_a_row(persona_client, expected, row, member_b):
    response = persona_client.post(
        reverse("rounds:comment_row", kwargs={"pk": row.pk}), {"body": "Hello"}
    )
    assert outcome(response) == expected
    assert Comment.objects.exists() == (expected == 200)


@pytest.mark.parametrize("persona_client, expected", ROW_OF_A, indirect=["persona_client"])
def test_who_comments_on_a_submission(persona_client, expected, part_a, member_b):
    response = persona_client.post(
        reverse("rounds:comment_part", kwargs={"part_id": part_a.pk}), {"body": "Hello"}
    )
    assert outcome(response) == expected
    assert Comment.objects.exists() == (expected == 200)


def test_the_thread_shows_on_the_rows_page_for_its_people_only(client, row, member_a, member_b):
    client.force_login(member_a)
    _post(client, row, "Is the costing done?")
    page = client.get(reverse("activities:history", kwargs={"reference": row.reference}))
    assert "Is the costing done?" in page.content.decode()
    client.force_login(member_b)
    page = client.get(reverse("activities:history", kwargs={"reference": row.reference}))
    assert "Is the costing done?" not in page.content.decode()


def test_an_empty_comment_is_refused(member_a_client, row):
    response = _post(member_a_client, row, "   ")
    assert "Write something before sending the comment." in response.content.decode()
    assert not Comment.objects.exists()


def test_mentioning_an_agency_emails_its_members_in_their_language_and_lets_them_in(
    member_a_client, row, member_b, django_capture_on_commit_callbacks, client
):
    set_language(member_b, "es")
    mail.outbox.clear()
    _post(member_a_client, row, "@AGB can you co-lead?", django_capture_on_commit_callbacks)
    [email] = mail.outbox
    assert email.to == ["member_b@example.org"]
    assert email.extra_headers["Content-Language"] == "es"
    assert "can you co-lead?" in email.body and row.reference in email.body
    # Mentioned, agency B's member now reads and answers the thread.
    client.force_login(member_b)
    response = _post(client, row, "Yes")
    assert response.status_code == 200 and Comment.objects.count() == 2


def test_mentioning_a_person_by_user_name(member_a_client, row, django_capture_on_commit_callbacks):
    someone = make_member(make_agency("WHO"), username="wanda")
    mail.outbox.clear()
    _post(member_a_client, row, "Thanks @wanda.", django_capture_on_commit_callbacks)
    assert [email.to for email in mail.outbox] == [["wanda@example.org"]]
    assert list(Comment.objects.get().mentioned_people.all()) == [someone]


def test_a_mention_is_in_the_next_follow_digest(member_a_client, row, member_b):
    Follow.objects.create(user=member_b, agency=row.participations.get().agency)
    _post(member_a_client, row, "Over to @AGB")
    sent = send_follow_digests(timezone.now() + datetime.timedelta(minutes=1))
    assert sent == 1
    assert "YOU WERE MENTIONED" in mail.outbox[-1].body
    assert "mentioned you on" in mail.outbox[-1].body


def test_the_digest_tells_the_mention_in_the_readers_language(member_a_client, row, member_b):
    """Other apps' digest sections are worded once the reader's language is set (they were
    asked before it, and came out in English in a French digest)."""
    set_language(member_b, "fr")
    Follow.objects.create(user=member_b, agency=row.participations.get().agency)
    _post(member_a_client, row, "Over to @AGB")
    assert send_follow_digests(timezone.now() + datetime.timedelta(minutes=1)) == 1
    body = mail.outbox[-1].body
    assert "VOUS AVEZ ÉTÉ MENTIONNÉ" in body
    assert "YOU WERE MENTIONED" not in body


def test_the_author_corrects_within_the_window_and_the_history_keeps_both(
    member_a_client, row, member_a
):
    _post(member_a_client, row, "Typo hre")
    comment = Comment.objects.get()
    member_a_client.post(
        reverse("rounds:comment_edit", kwargs={"comment_id": comment.pk}), {"body": "Typo here"}
    )
    comment.refresh_from_db()
    assert comment.body == "Typo here" and comment.edited_at is not None
    assert {h.body for h in comment.history.all()} == {"Typo hre", "Typo here"}


def test_no_correction_after_the_window(member_a_client, row, settings):
    _post(member_a_client, row, "As said")
    comment = Comment.objects.get()
    late = timezone.now() - datetime.timedelta(minutes=settings.SPF_COMMENT_EDIT_MINUTES + 1)
    Comment.objects.filter(pk=comment.pk).update(created_at=late)
    response = member_a_client.post(
        reverse("rounds:comment_edit", kwargs={"comment_id": comment.pk}),
        {"body": "Rewritten"},
        follow=True,
    )
    assert "within 15 minutes" in response.content.decode()
    assert Comment.objects.get().body == "As said"


def test_the_secretariat_hides_with_a_reason_and_nothing_is_deleted(
    member_a_client, row, secretariat, client
):
    _post(member_a_client, row, "Something out of place")
    comment = Comment.objects.get()
    client.force_login(secretariat)
    url = reverse("rounds:comment_hide", kwargs={"comment_id": comment.pk})
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Give a reason for hiding the comment" in response.content.decode()
    client.post(url, {"reason": "Personal data"})
    comment.refresh_from_db()
    assert comment.is_hidden and comment.body == "Something out of place"
    page = client.get(reverse("activities:history", kwargs={"reference": row.reference}))
    text = page.content.decode()
    assert "Personal data" in text and "Something out of place" not in text


def test_a_member_may_not_hide(member_a_client, row):
    _post(member_a_client, row, "Mine")
    comment = Comment.objects.get()
    response = member_a_client.post(
        reverse("rounds:comment_hide", kwargs={"comment_id": comment.pk}), {"reason": "x"}
    )
    assert response.status_code == 403
    assert not Comment.objects.get().is_hidden


# Correcting a comment: its author only (member A wrote it); others in the thread are
# refused with a message (the page answers), those outside it get 404.
EDIT_A_COMMENT = [
    ("anonymous", LOGIN, False),
    ("viewer", 404, False),
    ("member_a", 200, True),
    ("member_b", 404, False),
    ("secretariat", 200, False),
    ("superuser", 200, False),
]
HIDE_A_COMMENT = [
    ("anonymous", LOGIN),
    ("viewer", 404),
    ("member_a", 403),
    ("member_b", 404),
    ("secretariat", 200),
    ("superuser", 200),
]


@pytest.fixture
def comment(row, member_a):
    from rounds.comments import post_comment

    return post_comment(member_a, "First words", activity=row)


@pytest.mark.parametrize(
    "persona_client, expected, changed", EDIT_A_COMMENT, indirect=["persona_client"]
)
def test_who_corrects_a_comment(persona_client, expected, changed, comment, member_b):
    url = reverse("rounds:comment_edit", kwargs={"comment_id": comment.pk})
    response = persona_client.post(url, {"body": "Other words"})
    assert outcome(response) == expected
    assert (Comment.objects.get().body == "Other words") == changed


@pytest.mark.parametrize("persona_client, expected", HIDE_A_COMMENT, indirect=["persona_client"])
def test_who_hides_a_comment(persona_client, expected, comment, member_b):
    url = reverse("rounds:comment_hide", kwargs={"comment_id": comment.pk})
    response = persona_client.post(url, {"reason": "Off topic"})
    assert outcome(response) == expected
    assert Comment.objects.get().is_hidden == (expected == 200)
