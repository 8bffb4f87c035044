"""Ingest: turn inputs (files, directories, globs, stdin; text, HTML or JSONL) into
RawDocument records, or Rejection records for inputs that cannot be read."""

from newsevents.ingest.files import detect_format, iter_documents, read_file, read_stream
from newsevents.ingest.jsonl import iter_jsonl, parse_jsonl_line

__all__ = [
    "detect_format",
    "iter_documents",
    "iter_jsonl",
    "parse_jsonl_line",
    "read_file",
    "read_stream",
]
