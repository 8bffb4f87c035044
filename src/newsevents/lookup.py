"""Reading event clusters back: the Python API behind `newsevents events --clusters` and
`newsevents show`.

    import newsevents
    for cluster in newsevents.query_clusters(db="ev.duckdb", country="KEN"):
        print(cluster["event_type"], cluster["n_outlets"], cluster["confidence"])
    newsevents.show("3f0460438ccdaa2b", db="ev.duckdb")   # a cluster id or an event id
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from newsevents.config import resolve_settings
from newsevents.errors import StoreError


def _path(db: str | Path | None) -> Path:
    path = Path(resolve_settings(db=str(db) if db else None).db)
    if not path.exists():
        raise StoreError(
            f"No store at {path}. Create one with `newsevents run INPUT --db {path}`.",
            path=str(path),
        )
    return path


def query_clusters(
    db: str | Path | None = None,
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
    """Event clusters of the store `db` (default: the `db` setting), one per real-world
    event, with canonical fields, counts, confidence and evidence; filters as
    `Store.query_clusters`."""
    from newsevents.store import Store

    with Store.open(_path(db), read_only=True) as store:
        return store.query_clusters(
            actor=actor,
            recipient=recipient,
            event_type=event_type,
            country=country,
            since=since,
            until=until,
            min_reports=min_reports,
            limit=limit,
        )


def show(item_id: str, db: str | Path | None = None) -> dict[str, Any] | None:
    """A cluster (`kind` "cluster", with its evidence) or an event (`kind` "event": the
    stored record, its `cluster_id` and its article's title, outlet, date and url, and
    what the article copies), or None when neither has this id."""
    from newsevents.store import Store

    with Store.open(_path(db), read_only=True) as store:
        cluster = store.get_cluster(item_id)
        if cluster is not None:
            return {"kind": "cluster", **cluster}
        event = store.get_event(item_id)
        if event is None:
            return None
        article = store.get_article(event["article_id"]) or {}
        duplicate = store.get_duplicate(event["article_id"])
        about = {k: article.get(k) for k in ("title", "outlet", "published", "url")}
        about["duplicate_of"] = duplicate["duplicate_of"] if duplicate else None
        return {"kind": "event", **event, "article": about}
