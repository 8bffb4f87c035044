"""Throughput of the whole `run` (local runner, every core) against a bare one-process
`nlp.pipe` on the same texts, and peak memory while streaming a large input.

Usage:
  python bench/bench_pipeline.py [--input ../shared/bench/insightcrime.jsonl] [--limit N]
                                 [--workers N] [--n-process]
  python bench/bench_pipeline.py --stream 100000 [--stream-chars N]   (make bench-stream)

The first form prints bare nlp.pipe throughput (1 process), the whole pipeline's with the
local runner on all cores (or --workers), their ratio (target >= 1.6 on 2 cores) and the
peak memory of each; --n-process adds the alternative of spaCy's own nlp.pipe(n_process=N)
with extraction and coding in the main process. The second streams N articles made by
cycling the input with new ids (and a numbered closing sentence, so no two texts are the same)
through the whole pipeline and prints the peak memory, and the memory at each quarter of
the run to show it stays flat. --stream-chars cuts every article to its first N characters
for a quicker run (the pipeline's memory does not grow with the input either way).

Each measurement runs in its own subprocess. Memory is the proportional set size (PSS) of
the measured process and all its worker processes, summed and sampled every 0.5 s from
/proc (Linux): what the run really holds, shared pages counted once. Results are printed
and written to bench/results/. The benchmark corpus is not shipped (CC BY-NC); it lives in
../shared/bench.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "bench" / "insightcrime.jsonl"
TARGET_RATIO = 1.6
TARGET_MEMORY_MIB = 2048


# ---------------------------------------------------------------- inputs


def _records(path: Path, limit: int | None) -> list[dict[str, str]]:
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
            if limit and len(records) >= limit:
                break
    return records


def _write_input(path: Path, limit: int | None) -> Path:
    out = Path(tempfile.mkdtemp()) / "input.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for record in _records(path, limit):
            f.write(json.dumps(record) + "\n")
    return out


def _write_stream(path: Path, count: int, chars: int | None) -> Path:
    """`count` articles cycling the input, each with a new id and a numbered last line."""
    records = _records(path, None)
    out = Path(tempfile.mkdtemp()) / f"stream-{count}.jsonl"
    with out.open("w", encoding="utf-8") as f:
        for n, record in zip(range(count), itertools.cycle(records), strict=False):
            text = record["text"][:chars] if chars else record["text"]
            # a closing sentence in the last paragraph: extract keeps it, so no two texts match
            copy = {**record, "id": f"stream-{n}", "text": f"{text.rstrip()} This is bulletin {n}."}
            f.write(json.dumps(copy) + "\n")
    return out


# ---------------------------------------------------------------- measurements (children)


def measure_nlp(path: Path, n_process: int = 1) -> dict[str, float]:
    """Bare nlp.pipe over the article texts (model load excluded): spaCy's pipeline as it
    ships, without the compiled rule components `newsevents.nlp` swaps in."""
    import spacy

    from newsevents.config import resolve_settings

    settings = resolve_settings()
    nlp = spacy.load(settings.nlp.model)
    texts = [r["text"] for r in _records(path, None)]
    start = time.perf_counter()
    docs = nlp.pipe(texts, batch_size=settings.nlp.batch_size, n_process=n_process)
    tokens = sum(len(doc) for doc in docs)
    return {"articles": len(texts), "tokens": tokens, "seconds": time.perf_counter() - start}


def measure_run(path: Path, workers: int) -> dict[str, float]:
    """The whole pipeline (`newsevents.run`, local runner) into a fresh DuckDB file."""
    import newsevents
    from newsevents.nlp import load_pipeline

    db = str(Path(tempfile.mkdtemp()) / "bench.duckdb")
    settings = newsevents.resolve_settings(db=db, workers=workers)
    load_pipeline(settings.nlp.model)
    start = time.perf_counter()
    report = newsevents.run([str(path)], settings=settings, input_format="jsonl")
    return {
        "articles": report.articles,
        "documents": report.documents,
        "events": report.events,
        "rejections": report.rejections,
        "seconds": time.perf_counter() - start,
    }


def measure_n_process(path: Path, workers: int) -> dict[str, float]:
    """The alternative: extract and code in this process, parse with nlp.pipe(n_process)."""
    from newsevents.coding.rules import RuleCoder
    from newsevents.config import resolve_settings
    from newsevents.ingest import iter_documents
    from newsevents.nlp import load_pipeline
    from newsevents.pipeline import _code, _extract
    from newsevents.records import Article

    settings = resolve_settings()
    nlp = load_pipeline(settings.nlp.model)
    coder = RuleCoder.for_settings(settings.coding.actors)
    start = time.perf_counter()
    items = (_extract(raw, settings, None) for raw in iter_documents([str(path)]))
    articles = [a for a in items if isinstance(a, Article)]
    docs = nlp.pipe((a.text for a in articles), batch_size=32, n_process=workers)
    events = sum(len(_code(coder, doc, a).events) for doc, a in zip(docs, articles, strict=True))
    return {"documents": len(articles), "events": events, "seconds": time.perf_counter() - start}


# ---------------------------------------------------------------- memory sampling (parent)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            tree.setdefault(ppid, []).append(int(entry))
    return tree


def _pss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def tree_pss_mib(root: int) -> float:
    """PSS of a process and all its descendants, in MiB."""
    tree, todo, total = _children(), [root], 0.0
    while todo:
        pid = todo.pop()
        total += _pss_mib(pid)
        todo.extend(tree.get(pid, []))
    return total


class Sampler(threading.Thread):
    """Samples a process tree's PSS every `every` seconds until stopped."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.samples: list[tuple[float, float]] = []
        self.done = threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.done.wait(self.every):
            self.samples.append((time.monotonic() - start, tree_pss_mib(self.pid)))


