"""Runner settings, chunking, counting inputs for the progress bar, and the seen filter."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.config import resolve_settings
from newsevents.errors import ConfigError, Reason
from newsevents.ingest import Seen
from newsevents.ingest.count import count_documents
from newsevents.records import RawDocument, Rejection
from newsevents.runners import load_runner
from newsevents.runners.local import chunked, cpu_count


def test_runner_settings_resolve_and_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    settings = resolve_settings(runner="ray", workers=3, chunk_size=8, ray_address="auto")
    assert (settings.runner.runner, settings.runner.workers) == ("ray", 3)
    assert (settings.runner.chunk_size, settings.runner.ray_address) == (8, "auto")
    monkeypatch.setenv("NEWSEVENTS_HOST_DELAY", "0.25")
    assert resolve_settings().fetch.host_delay == 0.25
    for bad in ({"runner": "spark"}, {"workers": -1}, {"chunk_size": 0}, {"fetch_timeout": 0}):
        with pytest.raises(ConfigError):
            resolve_settings(**bad)


def test_load_runner_knows_local_and_refuses_others() -> None:
    assert load_runner("local").__module__ == "newsevents.runners.local"
    with pytest.raises(ConfigError, match="local or ray"):
        load_runner("threads")


def test_chunked_reads_lazily_and_keeps_order() -> None:
    pulled: list[int] = []

    def items():
        for n in range(7):
            pulled.append(n)
            yield n

    chunks = chunked(items(), 3)  # type: ignore[arg-type]
    assert next(chunks) == [0, 1, 2] and pulled == [0, 1, 2]
    assert list(chunks) == [[3, 4, 5], [6]]
    assert cpu_count() >= 1


def test_count_documents_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Leaders met on Tuesday.")
    (tmp_path / "b.jsonl").write_text('{"id": "1", "text": "x"}\n{"id": "2", "text": "y"}')
    assert count_documents([str(tmp_path)]) == 3
    assert count_documents([str(tmp_path / "b.jsonl")], "jsonl") == 2


def test_count_documents_gives_up_on_what_must_be_fetched(tmp_path: Path) -> None:
    (tmp_path / "list.urls").write_text("http://127.0.0.1:9/a\n")
    assert count_documents([str(tmp_path / "list.urls")]) is None
    assert count_documents(["http://127.0.0.1:9/feed.xml"]) is None
    assert count_documents(["-"]) is None
    assert count_documents([str(tmp_path)], "warc") is None


def test_seen_filter_asks_in_batches_and_counts_what_it_skips() -> None:
    asked: list[int] = []

    def lookup(ids):
        asked.append(len(ids))
        return {i for i in ids if int(i) % 2 == 0}

    docs = [RawDocument(id=str(n), content=b"x", kind="text", source="s") for n in range(5)]
    rejection = Rejection("bad", "ingest", Reason.EMPTY, "empty file")
    seen = Seen(lookup)
    kept = list(seen.filter([*docs, rejection], batch=2))
    assert [getattr(k, "id", None) for k in kept] == ["1", "3", None]
    assert asked == [2, 2, 1] and seen.skipped == 3
    assert seen.claim("x") and not seen.claim("x") and seen.skipped == 4
