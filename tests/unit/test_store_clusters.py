"""The dedup step against a real DuckDB file, with articles and events built by hand (no
model): duplicate links and LSH keys persist across runs, clusters attach new reports,
re-running changes nothing, and the read queries and the Python API return the contract."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pytest

import newsevents
from newsevents.dedup import cluster_new_events
from newsevents.errors import StoreError
from newsevents.records import ActorRef, Article, Event, Evidence, content_hash
from newsevents.store import Store

STORY = (
    "Dock workers walked off the job in Antwerp on Monday, demanding higher pay. "
    "The strike halted container traffic at Europe's second-largest port for the whole day. "
    "Union leaders said the stoppage would be repeated every Monday until talks resumed."
)
REWRITE = "Antwerp's dockers went on strike over pay, bringing the port to a standstill."
OTHER = "Farmers drove tractors into the centre of Ghent on Monday to protest fuel taxes."
BEL_LABOUR = ActorRef("Dock workers", 0, 12, country="BEL", sector="LAB")

CLUSTER_COLUMNS = [
    "cluster_id", "event_type", "mode", "quad_class", "cameo_root", "actor_name",
    "actor_country", "actor_sector", "recipient_name", "recipient_country",
    "recipient_sector", "date", "date_precision", "location_name", "location_country",
    "lat", "lon", "first_reported", "last_reported", "n_reports", "n_articles", "n_outlets",
    "confidence", "evidence", "updated_run_id",
]  # fmt: skip


def article(article_id: str, text: str, outlet: str, day: int = 11) -> Article:
    return Article(
        id=article_id, text=text, source="tests", outlet=outlet,
        published=dt.date(2023, 9, day), published_source="metadata",
        content_hash=content_hash(text),
    )  # fmt: skip


def event(a: Article, sentence_end: int, *, modality: str = "asserted", day: int = 11) -> Event:
    sentence = a.text[:sentence_end]
    evidence = Evidence(sentence, 0, sentence_end, sentence.split()[2], 0, 5)
    return Event(
        event_id=Event.make_id(a.id, evidence, "rules.test"), article_id=a.id,
        coder="rules.test", event_type="PROTEST", quad_class=4, cameo_root="14",
        intensity=-6.5, actor=BEL_LABOUR, recipient=None, evidence=evidence,
        modality=modality, confidence=0.6,  # type: ignore[arg-type]
        date=f"2023-09-{day:02d}", date_precision="day", date_source="published",
    )  # fmt: skip


def first_sentence(text: str) -> int:
    return text.index(".") + 1


def store_run(store: Store, run_id: str, articles: list[Article], events: list[Event]) -> None:
    store.upsert_articles(articles, run_id)
    store.upsert_events(events, run_id)
    cluster_new_events(store, run_id)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "dedup.duckdb"


@pytest.fixture
def first_run(db: Path) -> dict[str, Any]:
    wire = article("wire", STORY, "Scheldt Wire")
    trimmed = STORY.rsplit(" Union leaders", 1)[0]  # a new dateline, the last sentence cut
    copy = article("copy", "ANTWERP (Scheldt Wire) - " + trimmed, "Port Gazette")
    other = article("other", OTHER, "Flanders Daily")
    events = [event(wire, first_sentence(STORY)), event(other, first_sentence(OTHER))]
    copy_event = Event(
        **{**{f: getattr(events[0], f) for f in Event.__slots__}, "article_id": "copy",
           "event_id": "copy-event"},
    )  # fmt: skip
    negated = event(other, 30, modality="negated")
    with Store.open(db) as store:
        store_run(store, "run1", [wire, copy, other], [*events, copy_event, negated])
    return {"wire": wire, "events": events, "negated": negated}


def snapshot(db: Path) -> tuple[list[Any], ...]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return tuple(
            con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("event_clusters", "event_cluster_members", "article_duplicates",
                          "article_lsh_bands", "article_signatures")
        )  # fmt: skip
    finally:
        con.close()


def test_the_cluster_table_keeps_the_contract(db: Path, first_run: dict[str, Any]) -> None:
    con = duckdb.connect(str(db), read_only=True)
    columns = [r[0] for r in con.execute("DESCRIBE event_clusters").fetchall()]
    members = [r[0] for r in con.execute("DESCRIBE event_cluster_members").fetchall()]
    con.close()
    assert columns == CLUSTER_COLUMNS
    assert members[:2] == ["event_id", "cluster_id"]


def test_a_copy_is_linked_and_counts_as_a_report_not_a_source(
    db: Path, first_run: dict[str, Any]
) -> None:
    with Store.open(db, read_only=True) as store:
        [dup] = store.list_duplicates()
        wire_event = store.get_event(first_run["events"][0].event_id)
        assert wire_event is not None
        cluster = store.get_cluster(wire_event["cluster_id"])
    assert (dup["article_id"], dup["duplicate_of"], dup["method"]) == ("copy", "wire", "minhash.v1")
    assert cluster is not None
    assert (cluster["n_reports"], cluster["n_articles"], cluster["n_outlets"]) == (2, 2, 2)
    assert cluster["confidence"] == pytest.approx(0.6)  # the copy adds no independent source
    assert [e["copy_of"] for e in cluster["evidence"]] == [None, "wire"]


def test_negated_events_are_never_clustered(db: Path, first_run: dict[str, Any]) -> None:
    with Store.open(db, read_only=True) as store:
        negated = store.get_event(first_run["negated"].event_id)
        assert negated is not None and negated["cluster_id"] is None
        assert len(store.query_clusters()) == 2


def test_running_again_with_nothing_new_changes_nothing(
    db: Path, first_run: dict[str, Any]
) -> None:
    before = snapshot(db)
    with Store.open(db) as store:
        report = cluster_new_events(store, "run2")
    assert (report.articles_sketched, report.events_clustered) == (0, 0)
    assert snapshot(db) == before


def test_a_later_run_attaches_reports_and_finds_copies_of_stored_articles(
    db: Path, first_run: dict[str, Any]
) -> None:
    rewrite = article("rewrite", REWRITE, "Brussels Times Online", day=12)
    late_copy = article("late-copy", STORY + " Shipping lines diverted vessels.", "Quay", 12)
    with Store.open(db) as store:
        before = {c["cluster_id"]: c for c in store.query_clusters()}
        store_run(store, "run2", [rewrite, late_copy], [event(rewrite, len(REWRITE), day=12)])
        after = {c["cluster_id"]: c for c in store.query_clusters()}
        copies = {d["article_id"]: d["duplicate_of"] for d in store.list_duplicates()}
    assert copies == {"copy": "wire", "late-copy": "wire"}
    assert set(after) == set(before)  # attached, no new cluster
    changed = {cid for cid in after if after[cid]["updated_run_id"] == "run2"}
    assert len(changed) == 1
    [cid] = changed
    assert after[cid]["n_reports"] == before[cid]["n_reports"] + 1
    assert after[cid]["confidence"] > before[cid]["confidence"]
    untouched = set(after) - changed
    assert all(after[c] == before[c] for c in untouched)


def test_query_clusters_filters(db: Path, first_run: dict[str, Any]) -> None:
    with Store.open(db, read_only=True) as store:
        assert len(store.query_clusters(country="bel", event_type="protest")) == 2
        assert store.query_clusters(min_reports=2)[0]["n_reports"] == 2
        assert store.query_clusters(since="2023-10") == []
        assert len(store.query_clusters(until="2023-09-11", limit=1)) == 1
        with pytest.raises(ValueError, match="ISO date"):
            store.query_clusters(since="Monday")


def test_the_python_api_shows_clusters_and_events(db: Path, first_run: dict[str, Any]) -> None:
    [big] = newsevents.query_clusters(db, min_reports=2)
    shown = newsevents.show(big["cluster_id"], db)
    assert shown is not None and shown["kind"] == "cluster" and len(shown["evidence"]) == 2
    one = newsevents.show("copy-event", db)
    assert one is not None and one["kind"] == "event"
    assert one["article"]["duplicate_of"] == "wire" and one["cluster_id"] == big["cluster_id"]
    assert newsevents.show("no-such-id", db) is None
    with pytest.raises(StoreError, match="No store"):
        newsevents.query_clusters(db.with_name("missing.duckdb"))


def test_a_copy_stored_long_after_its_original_joins_the_originals_clusters(
    db: Path, first_run: dict[str, Any]
) -> None:
    wire = first_run["wire"]
    late = article("reprint", "(Reprint) " + STORY, "Archive Weekly", day=30)
    copied = event(late, first_sentence(late.text), day=30)
    with Store.open(db) as store:
        store_run(store, "run2", [late], [copied])
        original = store.get_event(first_run["events"][0].event_id)
        reprinted = store.get_event(copied.event_id)
        assert store.get_duplicate("reprint")["duplicate_of"] == wire.id  # type: ignore[index]
    assert original is not None and reprinted is not None
    assert reprinted["cluster_id"] == original["cluster_id"]
