"""The core loop with the real model: a crash on one article loses nothing else."""

from __future__ import annotations

import json

import pytest

import newsevents
from newsevents.coding.rules import RuleCoder
from newsevents.store import Store

pytestmark = pytest.mark.model
STORY = "Protesters in Nairobi clashed with police on Tuesday. Police arrested 20 protesters."


def test_a_crash_in_one_article_never_loses_the_others(tmp_path, monkeypatch):
    original = RuleCoder.code

    def explode_on_marker(self, doc, article):
        if "Mombasa" in article.text:
            raise RuntimeError("boom")
        return original(self, doc, article)

    monkeypatch.setattr(RuleCoder, "code", explode_on_marker)
    source = tmp_path / "in.jsonl"
    records = [
        {"id": "a", "text": STORY},
        {"id": "b", "text": STORY.replace("Nairobi", "Mombasa")},
        {"id": "c", "text": STORY.replace("Nairobi", "Kisumu")},
    ]
    source.write_text("\n".join(json.dumps(r) for r in records))
    settings = newsevents.resolve_settings(db=str(tmp_path / "ev.duckdb"))
    report = newsevents.run([str(source)], settings=settings)
    assert (report.documents, report.articles, report.failures) == (3, 2, 1)
    with Store.open(settings.db, read_only=True) as store:
        stored = {e["article_id"] for e in store.query_events()}
        rejections = store.list_rejections()
    assert stored == {"a", "c"}
    assert [(r["item_id"], r["reason"]) for r in rejections] == [("b", "failed")]
    assert "boom" in rejections[0]["detail"]


def test_code_text_offsets_point_into_the_given_text():
    messy = (
        "Kenya news\n\nProtesters  in Nairobi clashed with police.   "
        "Police arrested 20\nprotesters."
    )
    events = newsevents.code_text(messy, published="2023-03-07")
    assert {e.event_type for e in events} >= {"COERCE"}
    for event in events:
        assert messy[event.evidence.start : event.evidence.end] == event.evidence.sentence
        for part in (event.actor, event.recipient):
            if part is not None:
                assert messy[part.start : part.end] == part.text
        assert event.date == "2023-03-07"


def test_code_text_with_a_bad_date_is_a_configuration_error():
    with pytest.raises(newsevents.ConfigError):
        newsevents.code_text(STORY, published="yesterday")


def test_an_id_reused_for_another_text_is_rejected_not_mixed(tmp_path):
    source = tmp_path / "in.jsonl"
    records = [{"id": "x", "text": STORY}, {"id": "x", "text": STORY.replace("20", "30")}]
    source.write_text("\n".join(json.dumps(r) for r in records))
    results = list(newsevents.code_documents([str(source)]))
    assert [r.rejection.reason if r.rejection else "ok" for r in results] == [
        "ok",
        newsevents.Reason.DUPLICATE_ID,
    ]


def test_a_bad_model_leaves_no_store_behind(tmp_path):
    settings = newsevents.resolve_settings(db=str(tmp_path / "ev.duckdb"), model="no_such_model")
    with pytest.raises(newsevents.ModelNotFoundError):
        newsevents.run([str(tmp_path)], settings=settings)
    assert not (tmp_path / "ev.duckdb").exists()
