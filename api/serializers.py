"""What the API returns for each kind of thing: plain, read-only and flat where possible.

Contact fields (a focal point's email and phone) sit in a `contact` object that is null
unless the token's owner may see contacts (the rule the pages use:
activities.view_contacts). Serializers read that answer from their context
(`show_contacts`), asked once per request by the view.
"""

from typing import Any

from django.db import models
from django.utils.encoding import iri_to_uri
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Scope,
    Tool,
    ToolPurpose,
)
from activities.models import Role as ActivityRole
from agencies.models import Agency, AgencyKind, FocalLevel, FocalPoint
from api.rows import activity_rows
from catalogues.models import (
    Access,
    Audience,
    DataSet,
    GlobalProcess,
    MaterialFormat,
    OutreachMaterial,
    UpdateFrequency,
)
from catalogues.tables import with_countries
from core.languages import LANGUAGE_CHOICES
from core.translations import translated
from countries.models import Country, Region
from funding.models import Channel, Contribution, ContributionStatus
from workplan.models import Deliverable, Step
from workplan.status import STATUS_CHOICES


class LinkField(serializers.URLField):
    """A stored link as a URI: Django's URLField keeps links as typed, letters such as "ó"
    included (an IRI), which the schema's `uri` format (RFC 3986) refuses; they go out
    percent-encoded, the address a browser would request."""

    def to_representation(self, value: str) -> str:
        return iri_to_uri(value) if value else value


class HubModelSerializer(serializers.ModelSerializer):
    serializer_field_mapping = {
        **serializers.ModelSerializer.serializer_field_mapping,
        models.URLField: LinkField,
    }


class CountrySerializer(serializers.ModelSerializer):
    code = serializers.CharField(help_text="ISO 3166-1 alpha-2 code.")
    alpha3 = serializers.CharField(help_text="ISO 3166-1 alpha-3 code.")
    name = serializers.CharField(help_text="English name.")
    region = serializers.ChoiceField(choices=Region.choices, help_text="ILO region.")

    class Meta:
        model = Country
        fields = ["code", "alpha3", "name", "region"]


class AgencySerializer(HubModelSerializer):
    kind = serializers.ChoiceField(choices=AgencyKind.choices)

    class Meta:
        model = Agency
        fields = ["acronym", "name", "kind", "is_member", "website"]


class ContactSerializer(serializers.Serializer):
    email = serializers.EmailField(allow_blank=True)
    phone = serializers.CharField(allow_blank=True)


def contact_of(person: FocalPoint, context: dict[str, Any]) -> dict[str, str] | None:
    if not context.get("show_contacts"):
        return None
    return {"email": person.email, "phone": person.phone}


class FocalPointSerializer(serializers.ModelSerializer):
    agency = serializers.CharField(source="agency.acronym", help_text="Agency acronym.")
    level = serializers.ChoiceField(choices=FocalLevel.choices)
    country = serializers.SerializerMethodField(help_text="ISO alpha-2 code, for country level.")
    region = serializers.CharField(help_text="ILO region, for regional level; else empty.")
    contact = serializers.SerializerMethodField(
        help_text="Email and phone; null unless the token's owner may see contacts."
    )

    class Meta:
        model = FocalPoint
        fields = ["id", "name", "position", "agency", "level", "country", "region", "contact"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_country(self, person: FocalPoint) -> str | None:
        return str(person.country.code) if person.country_id else None

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, person: FocalPoint) -> dict[str, str] | None:
        return contact_of(person, self.context)


class ParticipationSerializer(serializers.Serializer):
    acronym = serializers.CharField(source="agency.acronym")
    name = serializers.CharField(source="agency.name")
    role = serializers.ChoiceField(choices=ActivityRole.choices)


class ActivityFocalPointSerializer(serializers.Serializer):
    name = serializers.CharField()
    agency = serializers.CharField(source="agency.acronym")
    contact = serializers.SerializerMethodField()

    @extend_schema_field(ContactSerializer(allow_null=True))
    def get_contact(self, person: FocalPoint) -> dict[str, str] | None:
        return contact_of(person, self.context)


class CoveredCountrySerializer(CountrySerializer):
    main = serializers.BooleanField(help_text="The activity's main country.")

    class Meta(CountrySerializer.Meta):
        fields = [*CountrySerializer.Meta.fields, "main"]


class SubdivisionSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="ISO 3166-2 code, e.g. SN-DK.")
    name = serializers.CharField(help_text="ISO name, in the country's own spelling.")
    country = serializers.CharField(help_text="ISO alpha-2 code of its country.")


class ThemeSerializer(serializers.Serializer):
    code = serializers.SlugField(help_text="Stable code, e.g. universal-health-coverage.")
    name = serializers.CharField(help_text="In the reader's language (Accept-Language).")


class ActivityListSerializer(serializers.ListSerializer):
    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        return activity_rows(list(data), show_contacts=bool(self.context.get("show_contacts")))


class ActivitySerializer(serializers.ModelSerializer):
    """The shape of an activity (and its schema); api.rows fills it in, a page at a time."""

    scope = serializers.ChoiceField(
        choices=Scope.choices, help_text="One country, several, a region, or global."
    )
    region = serializers.ChoiceField(
        choices=Region.choices, allow_blank=True, help_text="The region of a regional activity."
    )
    country = CountrySerializer(
        allow_null=True,
        help_text="The main country: the one of a one-country activity, optional for several "
        "countries, null for a regional or global one.",
    )
    countries = CoveredCountrySerializer(
        many=True, help_text="Every country the activity covers, the main one first."
    )
    subdivisions = SubdivisionSerializer(
        many=True, help_text="Places inside the countries (ISO 3166-2 first level)."
    )
    themes = ThemeSerializer(many=True, help_text="The coalition's themes it works on.")
    activity_type = serializers.ChoiceField(choices=ActivityType.choices)
    status = serializers.ChoiceField(choices=ActivityStatus.choices)
    guarantees = serializers.SerializerMethodField(
        help_text="The R202 guarantees the activity touches."
    )
    agencies = ParticipationSerializer(
        source="participations", many=True, help_text="Lead first, then co-leads, partners."
    )
    tools_used = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    tools_needed = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    focal_point = ActivityFocalPointSerializer(allow_null=True)

    class Meta:
        model = Activity
        list_serializer_class = ActivityListSerializer
        fields = [
            "reference",
            "title",
            "description",
            "scope",
            "region",
            "country",
            "countries",
            "subdivisions",
            "activity_type",
            "status",
            "guarantees",
            "themes",
            "start_date",
            "end_date",
            "agencies",
            "focal_point",
            "tools_used",
            "tools_needed",
            "funding",
            "updated_at",
        ]

    def to_representation(self, instance: Activity) -> dict[str, Any]:
        show_contacts = bool(self.context.get("show_contacts"))
        return activity_rows([instance], show_contacts=show_contacts)[0]

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(Guarantee.choices)))
    def get_guarantees(self, activity: Activity) -> list[str]:
        return [value for value, field in GUARANTEE_FIELDS.items() if getattr(activity, field)]


class StepSerializer(serializers.ModelSerializer):
    deliverable = serializers.IntegerField(source="deliverable_id")

    class Meta:
        model = Step
        fields = ["id", "deliverable", "title", "due_date", "due_note", "completed_on"]


class DeliverableSerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="area.workplan.year")
    area = serializers.CharField(source="area.title")
    area_number = serializers.IntegerField(source="area.number")
    status = serializers.ChoiceField(choices=STATUS_CHOICES)
    responsible_agencies = serializers.SlugRelatedField(
        slug_field="acronym", many=True, read_only=True
    )
    responsible_people = serializers.SlugRelatedField(
        source="contacts", slug_field="name", many=True, read_only=True
    )
    steps = StepSerializer(many=True)

    class Meta:
        model = Deliverable
        fields = [
            "id",
            "year",
            "area_number",
            "area",
            "title",
            "objective",
            "how",
            "status",
            "progress",
            "responsible_agencies",
            "responsible_people",
            "responsible_note",
            "steps",
        ]


class ErrorDetailSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ContributionSerializer(serializers.ModelSerializer):
    partner = serializers.CharField(source="partner.acronym", help_text="Partner acronym.")
    channel = serializers.ChoiceField(choices=Channel.choices)
    status = serializers.ChoiceField(choices=ContributionStatus.choices)
    amount = serializers.SerializerMethodField(
        help_text="Decimal, in `currency`; null unless the token's owner may see amounts."
    )
    currency = serializers.SerializerMethodField(help_text="ISO 4217; null with `amount`.")
    countries = serializers.SerializerMethodField(help_text="ISO alpha-2 codes.")
    themes = serializers.ListField(child=serializers.ChoiceField(choices=Guarantee.choices))

    class Meta:
        model = Contribution
        fields = [
            "id",
            "partner",
            "channel",
            "amount",
            "currency",
            "status",
            "start_year",
            "end_year",
            "countries",
            "themes",
        ]

    @extend_schema_field(serializers.DecimalField(max_digits=16, decimal_places=2, allow_null=True))
    def get_amount(self, item: Contribution) -> str | None:
        return f"{item.amount:.2f}" if self.context.get("show_amounts") else None

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_currency(self, item: Contribution) -> str | None:
        return item.currency if self.context.get("show_amounts") else None

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_countries(self, item: Contribution) -> list[str]:
        return [str(country.code) for country in item.countries.all()]


class TranslatedSerializer(HubModelSerializer):
    """A catalogue entry whose `translated_fields` are given in the reader's language
    (context["language"], from ?lang or Accept-Language), in English where it has none."""

    translated_fields: tuple[str, ...] = ()

    def to_representation(self, instance: Any) -> dict[str, Any]:
        row = super().to_representation(instance)
        language = self.context.get("language")
        for field in self.translated_fields:
            row[field] = translated(instance, field, language)
        return row


class ToolListSerializer(serializers.ListSerializer):
    def to_representation(self, data: Any) -> list[dict[str, Any]]:
        return super().to_representation(with_countries(data))


class ToolSerializer(TranslatedSerializer):
    translated_fields = ("name", "description")
    owner = serializers.CharField(source="owner.acronym", allow_null=True, default=None)
    purpose = serializers.ChoiceField(choices=ToolPurpose.choices, allow_blank=True)
    languages = serializers.ListField(child=serializers.ChoiceField(choices=LANGUAGE_CHOICES))
    countries_used = serializers.SerializerMethodField(
        help_text="ISO alpha-2 codes of the countries where the matrix's activities use it."
    )

    class Meta:
        model = Tool
        list_serializer_class = ToolListSerializer
        fields = [
            "id",
            "name",
            "acronym",
            "owner",
            "purpose",
            "languages",
            "description",
            "url",
            "countries_used",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_countries_used(self, tool: Tool) -> list[str]:
        if not hasattr(tool, "countries_used"):
            with_countries([tool])
        return [str(country.code) for country in tool.countries_used]


class DataSetSerializer(TranslatedSerializer):
    translated_fields = ("name", "definition")
    owner = serializers.CharField(source="owner.acronym", allow_null=True, default=None)
    update_frequency = serializers.ChoiceField(choices=UpdateFrequency.choices, allow_blank=True)
    access = serializers.ChoiceField(choices=Access.choices)
    languages = serializers.ListField(child=serializers.ChoiceField(choices=LANGUAGE_CHOICES))

    class Meta:
        model = DataSet
        fields = [
            "id",
            "name",
            "owner",
            "definition",
            "coverage",
            "update_frequency",
            "access",
            "url",
            "languages",
        ]


class GlobalProcessSerializer(TranslatedSerializer):
    translated_fields = ("name", "what")
    agencies = serializers.SlugRelatedField(slug_field="acronym", many=True, read_only=True)

    class Meta:
        model = GlobalProcess
        fields = [
            "id",
            "name",
            "what",
            "starts_on",
            "ends_on",
            "place",
            "intervention_points",
            "agencies",
            "coalition_input",
            "input_deadline",
        ]


class OutreachMaterialSerializer(TranslatedSerializer):
    translated_fields = ("title",)
    owner = serializers.CharField(source="owner.acronym", allow_null=True, default=None)
    audience = serializers.ChoiceField(choices=Audience.choices)
    format = serializers.ChoiceField(choices=MaterialFormat.choices)
    languages = serializers.ListField(child=serializers.ChoiceField(choices=LANGUAGE_CHOICES))
    countries = serializers.SerializerMethodField(help_text="ISO alpha-2 codes; empty: anywhere.")

    class Meta:
        model = OutreachMaterial
        fields = ["id", "title", "audience", "format", "languages", "owner", "url", "countries"]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_countries(self, item: OutreachMaterial) -> list[str]:
        return [str(country.code) for country in item.countries.all()]
