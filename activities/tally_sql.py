"""The SQL that keeps activities' tallies (activities.tally_models) on PostgreSQL.

Statement-level AFTER triggers with transition tables: one grouped upsert per statement,
so a bulk_create of 10,000 rows costs one query more, not 10,000. Migration 0013 installs
them (0007 and 0012 installed earlier texts, frozen in migrations/_tally_sql_0007.py and
_tally_sql_0012.py); change them only through a new migration that runs the new text.

What is counted where (issue 20, activities of several countries, regions, the world):
- OWN (OwnTally): a country's own activities, the one-country ones;
- SHARED (SharedTally): the activities of several countries or of a region that list a
  country, per country (one per ActivityCountry link of such an activity);
- ALL_YEARS (YearsTally): every activity once, by years (the whole matrix's figures);
- LEADS (LeadTally): the activities an agency leads, by their main country (none: not
  counted); AGENCIES (AgencyTally): the activities an agency takes part in;
- PLACES (PlaceTally): every activity by scope and region, and of those the regional and
  global ones that list no country (a whole region's, the world's);
- REGIONS (RegionTally): the activities of each region, as its filter finds them (its
  regional ones and those whose main or listed country is in it, each once); a change of a
  country's region counts them all again;
- KINDS (KindTally): every activity by scope, type and status, with how many cover each
  R202 guarantee; AGENCY_COUNTRIES (AgencyCountryTally): participations by agency and
  their activity's main country (none included), with the leads (the dashboard's charts).

PLACES's `unlisted` and REGIONS are not sums of deltas like the others: whether an activity
lists a country, or is in a region, depends on its other links. A write to links works out,
per activity it touches, what it had before the statement (its links now, less those the
statement added, plus those it removed); it first locks those activities' rows (FOR NO KEY
UPDATE, as an UPDATE of them would), so that two transactions changing the same activity's
links, or one its links and the other its scope, count one after the other, each seeing the
other's rows.
"""

from collections.abc import Callable

YEAR = "activities_tally_year"
OWN = "activities_owntally"
ALL_YEARS = "activities_yearstally"
SHARED = "activities_sharedtally"
LEADS = "activities_leadtally"
AGENCIES = "activities_agencytally"
PLACES = "activities_placetally"
KINDS = "activities_kindtally"
REGIONS = "activities_regiontally"
COUNTRY = "countries_country"
AGENCY_COUNTRIES = "activities_agencycountrytally"
# activities.models.GUARANTEE_FIELDS's flags, counted in KINDS under the same names.
FLAGS = ("covers_health", "covers_children", "covers_working_age", "covers_older_persons")
ACTIVITY = "activities_activity"
PARTICIPATION = "activities_activityagency"
COVERAGE = "activities_activitycountry"
LEAD = "lead"  # activities.models.Role.LEAD
ONE_COUNTRY = "country"  # activities.models.Scope.COUNTRY
# activities.models.Scope.REGIONAL and GLOBAL: a whole region's, or the world's, when they
# list no country.
BEYOND = "('regional', 'global')"


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


def _own(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT country_id, {sign} AS d "
        f"FROM {rows} WHERE scope = '{ONE_COUNTRY}' AND country_id IS NOT NULL"
        for rows, sign in sources
    )
    return _upsert(OWN, "country_id", _grouped(union, "country_id", 1))


def _add(table: str, keys: tuple[str, ...], counts: tuple[str, ...], select: str) -> str:
    """Add the deltas of `select` (its key columns, then its count columns) to `table`."""
    added = ", ".join(f"{name} = {table}.{name} + EXCLUDED.{name}" for name in counts)
    return (
        f"INSERT INTO {table} ({', '.join(keys + counts)}) {select} "
        f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {added};"
    )


def _places_upsert(select: str) -> str:
    """Add the (scope, region, activities, unlisted) deltas of `select` to PLACES."""
    return _add(PLACES, ("scope", "region"), ("activities", "unlisted"), select)


