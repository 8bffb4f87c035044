"""Event records as JSON Lines, JSON, CSV rows or a rich table (shared by the CLI commands)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import IO, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

CSV_COLUMNS = (
    "event_id",
    "article_id",
    "date",
    "date_precision",
    "date_source",
    "date_text",
    "event_type",
    "mode",
    "cameo_root",
    "quad_class",
    "intensity",
    "actor_text",
    "actor_country",
    "actor_sector",
    "recipient_text",
    "recipient_country",
    "recipient_sector",
    "modality",
    "location_name",
    "location_country",
    "location_admin1",
    "location_precision",
    "location_lat",
    "location_lon",
    "attribution_source",
    "attribution_country",
    "attribution_sector",
    "attribution_cue",
    "confidence",
    "trigger",
    "sentence",
    "coder",
)


def flatten(event: dict[str, Any]) -> dict[str, Any]:
    """One flat row of an event dict, for CSV and tables."""
    row = {k: event.get(k) for k in CSV_COLUMNS if k in event}
    for role in ("actor", "recipient"):
        part = event.get(role) or {}
        for key in ("text", "country", "sector"):
            row[f"{role}_{key}"] = part.get(key)
    place = event.get("location") or {}
    for key in ("name", "country", "admin1", "precision", "lat", "lon"):
        row[f"location_{key}"] = place.get(key)
    source = event.get("attribution") or {}
    for key in ("source", "country", "sector", "cue"):
        row[f"attribution_{key}"] = source.get(key)
    evidence = event.get("evidence") or {}
    row["trigger"] = evidence.get("trigger")
    row["sentence"] = evidence.get("sentence")
    return {k: row.get(k) for k in CSV_COLUMNS}


def write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_json(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    items = list(events)
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(items)


def write_csv(events: Iterable[dict[str, Any]], out: IO[str], *, header: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS))
    if header:
        writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flatten(event))
        count += 1
    return count


def _who(part: dict[str, Any] | None) -> str:
    if not part:
        return ""
    country = part.get("country") or "+".join(
        m["country"] for m in part.get("members") or () if m.get("country")
    )
    code = "/".join(x for x in (country, part.get("sector")) if x)
    return f"{part.get('text', '')} [{code}]" if code else str(part.get("text", ""))


def _where(place: dict[str, Any] | None) -> str:
    if not place:
        return ""
    return f"{place.get('name') or place.get('text')} [{place.get('country') or ''}]"


def _speaker(source: dict[str, Any] | None) -> dict[str, Any] | None:
    if not source:
        return None
    return {"text": source.get("source") or source.get("source_text"), **source}


def events_table(events: Sequence[dict[str, Any]], title: str = "Events") -> Table:
    table = Table(title=f"{title} ({len(events)})", show_lines=False, expand=True)
    for name, style in (
        ("date", "cyan"),
        ("type", "bold"),
        ("actor", "green"),
        ("recipient", "magenta"),
        ("modality", ""),
        ("where", "blue"),
        ("according to", ""),
        ("trigger", "yellow"),
    ):
        table.add_column(name, style=style, overflow="fold")
    for e in events:
        cells = (
            str(e.get("date") or ""),
            f"{e.get('event_type')} ({e.get('cameo_root')})",
            _who(e.get("actor")),
            _who(e.get("recipient")),
            str(e.get("modality")),
            _where(e.get("location")),
            _who(_speaker(e.get("attribution"))),
            str((e.get("evidence") or {}).get("trigger", "")),
        )
        table.add_row(*(Text(c) for c in cells))  # text from articles is never markup
    return table


def write_table(events: Iterable[dict[str, Any]], out: IO[str], title: str = "Events") -> int:
    items = list(events)
    Console(file=out, width=160).print(events_table(items, title))
    return len(items)


WRITERS = {"jsonl": write_jsonl, "json": write_json, "csv": write_csv, "table": write_table}
