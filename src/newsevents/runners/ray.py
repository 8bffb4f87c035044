"""The Ray runner: the same stage functions through Ray Data `map_batches` on a Ray cluster.

Needs the optional extra (`pip install 'newsevents[ray]'`); this is the only module that
imports ray. The driver reads the input (as the local runner does) in windows of
`chunk_size x workers x WINDOW_CHUNKS` items; each window becomes a Ray dataset of pickled
items, mapped in batches of `chunk_size` by `_Stages`, a callable class whose actors load
the spaCy pipeline once each. Workers return rows (pickled `ItemResult`s), never touch the
store; the driver receives them in input order and writes them chunk by chunk.

`run_chunks` joins the cluster at `ray_address` when Ray is not yet initialised in this
process (no address starts a local Ray for the run, and shuts it down afterwards); when Ray
is already initialised (a notebook, a test) it uses that instance and leaves it running.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
import pickle
from collections.abc import Iterable, Iterator
from typing import Any

from newsevents.config import Settings
from newsevents.errors import ConfigError
from newsevents.pipeline import ItemResult, process_chunk
from newsevents.records import RawDocument, Rejection

try:
    import ray
    import ray.data
except ImportError as e:  # the optional extra is not installed
    raise ConfigError(
        "The Ray runner needs Ray: pip install 'newsevents[ray]'", setting="runner"
    ) from e

Item = RawDocument | Rejection
WINDOW_CHUNKS = 16  # chunks per worker in one Ray dataset: actors start once per window


class _Stages:
    """A Ray Data actor: loads the pipeline once, then extracts, parses and codes batches."""

    def __init__(self, settings: Settings, published: dt.date | None) -> None:
        from newsevents.pipeline import check_settings

        check_settings(settings)
        self.settings = settings
        self.published = published

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        items = [pickle.loads(blob) for blob in batch["item"]]
        results = process_chunk(items, self.settings, self.published)
        return {"result": [pickle.dumps(r) for r in results]}


def run_chunks(
    items: Iterable[Item], settings: Settings, published: dt.date | None
) -> Iterator[list[ItemResult]]:
    """Results of `items`, one list per chunk of `chunk_size`, in input order."""
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(
            address=settings.runner.ray_address,
            logging_level=logging.WARNING,
            log_to_driver=False,
            include_dashboard=False,
        )
    try:
        yield from _run(items, settings, published)
    finally:
        if started_here:
            ray.shutdown()


def _run(
    items: Iterable[Item], settings: Settings, published: dt.date | None
) -> Iterator[list[ItemResult]]:
    logging.getLogger("ray").setLevel(logging.WARNING)  # stderr is for our progress
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    size = settings.runner.chunk_size
    workers = settings.runner.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    iterator = iter(items)
    while window := list(itertools.islice(iterator, size * workers * WINDOW_CHUNKS)):
        results = _map_window(window, settings, published, workers)
        for at in range(0, len(results), size):
            yield results[at : at + size]


def _map_window(
    window: list[Item], settings: Settings, published: dt.date | None, workers: int
) -> list[ItemResult]:
    size = settings.runner.chunk_size
    rows = [{"item": pickle.dumps(item)} for item in window]
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, -(-len(rows) // size)))
    mapped = dataset.map_batches(
        _Stages,
        fn_constructor_args=(settings, published),
        batch_size=size,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(workers, max(1, -(-len(rows) // size)))),
        num_cpus=1,
    )
    results = [pickle.loads(row["result"]) for row in mapped.iter_rows()]
    if len(results) != len(window):  # a lost or doubled row would break exactly-once
        raise RuntimeError(f"Ray returned {len(results)} results for {len(window)} items.")
    return results
