"""The decision log: every decision the reader may see (the public ones for anyone, all of
them for members), its download, and the Atom feed of the public ones."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from decisions.downloads import download_or_none
from decisions.models import Decision
from decisions.tables import DecisionTable

FEED_SIZE = 50


def decision_log(request: HttpRequest) -> HttpResponse:
    decisions = Decision.objects.visible_to(request.user).select_related("meeting", "country")
    download = download_or_none(request, DecisionTable(decisions), "decisions")
    if download is not None:
        return download
    return render(request, "decisions/log.html", {"decisions": decisions})


class DecisionFeed(Feed):
    """The public decisions, latest first, for feed readers (civil society follows the
    coalition this way). Never the members-only ones, whoever asks."""

    feed_type = Atom1Feed
    title = _("SPF coalition: decisions")
    subtitle = _("The public decisions of the Social Protection Floor coalition.")

    def link(self) -> str:
        return reverse("decisions:log")

    def items(self):
        return Decision.objects.public().select_related("meeting")[:FEED_SIZE]

    def item_title(self, item: Decision) -> str:
        return str(item)

    def item_description(self, item: Decision) -> str:
        return item.text

    def item_link(self, item: Decision) -> str:
        return f"{reverse('decisions:log')}#decision-{item.pk}"

    def item_pubdate(self, item: Decision):
        return item.recorded_at

    def item_updateddate(self, item: Decision):
        return item.recorded_at

    def item_categories(self, item: Decision):
        return [item.meeting.title]
