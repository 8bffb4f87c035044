"""How many documents the inputs hold, counted cheaply before a run for its progress bar.

Text and HTML files are one document each and JSON Lines files one per non-blank line
(counted in blocks, never parsed). Standard input, URLs, feeds, URL lists and WARC files
cannot be counted without reading or fetching them: then the answer is None (no ETA).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from newsevents.ingest import files
from newsevents.ingest.fetch import is_url
from newsevents.ingest.sources import sniff_format, special_format
from newsevents.records import InputFormat

_BLOCK = 1 << 20


def count_documents(inputs: Sequence[str], input_format: InputFormat = "auto") -> int | None:
    """Documents in `inputs`, or None when some input cannot be counted without reading it."""
    if input_format not in ("auto", "text", "html", "jsonl"):
        return None
    total = 0
    try:
        for entry in files.resolve_inputs([i for i in inputs if not is_url(i)]):
            paths = files.walk_directory(entry) if os.path.isdir(entry) else [entry]
            for path in paths:
                counted = _count_file(path, input_format) if isinstance(path, str) else 0
                if counted is None:
                    return None
                total += counted
    except (OSError, ValueError):
        return None
    return total if inputs and not any(is_url(i) for i in inputs) else None


def _count_file(path: str, input_format: InputFormat) -> int | None:
    if path == files.STDIN or special_format(path, input_format) is not None:
        return None
    if input_format == "auto" and not path.lower().endswith((".jsonl", ".ndjson")):
        return None if sniff_format(path) else 1
    if input_format in ("text", "html"):
        return 1
    lines, last = 0, b"\n"
    with open(path, "rb") as handle:
        while block := handle.read(_BLOCK):
            lines += block.count(b"\n")
            last = block[-1:]
    return lines + (last != b"\n")
