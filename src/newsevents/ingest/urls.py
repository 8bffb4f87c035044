"""Lists of URLs: a text file with one http(s) URL a line; blank lines and # comments are
skipped. Each page is fetched (`fetch.Fetcher`) unless an earlier run finished it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsevents.errors import Reason
from newsevents.ingest.fetch import Fetcher, is_url, url_id
from newsevents.ingest.seen import Seen
from newsevents.records import RawDocument, Rejection

BATCH = 200


def looks_like_url_list(head: bytes) -> bool:
    """True when every complete, non-comment line of the first bytes is an http(s) URL."""
    lines = head.decode("utf-8", "replace").splitlines()
    if len(lines) > 1 and not head.endswith(b"\n"):
        lines = lines[:-1]  # the last line may be cut off by the sniff
    urls = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return bool(urls) and all(is_url(u) and " " not in u for u in urls)


def read_url_list(
    stream: BinaryIO, source: str, fetcher: Fetcher, seen: Seen | None = None
) -> Iterator[RawDocument | Rejection]:
    """Fetch the pages a URL list names, in order, asking `seen` in batches."""
    batch: list[tuple[int, str]] = []
    for number, raw_line in enumerate(stream, 1):
        line = raw_line.decode("utf-8", "replace").strip()
        if not line or line.startswith("#"):
            continue
        batch.append((number, line))
        if len(batch) >= BATCH:
            yield from _fetch_batch(batch, source, fetcher, seen)
            batch = []
    yield from _fetch_batch(batch, source, fetcher, seen)


def _fetch_batch(
    batch: list[tuple[int, str]], source: str, fetcher: Fetcher, seen: Seen | None
) -> Iterator[RawDocument | Rejection]:
    done = seen.check([url_id(u) for _, u in batch if is_url(u)]) if seen else set()
    for number, url in batch:
        if not is_url(url):
            detail = f"line {number}: {url[:80]!r} is not an http(s) URL. Give one URL a line."
            yield Rejection(f"{source}:{number}", "ingest", Reason.MALFORMED_RECORD, detail, source)
        elif url_id(url) not in done and (seen is None or seen.claim(url_id(url))):
            yield fetcher.page(url)
