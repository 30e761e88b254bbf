"""Members add, edit, duplicate, close and delete activities from the front-end.

Each view reads top to bottom: who may do this (activities/rules.py, via has_perm), the
form, the service call (activities.services) and the answer. An edit based on an old version
is refused with what the other person changed (activities.concurrency), never applied.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.roles import agency_ids
from activities import participations
from activities.concurrency import EditConflict
from activities.forms import (
    ActivityForm,
    CloseForm,
    ConfirmForm,
    ParticipationFormSet,
    agency_choices,
    focal_point_label,
    offered_countries,
    participation_initial,
)
from activities.models import Activity, Role
from activities.services import (
    close_activity,
    create_activity,
    delete_activity,
    duplicate_activity,
    update_activity,
)
from activities.views.my_rows import pick_agency, rows_url
from agencies.models import Agency, FocalPoint
from countries.forms import country_choices
from countries.models import Subdivision


def _not_yours() -> PermissionDenied:
    return PermissionDenied(
        _("You cannot change this activity: none of your agencies takes part in it.")
    )


def _tell_proposals(request: HttpRequest, activity: Activity) -> None:
    """Say which roles wait for another agency's agreement (activities.participations)."""
    for proposal in getattr(activity, "proposals_made", []):
        messages.info(
            request,
            _(
                "%(agency)s is asked to agree to be %(role)s: until it (or the secretariat) "
                "accepts, the row shows the proposal."
            )
            % {"agency": proposal.agency.acronym, "role": proposal.get_role_display().lower()},
        )


def _tell_warnings(request: HttpRequest, form: ActivityForm) -> None:
    """What activities.places warns of (saved all the same: the person may mean it)."""
    for warning in form.place_warnings:
        messages.warning(request, warning)


def _activity(pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.select_related("country", "focal_point__agency"), pk=pk
    )


def _home_agency(request: HttpRequest, activity: Activity | None) -> Agency | None:
    """Which agency's rows to go back to: the one the user came from, else theirs in it."""
    agency = pick_agency(request, request.POST.get("agency") or request.GET.get("agency", ""))
    if agency is not None or activity is None:
        return agency
    mine = agency_ids(request.user)
    links = list(activity.participations.select_related("agency"))
    own = next((link.agency for link in links if link.agency_id in mine), None)
    lead = next((link.agency for link in links if link.role == Role.LEAD), None)
    return own or lead or (links[0].agency if links else None)


def _form_page(
    request: HttpRequest,
    form: ActivityForm,
    formset,
    activity: Activity | None,
    agency: Agency | None,
) -> HttpResponse:
    # Suggestions for the focal point: the people of the agencies in the form (a few);
    # typing fetches others from activities:focal_point_options.
    agency_pks = [a.pk for a in formset.wanted()] if formset.is_bound and formset.is_valid() else []
    if activity is not None and not agency_pks:
        agency_pks = list(activity.participations.values_list("agency_id", flat=True))
    agency_pks = agency_pks or list(agency_ids(request.user))
    people = FocalPoint.objects.select_related("agency").filter(agency_id__in=agency_pks)
    ctx = {
        "form": form,
        "formset": formset,
        "activity": activity,
        "agency": agency,
        "country_options": country_choices(),
        "agency_options": agency_choices(),
        "focal_point_options": [focal_point_label(p) for p in people.order_by("name")[:200]],
    }
    return render(request, "activities/activity_form.html", ctx)


@login_required
@require_GET
def subdivision_options(request: HttpRequest) -> HttpResponse:
    """The form's places field again, offering the places of the countries now chosen
    (htmx swaps it in when the countries change), keeping those chosen in a country still
    covered."""
    covered = offered_countries(request.GET)
    chosen = [value for value in request.GET.getlist("subdivisions") if value.isdigit()]
    kept = Subdivision.objects.filter(pk__in=chosen, country__in=covered)
    form = ActivityForm(covered=covered, initial={"subdivisions": list(kept)})
    return render(request, "activities/_field.html", {"field": form["subdivisions"]})


