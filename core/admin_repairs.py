"""Repairs of Django's admin and django-simple-history for hand-made requests.

Each of these answers 500 to a value no form of the admin sends, but anyone can type: the
URL fuzz test (tests/security/test_fuzz_urls.py) found them. Repaired, they answer as the
admin does to any unknown object: "does not exist" (404 or the admin's own redirect), or the
form again with its error. The library methods are wrapped once, from CoreConfig.ready(),
because the admins of every app (and Django's own, for users and groups) use them; each
wrapper only filters the hand-made value and then calls the library as it is.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.admin import ModelAdmin
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteMixin
from django.core.exceptions import ValidationError
from django.db.models import Field
from django.http import Http404, HttpRequest
from simple_history.admin import SimpleHistoryAdmin


def fits(field: Field, value: Any) -> bool:
    """Whether `value` is a value of the column at all ("abc" is no id)."""
    try:
        field.to_python(value)
    except ValidationError:
        return False
    return True


def _autocomplete_keeps_usable_values(optgroups: Callable) -> Callable:
    """An autocomplete field redrawn after a failed save looks up the submitted values as
    they are: "abc" for an id is a ValueError (a 500) instead of the form's own error."""

    @wraps(optgroups)
    def wrapper(self: AutocompleteMixin, name: str, value: list[str], attr: Any = None):
        remote = self.field.remote_field
        target = remote.model._meta.get_field(
            getattr(remote, "field_name", None) or remote.model._meta.pk.name
        )
        return optgroups(self, name, [item for item in value if fits(target, item)], attr)

    return wrapper


def _empty_to_field_means_none(get_object: Callable) -> Callable:
    """`?_to_field=` (empty) passes the admin's check for an allowed field, then is looked up
    as a field named "" (FieldDoesNotExist, a 500)."""

    @wraps(get_object)
    def wrapper(self: ModelAdmin, request: HttpRequest, object_id: str, from_field=None):
        return get_object(self, request, object_id, from_field or None)

    return wrapper


def _history_object_id_must_fit(view: Callable) -> Callable:
    """django-simple-history filters by the object id as typed: "abc" is a ValueError (a
    500) instead of a 404."""

    @wraps(view)
    def wrapper(self: SimpleHistoryAdmin, request: HttpRequest, object_id: str, *args, **kwargs):
        if not fits(self.model._meta.pk, unquote(object_id)):
            raise Http404
        return view(self, request, object_id, *args, **kwargs)

    return wrapper


def _history_version_id_must_fit(view: Callable) -> Callable:
    """The same for one version's page, whose version id is typed too."""

    @wraps(view)
    def wrapper(
        self: SimpleHistoryAdmin,
        request: HttpRequest,
        object_id: str,
        version_id: str,
        *args: Any,
        **kwargs: Any,
    ):
        history = getattr(self.model, self.model._meta.simple_history_manager_attribute)
        if not fits(self.model._meta.pk, unquote(object_id)) or not fits(
            history.model._meta.pk, version_id
        ):
            raise Http404
        return view(self, request, object_id, version_id, *args, **kwargs)

    return wrapper


def apply() -> None:
    """Wrap the library methods (once)."""
    if getattr(ModelAdmin.get_object, "repaired", False):
        return
    AutocompleteMixin.optgroups = _autocomplete_keeps_usable_values(AutocompleteMixin.optgroups)
    ModelAdmin.get_object = _empty_to_field_means_none(ModelAdmin.get_object)
    SimpleHistoryAdmin.history_view = _history_object_id_must_fit(SimpleHistoryAdmin.history_view)
    SimpleHistoryAdmin.history_form_view = _history_version_id_must_fit(
        SimpleHistoryAdmin.history_form_view
    )
    ModelAdmin.get_object.repaired = True
