"""Runs at scale with the real model: incremental feed runs, duplicate texts, a run killed
with SIGKILL and started again, and the Ray runner against the local one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

import newsevents
from newsevents.ingest.fetch import url_id
from newsevents.store import Store
from tests.site import Route, Site, page, rss, site

__all__ = ["site"]
pytestmark = pytest.mark.model
DATE = "Mon, 03 Jun 2024 10:00:00 GMT"
ACTORS = ["Russian", "Chinese", "Iranian", "Turkish", "Indian", "Kenyan", "Brazilian"]
PLACES = ["Kharkiv", "Aleppo", "Mosul", "Goma", "Juba", "Sanaa", "Tripoli", "Kabul"]
VERBS = ["attacked", "shelled", "besieged", "raided", "bombed"]


def story(n: int) -> str:
    """A short news story, different for every n."""
    actor, place = ACTORS[n % len(ACTORS)], PLACES[n % len(PLACES)]
    verb = VERBS[n % len(VERBS)]
    return (
        f"{actor} troops {verb} {place} on Monday, officials said. "
        f"The United Nations condemned the attack and called for talks ({n} dead). "
        f"Leaders of {place} met the {actor} ambassador on Tuesday to discuss {n + 3} prisoners."
    )


def settings(db: Path, **extra: object) -> newsevents.Settings:
    return newsevents.resolve_settings(
        db=str(db), host_delay=0, fetch_retries=0, fetch_timeout=5, **extra
    )


def serve(site: Site, numbers: range) -> None:
    items = []
    for n in numbers:
        site.routes[f"/s/{n}"] = Route(page(f"Story {n}", *story(n).split(". ")))
        items.append((f"Story {n}", site(f"/s/{n}"), DATE))
    site.routes["/feed.xml"] = Route(rss("Wire", items), content_type="application/rss+xml")


# ---------------------------------------------------------------- incremental runs


def test_a_feed_run_again_processes_only_new_items(site: Site, tmp_path: Path) -> None:
    serve(site, range(3))
    first = newsevents.run([site("/feed.xml")], settings=settings(tmp_path / "ev.duckdb"))
    assert (first.documents, first.articles, first.skipped) == (3, 3, 0)
    serve(site, range(4))
    again = newsevents.run([site("/feed.xml")], settings=settings(tmp_path / "ev.duckdb"))
    assert (again.documents, again.articles, again.new_articles, again.skipped) == (1, 1, 1, 3)
    assert [site.hits[f"/s/{n}"] for n in range(4)] == [1, 1, 1, 1]
    with Store.open(tmp_path / "ev.duckdb", read_only=True) as store:
        assert store.count_rows()["articles"] == 4
        assert store.get_article(url_id(site("/s/3")))["outlet"] == "Wire"


def test_a_text_seen_under_another_url_is_recognised(site: Site, tmp_path: Path) -> None:
    serve(site, range(2))
    site.routes["/copy"] = Route(site.routes["/s/0"].body)
    urls = tmp_path / "more.urls"
    urls.write_text(f"{site('/copy')}\n{site('/s/1')}\n")
    newsevents.run([site("/feed.xml")], settings=settings(tmp_path / "ev.duckdb"))
    report = newsevents.run([str(urls)], settings=settings(tmp_path / "ev.duckdb"))
    assert report.rejections_by_reason == {}
    assert report.skipped == 1 and site.hits["/s/1"] == 1  # /s/1 was done by the feed run
    with Store.open(tmp_path / "ev.duckdb", read_only=True) as store:
        assert store.count_rows()["articles"] == 3  # the copy is a report of the same story
        copies = (
            store.cursor()
            .execute("SELECT article_id, duplicate_of, method FROM article_duplicates")
            .fetchall()
        )
    assert copies == [(url_id(site("/copy")), url_id(site("/s/0")), "exact")]


# ---------------------------------------------------------------- crash and resume


def write_input(path: Path, n: int) -> None:
    lines = [json.dumps({"id": f"art-{i}", "text": story(i)}) for i in range(n)]
    lines[5] = json.dumps({"id": "short", "text": "Too short."})  # a rejection, stored once
    lines[9] = '{"id": 7}'  # a malformed line: retried (and stored once) every run
    path.write_text("\n".join(lines) + "\n")


def start_run(source: Path, db: Path, *extra: str) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-c", "from newsevents.cli import main; main()", "-v", "run"]
    cmd += [str(source), "--db", str(db), "--chunk-size", "2", "--quiet", *extra]
    return subprocess.Popen(
        cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, start_new_session=True
    )


def kill_after_first_chunk(proc: subprocess.Popen[str]) -> None:
    assert proc.stderr is not None
    for line in proc.stderr:
        if "stored a chunk" in line:
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, at once
            break
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"


def stored(db: Path) -> dict[str, list[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: [r[0] for r in con.execute(f"SELECT {key} FROM {table} ORDER BY 1").fetchall()]
            for table, key in [
                ("articles", "article_id"),
                ("events", "event_id"),
                ("rejections", "rejection_id"),
            ]
        }


@pytest.mark.slow
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_run_killed_at_any_moment_and_started_again_does_each_article_once(
    tmp_path: Path, workers: str
) -> None:
    source, n = tmp_path / "in.jsonl", 60
    write_input(source, n)
    clean = tmp_path / "clean.duckdb"
    assert start_run(source, clean, "--workers", workers).wait(timeout=300) == 0

    db = tmp_path / "crashed.duckdb"
    early = start_run(source, db, "--workers", workers)
    time.sleep(1.0)  # while it loads the model: nothing written yet
    os.killpg(early.pid, signal.SIGKILL)
    early.wait(timeout=60)
    kill_after_first_chunk(start_run(source, db, "--workers", workers))
    partial = stored(db)
    assert 0 < len(partial["articles"]) < n - 2  # killed part-way through
    kill_after_first_chunk(start_run(source, db, "--workers", workers))
    finished = start_run(source, db, "--workers", workers)
    assert finished.wait(timeout=300) == 0

    assert stored(db) == stored(clean)
    assert len(stored(db)["articles"]) == n - 2
    with duckdb.connect(str(db), read_only=True) as con:
        seen = con.execute("SELECT count(*), count(DISTINCT item_id) FROM seen_items").fetchone()
        skipped = con.execute("SELECT skipped FROM runs").fetchall()
    assert seen == (n - 1, n - 1)  # every article and the short text; not the malformed line
    assert skipped[0][0] > 0  # the last run skipped what the killed ones had finished


# ---------------------------------------------------------------- Ray


@pytest.fixture(scope="module")
def ray_instance():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.mark.slow
def test_the_ray_runner_stores_what_the_local_runner_stores(ray_instance, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_input(source, 14)
    local = settings(tmp_path / "local.duckdb", workers=1, chunk_size=3)
    on_ray = settings(tmp_path / "ray.duckdb", runner="ray", workers=2, chunk_size=3)
    first = newsevents.run([str(source)], settings=local)
    second = newsevents.run([str(source)], settings=on_ray)
    assert (second.articles, second.events, second.rejections) == (
        first.articles,
        first.events,
        first.rejections,
    )
    with Store.open(local.db, read_only=True) as a, Store.open(on_ray.db, read_only=True) as b:
        events = a.query_events(include_negated=True)
        assert events and events == b.query_events(include_negated=True)
    assert stored(Path(local.db)) == stored(Path(on_ray.db))


def test_asking_for_ray_without_it_says_what_to_install(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    write_input(source, 12)
    code = "import sys; sys.modules['ray'] = None; from newsevents.cli import main; main()"
    cmd = [sys.executable, "-c", code, "run", str(source), "--db", str(tmp_path / "x.duckdb")]
    proc = subprocess.run([*cmd, "--runner", "ray"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: The Ray runner needs Ray: pip install 'newsevents[ray]'"
    ]
