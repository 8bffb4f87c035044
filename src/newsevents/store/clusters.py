"""The store's duplicate-article and event-cluster queries (`ClusterStore`, mixed into Store).

Tables (schema migration 3): `article_signatures` (which articles have been sketched),
`article_lsh_bands` (their MinHash band keys), `article_duplicates` (copy -> root),
`event_clusters` (one canonical row per real-world event, with its evidence) and
`event_cluster_members` (event -> cluster). Writes of one clustering step share one
transaction; reads return plain dicts with JSON decoded and dates as ISO strings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import duckdb

from newsevents.store.schema import period_bounds, utc_now

CLUSTER_ORDER = " ORDER BY date NULLS LAST, first_reported, cluster_id"
_REPORT_SQL = """
SELECT e.record, a.outlet, a.published, a.inserted_at,
       coalesce(d.duplicate_of, e.article_id) AS root_id, r.outlet AS root_outlet{extra}
FROM events e
LEFT JOIN articles a ON a.article_id = e.article_id
LEFT JOIN article_duplicates d ON d.article_id = e.article_id
LEFT JOIN articles r ON r.article_id = coalesce(d.duplicate_of, e.article_id)
"""
_CLUSTER_COLUMNS = (
    ("cluster_id", "VARCHAR"), ("event_type", "VARCHAR"), ("mode", "VARCHAR"),
    ("quad_class", "INTEGER"), ("cameo_root", "VARCHAR"), ("actor_name", "VARCHAR"),
    ("actor_country", "VARCHAR"), ("actor_sector", "VARCHAR"), ("recipient_name", "VARCHAR"),
    ("recipient_country", "VARCHAR"), ("recipient_sector", "VARCHAR"), ("date", "DATE"),
    ("date_precision", "VARCHAR"), ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
    ("first_reported", "TIMESTAMP"), ("last_reported", "TIMESTAMP"), ("n_reports", "INTEGER"),
    ("n_articles", "INTEGER"), ("n_outlets", "INTEGER"), ("confidence", "DOUBLE"),
    ("evidence", "JSON"), ("updated_run_id", "VARCHAR"),
)  # fmt: skip


def _unnest(columns: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"unnest(${i}::{kind}[])" for i, (_, kind) in enumerate(columns, 1))


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def date_bound(name: str, value: str | dt.date | None, *, end: bool) -> dt.date | None:
    """The first (or, with `end`, last) day of the period an ISO date names."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    bounds = period_bounds(value.strip())
    if bounds is None:
        raise ValueError(
            f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), got {value!r}."
        )
    return bounds[1] if end else bounds[0]


