"""Every kind of input as one stream of RawDocument | Rejection records.

An input is a path, a directory (walked), a glob, `-` (stdin) or an http(s) URL. Its
format is the one given (`input_format`), else the one its name says (`.rss`, `.atom` ->
rss; `.warc`, `.warc.gz` -> warc; `.urls` -> urls; `.jsonl`, `.ndjson`; `.html`, `.htm`),
else the one its first bytes show (a WARC header, an RSS/Atom/RDF root element, lines that
are all URLs, a JSON object, markup, else text). A URL input is fetched: a feed gives the
pages of its items, anything else is one page. Feeds and URL lists fetch with one
`Fetcher`, made when first needed and closed at the end.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, get_args

from newsevents.config import FetchSettings
from newsevents.errors import ConfigError, Reason
from newsevents.ingest import files
from newsevents.ingest.fetch import FEED_TYPES, PAGE_TYPES, Fetcher, is_url, url_id
from newsevents.ingest.rss import feed_documents, looks_like_feed
from newsevents.ingest.seen import Seen
from newsevents.ingest.urls import looks_like_url_list, read_url_list
from newsevents.ingest.warc import WARC_SUFFIXES, looks_like_warc, read_warc
from newsevents.records import DocKind, InputFormat, RawDocument, Rejection

FORMATS = get_args(InputFormat)
_FEED_SUFFIXES = (".rss", ".atom")
_URL_SUFFIXES = (".urls",)
_PLAIN_SUFFIXES = (".jsonl", ".ndjson", ".html", ".htm", ".xhtml")  # never sniffed further


class _Fetching:
    """The one Fetcher of a read, made when first needed."""

    def __init__(self, settings: FetchSettings) -> None:
        self.settings = settings
        self.fetcher: Fetcher | None = None

    def get(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher(self.settings)
        return self.fetcher

    def close(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()


def iter_documents(
    inputs: Sequence[str],
    *,
    input_format: InputFormat = "auto",
    stdin: BinaryIO | None = None,
    max_bytes: int = 5_000_000,
    fetch: FetchSettings | None = None,
    seen: Seen | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Documents (or rejections) from every input, in order.

    Raises `InputError` at once, before reading anything, if a path does not exist and
    matches no glob; `ConfigError` for an unknown input format. No inputs means stdin."""
    if input_format not in FORMATS:
        raise ConfigError(
            f"Unknown input format {input_format!r}. Use {', '.join(FORMATS)}.",
            setting="input_format",
        )
    entries: list[str] = []  # each path or URL once, checked before anything is read
    for given in list(inputs) or [files.STDIN]:
        for entry in [given] if is_url(given) else files.resolve_inputs([given]):
            if entry not in entries:
                entries.append(entry)
    fetching = _Fetching(fetch or FetchSettings(max_bytes=max_bytes))
    return _iter_inputs(entries, input_format, stdin, max_bytes, fetching, seen)


def _iter_inputs(
    entries: list[str],
    input_format: InputFormat,
    stdin: BinaryIO | None,
    max_bytes: int,
    fetching: _Fetching,
    seen: Seen | None,
) -> Iterator[RawDocument | Rejection]:
    try:
        for entry in entries:
            if is_url(entry):
                yield from _read_url(entry, input_format, fetching, seen)
            elif entry == files.STDIN:
                yield from _read_stdin(stdin, input_format, max_bytes, fetching, seen)
            elif os.path.isdir(entry):
                for found in files.walk_directory(entry):
                    if isinstance(found, Rejection):
                        yield found
                    else:
                        yield from _read_path(found, input_format, max_bytes, fetching, seen)
            else:
                yield from _read_path(entry, input_format, max_bytes, fetching, seen)
    finally:
        fetching.close()


