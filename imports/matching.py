"""Names as people write them: each cell of an imported row to the value the hub stores.

One Lookup is built per import, reading each table once (countries, agencies, focal
points, tools): matching a 10,000-row file is then dictionary look-ups, not queries.
A value that matches nothing, or more than one thing, raises CellError with a message
that names the value and, when something close exists, what was probably meant.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django_countries import countries as iso_countries

from accounts.roles import agency_ids, is_secretariat
from activities.models import (
    GUARANTEE_FIELDS,
    Activity,
    ActivityStatus,
    ActivityType,
    Guarantee,
    Tool,
)
from agencies.models import Agency, FocalPoint
from core.names import NameIndex, NameNotFound, choice_keys, name_key
from core.resources import yes_no_words
from countries.models import Country
from imports.dates import MONTH_FIRST, DateError, Reading, read_date
from imports.finding import (  # noqa: F401 (CellError and find are read from here too)
    MESSAGES,
    VALUE_KIND,
    CellError,
    did_you_mean,
    find,
    find_list,
)
from imports.models import FocalPointProposal, ValueKind, ValueMapping
from imports.places import PlaceLookup
from imports.words import GUARANTEE_WORDS, STATUS_WORDS, TYPE_WORDS


@dataclass(frozen=True)
class Person:
    """The focal point of a row: a known one (`pk`, with `email` the file's new email for
    them, if any), or a `new` one to add: (agency id, name, email)."""

    pk: int | None
    email: str = ""
    new: tuple[int, str, str] | None = None
    # A new focal point of an agency the importer does not speak for: proposed to it.
    proposed: tuple[int, str, str] | None = None


def choice_index(
    choices: type[models.TextChoices], words: dict[str, tuple[str, ...]]
) -> NameIndex[str]:
    """A choice's value, its label in any site language, or a usual word -> the value."""
    labels = labels_of(choices)
    index: NameIndex[str] = NameIndex()
    for key, code in choice_keys(choices.choices).items():
        index.add(key, code, labels[code], strong=True)
    for code, written in words.items():
        for word in written:
            index.add(word, code, labels[code])
    return index


