"""One event, many reports: duplicate articles and cross-article event identity.

`cluster_new_events(store, run_id)` is the pipeline's dedup step, run after a run has
stored its articles and events: it sketches the articles not yet sketched and links the
copies among them to the articles they copy (`articles`), then files every event not yet in
a cluster into the cluster of the real-world event it reports (`events`), and rewrites
the canonical row of each cluster that gained a report (`canonical`). Running it again
with nothing new changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsevents.dedup import features
from newsevents.dedup.articles import (
    METHOD,
    Duplicate,
    Sketched,
    band_keys,
    pick_duplicates,
    shingles,
    signature,
)
from newsevents.dedup.canonical import cluster_row
from newsevents.dedup.events import Clusterer
from newsevents.dedup.features import Report

if TYPE_CHECKING:
    from newsevents.store import Store

log = logging.getLogger(__name__)
_MARGIN = dt.timedelta(days=14)  # stored clusters this far around the new dates are loaded

__all__ = ["DedupReport", "cluster_new_events", "find_duplicate_articles", "report_from_row"]


@dataclass(frozen=True, slots=True)
class DedupReport:
    """What one dedup step did."""

    articles_sketched: int
    duplicates: int
    events_clustered: int
    clusters_created: int
    clusters_updated: int


def cluster_new_events(store: Store, run_id: str) -> DedupReport:
    """Find duplicate articles, then cluster the events not yet clustered (see module doc).

    Both go in batches (`ARTICLE_BATCH` articles, `EVENT_BATCH` events, in report order),
    each stored before the next is read, so memory stays flat however large the run: a
    later batch finds an earlier one's copies and clusters in the store, as a later run
    would."""
    sketched, duplicates = find_duplicate_articles(store, run_id)
    clustered, created, updated = _cluster(store, run_id)
    report = DedupReport(sketched, duplicates, clustered, created, updated)
    log.info("dedup: %s", report)
    return report


# ---------------------------------------------------------------- articles

ARTICLE_BATCH = 1000
EVENT_BATCH = 20_000


def find_duplicate_articles(store: Store, run_id: str) -> tuple[int, int]:
    """Sketch unsketched articles, find which copy an earlier one, store both; returns
    (articles sketched, duplicates found)."""
    sketched = found = 0
    while rows := store.unsketched_articles(limit=ARTICLE_BATCH):
        found += len(_sketch_batch(store, rows, run_id))
        sketched += len(rows)
    return sketched, found


def _sketch_batch(
    store: Store, rows: Sequence[tuple[str, str, str]], run_id: str
) -> list[Duplicate]:
    new = [Sketched(a, h, shingles(text)) for a, h, text in rows]
    keys = {item.article_id: band_keys(signature(item.grams)) for item in new}
    by_key: dict[int, set[str]] = defaultdict(set)
    for article_id, article_keys in keys.items():
        for key in article_keys:
            by_key[key].add(article_id)
    for key, stored in store.articles_with_band_keys(sorted(by_key)):
        by_key[key].add(stored)
    candidates = {a: set().union(*(by_key[k] for k in ks)) - {a} for a, ks in keys.items()}
    new_ids = set(keys)
    stored_ids = sorted(set().union(*candidates.values()) - new_ids)
    known = {a: shingles(t) for a, t in store.article_texts(stored_ids).items()}
    roots = store.duplicate_roots(stored_ids)
    same_hash = _same_hash(store, new)
    duplicates = pick_duplicates(new, candidates, known, roots, same_hash)
    store.save_sketches(
        [(item.article_id, METHOD, len(item.grams)) for item in new],
        [(k, a) for a, ks in keys.items() for k in ks],
        [(d.article_id, d.duplicate_of, d.similarity, d.method) for d in duplicates],
        run_id,
    )
    return duplicates


def _same_hash(store: Store, new: Sequence[Sketched]) -> dict[str, str]:
    """New article id -> an earlier article (stored, or earlier in `new`) with its hash."""
    first = store.sketched_with_hashes(sorted({i.content_hash for i in new if i.content_hash}))
    out = {}
    for item in new:
        if not item.content_hash:
            continue
        earlier = first.setdefault(item.content_hash, item.article_id)
        if earlier != item.article_id:
            out[item.article_id] = earlier
    return out


# ---------------------------------------------------------------- events


def _timestamp(published: Any, inserted: Any) -> dt.datetime:
    if isinstance(published, dt.datetime):
        return published
    if isinstance(published, dt.date):
        return dt.datetime(published.year, published.month, published.day)
    return inserted if isinstance(inserted, dt.datetime) else dt.datetime(1970, 1, 1)


def report_from_row(row: Sequence[Any]) -> Report:
    """A Report from (record JSON, outlet, published, inserted_at, root_id, root_outlet)."""
    record, outlet, published, inserted, root_id, root_outlet = row[:6]
    e = json.loads(record) if isinstance(record, str) else record
    evidence = e.get("evidence") or {}
    sentence = evidence.get("sentence") or ""
    cities, countries = features.hints(sentence)
    attribution = e.get("attribution") or {}
    return Report(
        event_id=e["event_id"],
        article_id=e["article_id"],
        root_id=root_id or e["article_id"],
        unit=f"outlet:{root_outlet}" if root_outlet else f"article:{root_id}",
        outlet=outlet,
        reported=_timestamp(published, inserted),
        event_type=e["event_type"],
        quad_class=int(e["quad_class"]),
        cameo_root=e.get("cameo_root") or "",
        mode=e.get("mode"),
        actor=features.party(e.get("actor")),
        recipient=features.party(e.get("recipient")),
        date=e.get("date"),
        date_precision=e.get("date_precision") or "unknown",
        date_source=e.get("date_source") or "published",
        window=features.window(e.get("date"), e.get("date_source") or "published"),
        place=features.place(e.get("location")),
        cities=cities,
        place_countries=countries,
        sentence=sentence,
        words=features.content_words(sentence),
        start=int(evidence.get("start") or 0),
        end=int(evidence.get("end") or 0),
        trigger=evidence.get("trigger") or "",
        attribution=attribution.get("source") or attribution.get("source_text"),
        confidence=float(e.get("confidence") or 0.0),
    )


def report_order(report: Report) -> tuple[Any, ...]:
    return (report.reported, report.root_id != report.article_id, report.article_id,
            report.start, report.event_id)  # fmt: skip


def _cluster(store: Store, run_id: str) -> tuple[int, int, int]:
    """Cluster the unclustered events in batches of EVENT_BATCH, in report order."""
    ids = [str(r[0]) for r in store.unclustered_event_order()]
    clustered = created = updated = 0
    for at in range(0, len(ids), EVENT_BATCH):
        rows = store.unclustered_reports(ids[at : at + EVENT_BATCH])
        new = sorted((report_from_row(r) for r in rows), key=report_order)
        counts = _cluster_batch(store, new, run_id)
        clustered, created, updated = (
            a + b for a, b in zip((clustered, created, updated), counts, strict=True)
        )
    return clustered, created, updated


def _cluster_batch(store: Store, new: list[Report], run_id: str) -> tuple[int, int, int]:
    if not new:
        return 0, 0, 0
    clusterer = Clusterer()
    _restore(store, clusterer, new)
    existing = set(clusterer.clusters)
    members = list(clusterer.assign(new))
    touched = [c for c in clusterer.clusters.values() if c.touched]
    rows = [cluster_row(c.cluster_id, c.members, run_id) for c in touched]
    store.save_clusters(rows, members, run_id)
    created = len(set(clusterer.clusters) - existing)
    return len(members), created, len(touched) - created


def _restore(store: Store, clusterer: Clusterer, new: Sequence[Report]) -> None:
    days = [d for r in new if r.window for d in r.window]
    first = dt.date.fromordinal(min(days)) - _MARGIN if days else None
    last = dt.date.fromordinal(max(days)) + _MARGIN if days else None
    ids = store.clusters_near(first, last)
    originals = sorted({r.root_id for r in new if r.is_copy})  # a late copy finds them too
    ids = sorted(set(ids) | set(store.clusters_of_articles(originals) if originals else []))
    if not ids:
        return
    grouped: dict[str, list[Report]] = defaultdict(list)
    for row in store.cluster_reports(ids):
        grouped[str(row[6])].append(report_from_row(row))
    ordered = {c: sorted(reports, key=report_order) for c, reports in grouped.items()}
    for cluster_id in sorted(ordered, key=lambda c: (report_order(ordered[c][0]), c)):
        clusterer.restore(cluster_id, ordered[cluster_id])
