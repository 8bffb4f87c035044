"""Named read queries for the HTTP API, the dashboard and the exports (the aggregates of
the dashboard are in `store.stats`).

Each function takes a DuckDB cursor (`Store.cursor()`) and returns plain dicts. Filters
arrive as one frozen `EventFilter`; every value reaches SQL as a bound parameter, and the
only text formatted into SQL comes from the fixed tables in this module (sort keys, the
filter fragments, table names). Negated events are left out unless asked for, as in
`Store.query_events`.

Pages use keyset cursors: an opaque token holding the sort key and the event id of the last
row served, so that page N costs the same as page 1.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

import duckdb

SortKey = Literal["date", "confidence", "intensity"]
Order = Literal["asc", "desc"]
_Clause = tuple[str, list[Any]]

_SORTS: dict[str, tuple[str, str]] = {
    "date": ("date_start", "DATE"),
    "confidence": ("confidence", "DOUBLE"),
    "intensity": ("intensity", "DOUBLE"),
}  # sort name -> (column, DuckDB type); NULLs sort last in both orders
CLUSTER_TABLES = ("event_clusters", "event_cluster_members")


class QueryError(ValueError):
    """A filter, sort or cursor value that cannot be used (the API answers 400)."""


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query returns; None (or a blank string) means no filter.

    `actor`/`recipient`: part of the surface text or name (any case), or exactly the
    country code. `country`: actor or recipient country. `bbox`: (min_lon, min_lat,
    max_lon, max_lat) on the event location. `q`: words in the evidence sentence or either
    party's text (any case). `since`/`until` compare the first day of the event's date
    period, inclusive.
    """

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    event_type: str | None = None
    quad_class: int | None = None
    modality: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    article_id: str | None = None
    include_negated: bool = False


@dataclass(frozen=True, slots=True)
class Page:
    """One page of rows and the cursor of the next page (None on the last page)."""

    items: list[dict[str, Any]]
    next_cursor: str | None


