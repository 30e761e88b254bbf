"""The checklist says who submitted and when, without a full stop after the time."""

import datetime

import lxml.html
from django.urls import reverse
from django.utils import timezone

from rounds.models import RoundAgency
from rounds.services import submit_part


def _submit_in_the_morning(user, part) -> None:
    """Submitted at 11:44 on the deadline day (on time): English shows "11:44 a.m.", which
    used to get a second "." from the sentence."""
    submit_part(user, part)
    morning = datetime.datetime.combine(part.round.deadline, datetime.time(11, 44))
    when = timezone.make_aware(morning)
    RoundAgency.objects.filter(pk=part.pk).update(submitted_at=when)


def _submitted_line(client, part) -> lxml.html.HtmlElement:
    html = client.get(reverse("rounds:checklist", kwargs={"part_id": part.pk})).content.decode()
    (block,) = lxml.html.fromstring(html).xpath('//*[@id="round-submit"]')
    return block


def test_it_puts_the_submission_time_in_a_time_element(member_a_client, member_a, part_a):
    _submit_in_the_morning(member_a, part_a)
    (time,) = _submitted_line(member_a_client, part_a).xpath(".//time")
    assert time.get("datetime").startswith(f"{part_a.round.deadline.isoformat()}T11:44")
    assert "Submitted by member_a" in time.getparent().text_content()


def test_it_ends_the_line_without_a_double_full_stop(member_a_client, member_a, part_a):
    _submit_in_the_morning(member_a, part_a)
    text = " ".join(_submitted_line(member_a_client, part_a).text_content().split())
    assert "m.." not in text
    assert text.endswith("11:44")  # day first, 24-hour clock (spf_coalition/formats)
