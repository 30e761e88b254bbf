"""Members keep their agencies' focal points current (the secretariat, everyone's)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from agencies.forms import FocalPointForm
from agencies.models import FocalPoint
from countries.forms import country_choices


def _form_page(request: HttpRequest, form: FocalPointForm, person: FocalPoint | None):
    ctx = {"form": form, "person": person, "country_options": country_choices()}
    return render(request, "agencies/focal_point_form.html", ctx)


def _saved(request: HttpRequest, person: FocalPoint, message: str) -> HttpResponse:
    messages.success(request, message % {"name": person.name, "agency": person.agency.acronym})
    return redirect("agencies:detail", acronym=person.agency.acronym)


@login_required
def focal_point_add(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("agencies.add_focalpoint"):
        raise PermissionDenied(_("Only members of an agency and the secretariat add focal points."))
    # ?agency=<id> (from "my agency's rows") picks the agency; the form keeps it to theirs.
    initial = (
        {"agency": request.GET.get("agency")} if request.GET.get("agency", "").isdigit() else {}
    )
    form = FocalPointForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        return _saved(request, person, _("Added %(name)s as a focal point of %(agency)s."))
    return _form_page(request, form, None)


@login_required
def focal_point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(FocalPoint.objects.select_related("agency", "country"), pk=pk)
    if not request.user.has_perm("agencies.change_focalpoint", person):
        raise PermissionDenied(
            _("You cannot change this focal point: you are not a member of %(agency)s.")
            % {"agency": person.agency.acronym}
        )
    form = FocalPointForm(request.POST or None, instance=person, user=request.user)
    if request.method == "POST" and form.is_valid():
        person = form.save()
        return _saved(request, person, _("Saved %(name)s (%(agency)s)."))
    return _form_page(request, form, person)
