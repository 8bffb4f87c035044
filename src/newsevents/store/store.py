"""The DuckDB store: bulk upserts of pipeline records and every read query, by name.

Writes take records (`Article`, `Event`, `Rejection`, `RunReport`), run in one transaction
per call and never overwrite: ids are deterministic, so re-running the same input adds
nothing. Reads return plain dicts: `query_events` gives the stored event records exactly in
the shape of EVENT_SCHEMA.md. Every value reaches SQL as a bound parameter.

One `Store` wraps one DuckDB connection; it is not meant to be shared across threads.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from newsevents._version import __version__
from newsevents.errors import StoreError
from newsevents.records import (
    ActorRef,
    Article,
    Attribution,
    Event,
    Location,
    Rejection,
    RunReport,
    content_hash,
)
from newsevents.store.clusters import ClusterStore, date_bound, dict_rows
from newsevents.store.schema import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    REJECTION_COLUMNS,
    SEEN_COLUMNS,
    TABLES,
    check_current,
    migrate,
    period_start,
    utc_now,
)

# (item_id, url, content_hash, outcome) of an item a run has finished
SeenItem = tuple[str, str | None, str | None, str]
_CHUNK = 50_000  # rows per INSERT statement; all chunks of a call share one transaction

_PARTY_SQL = {
    "actor": "(contains(lower(actor_text), ?) OR contains(lower(actor_name), ?)"
    " OR actor_country = ?)",
    "recipient": "(contains(lower(recipient_text), ?) OR contains(lower(recipient_name), ?)"
    " OR recipient_country = ?)",
}
_EVENT_ORDER = " ORDER BY date_start NULLS LAST, article_id, sentence_start, event_id"
_JSON_COLUMNS = frozenset({"rejections_by_reason", "settings"})
_Clause = tuple[str, list[Any]]  # one WHERE fragment (fixed text) and its bound values


# ---------------------------------------------------------------- filters and ids


def _given(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _text_clauses(
    actor: str | None, recipient: str | None, event_type: str | None, country: str | None
) -> list[_Clause]:
    out: list[_Clause] = []
    for role, value in (("actor", _given(actor)), ("recipient", _given(recipient))):
        if value:
            out.append((_PARTY_SQL[role], [value.lower(), value.lower(), value.upper()]))
    if kind := _given(event_type):
        out.append(("event_type = ?", [kind.upper()]))
    if code := _given(country):
        out.append(("(actor_country = ? OR recipient_country = ?)", [code.upper()] * 2))
    return out


def _date_clauses(since: str | dt.date | None, until: str | dt.date | None) -> list[_Clause]:
    out: list[_Clause] = []
    if (start := date_bound("since", since, end=False)) is not None:
        out.append(("date_start >= ?", [start]))
    if (end := date_bound("until", until, end=True)) is not None:
        out.append(("date_start <= ?", [end]))
    return out


def rejection_id(rejection: Rejection) -> str:
    """Deterministic id of a rejection: hash of (item_id, stage, reason, source)."""
    key = [rejection.item_id, rejection.stage, str(rejection.reason), rejection.source]
    return content_hash(json.dumps(key, ensure_ascii=False), 20)


# ---------------------------------------------------------------- records -> rows


def _article_row(article: Article, run_id: str, now: dt.datetime) -> tuple[Any, ...]:
    a = article
    return (
        a.id, a.title, a.url, a.outlet, a.published, a.published_source, a.language,
        a.source, a.content_hash, list(a.captions), a.text, run_id, now,
    )  # fmt: skip


def _party(ref: ActorRef | None) -> tuple[str | None, ...]:
    if ref is None:
        return (None, None, None, None)
    return (ref.text, ref.name, ref.country, ref.sector)


def _event_row(event: Event, run_id: str, now: dt.datetime) -> tuple[Any, ...]:
    e, ev = event, event.evidence
    record = json.dumps(e.to_dict(), ensure_ascii=False)
    place = e.location.country if e.location else None
    return (
        e.event_id, e.article_id, e.coder, e.event_type, e.mode, list(e.context),
        e.quad_class, e.cameo_root, e.intensity, *_party(e.actor), *_party(e.recipient),
        e.date, period_start(e.date), e.date_precision, e.date_text, e.date_source, place,
        e.modality, e.confidence, ev.start, ev.end, ev.trigger, record, run_id, now,
        *_place(e.location), *_source(e.attribution), ev.sentence,
    )  # fmt: skip


def _place(loc: Location | None) -> tuple[Any, ...]:
    if loc is None:
        return (None,) * 5
    return (loc.name, loc.admin1, loc.lat, loc.lon, loc.precision)


def _source(att: Attribution | None) -> tuple[Any, ...]:
    if att is None:
        return (None,) * 5
    return (att.source_text, att.source, att.country, att.sector, att.cue)


def _rejection_row(rejection: Rejection, run_id: str, now: dt.datetime) -> tuple[Any, ...]:
    r = rejection
    return (rejection_id(r), r.item_id, r.stage, str(r.reason), r.detail, r.source, run_id, now)


def _insert_sql(table: str, columns: Sequence[tuple[str, str]]) -> str:
    # Only fixed identifiers are formatted in; every value is a bound list parameter.
    names = ", ".join(name for name, _ in columns)
    values = ", ".join(f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(columns, 1))
    return f"INSERT INTO {table} ({names}) SELECT {values} ON CONFLICT DO NOTHING"


def _insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[tuple[str, str]], rows: list[Any]
) -> int:
    """Insert rows inside the caller's transaction; return how many were new."""
    sql, new = _insert_sql(table, columns), 0
    for at in range(0, len(rows), _CHUNK):
        params = [list(col) for col in zip(*rows[at : at + _CHUNK], strict=True)]
        inserted = con.execute(sql, params).fetchone()
        new += int(inserted[0]) if inserted else 0
    return new


