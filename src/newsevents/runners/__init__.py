"""Runners: where the pure stage functions run. `local` is a process pool on this machine;
`ray` is Ray Data on a Ray cluster (the optional extra `newsevents[ray]`).

A runner is a function `run_chunks(items, settings, published)` that yields lists of
`ItemResult` in input order; the caller (`pipeline.run`) writes each list to the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from newsevents.errors import ConfigError

if TYPE_CHECKING:
    from newsevents.config import Settings
    from newsevents.pipeline import ItemResult
    from newsevents.records import RawDocument, Rejection

RunChunks = Callable[
    [Iterable["RawDocument | Rejection"], "Settings", "dt.date | None"],
    Iterator[list["ItemResult"]],
]


def load_runner(name: str) -> RunChunks:
    """The `run_chunks` function of a runner; ConfigError when it cannot be used here."""
    if name == "local":
        from newsevents.runners.local import run_chunks

        return run_chunks
    if name == "ray":
        from newsevents.runners.ray import run_chunks as run_on_ray

        return run_on_ray
    raise ConfigError(f"Unknown runner {name!r}. Use local or ray.", setting="runner")
