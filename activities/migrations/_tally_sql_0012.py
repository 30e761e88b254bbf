"""The tallies' SQL as migration 0012 installed it (frozen here: activities.tally_sql has
the current text; migration 0013 installs that).

The SQL that keeps activities' tallies (activities.tally_models) on PostgreSQL.

Statement-level AFTER triggers with transition tables: one grouped upsert per statement,
so a bulk_create of 10,000 rows costs one query more, not 10,000. Migration 0012 installs
them (0007 installed an earlier text, frozen in migrations/_tally_sql_0007.py); change them
only through a new migration that runs the new text.

What is counted where (issue 20, activities of several countries, regions, the world):
- YEARS (CountryYearsTally): a country's own activities, the one-country ones, by years;
- SHARED (SharedTally): the activities of several countries or of a region that list a
  country, per country (one per ActivityCountry link of such an activity);
- ALL_YEARS (YearsTally): every activity once, by years (the whole matrix's figures);
- LEADS (LeadTally): the activities an agency leads, by their main country (none: not
  counted); AGENCIES (AgencyTally): the activities an agency takes part in.
The regional activities of a whole region and the global ones are few and counted directly
(activities.tallies).

Rows may be written in either order inside a transaction (Django's foreign keys are
deferred): a participation or a country link and its activity each count the pair only when
they find the other, so the second write of the pair always counts it, and a delete likewise.
"""

YEAR = "activities_tally_year"
YEARS = "activities_countryyearstally"
ALL_YEARS = "activities_yearstally"
SHARED = "activities_sharedtally"
LEADS = "activities_leadtally"
AGENCIES = "activities_agencytally"
ACTIVITY = "activities_activity"
PARTICIPATION = "activities_activityagency"
COVERAGE = "activities_activitycountry"
LEAD = "lead"  # activities.models.Role.LEAD
ONE_COUNTRY = "country"  # activities.models.Scope.COUNTRY


def _upsert(table: str, keys: str, select: str) -> str:
    """Add the grouped deltas of `select` (its last column) to `table`'s counts."""
    return (
        f"INSERT INTO {table} ({keys}, activities) {select} "
        f"ON CONFLICT ({keys}) DO UPDATE "
        f"SET activities = {table}.activities + EXCLUDED.activities;"
    )


def _grouped(union: str, columns: str, count: int) -> str:
    groups = ", ".join(str(n) for n in range(1, count + 1))
    return (
        f"SELECT {columns}, sum(d)::int FROM ({union}) AS delta "
        f"GROUP BY {groups} HAVING sum(d) <> 0"
    )


def _own_years(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT country_id, {YEAR}(start_date) AS s, {YEAR}(end_date) AS e, {sign} AS d "
        f"FROM {rows} WHERE scope = '{ONE_COUNTRY}' AND country_id IS NOT NULL"
        for rows, sign in sources
    )
    return _upsert(
        YEARS, "country_id, start_year, end_year", _grouped(union, "country_id, s, e", 3)
    )


def _all_years(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT {YEAR}(start_date) AS s, {YEAR}(end_date) AS e, {sign} AS d FROM {rows}"
        for rows, sign in sources
    )
    return _upsert(ALL_YEARS, "start_year, end_year", _grouped(union, "s, e", 2))


def _shared_of_activities(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT c.country_id, {sign} AS d FROM {rows} a "
        f"JOIN {COVERAGE} c ON c.activity_id = a.id WHERE a.scope <> '{ONE_COUNTRY}'"
        for rows, sign in sources
    )
    return _upsert(SHARED, "country_id", _grouped(union, "country_id", 1))


def _shared_of_links(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT c.country_id, {sign} AS d FROM {rows} c "
        f"JOIN {ACTIVITY} a ON a.id = c.activity_id WHERE a.scope <> '{ONE_COUNTRY}'"
        for rows, sign in sources
    )
    return _upsert(SHARED, "country_id", _grouped(union, "country_id", 1))


def _leads_of_activities(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT a.country_id, p.agency_id, {sign} AS d FROM {rows} a "
        f"JOIN {PARTICIPATION} p ON p.activity_id = a.id AND p.role = '{LEAD}' "
        "WHERE a.country_id IS NOT NULL"
        for rows, sign in sources
    )
    return _upsert(LEADS, "country_id, agency_id", _grouped(union, "country_id, agency_id", 2))


def _agencies(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT agency_id, {sign} AS d FROM {rows}" for rows, sign in sources
    )
    return _upsert(AGENCIES, "agency_id", _grouped(union, "agency_id", 1))


