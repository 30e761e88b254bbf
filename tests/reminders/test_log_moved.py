"""The reminder log moved from the workplan app to the reminders app (workplan 0006, reminders
0001): a database migrated before the move keeps every row, its links to steps and round
parts, and the permissions granted on the log.

Migrated for real with Django's executor: back to the schema before the move, rows written
with the models of then, forward again."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("workplan", "0005_calendar_feed"), ("reminders", None)]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    # The models as the migrations applied now have them, every app included.
    return MigrationExecutor(connection)._create_project_state(with_applied_migrations=True).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_the_rows_and_the_rights_on_them_survive_the_move():
    old = migrate(BEFORE)
    try:
        agency = old.get_model("agencies", "Agency").objects.create(
            acronym="ILO", name="International Labour Organization", kind="un"
        )
        plan = old.get_model("workplan", "Workplan").objects.create(year=2031, title="Plan")
        area = old.get_model("workplan", "Area").objects.create(
            workplan=plan, number=1, title="Area"
        )
        deliverable = old.get_model("workplan", "Deliverable").objects.create(
            area=area, title="Deliverable"
        )
        step = old.get_model("workplan", "Step").objects.create(
            deliverable=deliverable, title="Draft", due_date=datetime.date(2031, 3, 1)
        )
        round_ = old.get_model("rounds", "UpdateRound").objects.create(
            title="Spring round", deadline=datetime.date(2031, 4, 1)
        )
        part = old.get_model("rounds", "RoundAgency").objects.create(round=round_, agency=agency)
        Log = old.get_model("workplan", "ReminderLog")
        now = timezone.now()
        about_step = Log.objects.create(
            recipient="a@example.org",
            kind="before-14",
            due_date=step.due_date,
            what="Draft",
            step=step,
            claimed_at=now,
            status="sent",
            sent_at=now,
        )
        about_part = Log.objects.create(
            recipient="b@example.org",
            kind="overdue-1",
            due_date=round_.deadline,
            what="Spring round",
            part_of="ILO",
            round_part=part,
            claimed_at=now,
            status="uncertain",
            copy=True,
        )
        # The secretariat's right to read the log, granted on the workplan's content type.
        OldContentType = old.get_model("contenttypes", "ContentType")
        log_type, _ = OldContentType.objects.get_or_create(
            app_label="workplan", model="reminderlog"
        )
        view, _ = old.get_model("auth", "Permission").objects.get_or_create(
            content_type=log_type, codename="view_reminderlog", defaults={"name": "view"}
        )
        group, _ = old.get_model("auth", "Group").objects.get_or_create(name="Log readers")
        group.permissions.add(view)
    finally:
        new = migrate(latest())
        ContentType.objects.clear_cache()

    NewLog = new.get_model("reminders", "ReminderLog")
    rows = {row.pk: row for row in NewLog.objects.all()}
    assert set(rows) == {about_step.pk, about_part.pk}
    moved_step, moved_part = rows[about_step.pk], rows[about_part.pk]
    assert (moved_step.step_id, moved_step.round_part_id) == (step.pk, None)
    assert (moved_step.kind, moved_step.status, moved_step.sent_at) == ("before-14", "sent", now)
    assert (moved_part.round_part_id, moved_part.step_id) == (part.pk, None)
    assert (moved_part.status, moved_part.copy, moved_part.part_of) == ("uncertain", True, "ILO")

    # The same content type, now the reminders app's: the permission and the group keep it.
    moved_type = new.get_model("contenttypes", "ContentType").objects.get(pk=log_type.pk)
    assert (moved_type.app_label, moved_type.model) == ("reminders", "reminderlog")
    group = new.get_model("auth", "Group").objects.get(name="Log readers")
    assert list(group.permissions.values_list("pk", "content_type_id")) == [(view.pk, log_type.pk)]

    # The constraint that makes a reminder go out once still holds on the kept table.
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        NewLog.objects.create(
            recipient="a@example.org",
            kind="before-14",
            due_date=step.due_date,
            what="Draft again",
            step_id=step.pk,
            claimed_at=now,
        )
