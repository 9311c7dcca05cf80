"""Sharing a list of independent jobs with a second process, on a second core.

``split_map(items, work)`` yields ``work(item)`` for every item, in order, like ``map``. Where
it is worth it, the list is cut into chunks, and the standard library's process pool (one
worker, forked, so that it has the items and the work already: only each chunk's bounds are
sent) takes them from the back while this process takes them from the front, each chunk here
first offered back (``Future.cancel``): where the two meet, this process collects what the
worker did. Whichever is faster, or less disturbed by other work on the machine, simply does
more.

The answer never depends on whether the work was shared. With one core, other than on Linux,
for a short list, or with ``DIGISTRAT_PROCESSES=1``, everything runs here; and if the worker
fails in any way (an error, killed, results that cannot be read), this process does whatever
is missing itself.

Until December 2026 this was a protocol of its own (a fork, results spooled through a
temporary file, a lock in shared memory: ~200 lines); measured against it at 3,000 and 10,000
entities (``benchmarks/tradeoffs.py``), the standard pool does as well. :class:`Ends` remains
for sharing a render's pages (:mod:`digistrat.render.parallel`).
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1000
"""Below this many jobs, a second process costs about as much as it saves."""
CHUNK = 50
"""Jobs taken at a time (for files to load, about 8 ms of work): small enough that the two
processes finish close together, big enough that each chunk's round trip costs next to
nothing."""


FORK_IS_SAFE = sys.platform.startswith("linux") and hasattr(os, "fork")
"""Only on Linux: elsewhere ``fork`` is missing (Windows) or unsafe once system libraries have
started threads (macOS, where Python itself no longer forks by default)."""

_JOB: tuple[Sequence[Any], Callable[[Any], Any]] | None = None
"""The items and the work being shared (the forked worker inherits them)."""


def cores() -> int:
    """Processor cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worth_sharing(count: int) -> bool:
    """Whether ``count`` jobs are worth sharing with a second process on this machine."""
    if os.environ.get("DIGISTRAT_PROCESSES", "").strip() == "1":
        return False
    return FORK_IS_SAFE and count >= MIN_ITEMS and cores() >= 2


def split_map(
    items: Sequence[T], work: Callable[[T], R], meanwhile: Callable[[], object] | None = None
) -> Iterator[R]:
    """``work(item)`` for each of ``items``, in order, shared with a second process where
    worth it (see the module's documentation). ``work`` must not depend on what the other
    calls did, and its results must pickle.

    ``meanwhile``, if given, is called once in this process before any work is done here:
    once the work is shared, right after the second process has started, so that it is
    already at work (and this one then takes fewer items)."""
    if not worth_sharing(len(items)):
        if meanwhile is not None:
            meanwhile()
        yield from map(work, items)
        return
    global _JOB
    chunks = [(lo, min(lo + CHUNK, len(items))) for lo in range(0, len(items), CHUNK)]
    _JOB = (items, work)  # the forked worker has it already: only (lo, hi) is sent
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
    there: dict[int, Future[list[Any]]] = {}
    before = set(multiprocessing.active_children())
    ours: set[multiprocessing.process.BaseProcess] = set()
    try:
        try:  # the worker takes chunks from the back, this process from the front
            there = {lo: pool.submit(_part, lo, hi) for lo, hi in reversed(chunks)}
        except (OSError, RuntimeError):  # no second process to be had: all of it here
            there = {}
        ours = set(multiprocessing.active_children()) - before
        if meanwhile is not None:
            meanwhile()
        for lo, hi in chunks:
            future = there.get(lo)
            done = None if future is None or future.cancel() else _result(future, hi - lo)
            yield from map(work, items[lo:hi]) if done is None else done
    finally:
        _JOB = None
        for future in there.values():  # stopped early (an error here): nothing more there
            future.cancel()
        pool.shutdown(wait=True)
        _collect(ours)


def _collect(ours: set[multiprocessing.process.BaseProcess]) -> None:
    """Make sure the pool's worker has ended and is collected. A worker that dies, or sends a
    result that cannot be read, breaks the pool; on Python 3.11 the pool's own thread can then
    stop (InvalidStateError, when a future this process cancelled is failed again) before it
    ends and collects its worker, which would be left running."""
    for process in ours:
        if process.is_alive():
            process.kill()
        process.join(timeout=60)


def _part(lo: int, hi: int) -> list[Any]:
    """(In the worker) the results of ``items[lo:hi]``."""
    assert _JOB is not None
    items, work = _JOB
    return [work(item) for item in items[lo:hi]]


def _result(future: Future[list[Any]], count: int) -> list[Any] | None:
    """The worker's results for a chunk, or None if it failed, died or sent them unreadable."""
    try:
        results = future.result()
    except Exception:
        return None
    return results if type(results) is list and len(results) == count else None


_PAIR = struct.Struct("<QQ")


class Ends:
    """A pool of ``n`` items cut into chunks (the last ``heavy`` items one by one, the others
    ``chunk`` at a time), taken from either end by two processes until they meet.

    Which chunks nobody has taken yet, ``[front, back)``, is kept in memory both processes
    share (an anonymous ``mmap`` stays shared across ``fork``), guarded by a lock: a pipe
    holding one byte, taken by reading it and given back by writing it."""

    def __init__(self, n: int, heavy: int, chunk: int) -> None:
        self.items = n
        light = max(n - heavy, 0)
        self.chunks = [(lo, min(lo + chunk, light)) for lo in range(0, light, chunk)]
        self.chunks += [(i, i + 1) for i in range(light, n)]
        self.memory = mmap.mmap(-1, _PAIR.size)
        _PAIR.pack_into(self.memory, 0, 0, len(self.chunks))
        self.lock_out, self.lock_in = os.pipe()
        os.write(self.lock_in, b".")

    def take(self, front: bool) -> tuple[int, int] | None:
        """The next chunk from one end, or None when the pool is used up."""
        os.read(self.lock_out, 1)
        try:
            lo: int
            hi: int
            lo, hi = _PAIR.unpack_from(self.memory, 0)
            if lo >= hi:
                return None
            if front:
                _PAIR.pack_into(self.memory, 0, lo + 1, hi)
                return self.chunks[lo]
            _PAIR.pack_into(self.memory, 0, lo, hi - 1)
            return self.chunks[hi - 1]
        finally:
            os.write(self.lock_in, b".")

    def drain(
        self,
        pool: Sequence[T],
        do: Callable[[T], None],
        front: bool,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        """``do`` every item of the chunks taken from one end, until none is left."""
        while (chunk := self.take(front)) is not None:
            for item in pool[chunk[0] : chunk[1]]:
                do(item)
                if progress is not None:
                    progress(self.taken())

    def taken(self) -> int:
        """How many items both processes have taken so far. Read without the lock (it is
        only for showing progress): at worst one chunk out, never more than the pool."""
        lo, hi = _PAIR.unpack_from(self.memory, 0)
        chunks, n = self.chunks, self.items
        front = chunks[lo][0] if lo < len(chunks) else n
        back = chunks[hi][0] if hi < len(chunks) else n
        return min(front + n - back, n)

    def clear(self) -> None:
        """Take whatever is left, so that the other process finds nothing more to do."""
        while self.take(front=False) is not None:
            pass

    def close(self) -> None:
        os.close(self.lock_out)
        os.close(self.lock_in)
        self.memory.close()