def _sums(keys: int, counts: int) -> str:
    """The grouped sums of a union of deltas: `keys` key columns, then `counts` deltas."""
    groups = ", ".join(str(n) for n in range(1, keys + 1))
    sums = [f"sum(c{n})::int" for n in range(counts)]
    nonzero = " OR ".join(f"sum(c{n}) <> 0" for n in range(counts))
    return f"{', '.join(sums)} FROM ({{union}}) AS delta GROUP BY {groups} HAVING {nonzero}"


def _regions_of(activity: str) -> str:
    """The regions of the activity row `activity` (its own if regional, its main country's,
    its listed countries'), once each: a LATERAL subquery."""
    return (
        f"(SELECT {activity}.region AS region WHERE {activity}.scope = 'regional' "
        f"UNION SELECT k.region FROM {COUNTRY} k WHERE k.id = {activity}.country_id "
        f"UNION SELECT k.region FROM {COVERAGE} c JOIN {COUNTRY} k ON k.id = c.country_id "
        f"WHERE c.activity_id = {activity}.id)"
    )


def _regions_of_activities(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT r.region AS k1, {sign} AS c0 FROM {rows} a CROSS JOIN LATERAL {_regions_of('a')} r"
        for rows, sign in sources
    )
    select = "SELECT k1, " + _sums(1, 1).replace("{union}", union)
    return _add(REGIONS, ("region",), ("activities",), select)


def _regions_of_links(sources: list[tuple[str, int]]) -> str:
    """Links written: for each activity they touch and each region, whether it is in the
    region now and was before (its links now, less the added ones, plus the removed ones)."""
    touched = " UNION ".join(f"SELECT activity_id FROM {rows}" for rows, _sign in sources)
    written = " UNION ALL ".join(
        f"SELECT n.activity_id, k.region, 0 AS now, {sign} AS d FROM {rows} n "
        f"JOIN {COUNTRY} k ON k.id = n.country_id"
        for rows, sign in sources
    )
    contributions = (
        f"SELECT a.id AS activity_id, r.region, 1 AS now, 0 AS d FROM ({touched}) t "
        f"JOIN {ACTIVITY} a ON a.id = t.activity_id CROSS JOIN LATERAL "
        f"(SELECT a.region AS region WHERE a.scope = 'regional' "
        f"UNION ALL SELECT k.region FROM {COUNTRY} k WHERE k.id = a.country_id) r "
        f"UNION ALL SELECT c.activity_id, k.region, 1, 0 FROM {COVERAGE} c "
        f"JOIN ({touched}) t ON t.activity_id = c.activity_id "
        f"JOIN {COUNTRY} k ON k.id = c.country_id "
        f"UNION ALL {written}"
    )
    pairs = (
        f"SELECT activity_id, region, sum(now) AS now, sum(d) AS d FROM ({contributions}) AS x "
        "GROUP BY 1, 2"
    )
    delta = (
        "(CASE WHEN p.now > 0 THEN 1 ELSE 0 END) - (CASE WHEN p.now - p.d > 0 THEN 1 ELSE 0 END)"
    )
    # Joined to the activities: an activity deleted before its links is in no region.
    return _add(
        REGIONS,
        ("region",),
        ("activities",),
        f"SELECT p.region, sum({delta})::int FROM ({pairs}) AS p "
        f"JOIN {ACTIVITY} a ON a.id = p.activity_id GROUP BY 1 HAVING sum({delta}) <> 0",
    )


def _kinds(sources: list[tuple[str, int]]) -> str:
    def flags(sign: int) -> str:
        return ", ".join(f"{sign} * {flag}::int AS c{n + 1}" for n, flag in enumerate(FLAGS))

    union = " UNION ALL ".join(
        f"SELECT scope AS k1, activity_type AS k2, status AS k3, {sign} AS c0, {flags(sign)} "
        f"FROM {rows}"
        for rows, sign in sources
    )
    select = "SELECT k1, k2, k3, " + _sums(3, 1 + len(FLAGS)).replace("{union}", union)
    return _add(KINDS, ("scope", "activity_type", "status"), ("activities", *FLAGS), select)


