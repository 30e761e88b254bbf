"""The agency pages: every agency with what it takes part in and leads, and one agency's
countries, the activities it leads (with their download) and its focal points.

They list activities, so they live with the activities, above agencies; they keep their
URLs under /agencies/ and the "agencies:" names (spf_coalition/urls.py serves them beside
the agencies app's own focal point pages).
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Lower
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render

from activities.as_of import AsOfError
from activities.exports import activity_download
from activities.filters import country_names
from activities.matrix import with_labels
from activities.models import Activity, ActivityAgency, Role, role_order
from activities.views import past
from agencies.models import Agency, FocalLevel


def index(request: HttpRequest) -> HttpResponse:
    """Every agency with the number of activities it takes part in and leads."""
    agencies = Agency.objects.annotate(
        n=Count("participations"),
        leads=Count("participations", filter=Q(participations__role=Role.LEAD)),
    ).order_by(Lower("acronym"))
    return render(request, "agencies/index.html", {"agencies": agencies})


def agency_or_404(acronym: str) -> Agency:
    """The agency of an acronym, any case."""
    # Lower() matches the case-insensitive unique index on the acronym.
    agency = Agency.objects.alias(key=Lower("acronym")).filter(key=acronym.lower()).first()
    if agency is None:
        raise Http404("Unknown agency")
    return agency


def led_by(agency: Agency) -> QuerySet[Activity]:
    """The activities the agency leads, in the order of its page and of its download."""
    return Activity.objects.with_agency(agency.pk, Role.LEAD).order_by(
        "country__name", "title", "pk"
    )


def detail(request: HttpRequest, acronym: str) -> HttpResponse:
    """Where an agency works, what it leads, and its focal points."""
    agency = agency_or_404(acronym)
    countries = (
        # By main country: a region's or the world's rows have none (they are in its list).
        ActivityAgency.objects.filter(agency=agency, activity__country__isnull=False)
        .values_list("activity__country__code")
        .annotate(n=Count("pk"), leads=Count("pk", filter=Q(role=Role.LEAD)))
        .order_by()
    )
    names = country_names()
    where = sorted(
        (
            {"code": code, "name": names.get(code, code), "n": n, "leads": leads}
            for code, n, leads in countries
        ),
        key=lambda row: row["name"],
    )
    partners = Prefetch(
        "participations",
        queryset=ActivityAgency.objects.select_related("agency").order_by(
            role_order(), "agency__acronym"
        ),
    )
    leads = led_by(agency).select_related("country").prefetch_related(partners)
    # Paginated: a large agency leads hundreds of activities.
    page = Paginator(leads, settings.SPF_MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    people = agency.focal_points.select_related("country").order_by("level", "region", "name")
    levels = {level: [] for level in FocalLevel.values}
    user = request.user
    for person in people:
        # The rule reads the user's agencies once per request (cached): no query per person.
        person.may_edit = user.is_authenticated and user.has_perm(
            "agencies.change_focalpoint", person
        )
        levels[person.level].append(person)
    # Global first, then regional and country contacts, each with where they are the contact.
    blocks = [
        (FocalLevel.GLOBAL.label, levels[FocalLevel.GLOBAL], False),
        (FocalLevel.REGIONAL.label, levels[FocalLevel.REGIONAL], True),
        (FocalLevel.COUNTRY.label, levels[FocalLevel.COUNTRY], True),
    ]
    ctx = {
        "agency": agency,
        "where": where,
        "page": page,
        "leads": with_labels(page.object_list),
        "contacts": levels,
        "contact_blocks": blocks,
        "show_contacts": user.is_authenticated,
        "may_add_focal_point": user.is_authenticated
        and user.has_perm("agencies.act_for_agency", agency),
    }
    return render(request, "agencies/detail.html", ctx)


def agency_export(request: HttpRequest, acronym: str) -> HttpResponse:
    """The activities the page lists under "What it leads", in the page's order.

    Every activity the agency takes part in (any role) is the matrix filtered on the
    agency, whose own export the page links to.
    """
    agency = agency_or_404(acronym)
    slug = "".join(char if char.isalnum() else "-" for char in agency.acronym.lower())
    try:
        moment = past.asked_moment(request)
    except AsOfError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    if moment is not None:
        return past.agency_export(request, agency, moment, f"spf-{slug}-leads")
    return activity_download(request, led_by(agency), f"spf-{slug}-leads")
