"""The store's tables, as an ordered list of migrations.

Each migration is `(version, name, sql)`. `migrate()` applies the ones a file has not seen
yet, each in its own transaction, and records it in `schema_migrations`; applying twice is a
no-op. A file whose recorded version is newer than `LATEST_VERSION` was written by a newer
newsevents and is refused rather than guessed at.

Add a migration by appending to `MIGRATIONS` with the next version number; never edit one
that has shipped.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

import duckdb

from newsevents.errors import StoreError


class Migration(NamedTuple):
    """One schema step: applied once, in version order."""

    version: int
    name: str
    sql: str


_MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT,
    applied_at TIMESTAMP
)
"""

_INITIAL = """
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY,
    title VARCHAR,
    url VARCHAR,
    outlet VARCHAR,
    published DATE,
    published_source VARCHAR,
    language VARCHAR,
    source VARCHAR,
    content_hash VARCHAR,
    captions VARCHAR[],
    text VARCHAR,
    first_run_id VARCHAR,
    inserted_at TIMESTAMP
);
CREATE TABLE events (
    event_id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    coder VARCHAR,
    event_type VARCHAR,
    mode VARCHAR,
    context VARCHAR[],
    quad_class INTEGER,
    cameo_root VARCHAR,
    intensity DOUBLE,
    actor_text VARCHAR,
    actor_name VARCHAR,
    actor_country VARCHAR,
    actor_sector VARCHAR,
    recipient_text VARCHAR,
    recipient_name VARCHAR,
    recipient_country VARCHAR,
    recipient_sector VARCHAR,
    date VARCHAR,
    date_start DATE,
    date_precision VARCHAR,
    date_text VARCHAR,
    date_source VARCHAR,
    location_country VARCHAR,
    modality VARCHAR,
    confidence DOUBLE,
    sentence_start INTEGER,
    sentence_end INTEGER,
    trigger VARCHAR,
    record JSON NOT NULL,
    run_id VARCHAR,
    inserted_at TIMESTAMP
);
CREATE INDEX events_article_id ON events (article_id);
CREATE INDEX events_event_type ON events (event_type);
CREATE INDEX events_date_start ON events (date_start);
CREATE INDEX events_actor_country ON events (actor_country);
CREATE TABLE rejections (
    rejection_id VARCHAR PRIMARY KEY,
    item_id VARCHAR,
    stage VARCHAR,
    reason VARCHAR,
    detail VARCHAR,
    source VARCHAR,
    run_id VARCHAR,
    inserted_at TIMESTAMP
);
CREATE TABLE runs (
    run_id VARCHAR PRIMARY KEY,
    started VARCHAR,
    seconds DOUBLE,
    documents INTEGER,
    articles INTEGER,
    events INTEGER,
    rejections INTEGER,
    failures INTEGER,
    new_articles INTEGER,
    new_events INTEGER,
    rejections_by_reason JSON,
    coder VARCHAR,
    model VARCHAR,
    settings JSON,
    version VARCHAR
);
"""

# Version 2 (issue 5): the event's place, who asserts it and where its date words are, as
# columns beside the JSON record; existing rows are filled from their records.
_NEW_EVENT_FIELDS = (
    ("location_name", "VARCHAR", "$.location.name"),
    ("location_admin1", "VARCHAR", "$.location.admin1"),
    ("location_lat", "DOUBLE", "$.location.lat"),
    ("location_lon", "DOUBLE", "$.location.lon"),
    ("location_precision", "VARCHAR", "$.location.precision"),
    ("attribution_text", "VARCHAR", "$.attribution.source_text"),
    ("attribution_source", "VARCHAR", "$.attribution.source"),
    ("attribution_country", "VARCHAR", "$.attribution.country"),
    ("attribution_sector", "VARCHAR", "$.attribution.sector"),
    ("attribution_cue", "VARCHAR", "$.attribution.cue"),
)
_FIELDS = (
    "".join(
        f"ALTER TABLE events ADD COLUMN {name} {kind};\n" for name, kind, _ in _NEW_EVENT_FIELDS
    )
    + "UPDATE events SET "
    + ", ".join(
        f"{name} = TRY_CAST(json_extract_string(record, '{path}') AS {kind})"
        for name, kind, path in _NEW_EVENT_FIELDS
    )
    + ";\nCREATE INDEX events_location_country ON events (location_country);\n"
)

