"""The tallies' SQL as migration 0007 installed it (frozen here: activities.tally_sql has
the current text, for tables 0007 did not have yet; migration 0012 installs that).

The SQL that keeps activities' tallies (activities.tally_models) on PostgreSQL.

Statement-level AFTER triggers with transition tables: one grouped upsert per statement,
so a bulk_create of 10,000 rows costs one query more, not 10,000. Migration 0007 installs
them; change them only through a new migration that runs the new text.

Participations and their activity may be written in either order inside a transaction
(Django's foreign keys are deferred): each side counts a lead only when it finds the other,
so the second write of the pair always counts it, and a delete likewise.
"""

YEAR = "activities_tally_year"
YEARS = "activities_countryyearstally"
LEADS = "activities_leadtally"
AGENCIES = "activities_agencytally"
ACTIVITY = "activities_activity"
PARTICIPATION = "activities_activityagency"
LEAD = "lead"  # activities.models.Role.LEAD


def _upsert(table: str, keys: str, select: str) -> str:
    """Add the grouped deltas of `select` (its last column) to `table`'s counts."""
    return (
        f"INSERT INTO {table} ({keys}, activities) {select} "
        f"ON CONFLICT ({keys}) DO UPDATE "
        f"SET activities = {table}.activities + EXCLUDED.activities;"
    )


def _years(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT country_id, {YEAR}(start_date) AS s, {YEAR}(end_date) AS e, {sign} AS d "
        f"FROM {rows} WHERE country_id IS NOT NULL"
        for rows, sign in sources
    )
    select = (
        f"SELECT country_id, s, e, sum(d)::int FROM ({union}) AS delta "
        "GROUP BY 1, 2, 3 HAVING sum(d) <> 0"
    )
    return _upsert(YEARS, "country_id, start_year, end_year", select)


def _leads_of_activities(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT a.country_id, p.agency_id, {sign} AS d FROM {rows} a "
        f"JOIN {PARTICIPATION} p ON p.activity_id = a.id AND p.role = '{LEAD}' "
        "WHERE a.country_id IS NOT NULL"
        for rows, sign in sources
    )
    select = (
        f"SELECT country_id, agency_id, sum(d)::int FROM ({union}) AS delta "
        "GROUP BY 1, 2 HAVING sum(d) <> 0"
    )
    return _upsert(LEADS, "country_id, agency_id", select)


def _agencies(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT agency_id, {sign} AS d FROM {rows}" for rows, sign in sources
    )
    select = f"SELECT agency_id, sum(d)::int FROM ({union}) AS delta GROUP BY 1 HAVING sum(d) <> 0"
    return _upsert(AGENCIES, "agency_id", select)


def _leads_of_participations(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT a.country_id, p.agency_id, {sign} AS d FROM {rows} p "
        f"JOIN {ACTIVITY} a ON a.id = p.activity_id "
        f"WHERE p.role = '{LEAD}' AND a.country_id IS NOT NULL"
        for rows, sign in sources
    )
    select = (
        f"SELECT country_id, agency_id, sum(d)::int FROM ({union}) AS delta "
        "GROUP BY 1, 2 HAVING sum(d) <> 0"
    )
    return _upsert(LEADS, "country_id, agency_id", select)


INSERTED = [("new_rows", 1)]
DELETED = [("old_rows", -1)]
UPDATED = [("new_rows", 1), ("old_rows", -1)]
OPERATIONS = {"insert": INSERTED, "delete": DELETED, "update": UPDATED}
TRANSITIONS = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def _function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN {body} RETURN NULL; END $$;"
    )


def _trigger(table: str, operation: str, function: str) -> str:
    return (
        f"CREATE TRIGGER {function} AFTER {operation.upper()} ON {table} "
        f"{TRANSITIONS[operation]} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
    )


def install() -> list[str]:
    statements = [
        f"CREATE OR REPLACE FUNCTION {YEAR}(day date) RETURNS smallint LANGUAGE sql IMMUTABLE "
        "AS $$ SELECT COALESCE(EXTRACT(YEAR FROM day)::smallint, 0::smallint) $$;"
    ]
    for operation, sources in OPERATIONS.items():
        name = f"activities_tally_activity_{operation}"
        statements.append(_function(name, _years(sources) + _leads_of_activities(sources)))
        statements.append(_trigger(ACTIVITY, operation, name))
        name = f"activities_tally_participation_{operation}"
        body = _agencies(sources) + _leads_of_participations(sources)
        statements.append(_function(name, body))
        statements.append(_trigger(PARTICIPATION, operation, name))
    # TRUNCATE fires no row trigger: empty the counts it makes wrong.
    statements.append(
        _function(
            "activities_tally_activity_truncate", f"DELETE FROM {YEARS}; DELETE FROM {LEADS};"
        )
    )
    statements.append(
        f"CREATE TRIGGER activities_tally_activity_truncate AFTER TRUNCATE ON {ACTIVITY} "
        "FOR EACH STATEMENT EXECUTE FUNCTION activities_tally_activity_truncate();"
    )
    statements.append(
        _function(
            "activities_tally_participation_truncate",
            f"DELETE FROM {AGENCIES}; DELETE FROM {LEADS};",
        )
    )
    statements.append(
        f"CREATE TRIGGER activities_tally_participation_truncate AFTER TRUNCATE ON "
        f"{PARTICIPATION} FOR EACH STATEMENT "
        "EXECUTE FUNCTION activities_tally_participation_truncate();"
    )
    return statements + rebuild()


def uninstall() -> list[str]:
    statements = []
    for operation in (*OPERATIONS, "truncate"):
        for table, kind in ((ACTIVITY, "activity"), (PARTICIPATION, "participation")):
            name = f"activities_tally_{kind}_{operation}"
            statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table};")
            statements.append(f"DROP FUNCTION IF EXISTS {name}();")
    statements.append(f"DROP FUNCTION IF EXISTS {YEAR}(date);")
    return statements


def rebuild() -> list[str]:
    """Count everything again (installing, or repairing after writes with triggers off)."""
    return [
        f"LOCK TABLE {ACTIVITY}, {PARTICIPATION} IN SHARE MODE;",
        f"DELETE FROM {YEARS};",
        f"INSERT INTO {YEARS} (country_id, start_year, end_year, activities) "
        f"SELECT country_id, {YEAR}(start_date), {YEAR}(end_date), count(*) FROM {ACTIVITY} "
        "WHERE country_id IS NOT NULL GROUP BY 1, 2, 3;",
        f"DELETE FROM {LEADS};",
        f"INSERT INTO {LEADS} (country_id, agency_id, activities) "
        f"SELECT a.country_id, p.agency_id, count(*) FROM {PARTICIPATION} p "
        f"JOIN {ACTIVITY} a ON a.id = p.activity_id "
        f"WHERE p.role = '{LEAD}' AND a.country_id IS NOT NULL GROUP BY 1, 2;",
        f"DELETE FROM {AGENCIES};",
        f"INSERT INTO {AGENCIES} (agency_id, activities) "
        f"SELECT agency_id, count(*) FROM {PARTICIPATION} GROUP BY 1;",
    ]