def _read_url(
    url: str, input_format: InputFormat, fetching: _Fetching, seen: Seen | None
) -> Iterator[RawDocument | Rejection]:
    """A URL given as an input: a feed (by --input-format rss or by its content) or a page."""
    accept = FEED_TYPES + PAGE_TYPES
    is_page = input_format != "rss"  # a page is skipped when done; a feed is read again
    if is_page and seen is not None and (seen.check([url_id(url)]) or not seen.claim(url_id(url))):
        return
    got = fetching.get().get(url, accept)
    if isinstance(got, Rejection):
        yield got
    elif input_format == "rss" or (input_format == "auto" and looks_like_feed(got.content)):
        yield from feed_documents(got.content, url, fetching.get(), seen)
    else:
        kind: DocKind = (
            "text" if input_format == "text" or got.media_type == "text/plain" else "html"
        )
        yield RawDocument(id=url_id(url), content=got.content, kind=kind, source=url, url=got.url)


def special_format(name: str, input_format: InputFormat) -> str | None:
    """rss, warc or urls when chosen or named by the extension; None otherwise."""
    if input_format in ("rss", "warc", "urls"):
        return input_format
    lowered = name.lower()
    if input_format != "auto":
        return None
    if lowered.endswith(WARC_SUFFIXES):
        return "warc"
    if lowered.endswith(_FEED_SUFFIXES):
        return "rss"
    return "urls" if lowered.endswith(_URL_SUFFIXES) else None


def sniff_format(path: str) -> str | None:
    """rss, warc or urls when the first bytes show one; None (let `files` decide) otherwise."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(files.SNIFF_BYTES)
    except OSError:
        return None  # files.read_file reports it
    if looks_like_warc(head):
        return "warc"
    if looks_like_feed(head):
        return "rss"
    return "urls" if looks_like_url_list(head) else None


def _read_path(
    path: str, input_format: InputFormat, max_bytes: int, fetching: _Fetching, seen: Seen | None
) -> Iterator[RawDocument | Rejection]:
    fmt = special_format(path, input_format)
    if fmt is None and input_format == "auto" and not path.lower().endswith(_PLAIN_SUFFIXES):
        fmt = sniff_format(path)
    if fmt == "warc":
        yield from read_warc(path, max_bytes)
    elif fmt in ("rss", "urls"):
        try:
            with open(path, "rb") as handle:
                yield from _read_listing(handle, path, fmt, max_bytes, fetching, seen)
        except OSError as e:
            detail = f"Cannot read {path}: {e.strerror or e}. Check that it exists and is readable."
            yield Rejection(path, "ingest", Reason.UNREADABLE, detail, path)
    else:
        yield from files.read_file(path, input_format, max_bytes)


def _read_stdin(
    stdin: BinaryIO | None,
    input_format: InputFormat,
    max_bytes: int,
    fetching: _Fetching,
    seen: Seen | None,
) -> Iterator[RawDocument | Rejection]:
    stream = stdin if stdin is not None else sys.stdin.buffer
    if input_format in ("rss", "urls"):
        yield from _read_listing(stream, "stdin", input_format, max_bytes, fetching, seen)
    elif input_format == "warc":
        detail = "WARC input must be a file (it is read in records), not standard input."
        yield Rejection("stdin", "ingest", Reason.UNREADABLE, detail, "stdin")
    else:
        yield from files.read_stream(stream, "stdin", input_format, max_bytes)


def _read_listing(
    stream: BinaryIO,
    source: str,
    fmt: str,
    max_bytes: int,
    fetching: _Fetching,
    seen: Seen | None,
) -> Iterator[RawDocument | Rejection]:
    """A feed or a URL list read from a file or stdin; its pages are fetched."""
    if fmt == "urls":
        yield from read_url_list(stream, source, fetching.get(), seen)
        return
    content = stream.read(max_bytes + 1)
    if len(content) > max_bytes:
        detail = f"The feed {source} is over the {max_bytes:,}-byte limit (max_bytes)."
        yield Rejection(source, "ingest", Reason.TOO_LARGE, detail, source)
    else:
        yield from feed_documents(content, source, fetching.get(), seen)
