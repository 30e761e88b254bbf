"""Meetings, decisions, action points, documents and country statuses, read with the pages'
rights: what a page hides from a reader (a members-only meeting, a private document, a
candidate country) the API leaves out for them too."""

from __future__ import annotations

import rules
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from rest_framework import serializers

from api.views.base import HubViewSet
from decisions.models import ActionPoint, CountryStatus, Decision, Document, Meeting


class DecisionSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="meeting_id")
    country = serializers.CharField(source="country.alpha3", default=None)

    class Meta:
        model = Decision
        fields = ["id", "meeting", "text", "decided_on", "decided_by", "country", "language",
                  "is_public"]  # fmt: skip


class ActionPointSerializer(serializers.ModelSerializer):
    meeting = serializers.IntegerField(source="meeting_id")
    owner_agency = serializers.CharField(source="owner_agency.acronym")
    owner_person = serializers.CharField(source="owner_person.name", default=None)
    step = serializers.IntegerField(source="step_id", allow_null=True)

    class Meta:
        model = ActionPoint
        fields = ["id", "meeting", "decision", "text", "owner_agency", "owner_person",
                  "due_date", "status", "note", "step"]  # fmt: skip


class DocumentSerializer(serializers.ModelSerializer):
    download = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = ["id", "title", "language", "date", "visibility", "content_type", "size",
                  "meeting", "deliverable", "closes_step", "activity", "country",
                  "download"]  # fmt: skip

    def get_download(self, document: Document) -> str:
        request = self.context["request"]
        return request.build_absolute_uri(reverse("decisions:document", args=[document.pk]))


class MeetingSerializer(serializers.ModelSerializer):
    agencies = serializers.SlugRelatedField(slug_field="acronym", many=True, read_only=True)
    agenda = serializers.SlugRelatedField(slug_field="title", many=True, read_only=True)
    decisions = DecisionSerializer(many=True, source="visible_decisions")
    minutes = serializers.CharField()

    class Meta:
        model = Meeting
        fields = ["id", "title", "kind", "date", "place", "online", "country", "agencies",
                  "agenda", "minutes", "language", "minutes_public", "decisions"]  # fmt: skip


class CountryStatusSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.alpha3")

    class Meta:
        model = CountryStatus
        fields = ["id", "country", "status", "since", "decision", "note"]


class MeetingViewSet(HubViewSet):
    """The coalition's meetings: all of them for members, those with public minutes for
    anyone else; each with the decisions the reader may see."""

    serializer_class = MeetingSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Meeting]:
        user = self.request.user
        decisions = Decision.objects.visible_to(user).select_related("country")
        return (
            Meeting.objects.visible_to(user)
            .prefetch_related(
                "agencies",
                "agenda",
                Prefetch("decisions", queryset=decisions, to_attr="visible_decisions"),
            )
            .order_by("-date", "-pk")
        )


class DecisionViewSet(HubViewSet):
    """The decision log: public decisions for anyone, all of them for members."""

    serializer_class = DecisionSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Decision]:
        return Decision.objects.visible_to(self.request.user).select_related("country")


class ActionPointViewSet(HubViewSet):
    """Action points, for the coalition's members only (an empty list for anyone else)."""

    serializer_class = ActionPointSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[ActionPoint]:
        actions = ActionPoint.objects.select_related("owner_agency", "owner_person")
        if not rules.has_perm("decisions.see_members_only", self.request.user):
            return actions.none()
        return actions.order_by("due_date", "pk")


class DocumentViewSet(HubViewSet):
    """The documents the reader may read, each with its download address (which checks the
    right again)."""

    serializer_class = DocumentSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[Document]:
        return Document.objects.visible_to(self.request.user).order_by("-date", "-pk")


class CountryStatusViewSet(HubViewSet):
    """Countries' statuses in the coalition's work, with their dates (candidates and requests
    for members only)."""

    serializer_class = CountryStatusSerializer
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[CountryStatus]:
        return (
            CountryStatus.objects.visible_to(self.request.user)
            .select_related("country")
            .order_by("country__code", "-since", "-pk")
        )
