"""WARC and WARC.gz files (warcio), such as the news crawls web archives publish.

Each `response` record with an HTML body becomes a RawDocument whose id is the hash of its
WARC-Record-ID (so a second run over the same archive skips it) and whose url is its
WARC-Target-URI. Other record types (request, metadata, warcinfo, revisit) are not
articles and are passed over; a response that is not a 200 or not HTML is a rejection. A
file that stops being a WARC part-way gives one rejection and ends there.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsevents.errors import Reason
from newsevents.ingest.fetch import HTML_TYPES
from newsevents.records import RawDocument, Rejection, content_hash

WARC_SUFFIXES = (".warc", ".warc.gz")


def looks_like_warc(head: bytes) -> bool:
    """True for a WARC file, plain or gzipped (each record its own gzip member)."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(31).decompress(head)  # the first member, maybe cut
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def read_warc(path: str, max_bytes: int = 5_000_000) -> Iterator[RawDocument | Rejection]:
    """The HTML responses of one WARC file, in file order."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as e:
        yield _reject(path, path, Reason.UNREADABLE, f"Cannot read {path}: {e.strerror or e}.")
        return
    with handle:
        try:
            for record in ArchiveIterator(handle):
                if record.rec_type == "response":
                    yield _response(record, path, max_bytes)
        except (ArchiveLoadFailed, OSError, EOFError, ValueError, AttributeError) as e:
            # warcio fails on some broken records with AttributeError or ValueError
            detail = f"{path} stops being a readable WARC file: {e}. Records before it were read."
            yield _reject(path, path, Reason.UNREADABLE, detail)


def _response(record: Any, path: str, max_bytes: int) -> RawDocument | Rejection:
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    item_id = content_hash(headers.get_header("WARC-Record-ID") or f"{path}|{uri}")
    source = f"{path}#{uri}"
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if status != "200":
        detail = f"The archived response for {uri} is HTTP {status}, not a page (200)."
        return _reject(item_id, source, Reason.HTTP_ERROR, detail)
    media_type = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if media_type not in HTML_TYPES:
        detail = f"The archived response for {uri} is {media_type or 'untyped'}, not HTML."
        return _reject(item_id, source, Reason.WRONG_CONTENT_TYPE, detail)
    content = record.content_stream().read(max_bytes + 1)
    if len(content) > max_bytes:
        detail = f"The archived page {uri} is over the {max_bytes:,}-byte limit (max_bytes)."
        return _reject(item_id, source, Reason.TOO_LARGE, detail)
    return RawDocument(id=item_id, content=content, kind="html", source=source, url=uri or None)


def _reject(item_id: str, source: str, reason: Reason, detail: str) -> Rejection:
    return Rejection(item_id=item_id, stage="ingest", reason=reason, detail=detail, source=source)
