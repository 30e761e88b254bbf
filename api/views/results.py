"""Results: the indicators' library, the activities' values, the countries' milestones and
coverage figures, read with the pages' rights: anyone reads approved values, milestones and
figures; members also read their agencies' drafts, the secretariat everything
(results.models: visible_to). Filters by country, agency, indicator and period
(results.value_filters): one that names nothing in the hub is a 400 naming it."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.views.base import HubViewSet
from results.models import (
    CountryMilestone,
    CoverageFigure,
    Indicator,
    ResultValue,
    ValuePart,
)
from results.value_filters import (
    CoverageFilterSet,
    IndicatorFilterSet,
    MilestoneFilterSet,
    ValueFilterSet,
)


@extend_schema_field(OpenApiTypes.STR)
class Alpha3Field(serializers.Field):
    """A country as its ISO 3166-1 alpha-3 code (as the downloads and IATI write it)."""

    def to_representation(self, value) -> str:
        return value.alpha3


class IndicatorSerializer(serializers.ModelSerializer):
    dimensions = serializers.ListField(child=serializers.CharField())
    guarantees = serializers.ListField(child=serializers.CharField())

    class Meta:
        model = Indicator
        fields = ["code", "name", "name_fr", "name_es", "definition", "definition_fr",
                  "definition_es", "unit", "currency", "aggregation", "dimensions",
                  "sdg_component", "guarantees", "is_active"]  # fmt: skip


class PartSerializer(serializers.ModelSerializer):
    class Meta:
        model = ValuePart
        fields = ["dimension", "category", "value"]


class ResultValueSerializer(serializers.ModelSerializer):
    activity = serializers.CharField(source="activity_indicator.activity.reference")
    indicator = serializers.CharField(source="activity_indicator.indicator.code")
    period = serializers.CharField(source="period.label")
    period_start = serializers.DateField(source="period.start")
    period_end = serializers.DateField(source="period.end")
    country = Alpha3Field(
        allow_null=True,
        help_text="The country the value is for (ISO alpha-3); null: the whole activity.",
    )
    parts = PartSerializer(many=True, help_text="The value split by sex, age group...")

    class Meta:
        model = ResultValue
        fields = ["id", "activity", "indicator", "period", "period_start", "period_end",
                  "country", "value", "parts", "achieved_on", "status", "evidence_url",
                  "evidence_note", "comment", "updated_at", "version"]  # fmt: skip


class ContributionSerializer(serializers.ModelSerializer):
    country = Alpha3Field()
    activities = serializers.SlugRelatedField(slug_field="reference", many=True, read_only=True)
    agencies = serializers.SlugRelatedField(slug_field="acronym", many=True, read_only=True)


class MilestoneSerializer(ContributionSerializer):
    class Meta:
        model = CountryMilestone
        fields = ["id", "country", "title", "language", "achieved_on", "source", "status",
                  "activities", "agencies"]  # fmt: skip


class CoverageFigureSerializer(ContributionSerializer):
    indicator = serializers.CharField(source="indicator.code")

    class Meta:
        model = CoverageFigure
        fields = ["id", "country", "indicator", "value", "year", "source", "status",
                  "activities", "agencies"]  # fmt: skip


class IndicatorViewSet(HubViewSet):
    """The coalition's library of indicators, in three languages. Look one up by its code."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilterSet
    queryset = Indicator.objects.order_by("position", "code")
    lookup_field = "code"
    lookup_value_regex = "[A-Za-z0-9][A-Za-z0-9.-]*"


class ResultValueViewSet(HubViewSet):
    """Activities' values, one per indicator, period and country, with their parts: approved
    ones for anyone, drafts too for the members of the activity's agencies."""

    serializer_class = ResultValueSerializer
    filterset_class = ValueFilterSet
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[ResultValue]:
        return (
            ResultValue.objects.visible_to(self.request.user)
            .select_related(
                "activity_indicator__activity", "activity_indicator__indicator", "period",
                "country",
            )
            .prefetch_related(Prefetch("parts", queryset=ValuePart.objects.order_by("pk")))
            .order_by("-period__start", "activity_indicator__activity__reference", "pk")
        )  # fmt: skip


class MilestoneViewSet(HubViewSet):
    """Countries' dated milestones (a law adopted, a scheme launched), with the activities
    and agencies that contributed."""

    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilterSet
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[CountryMilestone]:
        return (
            CountryMilestone.objects.visible_to(self.request.user)
            .select_related("country")
            .prefetch_related("activities", "agencies")
            .order_by("-achieved_on", "pk")
        )


class CoverageFigureViewSet(HubViewSet):
    """Countries' national coverage figures (an indicator's value in a year, with its
    source), with the activities and agencies that contributed."""

    serializer_class = CoverageFigureSerializer
    filterset_class = CoverageFilterSet
    lookup_value_regex = "[0-9]+"

    def get_queryset(self) -> QuerySet[CoverageFigure]:
        return (
            CoverageFigure.objects.visible_to(self.request.user)
            .select_related("country", "indicator")
            .prefetch_related("activities", "agencies")
            .order_by("country__code", "indicator__position", "-year", "pk")
        )
