"""API latency and memory on 1M synthetic events: `make bench` (or python bench/bench_api.py).

Builds a DuckDB store with the real schema (migrations) and N synthetic events written by
`Store.upsert_events` from real `Event` records (random but plausible: 40 countries, the 16
PLOVER types, dates over three years, a third with coordinates), starts `newsevents serve`
on a free local port, sends a fixed mix of typical filtered /api/v1/events queries, and
reports p50/p95 latency per query and overall, and the server's resident memory (RSS).
Results go to stdout and bench/results/api.json. Target: p95 < 100 ms.

The machine is shared: other processes make the timings noisy, so run it twice.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = {
    "first page": "/api/v1/events?limit=50",
    "country": "/api/v1/events?country=PRK&limit=50",
    "actor text": "/api/v1/events?actor=minister&limit=50",
    "type + dates": "/api/v1/events?category=ASSAULT&since=2023-01-01&until=2023-06-30",
    "quad + country": "/api/v1/events?quad_class=4&country=UKR&sort=confidence",
    "bbox": "/api/v1/events?bbox=20,40,45,60&limit=50",
    "words": "/api/v1/events?q=border&limit=50",
    "next page": "",  # filled in: the cursor URL of the country query's first page
}
# What the dashboard also loads: reported beside, not in the /api/v1/events figures
DASHBOARD = {
    "timeline week": "/api/v1/stats/timeline?interval=week&country=USA",
    "actors": "/api/v1/actors",
    "network": "/api/v1/stats/network",
    "places (map)": "/api/v1/stats/places",
}


# PLOVER type -> (CAMEO root, quad class, intensity): enough to make realistic rows
TYPES = {
    "AGREE": ("03", 1, 3.0), "CONSULT": ("04", 1, 1.0), "SUPPORT": ("05", 1, 3.5),
    "CONCEDE": ("08", 2, 5.0), "COOPERATE": ("06", 2, 6.0), "AID": ("07", 2, 7.0),
    "RETREAT": ("08", 2, 5.0), "REQUEST": ("10", 3, -2.0), "ACCUSE": ("11", 3, -2.0),
    "REJECT": ("12", 3, -4.0), "THREATEN": ("13", 3, -6.0), "PROTEST": ("14", 4, -6.5),
    "SANCTION": ("16", 4, -5.6), "MOBILIZE": ("15", 4, -7.2), "COERCE": ("17", 4, -7.0),
    "ASSAULT": ("19", 4, -10.0),
}  # fmt: skip


def build(path: Path, n: int, seed: int = 7) -> float:
    """Write n synthetic events (and one article per 10 events); return seconds taken."""
    import datetime as dt

    from newsevents.records import ActorRef, Article, Event, Evidence, Location
    from newsevents.store import Store

    rng = random.Random(seed)
    countries = ["USA", "RUS", "CHN", "UKR", "PRK", "KOR", "JPN", "IRN", "ISR", "PSE", "SYR",
                 "TUR", "IND", "PAK", "AFG", "IRQ", "SAU", "EGY", "FRA", "DEU", "GBR", "BRA",
                 "MEX", "COL", "VEN", "NGA", "ETH", "SDN", "SOM", "ZAF", "KEN", "YEM", "LBN",
                 "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "PHL"]  # fmt: skip
    words = ["minister", "army", "police", "president", "rebels", "protesters", "government"]
    types = list(TYPES.items())
    start = time.perf_counter()
    with Store.open(path) as store:
        for chunk in range(0, n, 100_000):
            events, articles = [], []
            for i in range(chunk, min(n, chunk + 100_000)):
                kind, (root, quad, intensity) = rng.choice(types)
                a, r = rng.sample(countries, 2)
                day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1095))
                sentence = f"The {a} {rng.choice(words)} acted against {r} near the border."
                ev = Evidence(sentence, 0, len(sentence), "acted", 10, 15)
                place = None
                if i % 3 == 0:
                    lat, lon = rng.uniform(-60, 70), rng.uniform(-170, 170)
                    place = Location("near", 0, 4, "Somewhere", r, None, lat, lon, "city")
                article_id = f"a{i // 10}"
                events.append(Event(
                    event_id=f"{i:020d}", article_id=article_id, coder="bench", event_type=kind,
                    quad_class=quad, cameo_root=root, intensity=intensity,
                    actor=ActorRef(f"{a} {rng.choice(words)}", 0, 9, a, a, "GOV"),
                    recipient=ActorRef(r, 20, 23, r, r, "GOV"), evidence=ev,
                    confidence=rng.random(), date=day.isoformat(), date_precision="day",
                    location=place,
                ))  # fmt: skip
                if i % 10 == 0:
                    articles.append(Article(article_id, sentence, "bench", url=f"http://x/{i}"))
            store.upsert_articles(articles, "bench")
            store.upsert_events(events, "bench")
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _get(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        assert response.status == 200
    return (time.perf_counter() - start) * 1000


def _next(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(json.load(response)["next"])


def _summary(per: dict[str, list[float]]) -> dict[str, object]:
    every = [v for values in per.values() for v in values]
    return {
        "queries": {name: {"p50_ms": round(statistics.median(v), 1),
                           "p95_ms": round(_pct(v, 0.95), 1)} for name, v in per.items()},
        "all": {"p50_ms": round(statistics.median(every), 1),
                "p95_ms": round(_pct(every, 0.95), 1), "requests": len(every)},
    }  # fmt: skip


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(db: Path, rounds: int) -> dict[str, object]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-c", "from newsevents.cli import main; main()", "serve",
               "--db", str(db), "--port", str(port)]  # fmt: skip
    server = subprocess.Popen(command)
    try:
        for _ in range(300):
            try:
                _get(f"{base}/healthz")
                break
            except OSError:
                time.sleep(0.1)
        queries = {**QUERIES, "next page": _next(base + QUERIES["country"])}
        for path in [*queries.values(), *DASHBOARD.values()]:  # warm up the column caches
            _get(base + path)
        per: dict[str, list[float]] = {name: [] for name in queries}
        board: dict[str, list[float]] = {name: [] for name in DASHBOARD}
        for _ in range(rounds):
            for name, path in queries.items():
                per[name].append(_get(base + path))
            for name, path in DASHBOARD.items():
                board[name].append(_get(base + path))
        rss = _rss_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {
        "events_api": _summary(per),
        "dashboard_api": _summary(board),
        "server_rss_mib": round(rss, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db", type=Path, help="reuse (or create) this store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        built = None if db.exists() else round(build(db, args.events), 1)
        result = {"events": args.events, "build_seconds": built, **measure(db, args.rounds)}
    print(json.dumps(result, indent=2))
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "api.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
