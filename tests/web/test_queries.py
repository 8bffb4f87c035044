"""The named read queries on a small store written through `Store` from hand-made records:
bounding boxes, keyset pages, spans, and the cluster queries on the issue-6 contract."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.records import ActorRef, Article, Attribution, Event, Evidence, Location
from newsevents.store import Store, queries
from newsevents.store.queries import EventFilter, QueryError

TEXT = "Officials said Russian troops shelled Kharkiv on Monday. Kyiv asked Paris for aid."


def _event(i: int, place: Location | None, quad: int = 4, day: str | None = "2022-03-07") -> Event:
    evidence = Evidence(TEXT[:56], 0, 56, "shelled", 30, 37)
    return Event(
        event_id=f"e{i:03d}", article_id="a1", coder="test", event_type="ASSAULT",
        quad_class=quad, cameo_root="19", intensity=-9.0,
        actor=ActorRef("Russian troops", 15, 29, "Russia", "RUS", "MIL"),
        recipient=ActorRef("Kharkiv", 38, 45, "Kharkiv", "UKR", None), evidence=evidence,
        date=day, date_precision="day", date_text="Monday", location=place,
        attribution=Attribution("Officials", 0, 9, "said"), confidence=i / 100,
    )  # fmt: skip


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "q.duckdb"
    kharkiv = Location("Kharkiv", 38, 45, "Kharkiv", "UKR", None, 49.99, 36.23, "city")
    with Store.open(path) as writer:
        writer.upsert_articles([Article("a1", TEXT, "test")], "r1")
        events = [_event(i, kharkiv if i % 2 else None, day=f"2022-03-{i % 7 + 1:02d}")
                  for i in range(8)]  # fmt: skip
        events += [_event(i, kharkiv if i % 2 else None, day=None) for i in (8, 9)]
        writer.upsert_events(events, "r1")
    with Store.open(path, read_only=True) as reader:
        yield reader


def test_bbox_keeps_events_located_inside_it(store: Store) -> None:
    cur = store.cursor()
    around = queries.list_events(cur, EventFilter(bbox=(30.0, 45.0, 40.0, 55.0)), limit=100)
    assert len(around.items) == 5
    assert all(e["location"]["name"] == "Kharkiv" for e in around.items)
    away = queries.list_events(cur, EventFilter(bbox=(-10.0, 35.0, 5.0, 45.0)), limit=100)
    assert away.items == []


def test_migration_5_fills_the_sentence_of_rows_stored_before_it(tmp_path: Path) -> None:
    from newsevents.store import schema

    path = tmp_path / "old.duckdb"
    with Store.open(path) as writer:
        kyiv = Location("Kyiv", 57, 61, "Kyiv", "UKR", None, 50.45, 30.52, "city")
        writer.upsert_events([_event(1, kyiv)], "r1")
        con = writer.cursor()
        con.execute("UPDATE events SET sentence = NULL")  # as a version-4 store had it
        con.execute("DELETE FROM schema_migrations WHERE version = 5")
    with Store.open(path) as reopened:
        row = (
            reopened.cursor()
            .execute("SELECT location_lat, location_lon, sentence FROM events")
            .fetchone()
        )
    assert row == (50.45, 30.52, TEXT[:56])
    assert schema.LATEST_VERSION == 5


@pytest.mark.parametrize(
    ("sort", "order", "expected"),
    [
        # days 1..7 then day 1 again for e007; undated events (e008, e009) always last
        ("date", "asc", ["e000", "e007", "e001", "e002", "e003", "e004", "e005", "e006",
                         "e008", "e009"]),
        ("date", "desc", ["e006", "e005", "e004", "e003", "e002", "e001", "e007", "e000",
                          "e009", "e008"]),
        ("confidence", "desc", [f"e{i:03d}" for i in range(9, -1, -1)]),
    ],
)  # fmt: skip
@pytest.mark.parametrize("size", [1, 3, 4, 10, 11])
def test_pages_follow_each_other_without_gaps(
    store: Store, sort: str, order: str, expected: list[str], size: int
) -> None:
    cur = store.cursor()
    seen, token = [], None
    while True:
        page = queries.list_events(cur, EventFilter(), sort=sort, order=order, limit=size,
                                   cursor=token)  # fmt: skip
        assert len(page.items) <= size
        seen += [e["event_id"] for e in page.items]
        token = page.next_cursor
        if token is None:
            break
    assert seen == expected


@pytest.mark.parametrize("token", ["", "!!!", "W10", "WyJkYXRlIiwiZGVzYyIsWzFdLCJ4Il0"])
def test_forged_cursors_are_query_errors(store: Store, token: str) -> None:
    with pytest.raises(QueryError):
        queries.list_events(store.cursor(), EventFilter(), cursor=token)


def test_event_spans_cover_actor_trigger_recipient_place_and_attribution(store: Store) -> None:
    event = queries.get_event(store.cursor(), "e001")
    assert event is not None and event["article"]["title"] is None
    spans = {s["role"]: TEXT[s["start"] : s["end"]] for s in queries.event_spans(event)}
    assert spans == {"actor": "Russian troops", "trigger": "shelled", "recipient": "Kharkiv",
                     "location": "Kharkiv", "attribution": "Officials"}  # fmt: skip
    monday = TEXT.index("Monday")
    with_date = {**event, "date_span": {"start": monday, "end": monday + 6}}
    roles = {s["role"]: s["text"] for s in queries.event_spans(with_date)}
    assert roles["date"] == "Monday"


# The issue-6 tables as main's migration 3 creates them (copied here because this branch
# predates that merge; the lead adds the populated-path API tests after merging).
def test_clusters_are_empty_and_null_without_their_tables(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as writer:  # a store from before the cluster tables
        writer.cursor().execute("DROP TABLE event_cluster_members; DROP TABLE event_clusters")
    with Store.open(path, read_only=True) as reader:
        cur = reader.cursor()
        assert not queries.has_tables(cur, queries.CLUSTER_TABLES)
        assert queries.list_clusters(cur, EventFilter()) == queries.Page([], None)
        assert queries.event_cluster(cur, "e001") is None


def test_clusters_read_the_contract_tables(tmp_path: Path) -> None:
    path = tmp_path / "c.duckdb"
    with Store.open(path) as writer:
        con = writer.cursor()
        for i, (day, country) in enumerate([("2022-03-01", "RUS"), ("2022-04-02", "UKR"),
                                              ("2021-01-01", "RUS")]):  # fmt: skip
            con.execute(
                "INSERT INTO event_clusters (cluster_id, event_type, quad_class, actor_name,"
                " actor_country, date, n_reports, n_articles, n_outlets, evidence)"
                " VALUES (?, 'ASSAULT', 4, 'Russia', ?, ?, 2, 2, 1, ?)",
                [f"c{i}", country, day, '[{"event_id": "e1"}]'],
            )
        con.execute(
            "INSERT INTO event_cluster_members VALUES ('e1', 'c0', 'r1'), ('e2', 'c0', 'r1')"
        )
    with Store.open(path, read_only=True) as reader:
        cur = reader.cursor()
        first = queries.list_clusters(cur, EventFilter(), limit=2)
        assert [c["cluster_id"] for c in first.items] == ["c1", "c0"]
        rest = queries.list_clusters(cur, EventFilter(), limit=2, cursor=first.next_cursor)
        assert [c["cluster_id"] for c in rest.items] == ["c2"] and rest.next_cursor is None
        assert first.items[0]["evidence"] == [{"event_id": "e1"}]
        ukr = queries.list_clusters(cur, EventFilter(country="ukr"))
        assert [c["cluster_id"] for c in ukr.items] == ["c1"]
        since = queries.list_clusters(cur, EventFilter(since=dt.date(2022, 3, 15)))
        assert [c["cluster_id"] for c in since.items] == ["c1"]
        cluster = queries.event_cluster(cur, "e2")
        assert cluster is not None and cluster["cluster_id"] == "c0"
        assert cluster["members"] == ["e1", "e2"]


@settings(max_examples=30, deadline=None)
@given(
    keys=st.lists(
        st.tuples(st.one_of(st.none(), st.integers(1, 4)), st.sampled_from([0.1, 0.5, 0.9])),
        min_size=0,
        max_size=14,
    ),
    size=st.integers(1, 5),
    sort=st.sampled_from(["date", "confidence"]),
    order=st.sampled_from(["asc", "desc"]),
)
def test_pages_equal_one_sorted_list_whatever_the_ties_and_nulls(
    keys: list[tuple[int | None, float]], size: int, sort: str, order: str
) -> None:
    with Store.open(":memory:") as memory:
        events = [
            dataclasses.replace(_event(i, None, day=f"2022-03-0{d}" if d else None), confidence=c)
            for i, (d, c) in enumerate(keys)
        ]
        memory.upsert_events(events, "r1")
        cur = memory.cursor()
        whole = [e["event_id"] for e in queries.list_events(
            cur, EventFilter(), sort=sort, order=order, limit=100).items]  # fmt: skip
        value = {"date": lambda e: e.date, "confidence": lambda e: e.confidence}[sort]
        present = sorted((e for e in events if value(e) is not None),
                         key=lambda e: (value(e), e.event_id), reverse=order == "desc")  # fmt: skip
        absent = sorted((e for e in events if value(e) is None),
                        key=lambda e: e.event_id, reverse=order == "desc")  # fmt: skip
        assert whole == [e.event_id for e in present + absent]
        seen, token = [], None
        while True:
            page = queries.list_events(cur, EventFilter(), sort=sort, order=order, limit=size,
                                       cursor=token)  # fmt: skip
            seen += [e["event_id"] for e in page.items]
            token = page.next_cursor
            if token is None:
                break
        assert seen == whole
