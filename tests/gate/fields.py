"""Attribution, modality, event date and location (`data/fields.jsonl`, issue 5).

Each row is one sentence (or a dateline and a sentence) written for this project, with its
publication date (null: the coder must infer it from the text) and the expected fields of
its main event: the event whose trigger is the labelled word (else the most confident).

- attribution: right when both are null, or when the predicted source text contains the
  labelled source words (case folded) and the cue contains the labelled cue.
- modality: exact.
- date: value and precision both exact (null and `unknown` for an undated historical act).
- location: right when both are null, or when the country matches and the labelled name
  folds to the predicted name or surface text.

`split` is `dev` (rules were developed against these) or `holdout` (written after the
rules and scored before any tuning on them); figures are given for all rows and apart for
each split.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.coding.gazetteer import fold
from newsevents.config import resolve_settings
from newsevents.pipeline import process
from newsevents.records import Event, RawDocument
from tests.gate import Figure, sha256_file

FIELDS_FILE = Path(__file__).parent / "data" / "fields.jsonl"
FIELDS = ("attribution", "modality", "date", "location")


@dataclass(slots=True)
class FieldScore:
    rows: int = 0
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    misses: list[str] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.rows if self.rows else 0.0


def load(path: Path = FIELDS_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def pick(events: Sequence[Event], trigger: str) -> Event | None:
    """The event coded from the labelled trigger word, else the most confident one."""
    exact = [e for e in events if e.evidence.trigger.lower() == trigger.lower()]
    pool = exact or list(events)
    return max(pool, key=lambda e: e.confidence) if pool else None


def judge(row: dict[str, Any], event: Event | None) -> dict[str, bool]:
    if event is None:
        return dict.fromkeys(FIELDS, False)
    att = event.attribution
    if row["attribution"] is None:
        att_ok = att is None
    else:
        att_ok = (
            att is not None
            and row["attribution"].lower() in att.source_text.lower()
            and (row["cue"] or "").lower() in att.cue.lower()
        )
    loc = event.location
    if row["location"] is None:
        loc_ok = loc is None
    else:
        names = {fold(loc.name or ""), fold(loc.text)} if loc else set()
        loc_ok = (
            loc is not None and loc.country == row["country"] and fold(row["location"]) in names
        )
    return {
        "attribution": att_ok,
        "modality": event.modality == row["modality"],
        "date": event.date == row["date"] and event.date_precision == row["precision"],
        "location": loc_ok,
    }


def score(rows: Sequence[dict[str, Any]]) -> dict[str, FieldScore]:
    raws = [
        RawDocument(
            id=r["id"],
            content=r["text"].encode("utf-8"),
            kind="text",
            source=FIELDS_FILE.name,
            published=r["published"],
        )
        for r in rows
    ]
    coded = {res.item_id: res.events for res in process(raws, resolve_settings(min_chars=1))}
    scores = {"all": FieldScore(), "dev": FieldScore(), "holdout": FieldScore()}
    for row in rows:
        event = pick(coded.get(row["id"], ()), row["trigger"])
        verdict = judge(row, event)
        for key in ("all", row.get("split", "dev")):
            s = scores[key]
            s.rows += 1
            for name, ok in verdict.items():
                s.correct[name] += ok
        for name, ok in verdict.items():
            if not ok:
                scores["all"].misses.append(f"{row['id']} {name}: {_shown(name, event)}")
    return scores


def _shown(name: str, event: Event | None) -> str:
    if event is None:
        return "no event"
    if name == "attribution":
        a = event.attribution
        return f"{a.source_text!r} {a.cue!r}" if a else "None"
    if name == "date":
        return f"{event.date} {event.date_precision} {event.date_text!r}"
    if name == "location":
        loc = event.location
        return f"{loc.text!r} {loc.name} {loc.country} {loc.precision}" if loc else "None"
    return str(event.modality)


def evaluate(path: Path = FIELDS_FILE) -> tuple[dict[str, FieldScore], list[Figure]]:
    rows = load(path)
    for row in rows:
        if row["published"] is not None:
            dt.date.fromisoformat(row["published"])
    scores = score(rows)
    sha = sha256_file(path)
    figures = [
        Figure(f"fields.{name}_accuracy", scores["all"].accuracy(name), path.name, sha)
        for name in FIELDS
    ]
    return scores, figures
