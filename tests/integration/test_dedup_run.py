"""The dedup step through `newsevents run` with the real model and a real DuckDB file: run
twice, then a later run with a copy of a stored article and a follow-up report; and the
`events --clusters` and `show` commands on the result."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest

import newsevents

pytestmark = pytest.mark.model

WIRE = (
    "QUITO, Oct 3 (Andean Wire) - Ecuadorian police fired tear gas at students in Quito on "
    "Tuesday as thousands marched against cuts to university funding.\n\n"
    "The education ministry said the cuts were needed to balance the budget.\n\n"
    "Student leaders said the protests would continue until the cuts were reversed."
)
COPY = WIRE.replace("Andean Wire", "Andean Wire via Coastal Herald").rsplit("\n\n", 1)[0]
REWRITE = (
    "Police in Quito used tear gas against students who marched on Tuesday to oppose cuts to "
    "university budgets, witnesses said."
)
ELSEWHERE = "Ecuadorian police fired tear gas at students in Cuenca on Tuesday."
FIRST = [
    {"id": "wire", "outlet": "Andean Wire", "published": "2023-10-03", "text": WIRE},
    {"id": "copy", "outlet": "Coastal Herald", "published": "2023-10-03",
     "title": "Students tear-gassed in Quito", "text": COPY},
    {"id": "rewrite", "outlet": "Sierra News", "published": "2023-10-04", "text": REWRITE},
    {"id": "cuenca", "outlet": "Sierra News", "published": "2023-10-03", "text": ELSEWHERE},
]  # fmt: skip
SECOND = [
    {"id": "late-copy", "outlet": "Pacific Post", "published": "2023-10-04", "text": WIRE},
    {"id": "followup", "outlet": "Andean Wire", "published": "2023-10-05", "text":
     "Ecuadorian police fired tear gas at students in Quito on Tuesday, the rights "
     "ombudsman said on Thursday, calling for an inquiry."},
]  # fmt: skip
TABLES = ("event_clusters", "event_cluster_members", "article_duplicates", "article_lsh_bands")


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return path


def snapshot(db: Path) -> tuple[Any, ...]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES)
    finally:
        con.close()


def tear_gas_cluster(db: Path, article_id: str) -> str:
    con = duckdb.connect(str(db), read_only=True)
    try:
        row = con.execute(
            "SELECT m.cluster_id FROM events e JOIN event_cluster_members m USING (event_id) "
            "WHERE e.article_id = ? AND e.event_type IN ('ASSAULT', 'COERCE') "
            "ORDER BY e.sentence_start LIMIT 1",
            [article_id],
        ).fetchone()
    finally:
        con.close()
    assert row is not None, article_id
    return str(row[0])


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-c", "from newsevents.cli import main; main()", *args]
    return subprocess.run(cmd, capture_output=True, timeout=300, text=True, encoding="utf-8")


def test_run_twice_then_a_later_run_attaches_and_finds_stored_copies(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    settings = newsevents.resolve_settings(db=str(db))
    first = write(tmp_path / "first.jsonl", FIRST)
    newsevents.run([str(first)], settings=settings)
    before = snapshot(db)
    newsevents.run([str(first)], settings=settings)
    assert snapshot(db) == before  # the same input changes nothing

    clusters = {a: tear_gas_cluster(db, a) for a in ("wire", "copy", "rewrite", "cuenca")}
    assert clusters["wire"] == clusters["copy"] == clusters["rewrite"] != clusters["cuenca"]

    newsevents.run([str(write(tmp_path / "second.jsonl", SECOND))], settings=settings)
    copies = {d["article_id"]: d["duplicate_of"] for d in _duplicates(db)}
    assert copies == {"copy": "wire", "late-copy": "wire"}
    assert tear_gas_cluster(db, "followup") == clusters["wire"]
    shown = newsevents.show(clusters["wire"], db)
    assert shown is not None
    assert {e["article_id"] for e in shown["evidence"]} >= {"wire", "copy", "rewrite", "followup"}
    assert shown["n_outlets"] >= 4


def _duplicates(db: Path) -> list[dict[str, Any]]:
    from newsevents.store import Store

    with Store.open(db, read_only=True) as store:
        return store.list_duplicates()


def test_events_clusters_and_show_commands(tmp_path: Path) -> None:
    db = tmp_path / "ev.duckdb"
    source = write(tmp_path / "first.jsonl", FIRST)
    assert _cli("run", str(source), "--db", str(db), "--quiet").returncode == 0
    listed = _cli("events", "--clusters", "--db", str(db), "--format", "jsonl")
    assert listed.returncode == 0, listed.stderr
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    biggest = max(rows, key=lambda r: r["n_reports"])
    assert biggest["n_articles"] >= 3 and biggest["evidence"]
    as_csv = _cli("events", "--clusters", "--db", str(db), "--format", "csv")
    assert as_csv.stdout.splitlines()[0].startswith("cluster_id,date,")
    assert len(as_csv.stdout.splitlines()) == len(rows) + 1
    shown = _cli("show", biggest["cluster_id"], "--db", str(db))
    assert shown.returncode == 0 and biggest["cluster_id"] in shown.stdout
    assert "Quito" in shown.stdout
    event_id = biggest["evidence"][0]["event_id"]
    one = json.loads(_cli("show", event_id, "--db", str(db), "--format", "json").stdout)
    assert one["kind"] == "event" and one["cluster_id"] == biggest["cluster_id"]
    missing = _cli("show", "nothing-here", "--db", str(db))
    assert missing.returncode == 1 and "no cluster or event" in missing.stderr


def test_batches_of_one_give_the_same_duplicates_and_clusters(tmp_path: Path, monkeypatch) -> None:
    """The dedup step goes in batches to keep memory flat; a batch finds an earlier batch's
    copies and clusters in the store, so tiny batches give what one batch gives."""
    import newsevents.dedup as dedup

    source = write(tmp_path / "first.jsonl", FIRST + SECOND)
    whole = tmp_path / "whole.duckdb"
    newsevents.run([str(source)], settings=newsevents.resolve_settings(db=str(whole)))
    monkeypatch.setattr(dedup, "ARTICLE_BATCH", 1)
    monkeypatch.setattr(dedup, "EVENT_BATCH", 1)
    batched = tmp_path / "batched.duckdb"
    newsevents.run([str(source)], settings=newsevents.resolve_settings(db=str(batched)))

    def links(db: Path) -> list[tuple[Any, ...]]:
        return [(d["article_id"], d["duplicate_of"], d["method"]) for d in _duplicates(db)]

    assert links(batched) == links(whole)
    assert {d["article_id"] for d in _duplicates(batched)} == {"copy", "late-copy"}
    for article in ("wire", "copy", "rewrite", "late-copy", "followup"):
        assert tear_gas_cluster(batched, article) == tear_gas_cluster(batched, "wire"), article
    assert tear_gas_cluster(batched, "cuenca") != tear_gas_cluster(batched, "wire")
