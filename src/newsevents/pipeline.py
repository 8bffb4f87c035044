"""The core loop, readable top to bottom: read -> extract -> nlp.pipe -> code -> store.

`process` turns a stream of RawDocuments into a stream of per-item results; `run` adds the
store and the run report; `code_text` is the one-string shortcut. Progress is reported
through a callback, never printed.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from newsevents.coding.rules import RuleCoder
from newsevents.config import Settings, resolve_settings
from newsevents.errors import Reason
from newsevents.extract import extract_article
from newsevents.ingest import iter_documents
from newsevents.nlp import load_pipeline, model_name, parse_texts
from newsevents.records import (
    Article,
    Event,
    InputFormat,
    RawDocument,
    Rejection,
    RunReport,
    content_hash,
)

log = logging.getLogger(__name__)
Progress = Callable[["ItemResult"], None]


@dataclass(frozen=True, slots=True)
class ItemResult:
    """What became of one input item: an article with its events, or a rejection."""

    item_id: str
    article: Article | None = None
    events: tuple[Event, ...] = ()
    rejection: Rejection | None = None
    failed: bool = False


@dataclass(slots=True)
class Tally:
    """Counts the run report is made from."""

    documents: int = 0
    articles: int = 0
    events: int = 0
    failures: int = 0
    new_articles: int = 0
    new_events: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, result: ItemResult) -> None:
        self.documents += 1
        if result.article is not None:
            self.articles += 1
            self.events += len(result.events)
        if result.rejection is not None:
            self.reasons[str(result.rejection.reason)] += 1
        self.failures += result.failed


def process(
    items: Iterable[RawDocument | Rejection],
    settings: Settings,
    *,
    published: dt.date | None = None,
) -> Iterator[ItemResult]:
    """Extract, parse and code items in batches of `settings.nlp.batch_size`."""
    batch: list[RawDocument | Rejection] = []
    for item in items:
        batch.append(item)
        if len(batch) >= settings.nlp.batch_size * 4:
            yield from _process_batch(batch, settings, published)
            batch = []
    if batch:
        yield from _process_batch(batch, settings, published)


def _process_batch(
    batch: list[RawDocument | Rejection], settings: Settings, published: dt.date | None
) -> Iterator[ItemResult]:
    extracted = [_extract(item, settings, published) for item in batch]
    articles = [a for a in extracted if isinstance(a, Article)]
    docs = iter(parse_texts((a.text for a in articles), settings.nlp))
    coder = RuleCoder.for_settings(settings.coding.actors)
    for item in extracted:
        if isinstance(item, Rejection):
            yield ItemResult(item.item_id, rejection=item)
            continue
        doc = next(docs)
        yield _code(coder, doc, item)


def _extract(
    item: RawDocument | Rejection, settings: Settings, published: dt.date | None
) -> Article | Rejection:
    if isinstance(item, Rejection):
        return item
    try:
        article = extract_article(item, settings.extract)
    except Exception as e:  # a bug on one item must not lose the others
        log.exception("extract failed on %s", item.id)
        return Rejection(item.id, "extract", Reason.FAILED, f"{type(e).__name__}: {e}", item.source)
    if isinstance(article, Article) and article.published is None and published is not None:
        article = dataclasses.replace(article, published=published, published_source="metadata")
    return article


def _code(coder: RuleCoder, doc: object, article: Article) -> ItemResult:
    try:
        events = coder.code(doc, article)  # type: ignore[arg-type]
    except Exception as e:  # a bug on one article must not lose the others
        log.exception("coding failed on %s", article.id)
        detail = f"{type(e).__name__}: {e}. Please report this with the article."
        rejection = Rejection(article.id, "code", Reason.FAILED, detail, article.source)
        return ItemResult(article.id, rejection=rejection, failed=True)
    return ItemResult(article.id, article=article, events=tuple(events))


def code_documents(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    input_format: InputFormat = "auto",
    published: dt.date | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[ItemResult]:
    """Read, extract, parse and code inputs (paths, globs, "-"), one result per item."""
    settings = settings or resolve_settings()
    load_pipeline(settings.nlp.model)  # fail early and clearly if the model is missing
    RuleCoder.for_settings(settings.coding.actors)  # ...or the user's actor table is bad
    raw = iter_documents(
        inputs, input_format=input_format, stdin=stdin, max_bytes=settings.extract.max_bytes
    )
    yield from process(raw, settings, published=published)


def code_text(
    text: str, *, published: dt.date | str | None = None, settings: Settings | None = None
) -> list[Event]:
    """Code one article's text and return its events (offsets index into the clean text)."""
    settings = settings or resolve_settings()
    day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    raw = RawDocument(
        id=content_hash(text), content=text.encode("utf-8"), kind="text", source="<string>"
    )
    results = list(process([raw], settings, published=day))
    return list(results[0].events) if results else []


def run(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    input_format: InputFormat = "auto",
    published: dt.date | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """The whole pipeline into the DuckDB store named by `settings.db`; returns the report."""
    from newsevents.store import Store

    settings = settings or resolve_settings()
    started = dt.datetime.now(dt.UTC)
    run_id = content_hash(f"{started.isoformat()}|{'|'.join(inputs)}", 16)
    clock = time.perf_counter()
    tally = Tally()
    results = code_documents(
        inputs, settings=settings, input_format=input_format, published=published, stdin=stdin
    )
    with Store.open(settings.db) as store:
        for chunk in _chunks(results, 256):
            _write(store, chunk, run_id, tally)
            for result in chunk:
                if progress is not None:
                    progress(result)
        report = _report(run_id, started, time.perf_counter() - clock, tally, settings)
        store.record_run(report, json.dumps(_settings_dict(settings), sort_keys=True))
    return report


def _write(store: object, chunk: list[ItemResult], run_id: str, tally: Tally) -> None:
    articles = [r.article for r in chunk if r.article is not None]
    events = [e for r in chunk for e in r.events]
    rejections = [r.rejection for r in chunk if r.rejection is not None]
    tally.new_articles += store.upsert_articles(articles, run_id)  # type: ignore[attr-defined]
    tally.new_events += store.upsert_events(events, run_id)  # type: ignore[attr-defined]
    store.add_rejections(rejections, run_id)  # type: ignore[attr-defined]
    for result in chunk:
        tally.add(result)


def _chunks(results: Iterable[ItemResult], size: int) -> Iterator[list[ItemResult]]:
    chunk: list[ItemResult] = []
    for result in results:
        chunk.append(result)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _report(
    run_id: str, started: dt.datetime, seconds: float, tally: Tally, settings: Settings
) -> RunReport:
    return RunReport(
        run_id=run_id,
        started=started.isoformat(timespec="seconds"),
        seconds=seconds,
        documents=tally.documents,
        articles=tally.articles,
        events=tally.events,
        rejections=sum(tally.reasons.values()),
        failures=tally.failures,
        new_articles=tally.new_articles,
        new_events=tally.new_events,
        rejections_by_reason=dict(tally.reasons),
        coder=RuleCoder.name,
        model=model_name(load_pipeline(settings.nlp.model)),
    )


def _settings_dict(settings: Settings) -> dict[str, object]:
    return dataclasses.asdict(settings)
