"""Aggregates for the dashboard: actors, timeline, network, map points, table sizes.

Same conventions as `store.queries`: a DuckDB cursor and one `EventFilter` in, plain dicts
out, every value a bound parameter.
"""

from __future__ import annotations

from typing import Any

import duckdb

from newsevents.store.queries import EventFilter, QueryError, records_by_id, where


def list_actors(
    cur: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int = 100
) -> list[dict[str, Any]]:
    """Actors and recipients by name (or text) and country, with their event counts as
    actor and as recipient, most frequent first."""
    cond, params = where(f)
    sql = (
        "WITH parts AS ("
        f" SELECT coalesce(actor_name, actor_text) AS name, actor_country AS country,"
        f" 1 AS a, 0 AS r FROM events WHERE {cond} AND actor_text IS NOT NULL"
        " UNION ALL"
        f" SELECT coalesce(recipient_name, recipient_text), recipient_country, 0, 1"
        f" FROM events WHERE {cond} AND recipient_text IS NOT NULL)"
        " SELECT name, country, sum(a)::INTEGER AS as_actor, sum(r)::INTEGER AS as_recipient,"
        " (sum(a) + sum(r))::INTEGER AS events FROM parts GROUP BY name, country"
        " ORDER BY events DESC, name, country LIMIT ?"
    )
    rows = cur.execute(sql, [*params, *params, limit]).fetchall()
    keys = ("name", "country", "as_actor", "as_recipient", "events")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def timeline(
    cur: duckdb.DuckDBPyConnection, f: EventFilter, *, interval: str = "day"
) -> list[dict[str, Any]]:
    """Event counts per day or ISO week (Monday) by quad class, oldest first."""
    if interval not in ("day", "week"):
        raise QueryError(f"interval must be day or week, got {interval!r}.")
    cond, params = where(f)
    sql = (
        f"SELECT date_trunc('{interval}', date_start)::DATE AS period,"
        " count(*) FILTER (quad_class = 1), count(*) FILTER (quad_class = 2),"
        " count(*) FILTER (quad_class = 3), count(*) FILTER (quad_class = 4), count(*)"
        f" FROM events WHERE {cond} AND date_start IS NOT NULL GROUP BY period ORDER BY period"
    )
    rows = cur.execute(sql, params).fetchall()
    keys = ("q1", "q2", "q3", "q4", "total")
    return [
        {"period": row[0].isoformat(), **dict(zip(keys, map(int, row[1:]), strict=True))}
        for row in rows
    ]


def network(
    cur: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int = 200
) -> list[dict[str, Any]]:
    """Actor-to-recipient edges (label and country each side) with counts by quad class,
    heaviest first."""
    cond, params = where(f)
    sql = (
        "SELECT coalesce(actor_name, actor_text) AS source, actor_country,"
        " coalesce(recipient_name, recipient_text) AS target, recipient_country,"
        " count(*) AS n, count(*) FILTER (quad_class IN (1, 2)) AS cooperation,"
        " count(*) FILTER (quad_class IN (3, 4)) AS conflict FROM events"
        f" WHERE {cond} AND actor_text IS NOT NULL AND recipient_text IS NOT NULL"
        " GROUP BY ALL ORDER BY n DESC, source, target LIMIT ?"
    )
    rows = cur.execute(sql, [*params, limit]).fetchall()
    keys = ("source", "source_country", "target", "target_country", "events",
            "cooperation", "conflict")  # fmt: skip
    return [dict(zip(keys, row, strict=True)) for row in rows]


def places(
    cur: duckdb.DuckDBPyConnection, f: EventFilter, *, limit: int = 500
) -> dict[str, list[dict[str, Any]]]:
    """Map points: event locations with coordinates (in half-degree cells, counted), and,
    for events without coordinates, counts by actor country (the dashboard puts those at
    the country's centroid and marks them as such)."""
    cond, params = where(f)
    located = cur.execute(
        "SELECT round(location_lat * 2) / 2 AS lat, round(location_lon * 2) / 2 AS lon,"
        " any_value(event_id) AS sample, count(*) AS n, count(*) FILTER (quad_class >= 3)"
        f" FROM events WHERE {cond} AND location_lat IS NOT NULL AND location_lon IS NOT NULL"
        " GROUP BY ALL ORDER BY n DESC, lat, lon LIMIT ?",
        [*params, limit],
    ).fetchall()
    # place names from one record per point (parsing every located record is slow)
    records = records_by_id(cur, [r[2] for r in located])
    names = {k: (v.get("location") or {}).get("name") for k, v in records.items()}
    by_country = cur.execute(
        "SELECT actor_country, count(*) AS n, count(*) FILTER (quad_class >= 3) FROM events"
        f" WHERE {cond} AND location_lat IS NULL AND actor_country IS NOT NULL"
        " GROUP BY ALL ORDER BY n DESC LIMIT ?",
        [*params, limit],
    ).fetchall()
    return {
        "located": [
            {"lat": r[0], "lon": r[1], "name": names.get(r[2]), "events": r[3], "conflict": r[4]}
            for r in located
        ],
        "by_actor_country": [
            {"country": r[0], "events": r[1], "conflict": r[2]} for r in by_country
        ],
    }


def counts(cur: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows in the main tables (for /healthz)."""
    sql = (
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events),"
        " (SELECT count(*) FROM rejections)"
    )
    row = cur.execute(sql).fetchone() or (0, 0, 0)
    return {"articles": int(row[0]), "events": int(row[1]), "rejections": int(row[2])}
