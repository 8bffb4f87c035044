"""Exports through the real CLI over the real store: GDELT 2.0 rows checked column by
column against ../shared/spec/GDELT_2.0_Events_columns.csv, Parquet partitions, JSONL, CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents.cli import app
from newsevents.store.schema import period_start
from tests.conftest import ROOT

pytestmark = pytest.mark.model
SPEC = ROOT.parent / "shared" / "spec" / "GDELT_2.0_Events_columns.csv"


def export(db: Path, *args: str) -> str:
    result = CliRunner().invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def _spec() -> list[tuple[str, str]]:
    if not SPEC.exists():
        pytest.skip(f"{SPEC} is not beside the repository")
    with SPEC.open(encoding="utf-8") as f:
        return [(row["tableId"], row["dataType"]) for row in csv.DictReader(f)]


def test_gdelt_rows_have_the_61_columns_and_types_of_the_spec(web_db: Path) -> None:
    spec = _spec()
    assert len(spec) == 61
    lines = export(web_db, "--format", "gdelt-tsv").splitlines()
    plover = [json.loads(x) for x in export(web_db, "--format", "plover-jsonl").splitlines()]
    assert len(lines) == len(plover) > 0
    for line, event in zip(lines, plover, strict=True):
        cells = line.split("\t")
        assert len(cells) == 61, line
        row = dict(zip((name for name, _ in spec), cells, strict=True))
        for (_name, kind), cell in zip(spec, cells, strict=True):
            if cell == "":
                continue  # every column is NULLABLE
            if kind == "INTEGER":
                int(cell)
            elif kind == "FLOAT":
                float(cell)
        assert row["EventRootCode"] == event["cameo_root"]
        assert row["EventCode"].startswith(row["EventBaseCode"])
        assert row["EventBaseCode"].startswith(row["EventRootCode"])
        assert int(row["QuadClass"]) == event["quad_class"]
        assert -10 <= float(row["GoldsteinScale"]) <= 10
        start = period_start(event["date"])  # the first day of a month, week or year
        assert row["SQLDATE"] == (start.strftime("%Y%m%d") if start else "")
        actor = event["actor"] or {}
        assert row["Actor1CountryCode"] in ("", actor.get("country"))
        assert row["SOURCEURL"]


def test_gdelt_ids_are_stable_and_unique(web_db: Path) -> None:
    first = export(web_db, "--format", "gdelt-tsv").splitlines()
    ids = [line.split("\t")[0] for line in first]
    assert len(set(ids)) == len(ids)
    assert export(web_db, "--format", "gdelt-tsv").splitlines() == first


def test_exports_take_the_events_filters(web_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export(web_db, "--format", "csv", "--country", "KOR"))))
    assert rows and all("KOR" in (r["actor_country"], r["recipient_country"]) for r in rows)
    limited = export(web_db, "--format", "plover-jsonl", "--limit", "2").splitlines()
    assert len(limited) == 2
    everything = export(web_db, "--format", "plover-jsonl", "--include-negated").splitlines()
    default = export(web_db, "--format", "plover-jsonl").splitlines()
    assert all(json.loads(x)["modality"] != "negated" for x in default)
    assert len(everything) >= len(default)


def test_parquet_is_partitioned_by_year_and_month(web_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events"
    export(web_db, "--format", "parquet", "--output", str(out))
    parts = sorted(p.relative_to(out).parts[:2] for p in out.rglob("*.parquet"))
    assert ("year=2022", "month=5") in parts and ("year=2022", "month=6") in parts
    con = duckdb.connect()
    rows = con.execute(
        "SELECT year, month, date_start FROM read_parquet(?, hive_partitioning = true)",
        [str(out / "**" / "*.parquet")],
    ).fetchall()
    assert len(rows) == len(export(web_db, "--format", "plover-jsonl").splitlines())
    dated = [(year, month, day) for year, month, day in rows if day is not None]
    assert dated and all(day.year == year and day.month == month for year, month, day in dated)


def test_parquet_without_output_is_a_clear_error(web_db: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--db", str(web_db), "--format", "parquet"])
    assert result.exit_code != 0
    assert "--output" in str(result.exception) + result.output
