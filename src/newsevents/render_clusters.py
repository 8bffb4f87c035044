"""Event clusters as a rich table, JSON Lines or CSV rows, and one cluster or event as
readable text (for `newsevents events --clusters` and `newsevents show`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

CSV_COLUMNS = (
    "cluster_id", "date", "date_precision", "event_type", "mode", "cameo_root", "quad_class",
    "actor_name", "actor_country", "actor_sector", "recipient_name", "recipient_country",
    "recipient_sector", "location_name", "location_country", "lat", "lon", "first_reported",
    "last_reported", "n_reports", "n_articles", "n_outlets", "confidence",
)  # fmt: skip


def write_jsonl(clusters: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for cluster in clusters:
        out.write(json.dumps(cluster, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_csv(clusters: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """One row per cluster without its evidence list (`newsevents show ID` gives that)."""
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for cluster in clusters:
        writer.writerow(cluster)
        count += 1
    return count


def _party(cluster: dict[str, Any], role: str) -> str:
    name = cluster.get(f"{role}_name") or ""
    code = "/".join(x for x in (cluster.get(f"{role}_country"), cluster.get(f"{role}_sector")) if x)
    return f"{name} [{code}]".strip() if code else name


def write_table(clusters: Iterable[dict[str, Any]], out: IO[str]) -> int:
    items = list(clusters)
    table = Table(title=f"Event clusters ({len(items)})", expand=True)
    for name in ("cluster", "date", "type", "actor", "recipient", "reports", "outlets", "conf"):
        table.add_column(name, overflow="fold")
    for c in items:
        cells = (
            c["cluster_id"],
            str(c.get("date") or ""),
            f"{c.get('event_type')} ({c.get('cameo_root')})",
            _party(c, "actor"),
            _party(c, "recipient"),
            f"{c.get('n_reports')} in {c.get('n_articles')} art.",
            str(c.get("n_outlets")),
            f"{c.get('confidence') or 0:.2f}",
        )
        table.add_row(*(Text(x) for x in cells))  # text from articles is never markup
    Console(file=out, width=160).print(table)
    return len(items)


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "table": write_table}


def describe(item: dict[str, Any]) -> str:
    """A cluster with its evidence, or an event with its sentence, as plain text."""
    if item.get("kind") == "cluster":
        return _describe_cluster(item)
    return _describe_event(item)


def _describe_cluster(c: dict[str, Any]) -> str:
    lines = [
        f"cluster {c['cluster_id']}: {c.get('event_type')} (CAMEO {c.get('cameo_root')}, "
        f"quad class {c.get('quad_class')}) on {c.get('date') or 'unknown date'} "
        f"({c.get('date_precision')})",
        f"  actor: {_party(c, 'actor') or '-'}   recipient: {_party(c, 'recipient') or '-'}",
        f"  where: {c.get('location_name') or '-'} {c.get('location_country') or ''}".rstrip(),
        f"  {c.get('n_reports')} reports in {c.get('n_articles')} articles from "
        f"{c.get('n_outlets')} outlets, {c.get('first_reported')} to {c.get('last_reported')};"
        f" confidence {c.get('confidence')}",
        "  evidence:",
    ]
    for e in c.get("evidence") or ():
        copy = f", copy of {e['copy_of']}" if e.get("copy_of") else ""
        said = f", according to {e['attribution']}" if e.get("attribution") else ""
        lines.append(
            f"    - {e.get('outlet') or 'unknown outlet'} {e['article_id']} "
            f"[{e['start']}:{e['end']}] event {e['event_id']}{copy}{said}"
        )
        lines.append(f"      {e['sentence']}")
    return "\n".join(lines)


def _describe_event(e: dict[str, Any]) -> str:
    article = e.get("article") or {}
    ev = e.get("evidence") or {}
    actor, recipient = e.get("actor") or {}, e.get("recipient") or {}
    copy = f" (a copy of {article['duplicate_of']})" if article.get("duplicate_of") else ""
    return "\n".join(
        [
            f"event {e['event_id']}: {e.get('event_type')} (CAMEO {e.get('cameo_code')}) on "
            f"{e.get('date') or 'unknown date'}, {e.get('modality')}",
            f"  actor: {actor.get('text', '-')}   recipient: {recipient.get('text', '-')}",
            f"  article {e['article_id']}{copy}: {article.get('title') or ''} "
            f"({article.get('outlet') or 'unknown outlet'}, {article.get('published') or '-'})",
            f"  sentence [{ev.get('start')}:{ev.get('end')}], trigger '{ev.get('trigger')}':",
            f"    {ev.get('sentence')}",
            f"  cluster: {e.get('cluster_id') or '-'}",
        ]
    )
