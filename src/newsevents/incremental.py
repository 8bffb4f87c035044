"""What makes `run` incremental and exactly-once: which results are finished for good, and
which articles repeat an id or a text already seen.

`pipeline.run` writes each chunk of results in one transaction together with the
`seen_items` rows of the items it finishes (`seen_row`); the next run skips those items. A
result is finished (`is_finished`) when it is an article or a rejection of its content;
what could not be read or fetched, and failures, are tried again. `RunUnique` turns an
article whose id this run already used for another text into a `duplicate_id` rejection,
and one whose text is already stored (or came earlier in this run) under another id into a
`duplicate_content` rejection: the same story under a second URL is not stored twice.
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
        self._texts: dict[str, str] = {}  # content hash -> first article id

    def check(self, chunk: list[ItemResult]) -> list[ItemResult]:
        hashes = [r.article.content_hash for r in chunk if r.article is not None]
        stored = self._store.known_content(hashes) if hashes else {}
        return [self._one(r, stored) for r in chunk]

    def _one(self, result: ItemResult, stored: dict[str, str]) -> ItemResult:
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
        first = stored.get(article.content_hash, article.id)
        first = self._texts.setdefault(article.content_hash, first)
        if first == article.id:
            return result
        detail = f"The same text as article {first!r}, already stored; not stored twice."
        return _rejected(result, Reason.DUPLICATE_CONTENT, detail)


def _rejected(result: ItemResult, reason: Reason, detail: str) -> ItemResult:
    source = result.article.source if result.article is not None else ""
    rejection = Rejection(result.item_id, "extract", reason, detail, source)
    return dataclasses.replace(result, article=None, events=(), rejection=rejection)