def _child(mode: str, path: Path, extra: list[str]) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", mode, "--input", str(path), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    out, _ = proc.communicate()
    sampler.done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{mode} measurement failed with status {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_pss_mib"] = max((m for _, m in sampler.samples), default=0.0)
    result["pss_samples"] = sampler.samples
    return result


# ---------------------------------------------------------------- machine check


def _spin(seconds: float) -> int:
    end, count = time.perf_counter() + seconds, 0
    while time.perf_counter() < end:
        count += 1
    return count


def effective_cores(workers: int) -> float:
    """How many cores' worth of work `workers` busy processes get now: 1 on a machine
    whose other cores are taken by someone else, `workers` on a quiet one."""
    from concurrent.futures import ProcessPoolExecutor

    alone = _spin(1.0)
    with ProcessPoolExecutor(workers) as pool:
        together = sum(pool.map(_spin, [1.0] * workers))
    return together / alone


# ---------------------------------------------------------------- reports


def throughput(args: argparse.Namespace) -> dict[str, object]:
    source = _write_input(args.input, args.limit)
    workers = ["--workers", str(args.workers)]
    nlp = _child("nlp", source, [])
    full = _child("run", source, workers)
    rows = {"bare nlp.pipe (1 process)": (nlp["articles"], nlp)}
    rows[f"whole run (local, {_workers(args)} workers)"] = (full["documents"], full)
    alternative = None
    if args.n_process:
        alternative = _child("nprocess", source, workers)
        rows[f"extract+code, nlp.pipe(n_process={_workers(args)})"] = (
            alternative["documents"],
            alternative,
        )
    tokens = nlp["tokens"]
    cores = effective_cores(_workers(args))
    print(f"input: {args.input} ({nlp['articles']} articles, {tokens} tokens)")
    busy = (
        " (other work on the machine holds the ratio down)" if cores < _workers(args) - 0.3 else ""
    )
    print(f"machine: {_workers(args)} busy processes get {cores:.2f} cores of CPU now{busy}")
    for name, (count, m) in rows.items():
        rate = count / m["seconds"]
        print(
            f"{name:40s} {rate:7.2f} articles/s {tokens / m['seconds']:9.0f} tokens/s"
            f"  peak {m['peak_pss_mib']:7.1f} MiB"
        )
    ratio = (full["documents"] / full["seconds"]) / (nlp["articles"] / nlp["seconds"])
    verdict = "meets" if ratio >= TARGET_RATIO else "below"
    print(f"whole run / bare nlp.pipe throughput: {ratio:.2f} ({verdict} the {TARGET_RATIO})")
    print(f"run: {full['articles']} articles, {full['events']} events, {full['rejections']} rej.")
    for m in (nlp, full, *([alternative] if alternative else [])):
        m.pop("pss_samples", None)
    return {
        "nlp": nlp,
        "run": full,
        "n_process": alternative,
        "ratio": ratio,
        "effective_cores": cores,
    }


def stream(args: argparse.Namespace) -> dict[str, object]:
    source = _write_stream(args.input, args.stream, args.stream_chars)
    size = source.stat().st_size / 2**20
    print(f"streaming {args.stream} articles ({size:.0f} MiB of JSON Lines) through `run`")
    full = _child("run", source, ["--workers", str(args.workers)])
    samples = full.pop("pss_samples")
    peak = full["peak_pss_mib"]
    rate = full["documents"] / full["seconds"]
    print(
        f"{full['documents']} documents in {full['seconds']:.0f} s ({rate:.1f} articles/s): "
        f"{full['articles']} articles, {full['events']} events, {full['rejections']} rejections"
    )
    quarters = _quarters(samples)
    print(
        "peak memory so far (PSS, MiB) at 25/50/75/100% of the run: "
        + " / ".join(f"{q:.0f}" for q in quarters)
    )
    verdict = "meets" if peak <= TARGET_MEMORY_MIB else "over"
    print(f"peak memory: {peak:.0f} MiB ({verdict} the {TARGET_MEMORY_MIB} MiB target)")
    source.unlink()
    return {"stream": args.stream, "chars": args.stream_chars, "run": full, "quarters": quarters}


def _quarters(samples: list[tuple[float, float]]) -> list[float]:
    if not samples:
        return []
    out = []
    for q in (0.25, 0.5, 0.75, 1.0):
        upto = [m for t, m in samples if t <= samples[-1][0] * q]
        out.append(max(upto, default=0.0))
    return out


def _workers(args: argparse.Namespace) -> int:
    return args.workers or len(os.sched_getaffinity(0))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, help="use only the first N articles")
    ap.add_argument("--workers", type=int, default=0, help="local workers; 0: every core")
    ap.add_argument("--n-process", action="store_true", help="also measure nlp.pipe(n_process)")
    ap.add_argument("--stream", type=int, help="stream N generated articles; report memory")
    ap.add_argument("--stream-chars", type=int, help="cut streamed articles to N characters")
    ap.add_argument("--child", choices=["nlp", "run", "nprocess"])
    args = ap.parse_args()
    if not args.input.exists():
        print(f"No benchmark input at {args.input}.", file=sys.stderr)
        return 2
    if args.child:
        workers = _workers(args)
        measures = {
            "nlp": lambda: measure_nlp(args.input),
            "run": lambda: measure_run(args.input, args.workers),
            "nprocess": lambda: measure_n_process(args.input, workers),
        }
        print(json.dumps(measures[args.child]()))
        return 0
    result = stream(args) if args.stream else throughput(args)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    name = "stream.json" if args.stream else "pipeline.json"
    (out / name).write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
