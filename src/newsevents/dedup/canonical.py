"""A cluster's canonical event, counts, confidence and evidence: one `event_clusters` row.

Each field takes its best-supported value: the value whose members' confidences add up
highest (members from copied articles count for nothing while an original speaks; ties
go to the alphabetically first value, so the result never depends on order). The date
prefers dates read from the text; when every date is a publication day, the earliest.
Confidence grows with independent sources: 1 - prod(1 - c) over independence units (the
outlet of each original article, or the article when its outlet is unknown), c being a
unit's most confident report; a syndicated copy adds no unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from newsevents.dedup.features import Report
from newsevents.store.schema import period_start

FIELDS = (
    "cluster_id", "event_type", "mode", "quad_class", "cameo_root", "actor_name",
    "actor_country", "actor_sector", "recipient_name", "recipient_country",
    "recipient_sector", "date", "date_precision", "location_name", "location_country",
    "lat", "lon", "first_reported", "last_reported", "n_reports", "n_articles", "n_outlets",
    "confidence", "evidence", "updated_run_id",
)  # fmt: skip


def _weight(report: Report, members: Sequence[Report]) -> float:
    if report.is_copy and any(not m.is_copy for m in members):
        return 0.0
    return max(report.confidence, 1e-3)


def vote(members: Sequence[Report], value: Callable[[Report], Any]) -> Any:
    """The value with the highest summed weight among members that have one."""
    totals: dict[Any, float] = defaultdict(float)
    for m in members:
        v = value(m)
        if v is not None:
            totals[v] += _weight(m, members)
    if not totals:
        return None
    return min(totals, key=lambda v: (-round(totals[v], 9), str(v)))


def _date(members: Sequence[Report]) -> tuple[str | None, str]:
    from_text = [m for m in members if m.date and m.date_source != "published"]
    if from_text:
        date, precision = vote(from_text, lambda m: (m.date, m.date_precision))
        return date, precision
    dated = sorted((m.date, m.date_precision) for m in members if m.date)
    return dated[0] if dated else (None, "unknown")


def confidence(members: Sequence[Report]) -> float:
    best: dict[str, float] = {}
    for m in members:
        best[m.unit] = max(best.get(m.unit, 0.0), m.confidence)
    remaining = 1.0
    for value in best.values():
        remaining *= 1.0 - min(max(value, 0.0), 0.99)
    return round(1.0 - remaining, 4)


def evidence(members: Sequence[Report]) -> list[dict[str, Any]]:
    ordered = sorted(
        members, key=lambda m: (m.reported, m.is_copy, m.article_id, m.start, m.event_id)
    )
    return [
        {
            "event_id": m.event_id,
            "article_id": m.article_id,
            "outlet": m.outlet,
            "reported": m.reported.isoformat(),
            "start": m.start,
            "end": m.end,
            "sentence": m.sentence,
            "trigger": m.trigger,
            "attribution": m.attribution,
            "copy_of": m.root_id if m.is_copy else None,
        }
        for m in ordered
    ]


def cluster_row(cluster_id: str, members: Sequence[Report], run_id: str) -> dict[str, Any]:
    """The `event_clusters` row of a cluster (keys in FIELDS order)."""
    event_type = vote(members, lambda m: m.event_type)
    typed = [m for m in members if m.event_type == event_type]
    location = vote(members, lambda m: m.place.name if m.place else None)
    placed = [m for m in members if m.place and m.place.name == location] or list(members)
    date, precision = _date(members)
    outlets = {m.outlet for m in members if m.outlet}
    row = {
        "cluster_id": cluster_id,
        "event_type": event_type,
        "mode": vote(typed, lambda m: m.mode),
        "quad_class": vote(typed, lambda m: m.quad_class),
        "cameo_root": vote(typed, lambda m: m.cameo_root),
        "actor_name": vote(members, lambda m: m.actor.name if m.actor else None),
        "actor_country": vote(members, lambda m: m.actor.country if m.actor else None),
        "actor_sector": vote(members, lambda m: m.actor.sector if m.actor else None),
        "recipient_name": vote(members, lambda m: m.recipient.name if m.recipient else None),
        "recipient_country": vote(members, lambda m: m.recipient.country if m.recipient else None),
        "recipient_sector": vote(members, lambda m: m.recipient.sector if m.recipient else None),
        "date": period_start(date),  # first day of a week, month or year
        "date_precision": precision,
        "location_name": location,
        "location_country": vote(members, lambda m: m.place.country if m.place else None),
        "lat": vote(placed, lambda m: m.place.lat if m.place else None),
        "lon": vote(placed, lambda m: m.place.lon if m.place else None),
        "first_reported": min(m.reported for m in members),
        "last_reported": max(m.reported for m in members),
        "n_reports": len(members),
        "n_articles": len({m.article_id for m in members}),
        "n_outlets": len(outlets),
        "confidence": confidence(members),
        "evidence": evidence(members),
        "updated_run_id": run_id,
    }
    return {k: row[k] for k in FIELDS}