def _agency_countries(union: str) -> str:
    select = "SELECT k1, k2, " + _sums(2, 2).replace("{union}", union)
    return _add(AGENCY_COUNTRIES, ("agency_id", "country_id"), ("participations", "leads"), select)


def _agency_countries_of_activities(sources: list[tuple[str, int]]) -> str:
    return _agency_countries(
        " UNION ALL ".join(
            f"SELECT p.agency_id AS k1, a.country_id AS k2, {sign} AS c0, "
            f"CASE WHEN p.role = '{LEAD}' THEN {sign} ELSE 0 END AS c1 FROM {rows} a "
            f"JOIN {PARTICIPATION} p ON p.activity_id = a.id"
            for rows, sign in sources
        )
    )


def _agency_countries_of_participations(sources: list[tuple[str, int]]) -> str:
    return _agency_countries(
        " UNION ALL ".join(
            f"SELECT p.agency_id AS k1, a.country_id AS k2, {sign} AS c0, "
            f"CASE WHEN p.role = '{LEAD}' THEN {sign} ELSE 0 END AS c1 FROM {rows} p "
            f"JOIN {ACTIVITY} a ON a.id = p.activity_id"
            for rows, sign in sources
        )
    )


def _unlisted(activity: str) -> str:
    """1 for a regional or global activity (the row `activity`) listing no country."""
    return (
        f"CASE WHEN {activity}.scope IN {BEYOND} AND NOT EXISTS "
        f"(SELECT 1 FROM {COVERAGE} c WHERE c.activity_id = {activity}.id) THEN 1 ELSE 0 END"
    )


def _places_of_activities(sources: list[tuple[str, int]]) -> str:
    union = " UNION ALL ".join(
        f"SELECT a.scope, a.region, {sign} AS d, {sign} * {_unlisted('a')} AS u FROM {rows} a"
        for rows, sign in sources
    )
    return _places_upsert(
        f"SELECT scope, region, sum(d)::int, sum(u)::int FROM ({union}) AS delta "
        "GROUP BY 1, 2 HAVING sum(d) <> 0 OR sum(u) <> 0"
    )


