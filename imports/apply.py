"""Writing a checked import: bulk inserts and updates, with history, in the caller's
transaction.

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

from activities.models import Activity, ActivityAgency, Role, new_reference
from imports.compare import SCALAR_FIELDS, Planned
from imports.rows import TOOL_FIELDS

BATCH = 1000


@dataclass
class Written:
    created: list[list[str]] = field(default_factory=list)  # [reference, title]
    changed: list[list[str]] = field(default_factory=list)


def write(planned: list[Planned], user: Any, reason: str) -> Written:
    """Apply the planned rows; the caller holds the transaction (and the row locks)."""
    now = timezone.now()
    history = {"default_user": user, "default_change_reason": reason[:100], "default_date": now}
    new = [plan for plan in planned if plan.current is None]
    old = [plan for plan in planned if plan.current is not None]
    written = Written()

    created = create_activities(new, history)
    for activity in created:
        written.created.append([activity.reference, activity.title])

    update_activities(old, now, history)
    for plan in old:
        written.changed.append([plan.current.activity.reference, plan.current.activity.title])

    # Agencies: the changed activities lose their old links and get the new ones, in that
    # order, so "one lead per activity" holds at every statement.
    replaced = [plan for plan in old if plan.roles is not None]
    delete_links(replaced, user, reason, now)
    links = [
        ActivityAgency(activity_id=activity.pk, agency_id=agency_id, role=role)
        for plan, activity in [
            *zip(new, created, strict=True),
            *((p, p.current.activity) for p in replaced),
        ]
        for agency_id, role in sorted((plan.roles or {}).items(), key=role_rank)
    ]
    bulk_create_with_history(links, ActivityAgency, batch_size=BATCH, **history)

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
    return written


def role_rank(item: tuple[int, str]) -> int:
    return Role.values.index(item[1])


def create_activities(new: list[Planned], history: dict) -> list[Activity]:
    taken: set[str] = set()
    objs = []
    for plan in new:
        reference = plan.row.reference
        while not reference or reference in taken:
            reference = new_reference()
        taken.add(reference)
        objs.append(Activity(reference=reference, **plan.fields))
    return bulk_create_with_history(objs, Activity, batch_size=BATCH, **history)


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
    for start in range(0, len(objs), BATCH):
        update_from_values(objs[start : start + BATCH], ordered)
    Activity.history.bulk_history_create(objs, batch_size=BATCH, update=True, **history)


def update_from_values(objs: list[Activity], names: list[str]) -> None:
    fields = [Activity._meta.get_field(name.removesuffix("_id")) for name in names]
    table = connection.ops.quote_name(Activity._meta.db_table)
    columns = [connection.ops.quote_name(f.column) for f in fields]
    casts = ", ".join(f"%s::{f.db_type(connection)}" for f in fields)
    row = f"(%s::bigint, {casts})"
    params: list[Any] = []
    for obj in objs:
        params.append(obj.pk)
        params.extend(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in fields)
    assignments = ", ".join(f"{column} = v.{column}" for column in columns)
    sql = (
        f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row] * len(objs))}) "
        f"AS v(id, {', '.join(columns)}) WHERE {table}.id = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def delete_links(replaced: list[Planned], user: Any, reason: str, now: Any) -> None:
    """Delete the replaced activities' agency links, recording each deletion in history.

    QuerySet.delete() would write that history one row at a time (a post_delete signal
    per link); here it is one bulk insert and one DELETE.
    """
    ids = [pk for plan in replaced for pk in plan.current.link_ids]
    if not ids:
        return
    historical = ActivityAgency.history.model
    records = [
        historical(
            id=pk,
            activity_id=activity_id,
            agency_id=agency_id,
            role=role,
            history_date=now,
            history_type="-",
            history_user=user,
            history_change_reason=reason[:100],
        )
        for pk, activity_id, agency_id, role in ActivityAgency.objects.filter(
            pk__in=ids
        ).values_list("pk", "activity_id", "agency_id", "role")
    ]
    historical.objects.bulk_create(records, batch_size=BATCH)
    table = connection.ops.quote_name(ActivityAgency._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH * 10):
            chunk = ids[start : start + BATCH * 10]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)