def _given(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def _party_clauses(f: EventFilter, columns: tuple[str, ...] = ("text", "name")) -> list[_Clause]:
    """Actor, recipient and country filters; `columns` are the words columns of each role
    (events have text and name, clusters only name)."""
    out: list[_Clause] = []
    for role, value in (("actor", _given(f.actor)), ("recipient", _given(f.recipient))):
        if value:
            words = [f"contains(lower({role}_{column}), ?)" for column in columns]
            sql = f"({' OR '.join(words)} OR {role}_country = ?)"
            out.append((sql, [value.lower()] * len(columns) + [value.upper()]))
    if code := _given(f.country):
        out.append(("(actor_country = ? OR recipient_country = ?)", [code.upper()] * 2))
    return out


def _kind_clauses(f: EventFilter) -> list[_Clause]:
    out: list[_Clause] = []
    if kind := _given(f.event_type):
        out.append(("event_type = ?", [kind.upper()]))
    if f.quad_class is not None:
        out.append(("quad_class = ?", [f.quad_class]))
    if modality := _given(f.modality):
        out.append(("modality = ?", [modality.lower()]))
    elif not f.include_negated:
        out.append(("modality IS DISTINCT FROM 'negated'", []))
    if f.article_id is not None:
        out.append(("article_id = ?", [f.article_id]))
    return out


def _where_clauses(f: EventFilter) -> list[_Clause]:
    out = _party_clauses(f) + _kind_clauses(f)
    if f.since is not None:
        out.append(("date_start >= ?", [f.since]))
    if f.until is not None:
        out.append(("date_start <= ?", [f.until]))
    if words := _given(f.q):
        sql = (
            "(contains(lower(sentence), ?) OR contains(lower(actor_text), ?)"
            " OR contains(lower(recipient_text), ?))"
        )  # the sentence holds the trigger
        out.append((sql, [words.lower()] * 3))
    if f.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        sql = "location_lat BETWEEN ? AND ? AND location_lon BETWEEN ? AND ?"
        out.append((sql, [min_lat, max_lat, min_lon, max_lon]))
    return out


def where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE condition of a filter (fixed SQL text) and its bound values."""
    clauses = _where_clauses(f)
    sql = " AND ".join(["TRUE", *(text for text, _ in clauses)])
    return sql, [value for _, values in clauses for value in values]


# ---------------------------------------------------------------- cursors


def encode_cursor(sort: str, order: str, key: Any, last_id: str) -> str:
    """An opaque page token: the sort, the order and the last row's key and id."""
    value = key.isoformat() if isinstance(key, dt.date) else key
    raw = json.dumps([sort, order, value, last_id], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(token: str, sort: str, order: str) -> tuple[Any, str]:
    """The (key, last id) of a token made by `encode_cursor` for this sort and order."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        got_sort, got_order, key, last_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as e:
        raise QueryError("cursor is not a token this API gave out; start again without it.") from e
    if (got_sort, got_order) != (sort, order) or not isinstance(last_id, str):
        raise QueryError("cursor belongs to another sort or order; start again without it.")
    if not isinstance(key, str | int | float | None) or isinstance(key, bool):
        raise QueryError("cursor is not a token this API gave out; start again without it.")
    return key, last_id


def _cursor_key(key: Any, kind: str) -> dt.date | float | None:
    """The cursor's sort key as the type it is compared with (a forged token fails here)."""
    if key is None:
        return None
    try:
        return dt.date.fromisoformat(key) if kind == "DATE" else float(key)
    except (TypeError, ValueError) as e:
        raise QueryError("cursor is not a token this API gave out; start again without it.") from e


def _keyset(
    sort: str, order: str, cursor: str | None, id_column: str, expr: str | None = None
) -> list[_Clause]:
    if cursor is None:
        return []
    key, last_id = decode_cursor(cursor, sort, order)
    default, kind = _SORTS[sort]
    expr = expr or default
    key = _cursor_key(key, kind)
    op = "<" if order == "desc" else ">"
    if key is None:  # the previous page ended among the rows without a key (sorted last)
        return [(f"({expr} IS NULL AND {id_column} {op} ?)", [last_id])]
    sql = f"({expr} {op} ? OR ({expr} = ? AND {id_column} {op} ?) OR {expr} IS NULL)"
    return [(sql, [key, key, last_id])]


def _check_sort(sort: str, order: str, limit: int) -> None:
    if sort not in _SORTS:
        raise QueryError(f"sort must be one of {', '.join(_SORTS)}, got {sort!r}.")
    if order not in ("asc", "desc"):
        raise QueryError(f"order must be asc or desc, got {order!r}.")
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise QueryError(f"limit must be a whole number >= 1, got {limit!r}.")


# ---------------------------------------------------------------- events


def list_events(
    cur: duckdb.DuckDBPyConnection,
    f: EventFilter,
    *,
    sort: str = "date",
    order: str = "desc",
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """One page of event records (EVENT_SCHEMA.md shape), sorted, after `cursor`."""
    _check_sort(sort, order, limit)
    base, params = where(f)
    expr, kind = _SORTS[sort]
    direction, op = ("DESC", "<") if order == "desc" else ("ASC", ">")
    # Three steps, each cheap at 1M rows: (1) the sort key of row limit+1 by a top-N on the
    # key alone, which DuckDB prunes the scan with; (2) the page's ids among rows on that
    # side of it; (3) their records by primary key. One top-N carrying the id and the JSON
    # record is ten to a hundred times slower. Step 1 reads only rows strictly after the
    # cursor's key: a subset, so its threshold can only let more rows into step 2.
    head_cond, head_params = base, params
    if cursor is not None:
        key = _cursor_key(decode_cursor(cursor, sort, order)[0], kind)
        head_cond, head_params = f"{base} AND {expr} {op} ?", [*params, key]
        if key is None:
            head_cond, head_params = "FALSE", []  # among the rows without a key: no threshold
    head = cur.execute(
        f"SELECT {expr} FROM events WHERE {head_cond} ORDER BY {expr} {direction} NULLS LAST "
        "LIMIT ?",
        [*head_params, limit + 1],
    ).fetchall()
    cond = base
    for sql, values in _keyset(sort, order, cursor, "event_id"):
        cond, params = f"{cond} AND {sql}", [*params, *values]
    if len(head) > limit and head[-1][0] is not None:
        cond = f"{cond} AND {expr} {'>=' if order == 'desc' else '<='} ?"
        params = [*params, head[-1][0]]
    keys = cur.execute(
        f"SELECT event_id, {expr} FROM events WHERE {cond} "
        f"ORDER BY {expr} {direction} NULLS LAST, event_id {direction} LIMIT ?",
        [*params, limit + 1],
    ).fetchall()
    page = keys[:limit]
    records = records_by_id(cur, [event_id for event_id, _ in page])
    items = [records[event_id] for event_id, _ in page]
    last = page[-1] if len(keys) > limit else None
    token = encode_cursor(sort, order, last[1], last[0]) if last else None
    return Page(items, token)


def records_by_id(cur: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, Any]:
    """Event records by id (through the primary key), as dicts."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))  # one bound parameter per id (a literal IN list uses
    sql = f"SELECT event_id, record FROM events WHERE event_id IN ({marks})"  # the index)
    return {event_id: json.loads(record) for event_id, record in cur.execute(sql, ids).fetchall()}


def iter_events(cur: duckdb.DuckDBPyConnection, f: EventFilter, batch: int = 10_000) -> Any:
    """Every matching event record, oldest first, fetched in batches (for exports)."""
    cond, params = where(f)
    sql = (
        f"SELECT e.record, a.url, e.inserted_at FROM (SELECT * FROM events WHERE {cond}) e "
        "LEFT JOIN articles a ON a.article_id = e.article_id "
        "ORDER BY e.date_start NULLS LAST, e.article_id, e.sentence_start, e.event_id"
    )
    result = cur.execute(sql, params)
    while rows := result.fetchmany(batch):
        for record, url, inserted in rows:
            yield json.loads(record), url, inserted


def get_event(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event record with its article's title, url, outlet and publication date."""
    row = cur.execute(
        "SELECT e.record, a.title, a.url, a.outlet, a.published FROM events e "
        "LEFT JOIN articles a USING (article_id) WHERE e.event_id = ?",
        [event_id],
    ).fetchone()
    if row is None:
        return None
    published = row[4].isoformat() if row[4] else None
    article = {"title": row[1], "url": row[2], "outlet": row[3], "published": published}
    return {**json.loads(row[0]), "article": article}


def get_article(cur: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article's clean text and metadata, and every coded span of its events
    (negated events included, marked by their modality)."""
    row = cur.execute(
        "SELECT article_id, title, url, outlet, published, language, text FROM articles "
        "WHERE article_id = ?",
        [article_id],
    ).fetchone()
    if row is None:
        return None
    names = ("article_id", "title", "url", "outlet", "published", "language", "text")
    article = dict(zip(names, row, strict=True))
    article["published"] = row[4].isoformat() if row[4] else None
    records = cur.execute(
        "SELECT record FROM events WHERE article_id = ? ORDER BY sentence_start, event_id",
        [article_id],
    ).fetchall()
    events = [json.loads(r[0]) for r in records]
    article["events"] = events
    article["spans"] = [s for e in events for s in event_spans(e)]
    return article


_SPAN_ROLES = (("actor", "text"), ("recipient", "text"), ("location", "text"))


def event_spans(event: dict[str, Any]) -> list[dict[str, Any]]:
    """The coded spans of one event: actor, trigger, recipient, date, place, attribution,
    each with its offsets into the article text. Fields without offsets are left out."""
    out: list[dict[str, Any]] = []

    def add(role: str, start: Any, end: Any, text: Any) -> None:
        if isinstance(start, int) and isinstance(end, int) and end > start:
            out.append({"event_id": event.get("event_id"), "role": role, "start": start,
                        "end": end, "text": text})  # fmt: skip

    for role, key in _SPAN_ROLES:
        part = event.get(role) or {}
        add(role, part.get("start"), part.get("end"), part.get(key))
    evidence = event.get("evidence") or {}
    add("trigger", evidence.get("trigger_start"), evidence.get("trigger_end"),
        evidence.get("trigger"))  # fmt: skip
    attribution = event.get("attribution") or {}
    add("attribution", attribution.get("start"), attribution.get("end"),
        attribution.get("source_text"))  # fmt: skip
    span = event.get("date_span") or {}  # date offsets, where the coder gives them
    add("date", span.get("start"), span.get("end"), event.get("date_text"))
    return out


# ---------------------------------------------------------------- clusters (issue 6's tables)

# The first day of a cluster's date (day, month or year text); never NULL, for sorting.
_CLUSTER_DAY = (
    "coalesce(TRY_CAST(date AS DATE), TRY_CAST(date || '-01' AS DATE),"
    " TRY_CAST(date || '-01-01' AS DATE), DATE '0001-01-01')"
)
_CLUSTER_JSON = ("evidence",)


def has_tables(cur: duckdb.DuckDBPyConnection, names: tuple[str, ...]) -> bool:
    """Whether every table in `names` exists (a store of an older schema lacks some)."""
    row = cur.execute(
        "SELECT count(DISTINCT table_name) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND list_contains(?::VARCHAR[], table_name)",
        [list(names)],
    ).fetchone()
    return row is not None and int(row[0]) == len(names)


def _cluster_dict(names: list[str], row: tuple[Any, ...]) -> dict[str, Any]:
    out = {}
    for name, value in zip(names, row, strict=True):
        if name in _CLUSTER_JSON and isinstance(value, str):
            value = json.loads(value)
        out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def _cluster_where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses = _party_clauses(f, ("name",))
    if kind := _given(f.event_type):
        clauses.append(("event_type = ?", [kind.upper()]))
    if f.quad_class is not None:
        clauses.append(("quad_class = ?", [f.quad_class]))
    if f.since is not None:
        clauses.append((f"{_CLUSTER_DAY} >= ?", [f.since]))
    if f.until is not None:
        clauses.append((f"{_CLUSTER_DAY} <= ?", [f.until]))
    sql = " AND ".join(["TRUE", *(text for text, _ in clauses)])
    return sql, [v for _, values in clauses for v in values]


def list_clusters(
    cur: duckdb.DuckDBPyConnection,
    f: EventFilter,
    *,
    order: str = "desc",
    limit: int = 50,
    cursor: str | None = None,
) -> Page:
    """One page of event clusters by date; empty when the store has no cluster tables."""
    _check_sort("date", order, limit)
    if not has_tables(cur, CLUSTER_TABLES):
        if cursor is not None:
            decode_cursor(cursor, "date", order)
        return Page([], None)
    cond, params = _cluster_where(f)
    for sql, values in _keyset("date", order, cursor, "cluster_id", _CLUSTER_DAY):
        cond, params = f"{cond} AND {sql}", [*params, *values]
    direction = "DESC" if order == "desc" else "ASC"
    result = cur.execute(
        f"SELECT *, {_CLUSTER_DAY} AS _k FROM event_clusters WHERE {cond} "
        f"ORDER BY _k {direction}, cluster_id {direction} LIMIT ?",
        [*params, limit + 1],
    )
    names = [d[0] for d in result.description or ()]
    rows = result.fetchall()
    items = [_cluster_dict(names[:-1], row[:-1]) for row in rows[:limit]]
    last = rows[limit - 1] if len(rows) > limit else None
    token = encode_cursor("date", order, last[-1], items[-1]["cluster_id"]) if last else None
    return Page(items, token)


def event_cluster(cur: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """The cluster an event belongs to, with its member event ids; None when the event is
    in none or the store has no cluster tables."""
    if not has_tables(cur, CLUSTER_TABLES):
        return None
    result = cur.execute(
        "SELECT c.* FROM event_cluster_members m JOIN event_clusters c USING (cluster_id) "
        "WHERE m.event_id = ?",
        [event_id],
    )
    names = [d[0] for d in result.description or ()]
    row = result.fetchone()
    if row is None:
        return None
    cluster = _cluster_dict(names, row)
    members = cur.execute(
        "SELECT event_id FROM event_cluster_members WHERE cluster_id = ? ORDER BY event_id",
        [cluster["cluster_id"]],
    ).fetchall()
    cluster["members"] = [m[0] for m in members]
    return cluster
