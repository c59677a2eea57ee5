"""Run a function over batches of work in a bounded process pool, results in input order.

Used by the ingest and extraction assets: per-document work is pure Python
(CPU-bound, the GIL rules out threads), so it is spread over worker processes.
At most ``workers * 2`` batches are in flight, so memory stays bounded however
large the input; results come back in submission order so writes are
deterministic. With one worker, or work that fits in one batch, everything
runs in this process (no start-up cost, and monkeypatched functions still apply).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Spawned workers import only what the batch function needs (not Dagster), and
# forking a process that runs Dagster's threads is not safe.
_START_METHOD = "spawn"


def default_workers() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def map_batches(
    function: Callable[[Sequence[Item]], Result],
    batches: Iterable[Sequence[Item]],
    workers: int,
    expected_batches: int | None = None,
) -> Iterator[Result]:
    """``function(batch)`` for each batch, in order; in ``workers`` processes when that can help.

    ``function`` must be picklable (a module-level function) when ``workers > 1``.
    ``expected_batches`` (when known) avoids starting a pool for a single batch.
    """
    if workers <= 1 or (expected_batches is not None and expected_batches <= 1):
        for batch in batches:
            yield function(batch)
        return
    if expected_batches is not None:
        workers = min(workers, expected_batches)
    context = multiprocessing.get_context(_START_METHOD)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        in_flight: deque[Future[Result]] = deque()
        try:
            for batch in batches:
                in_flight.append(pool.submit(function, batch))
                if len(in_flight) >= workers * 2:
                    yield in_flight.popleft().result()
            while in_flight:
                yield in_flight.popleft().result()
        finally:
            for future in in_flight:
                future.cancel()
