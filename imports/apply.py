"""Writing a checked import: bulk inserts and updates, with history, in the caller's
transaction (the agencies through activities.participations, the one writer of them).

bulk_update skips Activity.save(), so the version is bumped here (an edit form open on
an imported activity is then refused, not applied over the import: see
activities.concurrency). History is written in bulk too, with the importing user and the
file's name as the reason, so every imported change is attributable.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from activities import participations, proposals
from activities.models import Activity, Tool, new_reference
from agencies.models import FocalLevel, FocalPoint
from core.names import name_key
from imports.compare import SCALAR_FIELDS, Planned
from imports.models import FocalPointProposal
from imports.rows import TOOL_FIELDS
from imports.stored import LINKS

BATCH = 1000
# Activities per UPDATE: each statement runs the tallies' trigger once (activities.tallies),
# which joins the changed rows with their countries and agencies; 1,000 a statement made it
# a hundred runs at 100,000 rows. A part of the file (imports.compare.COMPARE_PART) is one
# statement. One parameter per column (see update_from_values), so a statement's size is
# its values', not its placeholders'.
UPDATE_BATCH = 10_000


@dataclass
class Written:
    created: list[list[str]] = field(default_factory=list)  # [reference, title]
    changed: list[list[str]] = field(default_factory=list)


def hold_back_proposals(new: list[Planned], old: list[Planned], user: Any) -> list[tuple]:
    """Take out of each plan the roles other agencies must agree to (they stay as they
    are, or wait to be added); returns (activity, roles before, roles proposed) to record
    once the rows exist."""
    held = []
    for plan in [*new, *old]:
        if plan.roles is None:
            continue
        current = dict(plan.current.roles) if plan.current is not None else {}
        saved, proposed = participations.split_agreed(user, current, plan.roles)
        if proposed:
            plan.roles = saved
            held.append((plan, current, proposed))
    return held


class Writer:
    """Writes a file's planned rows a part at a time (imports.compare.compare_parts), as one
    import: one moment and reason for every history record, each new focal point, tool and
    proposed person added once however many parts name it, the known people's new emails
    saved at the end, as from the whole file at once. The caller holds the transaction."""

    def __init__(self, user: Any, reason: str) -> None:
        self.user, self.reason = user, reason
        self.now = timezone.now()
        self.history = {
            "default_user": user,
            "default_change_reason": reason[:100],
            "default_date": self.now,
        }
        self.written = Written()
        self.people = People()
        self.references: set[str] = set()  # of the new activities, for new_reference
        self.new_emails: set[tuple[int, str]] = set()

    def write(self, planned: list[Planned]) -> None:
        user, reason, history = self.user, self.reason, self.history
        new = [plan for plan in planned if plan.current is None]
        old = [plan for plan in planned if plan.current is not None]
        written = self.written
        write_people(planned, user, reason, self.people)
        self.new_emails.update(plan.person_email for plan in planned if plan.person_email)

        created = create_activities(new, history, self.references)
        for activity in created:
            written.created.append([activity.reference, activity.title])

        update_activities(old, self.now, history)
        for plan in old:
            written.changed.append([plan.current.activity.reference, plan.current.activity.title])

        # Roles other agencies must agree to are proposals (activities.participations).
        proposed = hold_back_proposals(new, old, user)
        # Agencies: each link that changes, and only those, through the one writer.
        participations.write(
            [
                *(
                    participations.plan(activity.pk, [], plan.roles or {})
                    for plan, activity in zip(new, created, strict=True)
                ),
                *(
                    participations.plan(plan.current.activity.pk, plan.current.links, plan.roles)
                    for plan in old
                    if plan.roles is not None
                ),
            ],
            user=user,
            reason=reason,
            when=self.now,
        )
        by_plan = {id(plan): activity for plan, activity in zip(new, created, strict=True)}
        for plan, current, roles in proposed:
            activity = plan.current.activity if plan.current is not None else by_plan[id(plan)]
            proposals.propose(user, activity.pk, roles, current)

        propose_people(
            [
                *zip(new, created, strict=True),
                *((plan, plan.current.activity) for plan in old),
            ],
            user,
            self.people.proposed,
        )

        write_places(
            [
                *((activity.pk, None, plan) for plan, activity in zip(new, created, strict=True)),
                *((p.current.activity.pk, p.current, p) for p in old),
            ],
            history,
        )
        for name in TOOL_FIELDS:
            through = getattr(Activity, name).through
            changing = [p.current.activity.pk for p in old if name in p.tools]
            through.objects.filter(activity_id__in=changing).delete()
            rows = [
                through(activity_id=activity.pk, tool_id=tool_id)
                for plan, activity in [
                    *zip(new, created, strict=True),
                    *((p, p.current.activity) for p in old),
                ]
                if name in plan.tools
                for tool_id in plan.tools[name]
            ]
            through.objects.bulk_create(rows, batch_size=BATCH)

    def finish(self) -> Written:
        """The known people's new emails (each once), then what was written."""
        for pk, email in sorted(self.new_emails):
            person = FocalPoint.objects.get(pk=pk)
            person.email = email
            person._history_user, person._change_reason = self.user, self.reason[:100]
            person.save(update_fields=["email"])
        return self.written


