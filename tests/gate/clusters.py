"""Event clusters and duplicate articles (`clusters.*`), on the project's own labelled corpus
(`data/clusters.jsonl`, see data/README.md): the corpus goes through `newsevents.run` into
a fresh DuckDB file, then the store's clusters and duplicate links are scored with
B-cubed precision, recall and F1 against the gold labels.

Gold event mentions are keyed by a phrase of the article (`match`), not by event ids, so a
change in the coder does not break the gold: a mention is the stored event whose evidence
sentence contains the phrase (preferring one whose trigger lies inside it, then the most
confident); one coded event stands for one mention (when two mentions of one sentence find
the same event, the one holding its trigger keeps it). A mention the coder codes no event
for is left out of the B-cubed figures and counted in `event_coverage`.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.gate import Figure, sha256_file

CORPUS = Path(__file__).parent / "data" / "clusters.jsonl"


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    items: int


@dataclass(frozen=True, slots=True)
class ClusterScore:
    articles: int
    mentions: int
    coded: int
    events: BCubed
    duplicates: BCubed
    misses: list[str]  # gold mentions with no coded event
    wrong: list[str]  # gold mentions whose predicted cluster is not their gold cluster's


def bcubed(gold: Mapping[str, str], predicted: Mapping[str, str]) -> BCubed:
    """B-cubed over the items of `gold` (item -> label); predicted item -> cluster."""
    items = sorted(gold)
    if not items:
        return BCubed(0.0, 0.0, 0.0, 0)
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for item in items:
        by_gold.setdefault(gold[item], set()).add(item)
        by_pred.setdefault(predicted.get(item, f"alone:{item}"), set()).add(item)
    precision = recall = 0.0
    for item in items:
        same_gold = by_gold[gold[item]]
        same_pred = by_pred[predicted.get(item, f"alone:{item}")]
        both = len(same_gold & same_pred)
        precision += both / len(same_pred)
        recall += both / len(same_gold)
    p, r = precision / len(items), recall / len(items)
    return BCubed(p, r, 2 * p * r / (p + r) if p + r else 0.0, len(items))


def load_corpus(path: Path = CORPUS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def find_event(text: str, match: str, events: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The coded event a gold phrase names (see module doc)."""
    at = text.index(match)
    end = at + len(match)
    inside = [e for e in events if e["evidence"]["start"] <= at and end <= e["evidence"]["end"]]
    if not inside:
        return None

    def rank(e: dict[str, Any]) -> tuple[bool, float, str]:
        ev = e["evidence"]
        within = at <= ev["trigger_start"] and ev["trigger_end"] <= end
        return (not within, -float(e["confidence"]), e["event_id"])

    return min(inside, key=rank)


def _trigger_inside(text: str, match: str, event: dict[str, Any]) -> bool:
    at = text.index(match)
    ev = event["evidence"]
    return bool(at <= ev["trigger_start"] and ev["trigger_end"] <= at + len(match))


def run_corpus(path: Path, db: Path) -> None:
    import newsevents

    settings = newsevents.resolve_settings(db=str(db))
    newsevents.run([str(path)], settings=settings, input_format="jsonl")


def score_store(corpus: Sequence[dict[str, Any]], db: Path) -> ClusterScore:
    from newsevents.store import Store

    gold_events: dict[str, str] = {}
    pred_events: dict[str, str] = {}
    misses: list[str] = []
    with Store.open(db, read_only=True) as store:
        for article in corpus:
            events = [
                store.get_event(e["event_id"]) or e
                for e in store.query_events(article_id=article["id"])
            ]
            claimed: dict[str, tuple[bool, str]] = {}
            for mention in article["events"]:
                item = f"{article['id']}: {mention['match']}"
                found = find_event(article["text"], mention["match"], events)
                if found is None or found.get("cluster_id") is None:
                    misses.append(item)
                    continue
                inside = _trigger_inside(article["text"], mention["match"], found)
                if found["event_id"] in claimed:  # one coded event stands for one mention
                    was_inside, other = claimed[found["event_id"]]
                    if was_inside or not inside:
                        misses.append(item)
                        continue
                    misses.append(other)
                    del gold_events[other], pred_events[other]
                claimed[found["event_id"]] = (inside, item)
                gold_events[item] = mention["cluster"]
                pred_events[item] = found["cluster_id"]
        copies = {d["article_id"]: d["duplicate_of"] for d in store.list_duplicates()}
    gold_copies = {a["id"]: a["copy_group"] for a in corpus}
    pred_copies = {a["id"]: copies.get(a["id"], a["id"]) for a in corpus}
    return ClusterScore(
        articles=len(corpus),
        mentions=sum(len(a["events"]) for a in corpus),
        coded=len(gold_events),
        events=bcubed(gold_events, pred_events),
        duplicates=bcubed(gold_copies, pred_copies),
        misses=misses,
        wrong=_wrong(gold_events, pred_events),
    )


def _wrong(gold: Mapping[str, str], pred: Mapping[str, str]) -> list[str]:
    """Mentions not clustered exactly with their gold cluster-mates (for --verbose)."""
    out = []
    for item in sorted(gold):
        mates = {i for i in gold if gold[i] == gold[item]}
        together = {i for i in gold if pred[i] == pred[item]}
        if mates != together:
            out.append(f"{item} [gold {gold[item]}]")
    return out


def evaluate(path: Path = CORPUS) -> tuple[ClusterScore, list[Figure]]:
    corpus = load_corpus(path)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "clusters.duckdb"
        run_corpus(path, db)
        result = score_store(corpus, db)
    sha = sha256_file(path)
    values = {
        "event_bcubed_f1": result.events.f1,
        "event_bcubed_precision": result.events.precision,
        "event_bcubed_recall": result.events.recall,
        "event_coverage": result.coded / result.mentions if result.mentions else 0.0,
        "duplicate_bcubed_f1": result.duplicates.f1,
        "duplicate_bcubed_precision": result.duplicates.precision,
        "duplicate_bcubed_recall": result.duplicates.recall,
    }
    return result, [Figure(f"clusters.{k}", v, path.name, sha) for k, v in values.items()]
