"""Meetings, decisions, action points, documents, country statuses and joint country
workplans, read with the pages' rights: what a page hides from a reader (a members-only
meeting, a private document, a candidate country) the API leaves out for them too."""

from __future__ import annotations

import datetime

import rules
from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from rest_framework import serializers

from activities.models import Activity
from api.views.base import HubViewSet
from countries.models import Country
from decisions.models import (
    ActionPoint,
    CountryDeliverable,
    CountryStatus,
    Decision,
    Document,
    Meeting,
    Status,
)
from workplan.models import Deliverable, Step
from workplan.status import STATUS_CHOICES, with_status


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


class PlanStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = Step
        fields = ["id", "title", "due_date", "completed_on"]


class PlanOutputSerializer(DocumentSerializer):
    class Meta:
        model = Document
        fields = ["id", "title", "language", "date", "visibility", "download"]


class JointDeliverableSerializer(serializers.ModelSerializer):
    """One deliverable of a joint country workplan, as the country page shows it."""

    id = serializers.IntegerField(source="deliverable_id")
    year = serializers.IntegerField(source="deliverable.area.workplan.year")
    title = serializers.CharField(source="deliverable.title")
    status = serializers.ChoiceField(
        choices=STATUS_CHOICES, source="deliverable.status", help_text="As of today."
    )
    progress = serializers.IntegerField(
        source="deliverable.progress", allow_null=True, help_text="Percent, as reported."
    )
    lead_agencies = serializers.SlugRelatedField(
        source="deliverable.responsible_agencies", slug_field="acronym", many=True, read_only=True
    )
    steps = PlanStepSerializer(source="deliverable.steps", many=True)
    activities = serializers.SlugRelatedField(
        slug_field="reference",
        many=True,
        read_only=True,
        help_text="References of the matrix rows that carry it out.",
    )
    outputs = PlanOutputSerializer(
        source="deliverable.visible_outputs",
        many=True,
        help_text="The documents it produced that the reader may read.",
    )

    class Meta:
        model = CountryDeliverable
        fields = ["id", "year", "title", "status", "progress", "lead_agencies", "steps",
                  "activities", "outputs"]  # fmt: skip


class CountryWorkplanSerializer(serializers.ModelSerializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    alpha3 = serializers.CharField(help_text="ISO 3166-1 alpha-3 code.")
    name = serializers.CharField(help_text="English name.")
    status = serializers.SerializerMethodField(help_text="The country's latest status.")
    status_since = serializers.SerializerMethodField()
    deliverables = JointDeliverableSerializer(source="joint_workplan", many=True)

    class Meta:
        model = Country
        fields = ["code", "alpha3", "name", "status", "status_since", "deliverables"]

    def _status(self, country: Country) -> CountryStatus | None:
        return country.visible_statuses[0] if country.visible_statuses else None

    def get_status(self, country: Country) -> Status | None:
        status = self._status(country)
        return Status(status.status) if status else None

    def get_status_since(self, country: Country) -> datetime.date | None:
        status = self._status(country)
        return status.since if status else None


class CountryWorkplanViewSet(HubViewSet):
    """Joint country workplans: for each country that has one, its deliverables with their
    status, progress, lead agencies, dated steps, the matrix rows that carry them out and the
    outputs the reader may read (public ones for anyone, as on the country page). Look one
    up by the country's alpha-2 code."""

    serializer_class = CountryWorkplanSerializer
    lookup_field = "code"
    lookup_value_regex = "[A-Z]{2}"

    def get_queryset(self) -> QuerySet[Country]:
        user = self.request.user
        deliverables = with_status(
            Deliverable.objects.select_related("area__workplan"), timezone.localdate()
        ).prefetch_related(
            "responsible_agencies",
            Prefetch("steps", queryset=Step.objects.order_by("due_date", "pk")),
            Prefetch(
                "documents",
                queryset=Document.objects.visible_to(user).order_by("-date", "pk"),
                to_attr="visible_outputs",
            ),
        )
        plan = CountryDeliverable.objects.order_by(
            "deliverable__area__workplan__year", "deliverable_id"
        ).prefetch_related(
            Prefetch("deliverable", queryset=deliverables),
            Prefetch(
                "activities",
                queryset=Activity.objects.only("pk", "reference").order_by("reference"),
            ),
        )
        statuses = CountryStatus.objects.visible_to(user).order_by("-since", "-pk")
        return (
            Country.objects.filter(pk__in=CountryDeliverable.objects.values("country_id"))
            .prefetch_related(
                Prefetch("joint_workplan", queryset=plan),
                Prefetch("statuses", queryset=statuses, to_attr="visible_statuses"),
            )
            .order_by("name")
        )