def dict_rows(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: Sequence[Any],
    json_columns: frozenset[str],
) -> list[dict[str, Any]]:
    """Rows of a query as dicts: dates as ISO text, JSON columns parsed."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    out = []
    for row in cursor.fetchall():
        item = {n: _plain(v) for n, v in zip(names, row, strict=True)}
        for n in json_columns.intersection(item):
            item[n] = json.loads(item[n]) if isinstance(item[n], str) else item[n]
        out.append(item)
    return out


_CLUSTER_JSON = frozenset({"evidence"})


class ClusterStore:
    """Queries over the dedup tables; `Store` provides `_db`, `_transaction` and `path`."""

    if TYPE_CHECKING:

        @property
        def _db(self) -> duckdb.DuckDBPyConnection: ...

        def _transaction(
            self, what: str
        ) -> contextlib.AbstractContextManager[duckdb.DuckDBPyConnection]: ...

    # ------------------------------------------------------------ duplicate articles

    def unsketched_articles(self, limit: int | None = None) -> list[tuple[str, str, str]]:
        """(article_id, content_hash, text) of articles not yet sketched, in root order
        (the first `limit` of them)."""
        sql = """SELECT a.article_id, a.content_hash, a.text FROM articles a
                 ANTI JOIN article_signatures s ON s.article_id = a.article_id
                 ORDER BY a.published NULLS LAST, a.inserted_at, length(a.text) DESC,
                          a.article_id
                 LIMIT ?"""
        rows = self._db.execute(sql, [limit if limit is not None else 2**62]).fetchall()
        return [(str(r[0]), str(r[1] or ""), str(r[2] or "")) for r in rows]

    def articles_with_band_keys(self, keys: Sequence[int]) -> list[tuple[int, str]]:
        """(band key, article id) of sketched articles sharing any of `keys`."""
        sql = """SELECT band_key, article_id FROM article_lsh_bands
                 WHERE band_key IN (SELECT unnest(?::BIGINT[]))"""
        return [(int(k), str(a)) for k, a in self._db.execute(sql, [list(keys)]).fetchall()]

    def article_texts(self, article_ids: Sequence[str]) -> dict[str, str]:
        sql = "SELECT article_id, text FROM articles WHERE article_id IN "
        sql += "(SELECT unnest(?::VARCHAR[]))"
        return {
            str(a): str(t or "") for a, t in self._db.execute(sql, [list(article_ids)]).fetchall()
        }

    def duplicate_roots(self, article_ids: Sequence[str]) -> dict[str, str]:
        """Stored article id -> the root it copies (only for articles that are copies)."""
        sql = """SELECT article_id, duplicate_of FROM article_duplicates
                 WHERE article_id IN (SELECT unnest(?::VARCHAR[]))"""
        return {str(a): str(d) for a, d in self._db.execute(sql, [list(article_ids)]).fetchall()}

    def sketched_with_hashes(self, hashes: Sequence[str]) -> dict[str, str]:
        """content hash -> the first sketched article (root order) with that hash."""
        sql = """SELECT a.content_hash, a.article_id FROM articles a
                 SEMI JOIN article_signatures s ON s.article_id = a.article_id
                 WHERE a.content_hash IN (SELECT unnest(?::VARCHAR[]))
                 ORDER BY a.published NULLS LAST, a.inserted_at, length(a.text) DESC,
                          a.article_id"""
        out: dict[str, str] = {}
        for h, a in self._db.execute(sql, [list(hashes)]).fetchall():
            out.setdefault(str(h), str(a))
        return out

    def save_sketches(
        self,
        signatures: Sequence[tuple[str, str, int]],
        bands: Sequence[tuple[int, str]],
        duplicates: Sequence[tuple[str, str, float, str]],
        run_id: str,
    ) -> None:
        """Record sketched articles (id, method, shingles), their band keys and the copies
        found among them (id, duplicate_of, similarity, method), in one transaction."""
        now = utc_now()
        with self._transaction(f"{len(signatures)} article sketch(es)") as con:
            if signatures:
                cols = [list(c) for c in zip(*signatures, strict=True)]
                con.execute(
                    "INSERT INTO article_signatures SELECT unnest(?::VARCHAR[]), "
                    "unnest(?::VARCHAR[]), unnest(?::INTEGER[]), ? ON CONFLICT DO NOTHING",
                    [*cols, run_id],
                )
            if bands:
                keys, ids = [list(c) for c in zip(*bands, strict=True)]
                con.execute(
                    "INSERT INTO article_lsh_bands "
                    "SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[])",
                    [keys, ids],
                )
            if duplicates:
                cols = [list(c) for c in zip(*duplicates, strict=True)]
                con.execute(
                    "INSERT INTO article_duplicates SELECT unnest(?::VARCHAR[]), "
                    "unnest(?::VARCHAR[]), unnest(?::DOUBLE[]), unnest(?::VARCHAR[]), ?, ? "
                    "ON CONFLICT DO NOTHING",
                    [*cols, run_id, now],
                )

    def list_duplicates(self) -> list[dict[str, Any]]:
        """Every article found to copy another, with what it copies and how alike they are."""
        return self._rows("SELECT * FROM article_duplicates ORDER BY duplicate_of, article_id")

    # ------------------------------------------------------------ clustering input

    def unclustered_event_order(self) -> list[tuple[Any, ...]]:
        """(event_id,) of events in no cluster yet, in report order (the report's date,
        originals before copies, article, offset); negated events are never clustered."""
        sql = """SELECT e.event_id FROM events e
                 LEFT JOIN articles a ON a.article_id = e.article_id
                 LEFT JOIN article_duplicates d ON d.article_id = e.article_id
                 ANTI JOIN event_cluster_members m ON m.event_id = e.event_id
                 WHERE e.modality IS DISTINCT FROM 'negated'
                 ORDER BY coalesce(a.published::TIMESTAMP, a.inserted_at), d.article_id IS NOT NULL,
                          e.article_id, e.event_id"""
        return self._db.execute(sql).fetchall()

    def unclustered_reports(self, event_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Rows (record, outlet, published, inserted_at, root_id, root_outlet) of the given
        events that are in no cluster yet."""
        sql = (
            _REPORT_SQL.format(extra="")
            + """
            ANTI JOIN event_cluster_members m ON m.event_id = e.event_id
            WHERE e.event_id IN (SELECT unnest(?::VARCHAR[]))"""
        )
        return self._db.execute(sql, [list(event_ids)]).fetchall()

    def clusters_near(self, first: dt.date | None, last: dt.date | None) -> list[str]:
        """Ids of clusters with a member dated within [first, last] or undated."""
        sql = """SELECT DISTINCT m.cluster_id FROM event_cluster_members m
                 JOIN events e ON e.event_id = m.event_id
                 WHERE e.date_start IS NULL OR e.date_start BETWEEN ? AND ?"""
        lo, hi = first or dt.date.min, last or dt.date.max
        return sorted(str(r[0]) for r in self._db.execute(sql, [lo, hi]).fetchall())

    def clusters_of_articles(self, article_ids: Sequence[str]) -> list[str]:
        """Ids of clusters holding an event of any of the given articles."""
        sql = """SELECT DISTINCT m.cluster_id FROM event_cluster_members m
                 JOIN events e ON e.event_id = m.event_id
                 WHERE e.article_id IN (SELECT unnest(?::VARCHAR[]))"""
        return sorted(str(r[0]) for r in self._db.execute(sql, [list(article_ids)]).fetchall())

    def cluster_reports(self, cluster_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        """Rows as `unclustered_reports` plus the cluster id, for the members of clusters."""
        sql = (
            _REPORT_SQL.format(extra=", m.cluster_id")
            + """
            JOIN event_cluster_members m ON m.event_id = e.event_id
            WHERE m.cluster_id IN (SELECT unnest(?::VARCHAR[]))"""
        )
        return self._db.execute(sql, [list(cluster_ids)]).fetchall()

    def save_clusters(
        self, rows: Sequence[dict[str, Any]], members: Sequence[tuple[str, str]], run_id: str
    ) -> None:
        """Replace the rows of the given clusters and add (event_id, cluster_id) members."""
        names = [n for n, _ in _CLUSTER_COLUMNS]
        values = [
            [r[n] if n != "evidence" else json.dumps(r[n], ensure_ascii=False) for r in rows]
            for n in names
        ]
        with self._transaction(f"{len(rows)} event cluster(s)") as con:
            if rows:
                con.execute(
                    "DELETE FROM event_clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))",
                    [values[0]],
                )
                columns = ", ".join(names)  # fixed identifiers; values are bound lists
                sql = f"INSERT INTO event_clusters ({columns}) SELECT {_unnest(_CLUSTER_COLUMNS)}"
                con.execute(sql, values)
            if members:
                ids, clusters = [list(c) for c in zip(*members, strict=True)]
                con.execute(
                    "INSERT INTO event_cluster_members SELECT unnest(?::VARCHAR[]), "
                    "unnest(?::VARCHAR[]), ? ON CONFLICT DO NOTHING",
                    [ids, clusters, run_id],
                )

    # ------------------------------------------------------------ reads

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return dict_rows(self._db, sql, params, _CLUSTER_JSON)

    def query_clusters(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        country: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
        min_reports: int = 1,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Event clusters (one per real-world event) matching every filter given, oldest
        first. `actor`/`recipient`: case-insensitive substring of the canonical name or
        exactly its country code; `since`/`until` compare the canonical date."""
        clauses: list[tuple[str, list[Any]]] = []
        for role, value in (("actor", actor), ("recipient", recipient)):
            if value and value.strip():
                v = value.strip()
                clauses.append(
                    (
                        f"(contains(lower({role}_name), ?) OR {role}_country = ?)",
                        [v.lower(), v.upper()],
                    )
                )
        if event_type and event_type.strip():
            clauses.append(("event_type = ?", [event_type.strip().upper()]))
        if country and country.strip():
            clauses.append(
                ("(actor_country = ? OR recipient_country = ?)", [country.strip().upper()] * 2)
            )
        if (lo := date_bound("since", since, end=False)) is not None:
            clauses.append(("date >= ?", [lo]))
        if (hi := date_bound("until", until, end=True)) is not None:
            clauses.append(("date <= ?", [hi]))
        clauses.append(("n_reports >= ?", [min_reports]))
        where = " AND ".join(sql for sql, _ in clauses)
        params = [v for _, values in clauses for v in values]
        sql = f"SELECT * FROM event_clusters WHERE {where}{CLUSTER_ORDER}"
        if limit is not None:
            if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
                raise ValueError(f"limit must be a whole number >= 0, got {limit!r}.")
            sql, params = sql + " LIMIT ?", [*params, limit]
        return self._rows(sql, params)

    def get_cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One event cluster with its evidence, or None."""
        rows = self._rows("SELECT * FROM event_clusters WHERE cluster_id = ?", [cluster_id])
        return rows[0] if rows else None

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One stored event record (EVENT_SCHEMA.md shape) plus `cluster_id`, or None."""
        sql = """SELECT e.record, m.cluster_id FROM events e
                 LEFT JOIN event_cluster_members m ON m.event_id = e.event_id
                 WHERE e.event_id = ?"""
        row = self._db.execute(sql, [event_id]).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        record["cluster_id"] = row[1]
        return record

    def get_duplicate(self, article_id: str) -> dict[str, Any] | None:
        """The article_duplicates row of an article that copies another, or None."""
        rows = self._rows("SELECT * FROM article_duplicates WHERE article_id = ?", [article_id])
        return rows[0] if rows else None