def write_places(rows: list[tuple[int, Any, Planned]], history: dict) -> None:
    """The countries, places and themes that change: only the links added or removed, each
    in its links' history (by whom, when, why), like the agencies'. Two queries and two
    bulk inserts per kind of link, whatever the number of rows."""
    user, reason, when = (
        history["default_user"],
        history["default_change_reason"],
        history["default_date"],
    )
    for name, (model, column) in LINKS.items():
        adding, removing = [], []
        for activity_id, current, plan in rows:
            if name not in plan.places:
                continue
            before = current.places[name] if current is not None else frozenset()
            after = plan.places[name]
            adding += [model(activity_id=activity_id, **{column: pk}) for pk in after - before]
            removing += [(activity_id, pk) for pk in before - after]
        if removing:
            gone = model.objects.filter(
                activity_id__in={activity_id for activity_id, _pk in removing}
            )
            wanted = set(removing)
            gone = [link for link in gone if (link.activity_id, getattr(link, column)) in wanted]
            historical = model.history.model
            tracked = [f.attname for f in model._meta.concrete_fields]
            historical.objects.bulk_create(
                [
                    historical(
                        **{name: getattr(link, name) for name in tracked},
                        history_date=when,
                        history_type="-",
                        history_user_id=user.pk if user is not None else None,
                        history_change_reason=reason,
                    )
                    for link in gone
                ],
                batch_size=BATCH,
            )
            # Plain SQL: a queryset's delete would write each link's history again, one by
            # one and without the importer's name.
            table = connection.ops.quote_name(model._meta.db_table)
            ids = [link.pk for link in gone]
            with connection.cursor() as cursor:
                for start in range(0, len(ids), BATCH):
                    batch = ids[start : start + BATCH]
                    marks = ", ".join(["%s"] * len(batch))
                    cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", batch)
        if adding:
            bulk_create_with_history(adding, model, batch_size=BATCH, **history)


@dataclass
class People:
    """The focal points, tools and proposed people an import added so far (by email, name
    key, tool name key, agency and name key): each is added once per file."""

    by_email: dict[str, FocalPoint] = field(default_factory=dict)
    by_name: dict[str, FocalPoint] = field(default_factory=dict)
    tools: dict[str, int] = field(default_factory=dict)
    proposed: set[tuple[int, str]] = field(default_factory=set)


def write_people(planned: list[Planned], user: Any, reason: str, people: People) -> None:
    """The focal points and tools the file adds (each once, however many rows name them),
    before the activities that point at them."""
    # One person, one identity, whatever the agency of the row: the same email, or the same
    # name where one of the two rows gives no email.
    by_email, by_name = people.by_email, people.by_name
    for plan in planned:
        if plan.new_person is None:
            continue
        agency_id, name, email = plan.new_person
        email = email.strip().lower()
        person = by_email.get(email) if email else None
        named = by_name.get(name_key(name))
        if person is None and named is not None and not (email and named.email):
            person = named
        if person is None:
            person = FocalPoint(agency_id=agency_id, name=name[:120], email=email)
            place_person(person, plan)
            person._history_user, person._change_reason = user, reason[:100]
            person.save()
        if email:
            by_email.setdefault(email, person)
        by_name.setdefault(name_key(name), person)
        plan.fields["focal_point_id"] = person.pk
    tools = people.tools
    for plan in planned:
        for column, names in plan.new_tools.items():
            for name in names:
                key = name_key(name)
                if key not in tools:
                    tools[key] = Tool.objects.create(name=name[:120]).pk
            added = {tools[name_key(name)] for name in names}
            plan.tools[column] = frozenset(plan.tools.get(column, frozenset()) | added)


def place_person(person: FocalPoint, plan: Planned) -> None:
    """A new focal point's level: the activity's main country's, else its region's, else
    global."""
    stored = plan.current.activity if plan.current is not None else None
    country_id = plan.fields.get("country_id", getattr(stored, "country_id", None))
    region = plan.fields.get("region", getattr(stored, "region", ""))
    if country_id:
        person.level, person.country_id = FocalLevel.COUNTRY, country_id
    elif region:
        person.level, person.region = FocalLevel.REGIONAL, region
    else:
        person.level = FocalLevel.GLOBAL


