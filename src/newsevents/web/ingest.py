"""POST /api/v1/articles: code the posted records with the real pipeline and store them.

The records take the JSONL input path (`ingest.parse_jsonl_line`), so an API client gets the
same checks and the same rejections as `newsevents run --input-format jsonl`. Writes go
through the app's one connection under its write lock, in the store's own transactions.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from newsevents.config import Settings
from newsevents.ingest import parse_jsonl_line
from newsevents.pipeline import check_settings, process
from newsevents.records import RawDocument, Rejection, content_hash
from newsevents.web.app import Database


def _documents(records: list[dict[str, Any]], max_bytes: int) -> list[RawDocument | Rejection]:
    out: list[RawDocument | Rejection] = []
    for lineno, record in enumerate(records, 1):
        line = json.dumps(record, ensure_ascii=False).encode("utf-8")
        item = parse_jsonl_line(line, source="api", lineno=lineno, max_bytes=max_bytes)
        if item is not None:
            out.append(item)
    return out


def code_and_store(db: Database, records: list[dict[str, Any]], settings: Settings) -> dict:
    """Code, store, and say what became of each record."""
    now = dt.datetime.now(dt.UTC).isoformat()
    run_id = "api-" + content_hash(f"{now}|{len(records)}", 12)
    with db.write_lock:  # one POST at a time: the parser is shared, DuckDB has one writer
        check_settings(settings)
        results = list(process(_documents(records, settings.extract.max_bytes), settings))
        articles = [r.article for r in results if r.article is not None]
        events = [e for r in results for e in r.events]
        rejections = [r.rejection for r in results if r.rejection is not None]
        new_articles = db.store.upsert_articles(articles, run_id)
        new_events = db.store.upsert_events(events, run_id)
        db.store.add_rejections(rejections, run_id)
    items = []
    for r in results:
        item: dict[str, Any] = {"id": r.item_id, "events": [e.event_id for e in r.events]}
        if r.rejection is not None:
            item["rejected"] = {"reason": str(r.rejection.reason), "detail": r.rejection.detail}
        items.append(item)
    return {"run_id": run_id, "new_articles": new_articles, "new_events": new_events,
            "items": items}  # fmt: skip