@login_required
def activity_add(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not user.has_perm("activities.add_activity"):
        raise PermissionDenied(_("Only members of an agency and the secretariat add activities."))
    agency = _home_agency(request, None)
    if agency is None:
        agency = Agency.objects.filter(pk__in=agency_ids(user)).order_by("acronym").first()
    initial = [{"agency": agency.acronym, "role": Role.LEAD}] if agency else []
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data)
    formset = ParticipationFormSet(data, prefix="agencies", initial=initial, user=user)
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            activity = create_activity(
                user,
                form.instance,
                formset.wanted(),
                tools_used=form.cleaned_data["tools_used"],
                tools_needed=form.cleaned_data["tools_needed"],
                places=form.places(),
                themes=form.cleaned_data["themes"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Added “%(title)s” (%(reference)s).")
                % {"title": activity.title, "reference": activity.reference},
            )
            _tell_warnings(request, form)
            _tell_proposals(request, activity)
            return redirect(rows_url(user, _home_agency(request, activity)))
    return _form_page(request, form, formset, None, agency)


@login_required
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    activity = _activity(pk)
    if not user.has_perm("activities.change_activity", activity):
        raise _not_yours()
    agency = _home_agency(request, activity)
    data = request.POST if request.method == "POST" else None
    form = ActivityForm(data, instance=activity)
    formset = ParticipationFormSet(
        data,
        prefix="agencies",
        initial=participation_initial(activity),
        user=user,
        before=participations.stored_roles(activity.pk),
    )
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            update_activity(
                user,
                form.instance,
                form.cleaned_data["version"],
                formset.wanted(),
                tools_used=form.cleaned_data["tools_used"],
                tools_needed=form.cleaned_data["tools_needed"],
                places=form.places(),
                themes=form.cleaned_data["themes"],
            )
        except EditConflict as conflict:
            # Nothing was written. The form keeps the user's text and the old version, so
            # saving again is refused too: they reload, see the other change, and redo theirs.
            form.add_error(None, conflict.message())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Saved “%(title)s”.") % {"title": activity.title})
            _tell_warnings(request, form)
            _tell_proposals(request, form.instance)
            return redirect(rows_url(user, agency))
    return _form_page(request, form, formset, activity, agency)


@login_required
def activity_duplicate(request: HttpRequest, pk: int) -> HttpResponse:
    """Copy an activity (same content and agencies, new reference, planned) and edit the copy."""
    user = request.user
    original = _activity(pk)
    if not user.has_perm("activities.change_activity", original):
        raise _not_yours()
    if not user.has_perm("activities.add_activity"):
        raise _not_yours()
    agency = _home_agency(request, original)
    form = ConfirmForm(request.POST or None, initial={"version": original.version})
    if request.method == "POST" and form.is_valid():
        try:
            copy = duplicate_activity(user, original)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Copied as %(reference)s, planned and without dates: check the fields and save.")
                % {"reference": copy.reference},
            )
            url = reverse("activities:activity_edit", kwargs={"pk": copy.pk})
            if agency is not None:
                url += f"?agency={agency.acronym}"
            return redirect(url)
    ctx = {"activity": original, "form": form, "agency": agency, "action": "duplicate"}
    return render(request, "activities/activity_confirm.html", ctx)


@login_required
def activity_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark an activity completed, with an end date (today unless the user gives one)."""
    user = request.user
    activity = _activity(pk)
    if not user.has_perm("activities.change_activity", activity):
        raise _not_yours()
    agency = _home_agency(request, activity)
    initial = {"version": activity.version, "end_date": activity.end_date or timezone.localdate()}
    form = CloseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            close_activity(
                user, activity, form.cleaned_data["version"], form.cleaned_data["end_date"]
            )
        except EditConflict as conflict:
            form.add_error(None, conflict.message())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Closed “%(title)s”: completed on %(date)s.")
                % {"title": activity.title, "date": date_format(activity.end_date)},
            )
            return redirect(rows_url(user, agency))
    ctx = {"activity": activity, "form": form, "agency": agency, "action": "close"}
    return render(request, "activities/activity_confirm.html", ctx)


@login_required
def activity_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    activity = _activity(pk)
    if not user.has_perm("activities.change_activity", activity):
        raise _not_yours()
    if not user.has_perm("activities.delete_activity", activity):
        raise PermissionDenied(
            _(
                "Other agencies take part in this activity: only a member of its lead agency "
                "or the secretariat can delete it. You can take your own agency off it in "
                "the edit form."
            )
        )
    agency = _home_agency(request, activity)
    form = ConfirmForm(request.POST or None, initial={"version": activity.version})
    if request.method == "POST" and form.is_valid():
        try:
            delete_activity(activity, form.cleaned_data["version"])
        except EditConflict as conflict:
            form.add_error(None, conflict.message())
        else:
            messages.success(
                request,
                _("Deleted “%(title)s” (%(reference)s).")
                % {"title": activity.title, "reference": activity.reference},
            )
            return redirect(rows_url(user, agency))
    ctx = {"activity": activity, "form": form, "agency": agency, "action": "delete"}
    return render(request, "activities/activity_confirm.html", ctx)
