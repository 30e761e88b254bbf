"""Members add and edit their agencies' catalogue entries (the secretariat, everyone's).

Another agency's entry is refused with a 403 that says why, not hidden behind a 404: the
catalogues are public lists, so saying that the entry exists reveals nothing. History is
kept by django-simple-history (who and when, from the request)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.models import Tool
from catalogues.forms import DataSetForm, EntryForm, OutreachForm, ToolForm
from catalogues.models import DataSet, OutreachMaterial
from catalogues.translations import translated


@dataclass(frozen=True)
class Kind:
    model: type[models.Model]
    form: type[EntryForm]
    title_field: str
    list_url: str
    add_title: str
    edit_title: str


KINDS = {
    "tools": Kind(
        Tool,
        ToolForm,
        "name",
        "catalogues:tools",
        gettext_lazy("Add an SPF tool"),
        gettext_lazy("Edit an SPF tool"),
    ),
    "data": Kind(
        DataSet,
        DataSetForm,
        "name",
        "catalogues:data_sets",
        gettext_lazy("Add a data set or indicator"),
        gettext_lazy("Edit a data set or indicator"),
    ),
    "outreach": Kind(
        OutreachMaterial,
        OutreachForm,
        "title",
        "catalogues:outreach",
        gettext_lazy("Add outreach material"),
        gettext_lazy("Edit outreach material"),
    ),
}


def _kind(name: str) -> Kind:
    if name not in KINDS:
        raise Http404
    return KINDS[name]


def _form_page(request: HttpRequest, kind: Kind, form: EntryForm, entry=None) -> HttpResponse:
    ctx = {
        "form": form,
        "entry": entry,
        "title": kind.edit_title if entry else kind.add_title,
        "list_url": kind.list_url,
    }
    return render(request, "catalogues/entry_form.html", ctx)


def _saved(request: HttpRequest, kind: Kind, entry) -> HttpResponse:
    name = translated(entry, kind.title_field)
    messages.success(request, _("Saved “%(name)s”.") % {"name": name})
    return redirect(kind.list_url)


@login_required
def entry_add(request: HttpRequest, kind_name: str) -> HttpResponse:
    kind = _kind(kind_name)
    if not request.user.has_perm("catalogues.add_entry"):
        raise PermissionDenied(
            _("Only members of an agency and the secretariat add entries to the catalogues.")
        )
    form = kind.form(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        return _saved(request, kind, form.save())
    return _form_page(request, kind, form)


@login_required
def entry_edit(request: HttpRequest, kind_name: str, pk: int) -> HttpResponse:
    kind = _kind(kind_name)
    entry = get_object_or_404(kind.model.objects.select_related("owner"), pk=pk)
    if not request.user.has_perm("catalogues.edit_entry", entry):
        if entry.owner is None:
            message = _("This entry has no owner agency: the secretariat keeps it.")
        else:
            message = _("You cannot change this entry: you are not a member of %(agency)s.") % {
                "agency": entry.owner.acronym
            }
        raise PermissionDenied(message)
    form = kind.form(request.POST or None, instance=entry, user=request.user)
    if request.method == "POST" and form.is_valid():
        return _saved(request, kind, form.save())
    return _form_page(request, kind, form, entry)