# Version 3: duplicate articles and event clusters (dedup/).
_CLUSTERS = """
CREATE TABLE article_duplicates (
    article_id VARCHAR PRIMARY KEY,
    duplicate_of VARCHAR NOT NULL,
    similarity DOUBLE,
    method VARCHAR,
    run_id VARCHAR,
    inserted_at TIMESTAMP
);
CREATE INDEX article_duplicates_of ON article_duplicates (duplicate_of);
CREATE TABLE article_signatures (
    article_id VARCHAR PRIMARY KEY,
    method VARCHAR,
    shingles INTEGER,
    run_id VARCHAR
);
CREATE TABLE article_lsh_bands (
    band_key BIGINT NOT NULL,
    article_id VARCHAR NOT NULL
);
CREATE INDEX article_lsh_bands_key ON article_lsh_bands (band_key);
CREATE TABLE event_clusters (
    cluster_id VARCHAR PRIMARY KEY,
    event_type VARCHAR,
    mode VARCHAR,
    quad_class INTEGER,
    cameo_root VARCHAR,
    actor_name VARCHAR,
    actor_country VARCHAR,
    actor_sector VARCHAR,
    recipient_name VARCHAR,
    recipient_country VARCHAR,
    recipient_sector VARCHAR,
    date DATE,
    date_precision VARCHAR,
    location_name VARCHAR,
    location_country VARCHAR,
    lat DOUBLE,
    lon DOUBLE,
    first_reported TIMESTAMP,
    last_reported TIMESTAMP,
    n_reports INTEGER,
    n_articles INTEGER,
    n_outlets INTEGER,
    confidence DOUBLE,
    evidence JSON,
    updated_run_id VARCHAR
);
CREATE TABLE event_cluster_members (
    event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR NOT NULL,
    run_id VARCHAR
);
CREATE INDEX event_cluster_members_cluster ON event_cluster_members (cluster_id);
"""

# Version 5: the evidence sentence as a column, so that the HTTP API's text query does not
# parse every record's JSON (coordinates are columns since version 2).
_API_COLUMNS = """
ALTER TABLE events ADD COLUMN IF NOT EXISTS sentence VARCHAR;
UPDATE events SET sentence = json_extract_string(record, '$.evidence.sentence');
"""

# Version 4: items already done, so that a second run
# of the same feed, or a run started again after a crash, skips them.
_SEEN_ITEMS = """
CREATE TABLE seen_items (
    item_id VARCHAR PRIMARY KEY,
    url VARCHAR,
    content_hash VARCHAR,
    outcome VARCHAR,
    run_id VARCHAR,
    seen_at TIMESTAMP
);
ALTER TABLE runs ADD COLUMN skipped INTEGER;
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial tables", _INITIAL),
    Migration(2, "event location and attribution columns", _FIELDS),
    Migration(3, "duplicate articles and event clusters", _CLUSTERS),
    Migration(4, "seen items for incremental and resumable runs", _SEEN_ITEMS),
    Migration(5, "evidence sentence for the API", _API_COLUMNS),
)
LATEST_VERSION = MIGRATIONS[-1].version
TABLES = ("articles", "events", "rejections", "runs")

# The insert layout of the latest schema: (column, DuckDB type of one value). Values travel
# as one list parameter per column. Keep in step with the migrations (a test checks).
ARTICLE_COLUMNS = (
    ("article_id", "VARCHAR"), ("title", "VARCHAR"), ("url", "VARCHAR"),
    ("outlet", "VARCHAR"), ("published", "DATE"), ("published_source", "VARCHAR"),
    ("language", "VARCHAR"), ("source", "VARCHAR"), ("content_hash", "VARCHAR"),
    ("captions", "VARCHAR[]"), ("text", "VARCHAR"), ("first_run_id", "VARCHAR"),
    ("inserted_at", "TIMESTAMP"),
)  # fmt: skip
EVENT_COLUMNS = (
    ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("coder", "VARCHAR"),
    ("event_type", "VARCHAR"), ("mode", "VARCHAR"), ("context", "VARCHAR[]"),
    ("quad_class", "INTEGER"), ("cameo_root", "VARCHAR"), ("intensity", "DOUBLE"),
    ("actor_text", "VARCHAR"), ("actor_name", "VARCHAR"), ("actor_country", "VARCHAR"),
    ("actor_sector", "VARCHAR"), ("recipient_text", "VARCHAR"), ("recipient_name", "VARCHAR"),
    ("recipient_country", "VARCHAR"), ("recipient_sector", "VARCHAR"), ("date", "VARCHAR"),
    ("date_start", "DATE"), ("date_precision", "VARCHAR"), ("date_text", "VARCHAR"),
    ("date_source", "VARCHAR"), ("location_country", "VARCHAR"), ("modality", "VARCHAR"),
    ("confidence", "DOUBLE"), ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"),
    ("trigger", "VARCHAR"), ("record", "VARCHAR"), ("run_id", "VARCHAR"),
    ("inserted_at", "TIMESTAMP"),
    *((name, kind) for name, kind, _ in _NEW_EVENT_FIELDS),
    ("sentence", "VARCHAR"),
)  # fmt: skip
REJECTION_COLUMNS = (
    ("rejection_id", "VARCHAR"), ("item_id", "VARCHAR"), ("stage", "VARCHAR"),
    ("reason", "VARCHAR"), ("detail", "VARCHAR"), ("source", "VARCHAR"),
    ("run_id", "VARCHAR"), ("inserted_at", "TIMESTAMP"),
)  # fmt: skip

SEEN_COLUMNS = (
    ("item_id", "VARCHAR"), ("url", "VARCHAR"), ("content_hash", "VARCHAR"),
    ("outcome", "VARCHAR"), ("run_id", "VARCHAR"), ("seen_at", "TIMESTAMP"),
)  # fmt: skip

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")


# ---------------------------------------------------------------- date periods (date_start)


def period_bounds(text: str) -> tuple[dt.date, dt.date] | None:
    """First and last day of an ISO day, week (2022-W23), month or year; None if not one."""
    try:
        if m := _DAY.fullmatch(text):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := _WEEK.fullmatch(text):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _MONTH.fullmatch(text):
            first = dt.date(int(m[1]), int(m[2]), 1)
            return first, (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
        if m := _YEAR.fullmatch(text):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def period_start(date: str | None) -> dt.date | None:
    """The first day of the period an event's `date` names (the `date_start` column)."""
    period = period_bounds(date.strip()) if date else None
    return period[0] if period else None


