"""JSON Lines input: one article object per line, read as a stream.

Each line is an object with `id` (string, required), `text` or `html` (a string, one
required; `text` wins when both are given) and optional string fields `published`, `url`,
`title`, `outlet`, `language`. A good line becomes a RawDocument; a bad line becomes a
Rejection and reading goes on. Lines are read one at a time with a length limit, so a huge
file (or a huge line) is never held in memory whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsevents.errors import Reason
from newsevents.records import DocKind, RawDocument, Rejection

OPTIONAL_FIELDS = ("published", "url", "title", "outlet", "language")
_SKIP_CHUNK = 1 << 16


def line_limit(max_bytes: int) -> int:
    """Longest JSONL line read: room for a max_bytes text with JSON escaping and metadata."""
    return 2 * max_bytes + _SKIP_CHUNK


def iter_jsonl(
    stream: BinaryIO, source: str, *, max_bytes: int = 5_000_000
) -> Iterator[RawDocument | Rejection]:
    """Read a JSONL byte stream line by line. Blank lines are skipped."""
    for lineno, line in _iter_lines(stream, line_limit(max_bytes)):
        if line is None:
            yield _line_too_long(source, lineno, max_bytes)
            continue
        item = parse_jsonl_line(line, source=source, lineno=lineno, max_bytes=max_bytes)
        if item is not None:
            yield item


def _iter_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; the line is None when it is longer than `limit`."""
    lineno = 0
    while line := stream.readline(limit + 1):
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield lineno, None
        else:
            yield lineno, line


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while (chunk := stream.readline(_SKIP_CHUNK)) and not chunk.endswith(b"\n"):
        pass


def parse_jsonl_line(
    line: bytes, *, source: str, lineno: int, max_bytes: int = 5_000_000
) -> RawDocument | Rejection | None:
    """One JSONL line as a RawDocument, a Rejection, or None for a blank line."""
    try:
        decoded = line.decode("utf-8-sig" if lineno == 1 else "utf-8")
    except UnicodeDecodeError as e:
        detail = f"byte {e.start + 1} is not valid UTF-8. Save the file as UTF-8."
        return _reject(f"{source}:{lineno}", source, lineno, detail, Reason.BAD_ENCODING)
    if not decoded.strip():
        return None
    try:
        record = json.loads(decoded)
    except (ValueError, RecursionError) as e:
        detail = f"not valid JSON ({_json_error(e)}). Each line must be one JSON object."
        return _reject(f"{source}:{lineno}", source, lineno, detail)
    if not isinstance(record, dict):
        detail = f"expected a JSON object, got {_type_name(record)}. Each line must be one object."
        return _reject(f"{source}:{lineno}", source, lineno, detail)
    return _to_document(record, source, lineno, max_bytes)


def _to_document(
    record: dict[str, Any], source: str, lineno: int, max_bytes: int
) -> RawDocument | Rejection:
    problem = _check_fields(record)
    if problem is not None:
        item_id = record["id"] if _is_text(record.get("id")) else f"{source}:{lineno}"
        return _reject(item_id, source, lineno, problem)
    kind: DocKind = "text" if isinstance(record.get("text"), str) else "html"
    content = record[kind].encode("utf-8")
    if len(content) > max_bytes:
        detail = (
            f"the {kind} is {len(content):,} bytes, over the {max_bytes:,}-byte limit "
            "(max_bytes). Split the article or raise --max-bytes."
        )
        return _reject(record["id"], source, lineno, detail, Reason.TOO_LARGE)
    optional = {name: record.get(name) for name in OPTIONAL_FIELDS}
    return RawDocument(
        id=record["id"], content=content, kind=kind, source=f"{source}:{lineno}", **optional
    )


def _check_fields(record: dict[str, Any]) -> str | None:
    """What is wrong with a record's fields, as the rest of a sentence; None when fine."""
    if "id" not in record or record["id"] is None:
        return 'missing the required "id" field (a string). Give every record an id.'
    if not _is_text(record["id"]):
        return f'"id" must be a non-empty string, got {_type_name(record["id"])}. Quote it.'
    if record.get("text") is None and record.get("html") is None:
        return 'needs a "text" or an "html" field holding the article. Add one.'
    for name in ("text", "html", *OPTIONAL_FIELDS):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return f'"{name}" must be a string or null, got {_type_name(value)}.'
        if isinstance(value, str) and not _is_encodable(value):
            return f'"{name}" holds an unpaired surrogate escape (\\ud800-\\udfff). Fix the escape.'
    return None


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _type_name(value: object) -> str:
    names = {dict: "an object", list: "an array", bool: "a boolean", str: "a string"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"a number ({value!r})"
    return names.get(type(value), type(value).__name__)


def _json_error(error: Exception) -> str:
    if isinstance(error, json.JSONDecodeError):
        return f"{error.msg} at column {error.colno}"
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return str(error)


def _line_too_long(source: str, lineno: int, max_bytes: int) -> Rejection:
    detail = (
        f"longer than {line_limit(max_bytes):,} bytes, so its text cannot fit the "
        f"{max_bytes:,}-byte limit (max_bytes). Split the article or raise --max-bytes."
    )
    return _reject(f"{source}:{lineno}", source, lineno, detail, Reason.TOO_LARGE)


def _reject(
    item_id: str,
    source: str,
    lineno: int,
    detail: str,
    reason: Reason = Reason.MALFORMED_RECORD,
) -> Rejection:
    return Rejection(
        item_id=item_id,
        stage="ingest",
        reason=reason,
        detail=f"line {lineno}: {detail}",
        source=source,
    )
