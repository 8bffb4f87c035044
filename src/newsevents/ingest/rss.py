"""RSS and Atom feeds (feedparser): each item's page is fetched and becomes a RawDocument.

The feed gives each page its title, publication date and outlet (the feed's title); the
page's id is the hash of its link (`fetch.url_id`), so the same item in a later run of the
same feed has the same id and is skipped before it is fetched (`Seen`). A feed that cannot
be parsed is one `not_a_feed` rejection; an item without a link is a `malformed_record`.
"""

from __future__ import annotations

import datetime as dt
import io
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from newsevents.errors import Reason
from newsevents.ingest.fetch import FEED_TYPES, Fetcher, url_id
from newsevents.ingest.seen import Seen
from newsevents.records import RawDocument, Rejection

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RDF root element."""
    lowered = head[:2048].lower()
    return any(marker in lowered for marker in _FEED_MARKERS) and b"<html" not in lowered


def fetch_feed(
    url: str, fetcher: Fetcher, seen: Seen | None = None
) -> Iterator[RawDocument | Rejection]:
    """Fetch a feed by URL, then the pages of its items not seen before."""
    got = fetcher.get(url, (*FEED_TYPES, "text/html", "text/plain"))
    if isinstance(got, Rejection):
        yield got
        return
    yield from feed_documents(got.content, url, fetcher, seen)


def feed_documents(
    content: bytes, source: str, fetcher: Fetcher, seen: Seen | None = None
) -> Iterator[RawDocument | Rejection]:
    """The pages of a feed's items (a feed already read from a file or a URL)."""
    parsed = feedparser.parse(io.BytesIO(content))  # a stream: feedparser fetches nothing
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        problem = parsed.get("bozo_exception", "no <rss>, <feed> or <rdf:RDF> element")
        detail = (
            f"Cannot read {source}: not an RSS or Atom feed ({problem}). "
            "Use --input-format html for a single page."
        )
        yield Rejection(source, "ingest", Reason.NOT_A_FEED, detail, source)
        return
    outlet = parsed.feed.get("title") or None
    entries = [(n, e, (e.get("link") or "").strip()) for n, e in enumerate(parsed.entries, 1)]
    done = seen.check([url_id(link) for _, _, link in entries if link]) if seen else set()
    for number, entry, link in entries:
        if not link:
            detail = f"item {number} of {source} has no <link>, so there is no page to fetch."
            yield Rejection(f"{source}#{number}", "ingest", Reason.MALFORMED_RECORD, detail, source)
        elif url_id(link) not in done and (seen is None or seen.claim(url_id(link))):
            meta = {"title": entry.get("title") or None, "outlet": outlet}
            yield fetcher.page(link, published=_published(entry), **meta)


def _published(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    return None