def _leads_of_participations(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT a.country_id, p.agency_id, {sign} AS d FROM {rows} p "
        f"JOIN {ACTIVITY} a ON a.id = p.activity_id "
        f"WHERE p.role = '{LEAD}' AND a.country_id IS NOT NULL"
        for rows, sign in sources
    )
    return _upsert(LEADS, "country_id, agency_id", _grouped(union, "country_id, agency_id", 2))


INSERTED = [("new_rows", 1)]
DELETED = [("old_rows", -1)]
UPDATED = [("new_rows", 1), ("old_rows", -1)]
OPERATIONS = {"insert": INSERTED, "delete": DELETED, "update": UPDATED}
TRANSITIONS = {
    "insert": "REFERENCING NEW TABLE AS new_rows",
    "delete": "REFERENCING OLD TABLE AS old_rows",
    "update": "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows",
}
# table -> (the triggers' name, the counts its writes change)
TABLES = {
    ACTIVITY: (
        "activity",
        lambda sources: (
            _own_years(sources)
            + _all_years(sources)
            + _shared_of_activities(sources)
            + _leads_of_activities(sources)
        ),
    ),
    PARTICIPATION: (
        "participation",
        lambda sources: _agencies(sources) + _leads_of_participations(sources),
    ),
    COVERAGE: ("coverage", _shared_of_links),
}
# TRUNCATE fires no row trigger: empty the counts it makes wrong.
TRUNCATED = {
    ACTIVITY: [YEARS, ALL_YEARS, SHARED, LEADS],
    PARTICIPATION: [AGENCIES, LEADS],
    COVERAGE: [SHARED],
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
    for table, (kind, body) in TABLES.items():
        for operation, sources in OPERATIONS.items():
            name = f"activities_tally_{kind}_{operation}"
            statements.append(_function(name, body(sources)))
            statements.append(_trigger(table, operation, name))
        name = f"activities_tally_{kind}_truncate"
        emptied = " ".join(f"DELETE FROM {counts};" for counts in TRUNCATED[table])
        statements.append(_function(name, emptied))
        statements.append(
            f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}();"
        )
    return statements + rebuild()


def uninstall() -> list[str]:
    statements = []
    for operation in (*OPERATIONS, "truncate"):
        for table, (kind, _body) in TABLES.items():
            name = f"activities_tally_{kind}_{operation}"
            statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table};")
            statements.append(f"DROP FUNCTION IF EXISTS {name}();")
    statements.append(f"DROP FUNCTION IF EXISTS {YEAR}(date);")
    return statements


def rebuild() -> list[str]:
    """Count everything again (installing, or repairing after writes with triggers off)."""
    return [
        f"LOCK TABLE {ACTIVITY}, {PARTICIPATION}, {COVERAGE} IN SHARE MODE;",
        f"DELETE FROM {YEARS};",
        f"INSERT INTO {YEARS} (country_id, start_year, end_year, activities) "
        f"SELECT country_id, {YEAR}(start_date), {YEAR}(end_date), count(*) FROM {ACTIVITY} "
        f"WHERE scope = '{ONE_COUNTRY}' AND country_id IS NOT NULL GROUP BY 1, 2, 3;",
        f"DELETE FROM {ALL_YEARS};",
        f"INSERT INTO {ALL_YEARS} (start_year, end_year, activities) "
        f"SELECT {YEAR}(start_date), {YEAR}(end_date), count(*) FROM {ACTIVITY} GROUP BY 1, 2;",
        f"DELETE FROM {SHARED};",
        f"INSERT INTO {SHARED} (country_id, activities) "
        f"SELECT c.country_id, count(*) FROM {COVERAGE} c "
        f"JOIN {ACTIVITY} a ON a.id = c.activity_id WHERE a.scope <> '{ONE_COUNTRY}' GROUP BY 1;",
        f"DELETE FROM {LEADS};",
        f"INSERT INTO {LEADS} (country_id, agency_id, activities) "
        f"SELECT a.country_id, p.agency_id, count(*) FROM {PARTICIPATION} p "
        f"JOIN {ACTIVITY} a ON a.id = p.activity_id "
        f"WHERE p.role = '{LEAD}' AND a.country_id IS NOT NULL GROUP BY 1, 2;",
        f"DELETE FROM {AGENCIES};",
        f"INSERT INTO {AGENCIES} (agency_id, activities) "
        f"SELECT agency_id, count(*) FROM {PARTICIPATION} GROUP BY 1;",
    ]
