"""The DuckDB store, against real files in tmp_path, with records built by hand."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.errors import Reason, StoreError
from newsevents.records import (
    ActorRef,
    Article,
    Attribution,
    Event,
    Evidence,
    Location,
    Rejection,
    RunReport,
)
from newsevents.store import LATEST_VERSION, MIGRATIONS, Store, period_start, rejection_id, schema
from newsevents.store import store as store_module

# ---------------------------------------------------------------- builders


def make_event(
    article_id: str = "a1",
    start: int = 0,
    *,
    event_type: str = "CONSULT",
    actor: ActorRef | None = None,
    recipient: ActorRef | None = None,
    date: str | None = "2022-06-21",
    modality: str = "asserted",
    **extra: Any,
) -> Event:
    evidence = Evidence("Kim met his officials.", start, start + 22, "met", start + 4, start + 7)
    return Event(
        event_id=Event.make_id(article_id, evidence, "rules.v1"),
        article_id=article_id,
        coder="rules.v1",
        event_type=event_type,
        quad_class=1,
        cameo_root="04",
        intensity=1.0,
        actor=actor or ActorRef("Kim Jong-un", 0, 11, name="Kim Jong-un", country="PRK"),
        recipient=recipient,
        evidence=evidence,
        modality=modality,  # type: ignore[arg-type]
        date=date,
        date_precision="day" if date and len(date) == 10 else "month",
        **extra,
    )


def rich_event() -> Event:
    """An event that fills every optional part of the record."""
    members = (ActorRef("China", 0, 5, country="CHN"), ActorRef("Russia", 10, 16, country="RUS"))
    return make_event(
        "a2",
        40,
        event_type="AGREE",
        actor=ActorRef("China and Russia", 0, 16, country=None, sector="GOV", members=members),
        recipient=ActorRef("Seoul’s envoys", 20, 34, name="Séoul", country="KOR", sector="GOV"),
        date="2022-05",
        mode="sign",
        context=("diplomatic", "economic"),
        location=Location("Pyongyang", 1, 10, name="Pyongyang", country="PRK", lat=39.03),
        attribution=Attribution("KCNA", 0, 4, cue="reported", source="KCNA", country="PRK"),
        confidence=0.1 + 0.2,
        date_text="in May",
        date_source="text",
    )


def make_article(article_id: str = "a1", **extra: Any) -> Article:
    fields: dict[str, Any] = {
        "text": "Kim met his officials. — 평양",
        "source": "tests",
        "title": "A title",
        "published": dt.date(2022, 6, 21),
        "published_source": "metadata",
        "captions": ("a caption",),
        "content_hash": "abc",
    }
    return Article(id=article_id, **(fields | extra))


def make_report(run_id: str = "r1", started: str = "2024-01-01T00:00:00") -> RunReport:
    return RunReport(run_id, started, 1.23456, 3, 2, 5, 1, 0, 2, 5, {"empty": 1}, "rules.v1", "m")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "events.duckdb"


@pytest.fixture
def store(db: Path):
    with Store.open(db) as opened:
        yield opened


KIM = ActorRef("North Korean leader Kim Jong-un", 0, 31, name="Kim Jong-un", country="PRK")
BIDEN = ActorRef("President Biden", 0, 15, name="Joe Biden", country="USA", sector="GOV")
PUTIN = ActorRef("the Kremlin", 0, 11, name="Vladimir Putin", country="RUS")
ARMY = ActorRef("his senior military officials", 40, 69, country="PRK", sector="MIL")


@pytest.fixture
def sample(store: Store) -> dict[str, Event]:
    events = {
        "kim_army": make_event("a1", 0, actor=KIM, recipient=ARMY, date="2022-06-21"),
        "biden_putin": make_event(
            "a2", 0, event_type="THREATEN", actor=BIDEN, recipient=PUTIN, date="2022-03-01"
        ),
        "putin_biden": make_event(
            "a2", 50, event_type="ACCUSE", actor=PUTIN, recipient=BIDEN, date="2022-05"
        ),
        "undated": make_event("a3", 0, actor=BIDEN, recipient=KIM, date=None),
        "negated": make_event("a1", 80, actor=KIM, recipient=BIDEN, modality="negated"),
    }
    store.upsert_events(list(events.values()), "r1")
    return events


def ids(records: list[dict[str, Any]]) -> list[str]:
    return [r["event_id"] for r in records]


# ---------------------------------------------------------------- schema and opening


def test_open_creates_tables_and_records_each_migration_once(db: Path) -> None:
    with Store.open(db) as store:
        assert store.count_rows() == {"articles": 0, "events": 0, "rejections": 0, "runs": 0}
    with Store.open(db):
        pass
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    con.close()
    assert rows == [(m.version, m.name) for m in MIGRATIONS]


def test_migrate_is_idempotent(db: Path) -> None:
    con = duckdb.connect(str(db))
    assert schema.migrate(con, str(db)) == [m.version for m in MIGRATIONS]
    assert schema.migrate(con, str(db)) == []
    con.close()


@pytest.mark.parametrize(
    ("table", "columns"),
    [
        ("articles", schema.ARTICLE_COLUMNS),
        ("events", schema.EVENT_COLUMNS),
        ("rejections", schema.REJECTION_COLUMNS),
        ("seen_items", schema.SEEN_COLUMNS),
    ],
)
def test_insert_layout_matches_migrated_tables(db: Path, table: str, columns: Any) -> None:
    con = duckdb.connect(str(db))
    schema.migrate(con, str(db))
    described = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]
    con.close()
    assert described == [name for name, _ in columns]


def test_indexes_exist(store: Store, db: Path) -> None:
    store.close()
    con = duckdb.connect(str(db), read_only=True)
    names = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    con.close()
    wanted = {"article_id", "event_type", "date_start", "actor_country"}
    assert {f"events_{c}" for c in wanted} <= names


def test_newer_schema_version_is_refused(db: Path) -> None:
    Store.open(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_migrations VALUES (?, 'future', NULL)", [LATEST_VERSION + 1])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer newsevents"):
            Store.open(db, read_only=read_only)


def test_read_only_store_that_needs_migration_is_refused(db: Path) -> None:
    duckdb.connect(str(db)).close()
    with pytest.raises(StoreError, match="without read_only"):
        Store.open(db, read_only=True)


def test_non_duckdb_file_raises_store_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n" * 500)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        Store.open(junk)


@pytest.mark.parametrize(
    ("name", "read_only", "message"),
    [
        ("", False, "is a directory"),
        ("missing.duckdb", True, "does not exist"),
        ("no/such/dir/x.duckdb", False, "does not exist"),
    ],
)
def test_unopenable_paths_raise_store_error(
    tmp_path: Path, name: str, read_only: bool, message: str
) -> None:
    with pytest.raises(StoreError, match=message) as info:
        Store.open(tmp_path / name if name else tmp_path, read_only=read_only)
    assert info.value.path is not None and str(tmp_path) in info.value.path


def test_file_locked_by_another_process_raises_store_error(db: Path) -> None:
    Store.open(db).close()
    holder = "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); input()"
    proc = subprocess.Popen(
        [sys.executable, "-c", holder, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="another process"):
            Store.open(db)
    finally:
        proc.communicate("\n", timeout=30)


def test_read_only_store_cannot_write(store: Store, db: Path) -> None:
    store.upsert_events([make_event()], "r1")
    store.close()
    with Store.open(db, read_only=True) as reader:
        assert len(reader.query_events()) == 1
        with pytest.raises(StoreError, match="read-only"):
            reader.upsert_events([make_event("a9")], "r2")
        with pytest.raises(StoreError, match="read-only"):
            reader.record_run(make_report(), "{}")
        assert reader.count_rows()["events"] == 1


def test_closed_store_raises_store_error(db: Path) -> None:
    store = Store.open(db)
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_rows()


# ---------------------------------------------------------------- writes


def test_same_events_twice_add_nothing(store: Store) -> None:
    events = [make_event("a1", i * 30) for i in range(5)]
    assert store.upsert_events(events, "r1") == 5
    assert store.upsert_events(events, "r2") == 0
    assert store.upsert_events([*events, make_event("a1", 999)], "r3") == 1
    assert store.count_rows()["events"] == 6


def test_duplicate_ids_within_one_batch_count_once(store: Store) -> None:
    assert store.upsert_events([make_event(), make_event()], "r1") == 1
    assert store.upsert_articles([make_article(), make_article()], "r1") == 1


def test_same_articles_twice_add_nothing_and_keep_first_run(store: Store) -> None:
    assert store.upsert_articles([make_article("a1"), make_article("a2")], "r1") == 2
    assert store.upsert_articles([make_article("a1", title="changed")], "r2") == 0
    stored = store.get_article("a1")
    assert stored is not None
    assert stored["title"] == "A title"
    assert stored["first_run_id"] == "r1"


def test_article_round_trip(store: Store) -> None:
    article = make_article()
    store.upsert_articles([article], "r1")
    stored = store.get_article(article.id)
    assert stored is not None
    assert {k: stored[k] for k in article.to_dict()} == article.to_dict()
    assert store.get_article("nope") is None


def test_empty_batches_write_nothing(store: Store) -> None:
    assert store.upsert_events([], "r1") == 0
    assert store.upsert_articles([], "r1") == 0
    assert store.add_rejections([], "r1") == 0


def test_failed_batch_is_rolled_back_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "_CHUNK", 2)
    good = [make_event("a1", i * 30) for i in range(3)]
    bad = make_event("a1", 500)
    object.__setattr__(bad, "article_id", None)  # NOT NULL column: the 2nd chunk fails
    with pytest.raises(StoreError, match="Cannot write"):
        store.upsert_events([*good, bad], "r1")
    assert store.count_rows()["events"] == 0
    assert store.upsert_events(good, "r1") == 3


def test_rejections_are_deduplicated_by_deterministic_id(store: Store) -> None:
    first = Rejection("doc1", "extract", Reason.EMPTY, "no text", "a.txt")
    other = Rejection("doc1", "extract", Reason.TOO_SHORT, "12 chars", "a.txt")
    same = Rejection("doc1", "extract", Reason("empty"), "other detail", "a.txt")
    assert rejection_id(first) == rejection_id(same)  # detail is not part of the id
    assert rejection_id(first) != rejection_id(other)
    assert store.add_rejections([first, other], "r1") == 2
    assert store.add_rejections([first], "r2") == 0
    listed = store.list_rejections()
    assert [r["reason"] for r in listed] == ["empty", "too_short"]
    assert listed[0]["rejection_id"] == rejection_id(first)
    assert {k: listed[0][k] for k in first.to_dict()} == first.to_dict()
    assert store.list_rejections("r1") == listed
    assert store.list_rejections("r2") == []


def test_record_run_and_list_runs(store: Store) -> None:
    store.record_run(make_report("r2", "2024-02-01T00:00:00"), '{"model": "m"}')
    store.record_run(make_report("r1"), "{}")
    store.record_run(make_report("r1"), '{"again": true}')  # same run_id: replaced
    runs = store.list_runs()
    assert [r["run_id"] for r in runs] == ["r1", "r2"]
    assert runs[0]["settings"] == {"again": True}
    assert runs[0]["rejections_by_reason"] == {"empty": 1}
    assert runs[0]["seconds"] == pytest.approx(1.235)
    assert runs[0]["version"]
    assert store.count_rows()["runs"] == 2
    with pytest.raises(StoreError, match="not JSON"):
        store.record_run(make_report("r3"), "{nope")


def test_ten_thousand_events_insert_in_one_call(store: Store) -> None:
    # speed is measured by `make bench`, not here (a timed test fails on a busy machine)
    events = [make_event(f"a{i % 500}", i * 30) for i in range(10_000)]
    assert store.upsert_events(events, "r1") == 10_000
    assert store.count_rows()["events"] == 10_000


def test_store_never_prints(db: Path, capfd: pytest.CaptureFixture[str]) -> None:
    with Store.open(db) as store:
        store.upsert_articles([make_article()], "r1")
        store.upsert_events([make_event()], "r1")
        store.add_rejections([Rejection("x", "ingest", Reason.EMPTY, "empty")], "r1")
        store.record_run(make_report(), "{}")
        store.query_events(actor="kim")
        store.list_runs()
    assert capfd.readouterr() == ("", "")


# ---------------------------------------------------------------- reads


def test_event_round_trip_equals_to_dict(store: Store) -> None:
    events = [rich_event(), make_event()]
    store.upsert_events(events, "r1")
    assert store.query_events() == [e.to_dict() for e in sorted(events, key=lambda e: e.date)]  # type: ignore[arg-type, return-value]


def test_negated_events_are_left_out_by_default(store: Store, sample: dict[str, Event]) -> None:
    negated = sample["negated"].event_id
    assert negated not in ids(store.query_events())
    assert negated in ids(store.query_events(include_negated=True))
    assert len(store.query_events(include_negated=True)) == len(sample)


def test_events_are_ordered_by_date_then_article_then_sentence(
    store: Store, sample: dict[str, Event]
) -> None:
    order = ["biden_putin", "putin_biden", "kim_army", "negated", "undated"]
    assert ids(store.query_events(include_negated=True)) == [sample[k].event_id for k in order]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"actor": "kim"}, {"kim_army"}),
        ({"actor": "JONG-UN"}, {"kim_army"}),
        ({"actor": "vladimir"}, {"putin_biden"}),  # name, not surface text
        ({"actor": "usa"}, {"biden_putin", "undated"}),  # country code, any case
        ({"actor": "US"}, set()),  # a country code matches exactly, not as a prefix
        ({"actor": "nobody"}, set()),
        ({"recipient": "military"}, {"kim_army"}),
        ({"recipient": "PRK"}, {"kim_army", "undated"}),
        ({"recipient": "kremlin"}, {"biden_putin"}),
        ({"event_type": "threaten"}, {"biden_putin"}),
        ({"event_type": "ASSAULT"}, set()),
        ({"country": "rus"}, {"biden_putin", "putin_biden"}),
        ({"country": "CHN"}, set()),
        ({"since": "2022-05-01"}, {"putin_biden", "kim_army"}),
        ({"since": "2022-06"}, {"kim_army"}),
        ({"until": "2022-05"}, {"biden_putin", "putin_biden"}),  # through the end of May
        ({"until": "2022-04-30"}, {"biden_putin"}),
        ({"since": dt.date(2022, 3, 2), "until": dt.date(2022, 6, 20)}, {"putin_biden"}),
        ({"since": "2023"}, set()),
        ({"article_id": "a2"}, {"biden_putin", "putin_biden"}),
        ({"article_id": "a"}, set()),
        ({"actor": "biden", "recipient": "kim"}, {"undated"}),
        ({"actor": "kim", "event_type": "ACCUSE"}, set()),
        ({"actor": "  ", "event_type": ""}, {"kim_army", "biden_putin", "putin_biden", "undated"}),
    ],
)
def test_query_filters(
    store: Store, sample: dict[str, Event], filters: dict[str, Any], expected: set[str]
) -> None:
    found = set(ids(store.query_events(**filters)))
    assert found == {sample[k].event_id for k in expected}


def test_month_precision_event_stores_first_day(store: Store) -> None:
    store.upsert_events([rich_event()], "r1")
    assert len(store.query_events(since="2022-05-01", until="2022-05-01")) == 1
    assert store.query_events()[0]["date"] == "2022-05"


def test_limit(store: Store, sample: dict[str, Event]) -> None:
    assert len(store.query_events(limit=2)) == 2
    assert store.query_events(limit=0) == []
    with pytest.raises(ValueError, match="limit"):
        store.query_events(limit=-1)


def test_bad_date_filter_raises_value_error(store: Store) -> None:
    with pytest.raises(ValueError, match="since must be an ISO date"):
        store.query_events(since="last tuesday")


@pytest.mark.parametrize(
    "hostile",
    [
        "x'; DROP TABLE events; --",
        "' OR '1'='1",
        "%",
        "_",
        '") OR TRUE --',
        "PRK' OR actor_country = 'USA",
    ],
)
def test_injection_looking_filter_values_are_harmless(
    store: Store, sample: dict[str, Event], hostile: str
) -> None:
    for field in ("actor", "recipient", "event_type", "country", "article_id", "since"):
        if field == "since":
            with pytest.raises(ValueError):
                store.query_events(since=hostile)
            continue
        filters: dict[str, Any] = {field: hostile}
        assert store.query_events(**filters) == []
    assert store.list_rejections(hostile) == []
    assert store.get_article(hostile) is None
    assert store.count_rows()["events"] == len(sample)


def test_count_rows(store: Store, sample: dict[str, Event]) -> None:
    store.upsert_articles([make_article("a1"), make_article("a2")], "r1")
    assert store.count_rows() == {"articles": 2, "events": 5, "rejections": 0, "runs": 0}


# ---------------------------------------------------------------- date periods


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("2022-06-21", dt.date(2022, 6, 21)),
        ("2022-06-21T10:00:00+02:00", dt.date(2022, 6, 21)),
        ("2022-05", dt.date(2022, 5, 1)),
        ("2022", dt.date(2022, 1, 1)),
        ("2022-W23", dt.date(2022, 6, 6)),
        ("2022-13", None),
        ("2022-02-30", None),
        ("June 2022", None),
        ("", None),
        (None, None),
    ],
)
def test_period_start(text: str | None, first: dt.date | None) -> None:
    assert period_start(text) == first


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_periods_contain_their_day(day: dt.date) -> None:
    assert period_start(day.isoformat()) == day
    month = schema.period_bounds(day.isoformat()[:7])
    assert month is not None
    assert month[0] <= day <= month[1]
    assert month[0].day == 1 and (month[1] + dt.timedelta(days=1)).day == 1


def test_version_2_adds_place_and_source_columns_filled_from_old_records(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute(schema._MIGRATIONS_TABLE)
    schema._apply(con, MIGRATIONS[0], str(db))  # a file written before version 2
    record = json.dumps(rich_event().to_dict())
    con.execute(
        "INSERT INTO events (event_id, article_id, record) VALUES ('old', 'a2', ?)", [record]
    )
    con.close()
    with Store.open(db) as store:
        store.upsert_events([make_event("a3")], "r1")
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        "SELECT event_id, location_name, location_lat, attribution_source, attribution_cue "
        "FROM events ORDER BY event_id = 'old' DESC"
    ).fetchall()
    con.close()
    assert rows[0] == ("old", "Pyongyang", 39.03, "KCNA", "reported")
    assert rows[1][1:] == (None, None, None, None)


def test_new_fields_are_stored_as_columns(store: Store, db: Path) -> None:
    store.upsert_events([rich_event()], "r1")
    store.close()
    con = duckdb.connect(str(db), read_only=True)
    row = con.execute(
        "SELECT location_name, location_country, attribution_text, attribution_country FROM events"
    ).fetchone()
    con.close()
    assert row == ("Pyongyang", "PRK", "KCNA", "PRK")


def test_a_memory_limit_is_handed_to_duckdb(db: Path) -> None:
    with Store.open(db, memory_limit="256MB") as store:
        limit = store._db.execute("SELECT current_setting('memory_limit')").fetchone()
    assert limit is not None and limit[0].replace(" ", "") in {"244.1MiB", "256.0MB", "256MB"}
