"""The local runner: the pure stage functions over a pool of worker processes.

Input is read in the calling process and cut into chunks of `chunk_size` items. Each chunk
is one task: a worker extracts, parses (`nlp.pipe`) and codes it (`pipeline.process_chunk`)
and sends back its results; the caller writes them. At most two chunks per worker are in
flight, so memory stays flat however large the input is, and results come back in input
order. Workers start from a fork server that has already imported the stages and built the
coder's tables (`runners/preload.py`); each loads the spaCy pipeline once. An input that
fits in one chunk, or `workers=1`, is processed in this process: starting workers would
cost more than it saves.

A process pool over all stages beats spaCy's own `nlp.pipe(n_process=...)`, which
parallelises parsing only and leaves extraction and coding on one core (see bench/).
"""

from __future__ import annotations

import datetime as dt
import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from newsevents.config import Settings
from newsevents.pipeline import ItemResult, process_chunk
from newsevents.records import RawDocument, Rejection

Item = RawDocument | Rejection
IN_FLIGHT_PER_WORKER = 2
CALLER_CHECK_SECONDS = 2.0
# A worker is replaced after this many chunks: spaCy's string table and the parse caches
# grow with every new word a worker meets, and a fresh worker (forked from the fork server,
# which holds the coder's tables) starts small again in under a second.
TASKS_PER_WORKER = 100


def cpu_count() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Lists of `size` items (the last may be shorter), read lazily."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def run_chunks(
    items: Iterable[Item], settings: Settings, published: dt.date | None
) -> Iterator[list[ItemResult]]:
    """Results of `items`, one list per chunk, in input order."""
    workers = settings.runner.workers or cpu_count()
    chunks = chunked(items, settings.runner.chunk_size)
    head = list(itertools.islice(chunks, 2))
    if workers == 1 or len(head) < 2:
        for chunk in itertools.chain(head, chunks):
            yield process_chunk(chunk, settings, published)
        return
    with _pool(workers, settings) as pool:
        yield from _ordered(pool, itertools.chain(head, chunks), settings, published, workers)


def _pool(workers: int, settings: Settings) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsevents.runners.preload"])
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_load_stages,
        initargs=(settings, os.getpid()),
        max_tasks_per_child=TASKS_PER_WORKER,
    )


def _load_stages(settings: Settings, caller: int) -> None:
    """Worker start: load the spaCy pipeline and the coder's tables once, and leave when
    the calling process is gone (killed with SIGKILL, it cannot stop its workers)."""
    from newsevents.pipeline import check_settings

    check_settings(settings)
    threading.Thread(target=_exit_after, args=(caller,), daemon=True).start()


def _exit_after(caller: int) -> None:
    while True:
        time.sleep(CALLER_CHECK_SECONDS)
        try:
            os.kill(caller, 0)
        except ProcessLookupError:
            os._exit(0)


def _ordered(
    pool: ProcessPoolExecutor,
    chunks: Iterator[list[Item]],
    settings: Settings,
    published: dt.date | None,
    workers: int,
) -> Iterator[list[ItemResult]]:
    pending: deque[Future[list[ItemResult]]] = deque()
    for chunk in chunks:
        pending.append(pool.submit(process_chunk, chunk, settings, published))
        if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
