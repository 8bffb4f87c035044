"""Throughput and peak memory of the whole `run` against a bare `nlp.pipe`, on the same texts.

Usage: python bench/bench_pipeline.py [--input ../shared/bench/insightcrime.jsonl] [--limit N]

Each measurement runs in its own subprocess, so its peak resident memory is its own
(os.wait4's ru_maxrss). Results are printed and written to bench/results/pipeline.json.
The benchmark corpus is not shipped (CC BY-NC); it lives in ../shared/bench.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "bench" / "insightcrime.jsonl"


def _texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def measure_nlp(path: Path, limit: int | None) -> dict[str, float]:
    """Bare single-process nlp.pipe over the article texts (model load excluded)."""
    from newsevents.config import resolve_settings
    from newsevents.nlp import load_pipeline

    settings = resolve_settings()
    nlp = load_pipeline(settings.nlp.model)
    texts = _texts(path, limit)
    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.nlp.batch_size))
    return {"articles": len(texts), "tokens": tokens, "seconds": time.perf_counter() - start}


def measure_run(path: Path, limit: int | None) -> dict[str, float]:
    """The whole pipeline (`newsevents.run`) into a fresh DuckDB file (model load excluded)."""
    import newsevents
    from newsevents.nlp import load_pipeline

    settings = newsevents.resolve_settings(db=str(Path(tempfile.mkdtemp()) / "bench.duckdb"))
    load_pipeline(settings.nlp.model)
    source = path
    if limit:
        source = Path(tempfile.mkdtemp()) / "input.jsonl"
        with path.open(encoding="utf-8") as f, source.open("w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= limit:
                    break
                out.write(line)
    start = time.perf_counter()
    report = newsevents.run([str(source)], settings=settings, input_format="jsonl")
    return {
        "articles": report.articles,
        "documents": report.documents,
        "events": report.events,
        "rejections": report.rejections,
        "seconds": time.perf_counter() - start,
    }


def _child(mode: str, path: Path, limit: int | None) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--input", str(path)]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise SystemExit(f"{mode} measurement failed with status {status}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_rss_mib"] = usage.ru_maxrss / 1024
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--child", choices=["nlp", "run"])
    args = ap.parse_args()
    if not args.input.exists():
        print(f"No benchmark input at {args.input}.", file=sys.stderr)
        return 2
    if args.child:
        fn = measure_nlp if args.child == "nlp" else measure_run
        print(json.dumps(fn(args.input, args.limit)))
        return 0
    nlp = _child("nlp", args.input, args.limit)
    full = _child("run", args.input, args.limit)
    tokens = nlp["tokens"]
    lines = {
        "bare nlp.pipe (1 process)": (
            nlp["articles"] / nlp["seconds"],
            tokens / nlp["seconds"],
            nlp["peak_rss_mib"],
        ),
        "whole run": (
            full["documents"] / full["seconds"],
            tokens / full["seconds"],
            full["peak_rss_mib"],
        ),
    }
    print(f"input: {args.input} ({nlp['articles']} articles, {tokens} tokens)")
    for name, (aps, tps, mem) in lines.items():
        print(f"{name:28s} {aps:8.2f} articles/s {tps:10.0f} tokens/s  peak {mem:7.1f} MiB")
    ratio = (full["documents"] / full["seconds"]) / (nlp["articles"] / nlp["seconds"])
    print(f"run / nlp.pipe throughput ratio: {ratio:.2f}")
    print(
        f"run: {full['articles']} articles, {full['events']} events, "
        f"{full['rejections']} rejections"
    )
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "pipeline.json").write_text(
        json.dumps({"nlp": nlp, "run": full, "ratio": ratio}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
