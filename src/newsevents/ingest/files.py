"""Files, directories, glob patterns and standard input as RawDocument records.

A text or HTML file is one document whose id is the hash of its bytes; a JSONL file is one
document per line (see `newsevents.ingest.jsonl`). Inputs are checked before anything is
read: a path that does not exist and matches no glob is a usage error (`InputError`).
After that, per-item problems (too large, unreadable, malformed line) are `Rejection`
records and reading goes on.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO, Literal, get_args

from newsevents.errors import ConfigError, InputError, Reason
from newsevents.ingest.jsonl import iter_jsonl
from newsevents.records import InputFormat, RawDocument, Rejection, content_hash

STDIN = "-"
SNIFF_BYTES = 4096
Format = Literal["text", "html", "jsonl"]
_GLOB_CHARS = frozenset("*?[")
_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_MARKUP = (b"<html", b"<!doctype", b"<body", b"<p>", b"<p ", b"<div", b"<head", b"<article")
_BLANK = b" \t\r\n\x0b\x0c\xef\xbb\xbf"


def iter_documents(
    inputs: Sequence[str],
    *,
    input_format: InputFormat = "auto",
    stdin: BinaryIO | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[RawDocument | Rejection]:
    """Documents (or rejections) from paths, directories, globs and "-" (stdin), in order.

    Raises `InputError` at once, before reading anything, if an input does not exist and
    matches no glob; `ConfigError` for an unknown input format. No inputs means stdin.
    """
    if input_format != "auto" and input_format not in get_args(Format):
        raise ConfigError(
            f"Unknown input format {input_format!r}. Use auto, text, html or jsonl.",
            setting="input_format",
        )
    entries = resolve_inputs(inputs)
    return _iter_entries(entries, input_format, stdin, max_bytes)


def resolve_inputs(inputs: Sequence[str]) -> list[str]:
    """Check each input and expand globs: "-", files and directories (walked later)."""
    entries: list[str] = []
    for given in inputs or [STDIN]:
        for entry in _resolve_one(given):
            if entry not in entries:
                entries.append(entry)
    return entries


def _resolve_one(given: str) -> list[str]:
    if given == STDIN or os.path.exists(given):
        return [given]
    if _GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        if not matches:
            raise InputError(
                f"No files match {given!r}. Check the pattern, or use a directory path.",
                path=given,
            )
        return matches
    raise InputError(
        f"Input {given!r} does not exist. Check the path (or give a directory, a glob "
        "pattern such as 'news/*.txt', or - for standard input).",
        path=given,
    )


def _iter_entries(
    entries: list[str], input_format: InputFormat, stdin: BinaryIO | None, max_bytes: int
) -> Iterator[RawDocument | Rejection]:
    for entry in entries:
        if entry == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "stdin", input_format, max_bytes)
        elif os.path.isdir(entry):
            for path in walk_directory(entry):
                if isinstance(path, Rejection):
                    yield path
                else:
                    yield from read_file(path, input_format, max_bytes)
        else:
            yield from read_file(entry, input_format, max_bytes)


def walk_directory(top: str) -> Iterator[str | Rejection]:
    """Files under `top`, recursively, sorted by name; hidden files and directories and
    symlinked directories are skipped. An unreadable directory is a Rejection."""
    try:
        with os.scandir(top) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as e:
        yield _unreadable(top, e)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from walk_directory(entry.path)
        elif entry.is_file() or (entry.is_symlink() and not entry.is_dir()):
            yield entry.path  # a broken symlink is reported as unreadable when opened


def read_file(
    path: str, input_format: InputFormat = "auto", max_bytes: int = 5_000_000
) -> Iterator[RawDocument | Rejection]:
    """The documents in one file: one for text or HTML, one per line for JSONL."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the with below
        size = os.fstat(handle.fileno()).st_size
    except OSError as e:
        yield _unreadable(path, e)
        return
    with handle:
        try:
            yield from read_stream(handle, path, input_format, max_bytes, size=size or None)
        except OSError as e:
            yield _unreadable(path, e)


def read_stream(
    stream: BinaryIO,
    source: str,
    input_format: InputFormat = "auto",
    max_bytes: int = 5_000_000,
    *,
    size: int | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Documents from a byte stream (a file, stdin, a pipe; it need not be seekable).

    `size`, when known from stat, lets a text or HTML document over max_bytes be rejected
    after reading only a few bytes to sniff its format; otherwise at most max_bytes + 1
    bytes are read."""
    fmt = _known_format(input_format, source)
    head = b"" if fmt else stream.read(min(SNIFF_BYTES, max_bytes + 1))
    fmt = fmt or detect_format(head)
    if fmt == "jsonl":
        reader = io.BufferedReader(_PrefixedReader(head, stream)) if head else stream
        yield from iter_jsonl(reader, source, max_bytes=max_bytes)
    elif size is not None and size > max_bytes:
        yield _too_large(source, size, max_bytes)
    else:
        content = head + stream.read(max(0, max_bytes + 1 - len(head)))
        if len(content) > max_bytes:
            yield _too_large(source, None, max_bytes)
        else:
            yield RawDocument(id=content_hash(content), content=content, kind=fmt, source=source)


def _known_format(input_format: InputFormat, name: str) -> Format | None:
    """The format an explicit choice or a file extension gives; None means sniff."""
    if input_format in ("text", "html", "jsonl"):
        return input_format
    suffix = os.path.splitext(name)[1].lower()
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in _HTML_SUFFIXES:
        return "html"
    return None


def detect_format(head: bytes) -> Format:
    """jsonl when the first non-blank byte is `{`, html when markup is near the start,
    else text."""
    start = head.lstrip(_BLANK)
    if start.startswith(b"{"):
        return "jsonl"
    lowered = start[:1024].lower()
    return "html" if any(marker in lowered for marker in _MARKUP) else "text"


class _PrefixedReader(io.RawIOBase):
    """A raw stream that first gives back bytes already read, then the rest of `stream`."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head.nbytes:
            count = min(len(buffer), self._head.nbytes)
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def _too_large(source: str, size: int | None, max_bytes: int) -> Rejection:
    size_text = f"is {size:,} bytes, over" if size is not None else "is over"
    return Rejection(
        item_id=source,
        stage="ingest",
        reason=Reason.TOO_LARGE,
        detail=f"{source} {size_text} the {max_bytes:,}-byte limit (max_bytes). "
        "Split it or raise --max-bytes.",
        source=source,
    )


def _unreadable(path: str, error: OSError) -> Rejection:
    return Rejection(
        item_id=path,
        stage="ingest",
        reason=Reason.UNREADABLE,
        detail=f"Cannot read {path}: {error.strerror or error}. Check that it exists and that "
        "you have permission to read it.",
        source=path,
    )
