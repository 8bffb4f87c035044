"""Ingest: turn inputs (files, directories, globs, stdin, URLs; text, HTML, JSONL, RSS/Atom
feeds, WARC archives, URL lists) into RawDocument records, or Rejection records for inputs
that cannot be read or fetched."""

from newsevents.ingest.files import detect_format, read_file, read_stream
from newsevents.ingest.jsonl import iter_jsonl, parse_jsonl_line
from newsevents.ingest.seen import Seen
from newsevents.ingest.sources import iter_documents

__all__ = [
    "Seen",
    "detect_format",
    "iter_documents",
    "iter_jsonl",
    "parse_jsonl_line",
    "read_file",
    "read_stream",
]
