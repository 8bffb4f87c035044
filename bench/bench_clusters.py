"""Event clustering time and peak memory for 10k, 100k and 1M synthetic events.

Usage: python bench/bench_clusters.py [--sizes 10000,100000,1000000] [--store-sizes 10000,100000]

Two measurements, each size in its own subprocess so that its peak resident memory is its
own (os.wait4's ru_maxrss):

- `cluster`: the clusterer alone (`dedup.events.Clusterer.assign` plus the canonical rows
  of every cluster) on in-memory reports, so the growth rate of the blocking is visible;
- `store`: the whole dedup step (`dedup.cluster_new_events`) on a DuckDB file holding the
  synthetic events: read, cluster, write.

The synthetic events are reports of N/3 real-world events over a year: each event has a
category, parties drawn from 60 countries (a few large ones much more often, as in news),
a city from 400, and 1 to 8 reports from 40 outlets, published on the day or up to two
days later, with sentences that share some of the event's words. The B-cubed F1 against
that structure is printed as a sanity check, not a quality figure. Results go to stdout
and bench/results/clusters.json. The machine may be shared: timings are noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TYPES = [
    ("AGREE", 1), ("CONSULT", 1), ("SUPPORT", 1), ("COOPERATE", 2), ("AID", 2), ("CONCEDE", 2),
    ("RETREAT", 2), ("REQUEST", 3), ("ACCUSE", 3), ("REJECT", 3), ("THREATEN", 3),
    ("PROTEST", 4), ("MOBILIZE", 4), ("SANCTION", 4), ("COERCE", 4), ("ASSAULT", 4),
]  # fmt: skip
COUNTRIES = [f"C{i:02d}" for i in range(60)]
CITIES = [f"City{i:03d}" for i in range(400)]
VOCAB = [f"word{i}" for i in range(3000)]
START = dt.date(2023, 1, 1)


def _weighted_country(rng: random.Random) -> str:
    return COUNTRIES[min(int(rng.paretovariate(1.2)) - 1, len(COUNTRIES) - 1)]


def synthetic(n: int, seed: int = 7) -> tuple[list[Any], dict[str, str]]:
    """`n` reports (features.Report) and their gold event labels."""
    from newsevents.dedup.features import Party, Report, content_words, window

    rng = random.Random(seed)
    reports, gold = [], {}
    event = 0
    while len(reports) < n:
        event += 1
        kind, quad = rng.choice(TYPES)
        actor = Party(None, a := _weighted_country(rng), rng.choice(["GOV", "MIL", "CVL"]),
                      frozenset([a]), frozenset())  # fmt: skip
        recipient = Party(None, r := _weighted_country(rng), None, frozenset([r]), frozenset())
        day = START + dt.timedelta(days=rng.randrange(365))
        city = rng.choice(CITIES)
        words = rng.sample(VOCAB, 10)
        for _ in range(min(rng.choice([1, 1, 2, 2, 3, 4, 6, 8]), n - len(reports))):
            i = len(reports)
            published = day + dt.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
            text = " ".join(rng.sample(words, 6) + rng.sample(VOCAB, 4)) + f" in {city}."
            outlet = f"outlet{rng.randrange(40)}"
            reports.append(
                Report(
                    event_id=f"e{i:08d}",
                    article_id=f"a{i:08d}",
                    root_id=f"a{i:08d}",
                    unit=outlet,
                    outlet=outlet,
                    reported=dt.datetime(published.year, published.month, published.day),
                    event_type=kind,
                    quad_class=quad,
                    cameo_root="01",
                    mode=None,
                    actor=actor if rng.random() > 0.1 else None,
                    recipient=recipient if rng.random() > 0.3 else None,
                    date=published.isoformat(),
                    date_precision="day",
                    date_source="published",
                    window=window(published.isoformat(), "published"),
                    place=None,
                    cities=frozenset([city.lower()]),
                    place_countries=frozenset(),
                    sentence=text,
                    words=content_words(text),
                    start=0,
                    end=len(text),
                    trigger="x",
                    attribution=None,
                    confidence=0.5,
                )
            )
            gold[f"e{i:08d}"] = f"g{event}"
    reports.sort(key=lambda r: (r.reported, r.article_id))
    return reports, gold


def bcubed_f1(gold: dict[str, str], predicted: dict[str, str]) -> float:
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[str, set[str]] = {}
    for item in gold:
        by_gold.setdefault(gold[item], set()).add(item)
        by_pred.setdefault(predicted[item], set()).add(item)
    p = r = 0.0
    for item in gold:
        both = len(by_gold[gold[item]] & by_pred[predicted[item]])
        p += both / len(by_pred[predicted[item]])
        r += both / len(by_gold[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return 2 * p * r / (p + r)


def measure_cluster(n: int) -> dict[str, Any]:
    from newsevents.dedup.canonical import cluster_row
    from newsevents.dedup.events import Clusterer

    reports, gold = synthetic(n)
    start = time.perf_counter()
    clusterer = Clusterer()
    assigned = dict(clusterer.assign(reports))
    assign_seconds = time.perf_counter() - start
    rows = [cluster_row(c.cluster_id, c.members, "bench") for c in clusterer.clusters.values()]
    seconds = time.perf_counter() - start
    return {
        "events": n, "clusters": len(rows), "gold_events": len(set(gold.values())),
        "assign_seconds": assign_seconds, "seconds": seconds,
        "bcubed_f1": bcubed_f1(gold, assigned),
    }  # fmt: skip


def _record(r: Any) -> str:
    party = {"text": "x", "name": None, "sector": None, "start": 0, "end": 1}
    return json.dumps({
        "event_id": r.event_id, "article_id": r.article_id, "event_type": r.event_type,
        "quad_class": r.quad_class, "cameo_root": r.cameo_root, "mode": None,
        "actor": {**party, "country": r.actor.country} if r.actor else None,
        "recipient": {**party, "country": r.recipient.country} if r.recipient else None,
        "date": r.date, "date_precision": "day", "date_source": "published", "location": None,
        "attribution": None, "confidence": r.confidence, "modality": "asserted",
        "evidence": {"sentence": r.sentence, "start": 0, "end": r.end, "trigger": "x",
                     "trigger_start": 0, "trigger_end": 1},
    })  # fmt: skip


def measure_store(n: int) -> dict[str, Any]:
    """The whole dedup step on a DuckDB file holding the synthetic events (bulk-loaded)."""
    import duckdb

    from newsevents.dedup import _cluster
    from newsevents.store import Store

    reports, _ = synthetic(n)
    db = Path(tempfile.mkdtemp()) / "bench.duckdb"
    Store.open(db).close()
    con = duckdb.connect(str(db))
    columns = {
        "event_id": [r.event_id for r in reports], "article_id": [r.article_id for r in reports],
        "modality": ["asserted"] * n, "date_start": [r.reported.date() for r in reports],
        "record": [_record(r) for r in reports],
    }  # fmt: skip
    con.execute(
        "INSERT INTO events (event_id, article_id, modality, date_start, record) SELECT "
        "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), "
        "unnest(?::DATE[]), unnest(?::VARCHAR[])",
        list(columns.values()),
    )
    con.execute(
        "INSERT INTO articles (article_id, outlet, published, text) SELECT "
        "unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::DATE[]), unnest(?::VARCHAR[])",
        [columns["article_id"], [r.outlet for r in reports], columns["date_start"],
         [r.sentence for r in reports]],
    )  # fmt: skip
    con.close()
    del reports, columns
    with Store.open(db) as store:
        start = time.perf_counter()
        clustered, created, _ = _cluster(store, "bench")  # event clustering, not articles
        seconds = time.perf_counter() - start
    return {"events": n, "clusters": created, "clustered": clustered, "seconds": seconds}


def _child(mode: str, n: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", mode, "--sizes", str(n)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{mode} {n} failed with status {status}")
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mib"] = usage.ru_maxrss / 1024
    return result


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--store-sizes", default="10000,100000")
    ap.add_argument("--child", choices=["cluster", "store"])
    args = ap.parse_args()
    if args.child:
        fn = measure_cluster if args.child == "cluster" else measure_store
        print(json.dumps(fn(_sizes(args.sizes)[0])))
        return 0
    results: dict[str, list[dict[str, Any]]] = {"cluster": [], "store": []}
    print("clusterer alone (in-memory reports -> clusters and canonical rows):")
    for n in _sizes(args.sizes):
        r = _child("cluster", n)
        results["cluster"].append(r)
        print(
            f"  {n:>9,} events  {r['seconds']:8.1f} s  {n / r['seconds']:9,.0f} events/s  "
            f"peak {r['peak_rss_mib']:8.1f} MiB  {r['clusters']:,} clusters "
            f"({r['gold_events']:,} synthetic events, B-cubed F1 {r['bcubed_f1']:.3f})"
        )
    print("whole dedup step on a DuckDB file (read, cluster, write):")
    for n in _sizes(args.store_sizes):
        r = _child("store", n)
        results["store"].append(r)
        print(
            f"  {n:>9,} events  {r['seconds']:8.1f} s  {n / r['seconds']:9,.0f} events/s  "
            f"peak {r['peak_rss_mib']:8.1f} MiB  {r['clusters']:,} clusters"
        )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "clusters.json").write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