def _places_of_links(sources: list[tuple[str, int]]) -> str:
    """An activity's links written: it lists no country now (`now` = 0) or did before."""
    union = " UNION ALL ".join(
        f"SELECT activity_id, {sign} AS d FROM {rows}" for rows, sign in sources
    )
    changed = f"SELECT activity_id, sum(d) AS d FROM ({union}) AS links GROUP BY 1"
    lock = (
        f"PERFORM 1 FROM {ACTIVITY} WHERE id IN (SELECT activity_id FROM ({union}) AS links) "
        "ORDER BY id FOR NO KEY UPDATE;"
    )
    now = f"(SELECT count(*) AS now FROM {COVERAGE} c WHERE c.activity_id = ch.activity_id)"
    # Listing none now, less listing none before (those it has now, less the added ones, plus
    # the removed ones: ch.d is added less removed).
    delta = (
        "(CASE WHEN n.now = 0 THEN 1 ELSE 0 END) - (CASE WHEN n.now - ch.d = 0 THEN 1 ELSE 0 END)"
    )
    return lock + _places_upsert(
        f"SELECT a.scope, a.region, 0, sum({delta})::int FROM ({changed}) AS ch "
        f"JOIN {ACTIVITY} a ON a.id = ch.activity_id CROSS JOIN LATERAL {now} AS n "
        f"WHERE a.scope IN {BEYOND} GROUP BY 1, 2 HAVING sum({delta}) <> 0"
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


Count = Callable[[list[tuple[str, int]]], str]


def _differs(columns: tuple[str, ...]) -> str:
    old = ", ".join(f"o.{column}" for column in columns)
    new = ", ".join(f"n.{column}" for column in columns)
    return f"({old}) IS DISTINCT FROM ({new})"


def _changed(counts: list[tuple[tuple[str, ...], Count]]) -> str:
    """The rows of an UPDATE that some count must see, compared once: new_changed and
    old_changed, their id, the columns the counts read and a flag per count (g0, g1...)
    saying whether its columns changed (or the id did); then, per count, new_gN and old_gN,
    the rows of its flag. The other rows add as much as they take away."""
    columns = tuple(dict.fromkeys(column for read, _count in counts for column in read))
    flags = ", ".join(
        f"(o.id IS NULL OR n.id IS NULL OR {_differs(read)}) AS g{n}"
        for n, (read, _count) in enumerate(counts)
    )
    differs = _differs(columns)
    picked = ", ".join(f"{{side}}.{column}" for column in ("id", *columns))
    per_count = "".join(
        f", new_g{n} AS (SELECT * FROM new_changed WHERE g{n}), "
        f"old_g{n} AS (SELECT * FROM old_changed WHERE g{n})"
        for n in range(len(counts))
    )
    return (
        f"new_changed AS (SELECT {picked.format(side='n')}, {flags} FROM new_rows n "
        f"LEFT JOIN old_rows o ON o.id = n.id WHERE o.id IS NULL OR {differs}), "
        f"old_changed AS (SELECT {picked.format(side='o')}, {flags} FROM old_rows o "
        f"LEFT JOIN new_rows n ON n.id = o.id WHERE n.id IS NULL OR {differs})"
        f"{per_count}"
    )


def _counts(counts: list[tuple[tuple[str, ...] | None, Count]]) -> Count:
    """The statements of `counts` ((the columns of the written row it reads, a count of one
    INSERT), or (None, a count of several statements)). For an UPDATE, one statement, each
    count a data-modifying WITH over the rows whose columns it reads changed: the old and new
    rows compared once. An import rewriting every title of 100,000 activities changes no
    count, and costs one comparison; a status changed counts the kinds only."""

    def statements(sources: list[tuple[str, int]]) -> str:
        if sources is not UPDATED or any(read is None for read, _count in counts):
            return "".join(count(sources) for _read, count in counts)
        inserts = [
            count([(f"new_g{n}", 1), (f"old_g{n}", -1)]).rstrip().rstrip(";")
            for n, (_read, count) in enumerate(counts)
        ]
        written = "".join(
            f", c{n} AS ({insert} RETURNING 0)" for n, insert in enumerate(inserts[:-1])
        )
        return f"WITH {_changed(counts)}{written} {inserts[-1]};"

    return statements


# What each count reads of a row written (besides its id, which links it to the others).
TABLES = {
    ACTIVITY: (
        "activity",
        _counts(
            [
                (("scope", "country_id"), _own),
                (("start_date", "end_date"), _all_years),
                (("scope",), _shared_of_activities),
                (("country_id",), _leads_of_activities),
                (("scope", "region"), _places_of_activities),
                (("scope", "region", "country_id"), _regions_of_activities),
                (("scope", "activity_type", "status", *FLAGS), _kinds),
                (("country_id",), _agency_countries_of_activities),
            ]
        ),
    ),
    PARTICIPATION: (
        "participation",
        _counts(
            [
                (("agency_id",), _agencies),
                (("activity_id", "agency_id", "role"), _leads_of_participations),
                (("activity_id", "agency_id", "role"), _agency_countries_of_participations),
            ]
        ),
    ),
    # A lock, then counts (links are added and removed, seldom updated): every row.
    COVERAGE: (
        "coverage",
        _counts([(None, _shared_of_links), (None, _places_of_links), (None, _regions_of_links)]),
    ),
}


def _count_regions() -> str:
    return (
        f"INSERT INTO {REGIONS} (region, activities) SELECT region, count(*) FROM ("
        f"SELECT id, region FROM {ACTIVITY} WHERE scope = 'regional' "
        f"UNION SELECT a.id, k.region FROM {ACTIVITY} a JOIN {COUNTRY} k ON k.id = a.country_id "
        f"UNION SELECT c.activity_id, k.region FROM {COVERAGE} c "
        f"JOIN {ACTIVITY} a ON a.id = c.activity_id JOIN {COUNTRY} k ON k.id = c.country_id"
        ") AS pairs GROUP BY 1;"
    )


# A country moved to another region (rare: an edit in the admin) moves its activities.
COUNTRY_MOVED = (
    "activities_tally_country_update",
    f"IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id "
    f"WHERE n.region IS DISTINCT FROM o.region) THEN "
    f"DELETE FROM {REGIONS}; {_count_regions()} END IF;",
)


def _count_places() -> str:
    return (
        f"INSERT INTO {PLACES} (scope, region, activities, unlisted) "
        f"SELECT a.scope, a.region, count(*), sum({_unlisted('a')}) FROM {ACTIVITY} a "
        "GROUP BY 1, 2;"
    )


# TRUNCATE fires no row trigger: empty the counts it makes wrong (PLACES's unlisted counted
# again when the links go: every regional and global activity lists none then).
TRUNCATED = {
    ACTIVITY: [
        f"DELETE FROM {counts};"
        for counts in (OWN, ALL_YEARS, SHARED, LEADS, PLACES, REGIONS, KINDS, AGENCY_COUNTRIES)
    ],
    PARTICIPATION: [f"DELETE FROM {counts};" for counts in (AGENCIES, LEADS, AGENCY_COUNTRIES)],
    COVERAGE: [
        f"DELETE FROM {SHARED};",
        f"DELETE FROM {PLACES};",
        _count_places(),
        f"DELETE FROM {REGIONS};",
        _count_regions(),
    ],
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
        statements.append(_function(name, " ".join(TRUNCATED[table])))
        statements.append(
            f"CREATE TRIGGER {name} AFTER TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}();"
        )
    name, body = COUNTRY_MOVED
    statements.append(_function(name, body))
    statements.append(_trigger(COUNTRY, "update", name))
    return statements + rebuild()


def uninstall() -> list[str]:
    statements = []
    for operation in (*OPERATIONS, "truncate"):
        for table, (kind, _body) in TABLES.items():
            name = f"activities_tally_{kind}_{operation}"
            statements.append(f"DROP TRIGGER IF EXISTS {name} ON {table};")
            statements.append(f"DROP FUNCTION IF EXISTS {name}();")
    name, _body = COUNTRY_MOVED
    statements.append(f"DROP TRIGGER IF EXISTS {name} ON {COUNTRY};")
    statements.append(f"DROP FUNCTION IF EXISTS {name}();")
    statements.append(f"DROP FUNCTION IF EXISTS {YEAR}(date);")
    return statements


def rebuild() -> list[str]:
    """Count everything again (installing, or repairing after writes with triggers off)."""
    return [
        f"LOCK TABLE {ACTIVITY}, {PARTICIPATION}, {COVERAGE}, {COUNTRY} IN SHARE MODE;",
        f"DELETE FROM {OWN};",
        f"INSERT INTO {OWN} (country_id, activities) "
        f"SELECT country_id, count(*) FROM {ACTIVITY} "
        f"WHERE scope = '{ONE_COUNTRY}' AND country_id IS NOT NULL GROUP BY 1;",
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
        f"DELETE FROM {PLACES};",
        _count_places(),
        f"DELETE FROM {REGIONS};",
        _count_regions(),
        f"DELETE FROM {KINDS};",
        f"INSERT INTO {KINDS} (scope, activity_type, status, activities, {', '.join(FLAGS)}) "
        "SELECT scope, activity_type, status, count(*), "
        + ", ".join(f"count(*) FILTER (WHERE {flag})" for flag in FLAGS)
        + f" FROM {ACTIVITY} GROUP BY 1, 2, 3;",
        f"DELETE FROM {AGENCY_COUNTRIES};",
        f"INSERT INTO {AGENCY_COUNTRIES} (agency_id, country_id, participations, leads) "
        f"SELECT p.agency_id, a.country_id, count(*), count(*) FILTER (WHERE p.role = '{LEAD}') "
        f"FROM {PARTICIPATION} p JOIN {ACTIVITY} a ON a.id = p.activity_id GROUP BY 1, 2;",
    ]