def propose_people(rows: list[tuple[Planned, Any]], user: Any, seen: set[tuple[int, str]]) -> None:
    """Other agencies' new focal points a member's file names, proposed to them (once: `seen`
    holds those proposed already)."""
    proposals = []
    for plan, activity in rows:
        if plan.proposed_person is None:
            continue
        agency_id, name, email = plan.proposed_person
        if (agency_id, name_key(name)) in seen:
            continue
        seen.add((agency_id, name_key(name)))
        proposals.append(
            FocalPointProposal(
                agency_id=agency_id,
                name=name[:120],
                email=email,
                activity_id=activity.pk,
                proposed_by=user,
            )
        )
    FocalPointProposal.objects.bulk_create(proposals)


def create_activities(new: list[Planned], history: dict, taken: set[str]) -> list[Activity]:
    """The new activities, each with its row's reference or a new one (none twice in a file:
    `taken` holds the references given so far)."""
    objs = []
    for plan in new:
        reference = plan.row.reference
        while not reference or reference in taken:
            reference = new_reference()
        taken.add(reference)
        objs.append(Activity(reference=reference, **plan.fields))
    if connection.vendor != "postgresql":
        return bulk_create_with_history(objs, Activity, batch_size=BATCH, **history)
    created = Activity.objects.bulk_create(objs, batch_size=BATCH)
    copy_to_history([activity.pk for activity in created], "+", history)
    return created


def update_activities(old: list[Planned], now: Any, history: dict) -> None:
    if not old:
        return
    objs, fields = [], {"version", "updated_at"}
    for plan in old:
        activity = plan.current.activity
        for name, value in plan.fields.items():
            setattr(activity, name, value)
            fields.add(name)
        # Agency or tool changes are changes of the activity too: a new version.
        activity.version += 1
        activity.updated_at = now
        objs.append(activity)
    ordered = [name for name in (*SCALAR_FIELDS, "version", "updated_at") if name in fields]
    if connection.vendor != "postgresql":
        bulk_update_with_history(objs, Activity, ordered, batch_size=BATCH, **history)
        return
    # Django's bulk_update writes a CASE WHEN per field and row: slow at 10,000 rows.
    # One UPDATE ... FROM (VALUES ...) per batch does the same in a fraction of the time.
    for start in range(0, len(objs), UPDATE_BATCH):
        update_from_values(objs[start : start + UPDATE_BATCH], ordered)
    copy_to_history([activity.pk for activity in objs], "~", history)


def copy_to_history(ids: list[int], kind: str, history: dict) -> None:
    """History records of these activities as they now are, written by the database itself
    (INSERT ... SELECT): building a historical object per row was half the time of a
    10,000-row import. `kind` is simple_history's "+" (created) or "~" (changed)."""
    historical = Activity.history.model
    tracked = [f for f in historical._meta.concrete_fields if not f.name.startswith("history_")]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in tracked)
    target = connection.ops.quote_name(historical._meta.db_table)
    source = connection.ops.quote_name(Activity._meta.db_table)
    user = history["default_user"]
    sql = (
        f"INSERT INTO {target} ({columns}, history_date, history_change_reason, history_type, "
        f"history_user_id) SELECT {columns}, %s, %s, %s, %s FROM {source} "
        f"WHERE id = ANY(%s) ORDER BY id"
    )
    params = [history["default_date"], history["default_change_reason"], kind]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, user.pk if user is not None else None, ids])


def update_from_values(objs: list[Activity], names: list[str]) -> None:
    """One UPDATE ... FROM unnest(arrays): a parameter per column rather than per value, so
    that neither psycopg nor PostgreSQL parses a statement of ten thousand placeholders."""
    fields = [Activity._meta.get_field(name.removesuffix("_id")) for name in names]
    table = connection.ops.quote_name(Activity._meta.db_table)
    columns = [connection.ops.quote_name(f.column) for f in fields]
    arrays = ", ".join(["%s::bigint[]", *(f"%s::{f.db_type(connection)}[]" for f in fields)])
    params: list[list[Any]] = [[obj.pk for obj in objs]]
    for f in fields:
        params.append([f.get_db_prep_save(getattr(obj, f.attname), connection) for obj in objs])
    assignments = ", ".join(f"{column} = v.{column}" for column in columns)
    sql = (
        f"UPDATE {table} SET {assignments} FROM unnest({arrays}) "
        f"AS v(id, {', '.join(columns)}) WHERE {table}.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