# ---------------------------------------------------------------- opening


def _explain(error: duckdb.Error, path: str) -> str:
    text = str(error)
    if "not a valid DuckDB database" in text:
        return "the file exists but is not a DuckDB database. Pass another path or move it."
    if "lock" in text.lower():
        return (
            "another process has it open (DuckDB allows one writer). Wait for that "
            f"process to finish or stop it, then retry. DuckDB said: {text}"
        )
    if "different configuration" in text:
        return "this process already has it open with another read_only setting; close it."
    return f"{text}. Check that the path is a newsevents DuckDB file."


def _connect(
    path: str, read_only: bool, memory_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    if path != ":memory:":
        file = Path(path)
        if file.is_dir():
            raise StoreError(
                f"Cannot open store {path}: it is a directory. Pass a file path.", path=path
            )
        if read_only and not file.exists():
            raise StoreError(
                f"Cannot open store {path} read-only: it does not exist. Run "
                f"`newsevents run` first, or open it without read_only to create it.",
                path=path,
            )
        if not file.parent.is_dir():
            raise StoreError(
                f"Cannot create store {path}: directory {file.parent} does not exist. "
                f"Create it first.",
                path=path,
            )
    config: dict[str, Any] = {"memory_limit": memory_limit} if memory_limit else {}
    try:
        return duckdb.connect(path, read_only=read_only, config=config)
    except duckdb.Error as e:
        raise StoreError(f"Cannot open store {path}: {_explain(e, path)}", path=path) from e


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):  # already gone; the first error is what matters
        con.rollback()


# ---------------------------------------------------------------- the store


