"""Where a comment is, in words and as a link to its thread (for emails and digests)."""

from __future__ import annotations

from django.urls import reverse

from rounds.models import Comment


def where_and_link(comment: Comment) -> tuple[str, str]:
    """What the comment is about, and the page of its thread (a path; prefix SITE_URL)."""
    if comment.activity_id:
        activity = comment.activity
        link = reverse("activities:history", kwargs={"reference": activity.reference})
        return f"{activity.reference} {activity.title}", f"{link}#comments"
    part = comment.part
    link = reverse("rounds:checklist", kwargs={"part_id": part.pk})
    return f"{part.round.local_title} · {part.agency.acronym}", f"{link}#comments"
