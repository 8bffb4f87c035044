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
from typing import TYPE_CHECKING, Any, BinaryIO

from newsevents.coding.dates import infer_published
from newsevents.coding.rules import RuleCoder
from newsevents.config import Settings, resolve_settings
from newsevents.dedup import cluster_new_events
from newsevents.errors import ConfigError, Reason
from newsevents.extract import extract_article
from newsevents.incremental import RunUnique, is_finished, seen_row
from newsevents.ingest import Seen, iter_documents
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

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
    skipped: int = 0
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
    """Extract, parse and code items in batches; an id seen twice with other content is
    rejected (offsets would otherwise point into the wrong text)."""
    seen: dict[str, str] = {}
    batch: list[Article | Rejection] = []
    for item in items:
        batch.append(_unique(_extract(item, settings, published), seen))
        if len(batch) >= settings.nlp.batch_size * 4:
            yield from _code_batch(batch, settings)
            batch = []
    if batch:
        yield from _code_batch(batch, settings)


def _unique(item: Article | Rejection, seen: dict[str, str]) -> Article | Rejection:
    if isinstance(item, Rejection):
        return item
    known = seen.setdefault(item.id, item.content_hash)
    if known == item.content_hash:
        return item
    detail = (
        f"Id {item.id!r} was already used in this run for a different text. "
        "Give each record its own id."
    )
    return Rejection(item.id, "extract", Reason.DUPLICATE_ID, detail, item.source)


def _code_batch(batch: list[Article | Rejection], settings: Settings) -> Iterator[ItemResult]:
    articles = [a for a in batch if isinstance(a, Article)]
    docs = _parse(articles, settings)
    coder = RuleCoder.for_settings(settings.coding.actors)
    for item in batch:
        if isinstance(item, Rejection):
            yield ItemResult(item.item_id, rejection=item, failed=item.reason is Reason.FAILED)
        elif isinstance(doc := docs[item.id], Rejection):
            yield ItemResult(item.id, rejection=doc, failed=True)
        else:
            yield _code(coder, doc, item)


def _parse(articles: list[Article], settings: Settings) -> dict[str, Doc | Rejection]:
    """Parse a batch with nlp.pipe; if the batch fails, parse its articles one by one so
    that the failure stays with the article that caused it."""
    try:
        docs = list(parse_texts((a.text for a in articles), settings.nlp))
        return {a.id: d for a, d in zip(articles, docs, strict=True)}
    except Exception:  # a parser error on one text must not lose the others
        log.warning("batch parse failed; parsing %d articles one by one", len(articles))
    out: dict[str, Doc | Rejection] = {}
    for article in articles:
        try:
            out[article.id] = next(parse_texts([article.text], settings.nlp))
        except Exception as e:
            detail = f"The parser failed: {type(e).__name__}: {e}"
            out[article.id] = Rejection(article.id, "nlp", Reason.FAILED, detail, article.source)
    return out


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
    if isinstance(article, Article) and article.published is None:
        inferred = infer_published(article.text, article.captions)  # dateline, latest date
        if inferred is not None:
            article = dataclasses.replace(article, published=inferred, published_source="inferred")
    return article


def _code(coder: RuleCoder, doc: Doc, article: Article) -> ItemResult:
    try:
        events = coder.code(doc, article)
    except Exception as e:  # a bug on one article must not lose the others
        log.exception("coding failed on %s", article.id)
        detail = f"{type(e).__name__}: {e}. Please report this with the article."
        rejection = Rejection(article.id, "code", Reason.FAILED, detail, article.source)
        return ItemResult(article.id, rejection=rejection, failed=True)
    return ItemResult(article.id, article=article, events=tuple(events))


def check_settings(settings: Settings) -> None:
    """Fail early and clearly on a missing model or a bad user actor table."""
    load_pipeline(settings.nlp.model)
    RuleCoder.for_settings(settings.coding.actors)


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
    check_settings(settings)
    raw = iter_documents(
        inputs, input_format=input_format, stdin=stdin, max_bytes=settings.extract.max_bytes
    )
    yield from process(raw, settings, published=published)


def code_text(
    text: str, *, published: dt.date | str | None = None, settings: Settings | None = None
) -> list[Event]:
    """Code one text as it is (no page-chrome cleaning) and return its events; every
    offset indexes `text` itself."""
    settings = settings or resolve_settings()
    try:
        day = dt.date.fromisoformat(published) if isinstance(published, str) else published
    except ValueError as e:
        raise ConfigError(f"published={published!r} is not a date like 2022-06-22.") from e
    article = Article(
        id=content_hash(text),
        text=text,
        source="<string>",
        published=day,
        published_source="metadata" if day else "none",
        content_hash=content_hash(text),
    )
    [result] = list(_code_batch([article], settings))
    return list(result.events)


def process_chunk(
    items: Sequence[RawDocument | Rejection], settings: Settings, published: dt.date | None
) -> list[ItemResult]:
    """Extract, parse and code one chunk: the pure, picklable task every runner runs."""
    return list(_code_batch([_extract(item, settings, published) for item in items], settings))


def run(
    inputs: Sequence[str],
    *,
    settings: Settings | None = None,
    input_format: InputFormat = "auto",
    published: dt.date | None = None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """The whole pipeline into the DuckDB store named by `settings.db`; returns the report.

    Items an earlier run finished are skipped (`seen_items`); each chunk of results is
    written in one transaction, so a killed run started again does every item once."""
    from newsevents.runners import load_runner
    from newsevents.store import Store

    settings = settings or resolve_settings()
    check_settings(settings)  # before the store file is created
    run_chunks = load_runner(settings.runner.runner)
    started = dt.datetime.now(dt.UTC)
    run_id = content_hash(f"{started.isoformat()}|{'|'.join(inputs)}", 16)
    clock = time.perf_counter()
    tally = Tally()
    with Store.open(settings.db, memory_limit=settings.store_memory) as store:
        seen = Seen(store.seen_ids)
        raw = iter_documents(
            inputs, input_format=input_format, stdin=stdin, max_bytes=settings.extract.max_bytes,
            fetch=settings.fetch, seen=seen,
        )  # fmt: skip
        unique = RunUnique(store)
        for chunk in run_chunks(seen.filter(raw), settings, published):
            results = unique.check(chunk)
            _write(store, results, run_id, tally)
            log.info("stored a chunk of %d items (%d so far)", len(results), tally.documents)
            for result in results:
                if progress is not None:
                    progress(result)
        tally.skipped = seen.skipped
        cluster_new_events(store, run_id)  # duplicate articles, then event clusters
        report = _report(run_id, started, time.perf_counter() - clock, tally, settings)
        store.record_run(report, json.dumps(_settings_dict(settings), sort_keys=True))
    return report


def _write(store: Any, chunk: list[ItemResult], run_id: str, tally: Tally) -> None:
    articles = [r.article for r in chunk if r.article is not None]
    events = [e for r in chunk for e in r.events]
    rejections = [r.rejection for r in chunk if r.rejection is not None]
    done = [seen_row(r) for r in chunk if is_finished(r)]
    new_articles, new_events = store.write_chunk(articles, events, rejections, done, run_id)
    tally.new_articles += new_articles
    tally.new_events += new_events
    for result in chunk:
        tally.add(result)


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
        skipped=tally.skipped,
        rejections_by_reason=dict(tally.reasons),
        coder=RuleCoder.name,
        model=model_name(load_pipeline(settings.nlp.model)),
    )


def _settings_dict(settings: Settings) -> dict[str, object]:
    out = dataclasses.asdict(settings)
    out.pop("web", None)  # holds the API token (a secret) and changes no output
    return out