class Store(ClusterStore):
    """A newsevents DuckDB file: open with `Store.open(path)`, close or use with `with`."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(
        cls, path: str | Path, *, read_only: bool = False, memory_limit: str | None = None
    ) -> Store:
        """Open (creating and migrating when needed) the store at `path`. `memory_limit`
        (DuckDB's, such as "512MB") bounds what DuckDB keeps in memory, indexes included."""
        where = str(path)
        con = _connect(where, read_only, memory_limit)
        try:
            if read_only:
                check_current(con, where)
            else:
                migrate(con, where)
        except BaseException:
            con.close()
            raise
        return cls(con, where, read_only)

    def close(self) -> None:
        """Close the connection; further calls raise StoreError. Safe to call twice."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"<Store {self.path!r} {mode}{'' if self._con else ' closed'}>"

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A new cursor on this store's connection for one thread's reads (the named
        queries of `newsevents.store.queries` take one)."""
        return self._db.cursor()

    @property
    def _db(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"Store {self.path} is closed; open it again.", path=self.path)
        return self._con

    @contextlib.contextmanager
    def _transaction(self, what: str) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise StoreError(
                f"Cannot write {what} to store {self.path}: it is open read-only. "
                f"Open it without read_only=True to write.",
                path=self.path,
            )
        con = self._db
        con.begin()
        try:
            yield con
            con.commit()
        except duckdb.Error as e:
            _rollback(con)
            raise StoreError(
                f"Cannot write {what} to store {self.path}: {e}", path=self.path
            ) from e
        except BaseException:
            _rollback(con)
            raise

    def _insert(self, table: str, columns: Sequence[tuple[str, str]], rows: list[Any]) -> int:
        if not rows:
            return 0
        with self._transaction(f"{len(rows)} row(s) of {table}") as con:
            return _insert_rows(con, table, columns, rows)

    # ------------------------------------------------------------ writes

    def upsert_articles(self, articles: Sequence[Article], run_id: str) -> int:
        """Insert articles whose id is new; return how many were new. Existing ids stay."""
        now = utc_now()
        rows = [_article_row(a, run_id, now) for a in articles]
        return self._insert("articles", ARTICLE_COLUMNS, rows)

    def upsert_events(self, events: Sequence[Event], run_id: str) -> int:
        """Insert events whose event_id is new; return how many were new."""
        now = utc_now()
        rows = [_event_row(e, run_id, now) for e in events]
        return self._insert("events", EVENT_COLUMNS, rows)

    def add_rejections(self, rejections: Sequence[Rejection], run_id: str) -> int:
        """Insert rejections not seen before (same item, stage, reason, source); return new."""
        now = utc_now()
        rows = [_rejection_row(r, run_id, now) for r in rejections]
        return self._insert("rejections", REJECTION_COLUMNS, rows)

    def write_chunk(
        self,
        articles: Sequence[Article],
        events: Sequence[Event],
        rejections: Sequence[Rejection],
        seen: Sequence[SeenItem],
        run_id: str,
    ) -> tuple[int, int]:
        """Articles, events, rejections and the items they finish, in ONE transaction, so
        that a run killed at any moment leaves each item either wholly stored and marked
        seen, or not at all. Returns (new articles, new events)."""
        now = utc_now()
        with self._transaction(f"a chunk of {len(seen)} item(s)") as con:
            rows = [_rejection_row(r, run_id, now) for r in rejections]
            _insert_rows(con, "rejections", REJECTION_COLUMNS, rows)
            rows = [(*item, run_id, now) for item in seen]
            _insert_rows(con, "seen_items", SEEN_COLUMNS, rows)
            rows = [_article_row(a, run_id, now) for a in articles]
            new_articles = _insert_rows(con, "articles", ARTICLE_COLUMNS, rows)
            rows = [_event_row(e, run_id, now) for e in events]
            return new_articles, _insert_rows(con, "events", EVENT_COLUMNS, rows)

    def seen_ids(self, item_ids: Sequence[str]) -> set[str]:
        """The given item ids that an earlier run (or chunk) already finished."""
        sql = "SELECT item_id FROM seen_items WHERE item_id IN (SELECT unnest(?::VARCHAR[]))"
        return {row[0] for row in self._db.execute(sql, [list(item_ids)]).fetchall()}

    def record_run(self, report: RunReport, settings_json: str) -> None:
        """Store (or replace) the `runs` row of one run, with its resolved settings."""
        try:
            json.loads(settings_json)
        except ValueError as e:
            raise StoreError(
                f"Cannot record run {report.run_id}: settings_json is not JSON."
            ) from e
        r = report.to_dict()
        reasons = json.dumps(r.pop("rejections_by_reason"), sort_keys=True)
        values = [*r.values(), reasons, settings_json, __version__]
        names = ", ".join([*r, "rejections_by_reason", "settings", "version"])
        sql = f"INSERT OR REPLACE INTO runs ({names}) VALUES ({', '.join('?' * len(values))})"
        with self._transaction(f"run {report.run_id}") as con:
            con.execute(sql, values)

    # ------------------------------------------------------------ reads

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return dict_rows(self._db, sql, params, _JSON_COLUMNS)

    def query_events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        article_id: str | None = None,
        include_negated: bool = False,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Stored event records (EVENT_SCHEMA.md shape) matching every filter given.

        `actor`/`recipient`: case-insensitive substring of the surface text or name, or
        exactly the country code. `country`: actor or recipient country. `event_type`: a
        PLOVER category, any case. `since`/`until`: ISO day, month or year, compared with
        the first day of the event's date period (inclusive at both ends). Negated events
        are left out unless `include_negated`. Blank strings mean "no filter".
        """
        clauses = _text_clauses(actor, recipient, event_type, country)
        clauses += _date_clauses(since, until)
        if article_id is not None:
            clauses.append(("article_id = ?", [article_id]))
        if not include_negated:
            clauses.append(("modality IS DISTINCT FROM 'negated'", []))
        where = " AND ".join(["TRUE", *(sql for sql, _ in clauses)])
        params = [value for _, values in clauses for value in values]
        sql = f"SELECT record FROM events WHERE {where}{_EVENT_ORDER}"
        sql, params = _with_limit(sql, params, limit)
        return [json.loads(row[0]) for row in self._db.execute(sql, params).fetchall()]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """One stored article (Article.to_dict() shape plus first_run_id, inserted_at)."""
        rows = self._dicts("SELECT * FROM articles WHERE article_id = ?", [article_id])
        return rows[0] if rows else None

    def count_rows(self) -> dict[str, int]:
        """Rows per table: articles, events, rejections, runs."""
        # Table names come from the fixed TABLES tuple, never from a caller.
        sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in TABLES)
        return {str(name): int(n) for name, n in self._db.execute(sql).fetchall()}

    def list_runs(self) -> list[dict[str, Any]]:
        """Every recorded run, oldest first; JSON columns come back as dicts."""
        return self._dicts("SELECT * FROM runs ORDER BY started, run_id")

    def list_rejections(self, run_id: str | None = None) -> list[dict[str, Any]]:
        """Stored rejections (of one run when `run_id` is given: the run that first saw them)."""
        sql = "SELECT * FROM rejections WHERE (? IS NULL OR run_id = ?)"
        sql += " ORDER BY inserted_at, stage, item_id, rejection_id"
        return self._dicts(sql, [run_id, run_id])


def _with_limit(sql: str, params: list[Any], limit: int | None) -> tuple[str, list[Any]]:
    if limit is None:
        return sql, params
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise ValueError(f"limit must be a whole number >= 0, got {limit!r}.")
    return sql + " LIMIT ?", [*params, limit]
