from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from api.views import docs, iati, not_found, token
from api.views.activities import ActivityViewSet
from api.views.catalogues import (
    DataSetViewSet,
    GlobalProcessViewSet,
    OutreachMaterialViewSet,
    ToolViewSet,
)
from api.views.decisions import (
    ActionPointViewSet,
    CountryStatusViewSet,
    CountryWorkplanViewSet,
    DecisionViewSet,
    DocumentViewSet,
    MeetingViewSet,
)
from api.views.directory import AgencyViewSet, CountryViewSet, FocalPointViewSet
from api.views.funding import ContributionViewSet
from api.views.results import (
    CoverageFigureViewSet,
    IndicatorViewSet,
    MilestoneViewSet,
    ResultValueViewSet,
)
from api.views.workplan import DeliverableViewSet, StepViewSet

app_name = "api"

router = DefaultRouter(use_regex_path=True)
router.include_format_suffixes = False
router.register("activities", ActivityViewSet, basename="activity")
router.register("countries", CountryViewSet, basename="country")
router.register("agencies", AgencyViewSet, basename="agency")
router.register("focal-points", FocalPointViewSet, basename="focal-point")
router.register("deliverables", DeliverableViewSet, basename="deliverable")
router.register("steps", StepViewSet, basename="step")
router.register("contributions", ContributionViewSet, basename="contribution")
router.register("tools", ToolViewSet, basename="tool")
router.register("data-sets", DataSetViewSet, basename="data-set")
router.register("processes", GlobalProcessViewSet, basename="process")
router.register("outreach", OutreachMaterialViewSet, basename="outreach")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("action-points", ActionPointViewSet, basename="action-point")
router.register("documents", DocumentViewSet, basename="document")
router.register("country-statuses", CountryStatusViewSet, basename="country-status")
router.register("indicators", IndicatorViewSet, basename="indicator")
router.register("result-values", ResultValueViewSet, basename="result-value")
router.register("milestones", MilestoneViewSet, basename="milestone")
router.register("coverage-figures", CoverageFigureViewSet, basename="coverage-figure")
router.register("country-workplans", CountryWorkplanViewSet, basename="country-workplan")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.docs, name="docs"),
    path("token/", token.token, name="token"),
    path("iati/activities.xml", iati.iati_export, name="iati"),
    path("v1/", include(router.urls)),
    # Anything else under v1/ is a JSON 404, as the API's own answers are.
    re_path(r"^v1/", not_found.not_found),
]
