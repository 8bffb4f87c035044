"""The event-cluster corpora of the gate are well formed, and B-cubed is computed right."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from tests.gate import clusters

HOLDOUT = clusters.CORPUS.with_name("clusters_holdout.jsonl")


@pytest.mark.parametrize("path", [clusters.CORPUS, HOLDOUT], ids=lambda p: Path(p).name)
def test_corpus_records_are_complete_and_every_phrase_is_unique(path: Path) -> None:
    corpus = clusters.load_corpus(path)
    assert len({a["id"] for a in corpus}) == len(corpus)
    for article in corpus:
        assert article["outlet"] and article["text"] and article["copy_group"]
        dt.date.fromisoformat(article["published"])
        for mention in article["events"]:
            assert article["text"].count(mention["match"]) == 1, (article["id"], mention)
            assert mention["cluster"]


def test_the_gate_corpus_has_the_structure_the_issue_asks_for() -> None:
    corpus = clusters.load_corpus()
    assert len(corpus) >= 40
    groups = Counter(a["copy_group"] for a in corpus)
    assert sum(n for n in groups.values() if n > 1) >= 10  # syndicated copies
    outlets_per_event: dict[str, set[str]] = {}
    for article in corpus:
        for mention in article["events"]:
            outlets_per_event.setdefault(mention["cluster"], set()).add(article["outlet"])
    assert sum(len(o) >= 3 for o in outlets_per_event.values()) >= 5  # told by many outlets
    assert len(outlets_per_event) >= 30


def test_bcubed_on_a_worked_example() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert clusters.bcubed(gold, {"a": "x", "b": "x", "c": "y"}).f1 == 1.0
    merged = clusters.bcubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert merged.recall == 1.0 and merged.precision == pytest.approx((2 / 3 * 2 + 1 / 3) / 3)
    split = clusters.bcubed(gold, {})  # every item alone
    assert split.precision == 1.0 and split.recall == pytest.approx((0.5 + 0.5 + 1) / 3)
