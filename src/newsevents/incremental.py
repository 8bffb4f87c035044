"""What makes `run` incremental and exactly-once: which results are finished for good, and
which articles repeat an id or a text already seen.

`pipeline.run` writes each chunk of results in one transaction together with the
`seen_items` rows of the items it finishes (`seen_row`); the next run skips those items. A
result is finished (`is_finished`) when it is an article or a rejection of its content;
what could not be read or fetched, and failures, are tried again. `RunUnique` turns an
article whose id this run already used for another text into a `duplicate_id` rejection.
The same text under another id or URL is kept: it is a report of the same story, which the
dedup step links to the article it copies (`article_duplicates`, method "exact").
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from newsevents.errors import Reason
from newsevents.records import Rejection

if TYPE_CHECKING:
    from newsevents.pipeline import ItemResult

_RETRIED = frozenset({Reason.FAILED, Reason.DUPLICATE_ID})


def is_finished(result: ItemResult) -> bool:
    """True when the item needs no other run: an article, or a rejection of its content."""
    rejection = result.rejection
    if rejection is None:
        return result.article is not None
    return rejection.stage != "ingest" and rejection.reason not in _RETRIED


def seen_row(result: ItemResult) -> tuple[str, str | None, str | None, str]:
    """(item_id, url, content_hash, outcome) for the `seen_items` table."""
    if result.article is not None:
        return (result.item_id, result.article.url, result.article.content_hash, "article")
    reason = str(result.rejection.reason) if result.rejection else "unknown"
    return (result.item_id, None, None, reason)


class RunUnique:
    """Checks each chunk's articles against this run and the store (`known_content`)."""

    def __init__(self, store: Any) -> None:
        self._store = store
        self._hashes: dict[str, str] = {}  # article id -> content hash, this run

    def check(self, chunk: list[ItemResult]) -> list[ItemResult]:
        return [self._one(r) for r in chunk]

    def _one(self, result: ItemResult) -> ItemResult:
        article = result.article
        if article is None:
            return result
        known = self._hashes.setdefault(article.id, article.content_hash)
        if known != article.content_hash:
            detail = (
                f"Id {article.id!r} was already used in this run for a different text. "
                "Give each record its own id."
            )
            return _rejected(result, Reason.DUPLICATE_ID, detail)
        return result


def _rejected(result: ItemResult, reason: Reason, detail: str) -> ItemResult:
    source = result.article.source if result.article is not None else ""
    rejection = Rejection(result.item_id, "extract", reason, detail, source)
    return dataclasses.replace(result, article=None, events=(), rejection=rejection)