def utc_now() -> dt.datetime:
    """Naive UTC timestamp, the form every TIMESTAMP column holds."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _has_migrations_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'schema_migrations'"
    ).fetchone()
    return bool(row and row[0])


def applied_versions(con: duckdb.DuckDBPyConnection) -> set[int]:
    """Versions recorded in `schema_migrations` (empty for a new file)."""
    if not _has_migrations_table(con):
        return set()
    rows = con.execute("SELECT version FROM schema_migrations").fetchall()
    return {int(r[0]) for r in rows}


def _refuse_newer(applied: set[int], path: str) -> None:
    newest = max(applied, default=0)
    if newest > LATEST_VERSION:
        raise StoreError(
            f"Cannot open store {path}: it was written by a newer newsevents (schema "
            f"version {newest}; this version knows up to {LATEST_VERSION}). Upgrade "
            f"newsevents, or use a different --db file.",
            path=path,
        )


def _apply(con: duckdb.DuckDBPyConnection, migration: Migration, path: str) -> None:
    con.begin()
    try:
        con.execute(migration.sql)
        con.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            [migration.version, migration.name, utc_now()],
        )
    except duckdb.Error as e:
        con.rollback()
        raise StoreError(
            f"Cannot migrate store {path} to schema version {migration.version} "
            f"({migration.name}): {e}. Is this file a newsevents store?",
            path=path,
        ) from e
    con.commit()


def migrate(con: duckdb.DuckDBPyConnection, path: str) -> list[int]:
    """Apply every migration the file lacks, in order; return the versions applied."""
    con.execute(_MIGRATIONS_TABLE)
    applied = applied_versions(con)
    _refuse_newer(applied, path)
    todo = [m for m in MIGRATIONS if m.version not in applied]
    for migration in todo:
        _apply(con, migration, path)
    return [m.version for m in todo]


def check_current(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """For read-only opens: refuse a file that is newer, or that still needs migrations."""
    applied = applied_versions(con)
    _refuse_newer(applied, path)
    missing = [m.version for m in MIGRATIONS if m.version not in applied]
    if missing:
        raise StoreError(
            f"Cannot open store {path} read-only: it needs schema migration(s) "
            f"{', '.join(map(str, missing))}. Open it once without read_only (any "
            f"`newsevents run`) to upgrade it.",
            path=path,
        )
