"""Every URL pattern of the site as an address template, and the requests a fuzzer sends them.

`site_routes()` walks Django's resolver (the admin and every include) and turns each pattern
into a template such as "/activities/{reference}/history/"; `valid_args()` fills a template's
holes with ids of records that exist, so that a hostile value in one hole (or in the query)
reaches the view behind the others.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from django.apps import apps
from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.urls.resolvers import RegexPattern
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.security.conftest import Coalition

# Path segments a visitor can type: NUL, very long (refused before any view) and as long as
# the site lets through, unicode with SQL-looking quotes and a right-to-left override,
# negative, zero, beyond any integer column, a superscript digit (str.isdigit() says yes,
# int() says no), a bare percent sign.
HOSTILE_SEGMENTS = [
    "a\x00b",
    "x" * 5000,
    "x" * 255,
    "Ünï' OR '1'='1 --😀\u202e",
    "-1",
    "0",
    "99999999999999999999",
    "²",
    "%",
]
# The admin reads every object id through the model's field (a 404 or its own redirect for
# anything that is no id): fewer values there.
ADMIN_SEGMENTS = ["x" * 5000, "Ünï' OR '1'='1 --😀\u202e", "99999999999999999999"]
# Query values: the same (a value just under the 1,000 characters the site accepts), and
# an empty one.
HOSTILE_QUERY_VALUES = [
    "a\x00b",
    "x" * 999,
    "Ünï' OR '1'='1 --😀\u202e",
    "-1",
    "99999999999999999999",
    "²",
    "",
]
# The admin's pages share Django's code, which reads few parameters: fewer values there.
ADMIN_QUERY_VALUES = ["Ünï' OR '1'='1 --😀\u202e", "²", ""]
# Every query parameter some page reads (filters, search, sorting, paging, admin lists).
QUERY_NAMES = [
    "q",
    "page",
    "p",
    "format",
    "sort",
    "o",
    "country",
    "region",
    "agency",
    "agency_role",
    "guarantee",
    "type",
    "status",
    "year",
    "focal_point",
    "lead",
    "next",
    "_facets",
    "all",
    "e",
    "_changelist_filters",
    "_to_field",
    "_popup",
]
HOSTILE_FORM_VALUES = [
    "a\x00b",
    "x" * 5000,
    "Ünï' OR '1'='1 --😀\u202e",
    "99999999999999999999",
]
ADMIN_FORM_VALUES = ["x" * 5000, "Ünï' OR '1'='1 --😀\u202e"]
# Fields the forms of the site read.
FORM_NAMES = [
    "username",
    "password",
    "email",
    "language",
    "next",
    "title",
    "country",
    "agency",
    "role",
    "status",
    "activity_type",
    "start_date",
    "end_date",
    "focal_point",
    "version",
    "history_id",
    "deadline",
    "agencies",
    "message",
    "name",
    "level",
    "phone",
    "outcome",
    "action",
    "_selected_action",
    "new_password1",
    "new_password2",
]

_ROUTE_HOLE = re.compile(r"<(?:[^>:]+:)?(\w+)>")
_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")
_GROUP = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class Route:
    template: str  # "/activities/{reference}/history/"
    name: str  # "activities:history"
    # Holes that take digits only (<int:pk>): any other value never reaches the view.
    digit_holes: frozenset[str] = frozenset()

    @property
    def holes(self) -> list[str]:
        return re.findall(r"\{(\w+)\}", self.template)

    def url(self, args: dict[str, str]) -> str:
        """The address with the holes filled (values are percent-encoded here)."""
        return self.template.format(**{k: quote(str(v), safe="") for k, v in args.items()})


def _digit_holes(pattern: object) -> set[str]:
    converters = getattr(pattern, "converters", {})
    return {name for name, converter in converters.items() if isinstance(converter, IntConverter)}


def _template(pattern: object) -> str:
    text = str(pattern)
    if not isinstance(pattern, RegexPattern):
        return _ROUTE_HOLE.sub(r"{\1}", text)
    text = text.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    text = _NAMED_GROUP.sub(r"{\1}", text)
    count = iter(range(10))
    text = _GROUP.sub(lambda _match: f"{{arg{next(count)}}}", text)
    return text.replace("\\", "")


def site_routes() -> list[Route]:
    """Every URL pattern of the site, the admin's included."""

    def walk(
        resolver: URLResolver, prefix: str, namespace: str, digits: set[str]
    ) -> Iterator[Route]:
        for pattern in resolver.url_patterns:
            template = prefix + _template(pattern.pattern)
            inner_digits = digits | _digit_holes(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                yield from walk(pattern, template, inner, inner_digits)
            elif isinstance(pattern, URLPattern):
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name or ""
                yield Route("/" + template, name, frozenset(inner_digits))

    return list(walk(get_resolver(), "", "", set()))


def _admin_model(route: Route):
    parts = route.template.split("/")
    try:
        return apps.get_model(parts[2], parts[3])
    except (LookupError, IndexError, ValueError):
        return None


def valid_args(route: Route, coalition: Coalition) -> dict[str, str]:
    """Values for the route's holes that name records which exist (or plain "1")."""
    activity, member = coalition.activity, coalition.member
    pk_by_app = {
        "activities": activity.pk,
        "agencies": coalition.focal_point.pk,
        "imports": coalition.job.pk,
    }
    model = _admin_model(route) if route.name.startswith("admin:") else None
    record = model._default_manager.order_by("pk").first() if model else None
    history = getattr(record, "history", None) if record is not None else None
    known = {
        "reference": activity.reference,
        "pk": pk_by_app.get(route.name.split(":")[0], 1),
        "acronym": coalition.agency.acronym,
        "code": activity.country.code,
        "year": coalition.year,
        "round_id": coalition.part.round_id,
        "part_id": coalition.part.pk,
        "activity_id": activity.pk,
        "uidb64": urlsafe_base64_encode(force_bytes(member.pk)),
        "token": default_token_generator.make_token(member),
        "object_id": record.pk if record is not None else 1,
        "id": member.pk,
        "arg0": record.pk if record is not None else 1,
        "arg1": history.first().history_id if history is not None and history.exists() else 1,
        "app_label": "activities",
        "url": "nothing-here/",
        "path": "css/hub.css",
    }
    return {hole: str(known.get(hole, 1)) for hole in route.holes}


def query(value: str) -> str:
    return urlencode(dict.fromkeys(QUERY_NAMES, value))


def form(value: str) -> dict[str, str]:
    return dict.fromkeys(FORM_NAMES, value)