class Lookup:
    """Everything an import matches names against, read once (the hub's one matcher:
    core.names.NameIndex, filled by each model's name_index)."""

    def __init__(self, user: Any = None) -> None:
        self.user = user  # whose rights decide which focal points the import may add
        self.countries = Country.objects.name_index(refuse_ambiguous=True)
        # Countries, regions and "Global" in a country cell; places and themes.
        self.places = PlaceLookup(self.countries)
        self.alpha3: dict[int, str] = {
            pk: iso_countries.alpha3(code) for pk, code in Country.objects.values_list("pk", "code")
        }
        self.agencies = Agency.objects.name_index()
        self.acronyms: dict[int, str] = dict(Agency.objects.values_list("pk", "acronym"))
        self.tools = Tool.objects.name_index()
        self.tool_names: dict[int, str] = dict(Tool.objects.values_list("pk", "name"))
        self.people: NameIndex[int] = NameIndex()
        self.emails: dict[str, int] = {}
        self.person_names: dict[int, str] = {}
        self.person_emails: dict[int, str] = {}
        self.person_agency: dict[int, int] = {}
        self.in_agency: dict[tuple[int, str], list[int]] = defaultdict(list)
        people = FocalPoint.objects.values_list("pk", "name", "email", "agency_id")
        for pk, name, email, agency_id in people:
            self.person_names[pk] = name
            self.person_emails[pk] = email.strip().lower()
            self.person_agency[pk] = agency_id
            self.people.add(name, pk, name)
            self.in_agency[(agency_id, name_key(name))].append(pk)
            if email:
                self.emails.setdefault(email.strip().lower(), pk)
        self.guarantees = guarantee_index()
        self.types = choice_index(ActivityType, TYPE_WORDS)
        self.statuses = choice_index(ActivityStatus, STATUS_WORDS)
        self.yes, self.no = yes_no_words()
        self.dates = Reading()  # day first unless the file shows otherwise (check_file)
        # One object for each value rows repeat (a set of tools, a date): see share().
        self.shared: dict[Any, Any] = {}
        # Unknown tools the secretariat confirmed as new on the preview (by name key).
        self.new_tools: set[str] = set()
        self.proposed_people: set[tuple[int, str]] = set()
        if user is not None and user.pk is not None:
            self.read_mappings(ValueMapping.objects.for_reader(user, agency_ids(user)))
            waiting = FocalPointProposal.objects.filter(accepted_at__isnull=True)
            self.proposed_people = {
                (agency_id, name_key(name))
                for agency_id, name in waiting.values_list("agency_id", "name")
            }

    def share(self, value: Any) -> Any:
        """The one object equal to `value` (immutable: a frozenset, a date) kept for every
        row that has it: a file's rows repeat a few sets of tools, places, themes, blank
        columns and dates, each a new object as read (a third of a 100,000-row file's
        checked rows)."""
        return self.shared.setdefault(value, value)

    def read_mappings(self, mappings: Any) -> None:
        """Spellings mapped in earlier previews (the person's, their agencies', everyone's):
        known from now on as the record they were mapped to. One query."""
        indexes: dict[str, tuple[NameIndex, Any]] = {
            ValueKind.AGENCY: (self.agencies, self.acronyms),
            ValueKind.COUNTRY: (self.countries, self.alpha3),
            ValueKind.TOOL: (self.tools, self.tool_names),
            ValueKind.TYPE: (self.types, labels_of(ActivityType)),
            ValueKind.STATUS: (self.statuses, labels_of(ActivityStatus)),
            ValueKind.GUARANTEE: (self.guarantees, dict.fromkeys(GUARANTEE_FIELDS.values(), "")),
        }
        for kind, written, target, label in mappings.values_list(
            "kind", "written", "target", "target_label"
        ):
            index, known = indexes[kind]
            value = int(target) if target.isdecimal() else target
            if value in known and not index.knows(written):  # (a record since deleted: not)
                index.add(written, value, label)

    # Cell readers: each takes the cleaned cell and returns the stored value.

    def country(self, value: Any) -> int | None:
        text = str(value or "")
        return find(self.countries, text, "country") if text else None

    def agency_list(self, value: Any) -> list[int]:
        return find_list(self.agencies, value, "agency")

    def tool_list(self, value: Any) -> frozenset[int]:
        return frozenset(find_list(self.tools, value, "tool"))

    def tools_named(self, value: Any) -> tuple[frozenset[int], list[str]]:
        """The tools a list cell names, and the names the hub does not know that the
        secretariat confirmed as new tools on the preview (added to the catalogue by the
        apply); any other unknown name is an error offering a choice."""
        if not self.new_tools:
            return self.tool_list(value), []
        names = self.tools.split(value)
        new = [name for name in names if name_key(name) in self.new_tools]
        known = [name for name in names if name_key(name) not in self.new_tools]
        return frozenset(find_list(self.tools, "; ".join(known), "tool")), new

    def speaks_for(self, agency_id: int) -> bool:
        """May the importer add or change this agency's focal points?"""
        if self.user is None:
            return False
        return is_secretariat(self.user) or agency_id in agency_ids(self.user)

    def focal_point(self, name: str, email: str, agencies: list[int]) -> Person:
        """The focal point a row names: by email, else by name within the row's agencies
        (then in the whole hub), else a new focal point of the row's first agency."""
        email = email.strip().lower()
        if email in self.emails:
            return Person(self.emails[email])
        if not name:
            raise CellError(_("No focal point has the email “%(value)s”.") % {"value": email})
        for agency_id in agencies:
            found = self.in_agency.get((agency_id, name_key(name)), [])
            if len(found) > 1:
                raise CellError(str(MESSAGES["person"][1]) % {"value": name})
            if found:
                return self.known(found[0], email)
        try:
            return self.known(find(self.people, name, "person"), email)
        except CellError:
            if not agencies:
                raise
        agency_id = agencies[0]
        if not self.speaks_for(agency_id):
            # Proposed to that agency (the row comes in without it), once.
            if (agency_id, name_key(name)) in self.proposed_people:
                return Person(None)
            return Person(None, proposed=(agency_id, name, email))
        return Person(None, new=(agency_id, name, email))

    def known(self, pk: int, email: str) -> Person:
        """A focal point found by name; the file's email, where it differs, as an update."""
        differs = email and email != self.person_emails[pk]
        update = email if differs and self.speaks_for(self.person_agency[pk]) else ""
        return Person(pk, email=update)

    def guarantee_list(self, value: Any) -> frozenset[str]:
        """The guarantee flags a list cell names ("Health; older persons")."""
        names = guarantee_names(value)
        return frozenset(find(self.guarantees, name, "guarantee") for name in names)

    def choice(self, value: Any, index: NameIndex[str], choices: type[models.TextChoices]) -> str:
        text = str(value if value is not None else "")
        try:
            return index.find(text)
        except NameNotFound as error:
            # Suggested from labels and codes ("Studdy" is closer to "study" than its label).
            kind = ValueKind.TYPE if choices is ActivityType else ValueKind.STATUS
            raise CellError(
                _("“%(value)s” is not one of: %(choices)s.")
                % {"value": text, "choices": ", ".join(labels_of(choices).values())}
                + did_you_mean(error.suggestion),
                kind,
                [text],
            ) from error

    def activity_type(self, value: Any) -> str:
        return self.choice(value, self.types, ActivityType)

    def status(self, value: Any) -> str:
        return self.choice(value, self.statuses, ActivityStatus)

    def date(self, value: Any, *, end: bool = False) -> datetime.date | None:
        try:
            return read_date(value, self.dates.order, end=end)
        except DateError as error:
            if self.dates.order == MONTH_FIRST:
                message = _(
                    "“%(value)s” is not a date written month first, as this file's dates are "
                    "(“%(example)s”)."
                ) % {"value": shown_number(value), "example": self.dates.evidence}
            else:
                message = _(
                    "“%(value)s” is not a date: write it as 2012-05-31, 31/05/2012 or 31 May 2012."
                ) % {"value": shown_number(value)}
            raise CellError(message) from error

    def yes_no(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float):
            return bool(value)
        key = name_key(str(value if value is not None else ""))
        if key in self.yes:
            return True
        if key in self.no:
            return False
        raise CellError(_("“%(value)s” is neither yes nor no.") % {"value": value})


def guarantee_index() -> NameIndex[str]:
    """The four flags by their labels (every site language, both wordings) and usual words."""
    index: NameIndex[str] = NameIndex()
    labels = {field: str(Guarantee(value).label) for value, field in GUARANTEE_FIELDS.items()}
    named = [(field, Guarantee(value).label) for value, field in GUARANTEE_FIELDS.items()]
    named += [(field, Activity._meta.get_field(field).verbose_name) for field in labels]
    for key, field in choice_keys(named).items():
        index.add(key, field, labels[field], strong=True)
    for field, words in GUARANTEE_WORDS.items():
        for word in words:
            index.add(word, field, labels[field])
    return index


def guarantee_names(value: Any) -> list[str]:
    """A list cell's guarantees: split on semicolons, commas, line breaks and "and"."""
    text = str(value or "")
    parts = re.split(r"[;,\n/+]|\s(?:and|et|y|&)\s", text)
    return [part.strip() for part in parts if part.strip()]


def shown_number(value: Any) -> str:
    """A cell as typed: a year keyed in as a number is 2012, not 2012.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def labels_of(choices: Any) -> dict[str, str]:
    return {code: str(label) for code, label in choices.choices}
