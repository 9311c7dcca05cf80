"""Sharing a list of independent jobs with a forked copy of the process, on a second core.

``split_map(items, work)`` yields ``work(item)`` for every item, in order, like ``map``. Where
it is worth it, the list is cut into chunks; this process takes them from the front, yielding
each result as it goes, and a forked process takes them from the back, until the two meet
(:class:`Ends`): whichever is faster, or less disturbed by other work on the machine, simply
does more. The forked process's results come back pickled, a chunk at a time, through an
unnamed temporary file (so it never waits for this process to read), and are read once this
process is done with its own part. Nothing is sent to the forked process: ``fork`` gives it
the same memory.

The answer never depends on whether the work was shared. With one core, other than on Linux,
for a short list, or with ``DIGISTRAT_PROCESSES=1``, everything runs here; and if
the forked process fails in any way (an error, killed, results that cannot be read), this
process does whatever is missing itself.
"""

from __future__ import annotations

import contextlib
import mmap
import os
import pickle
import signal
import struct
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1000
"""Below this many jobs, forking costs about as much as it saves."""
CHUNK = 50
"""Jobs taken at a time (for files to load, about 8 ms of work): small enough that the two
processes finish close together, big enough that taking a chunk and pickling its results
together cost next to nothing."""


FORK_IS_SAFE = sys.platform.startswith("linux") and hasattr(os, "fork")
"""Only on Linux: elsewhere ``fork`` is missing (Windows) or unsafe once system libraries have
started threads (macOS, where Python itself no longer forks by default)."""


def cores() -> int:
    """Processor cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def worth_sharing(count: int) -> bool:
    """Whether ``count`` jobs are worth sharing with a forked process on this machine."""
    if os.environ.get("DIGISTRAT_PROCESSES", "").strip() == "1":
        return False
    return FORK_IS_SAFE and count >= MIN_ITEMS and cores() >= 2


def split_map(
    items: Sequence[T], work: Callable[[T], R], meanwhile: Callable[[], object] | None = None
) -> Iterator[R]:
    """``work(item)`` for each of ``items``, in order, shared with a forked process where
    worth it (see the module's documentation). ``work`` must not depend on what the other
    calls did, and its results must pickle.

    ``meanwhile``, if given, is called once in this process before any work is done here:
    once the work is shared, right after the fork, so that the other process is already
    at work (and this one then takes fewer items)."""
    if not worth_sharing(len(items)):
        if meanwhile is not None:
            meanwhile()
        yield from map(work, items)
        return
    spool = _spool()
    if spool is None:
        if meanwhile is not None:
            meanwhile()
        yield from map(work, items)
        return
    ends = Ends(len(items), 0, CHUNK)
    with spool:
        pid = _start(items, work, spool, ends)
        done = 0  # items[:done] are done here
        finished = False
        try:
            if meanwhile is not None:
                meanwhile()
            while (chunk := ends.take(front=True)) is not None:
                yield from map(work, items[chunk[0] : chunk[1]])
                done = chunk[1]
            finished = True
        finally:
            _stop(pid, kill=not finished)
            ends.close()
        theirs = _results(spool)
        for lo, hi in ends.chunks:
            if lo < done:
                continue
            got = theirs.get(lo)
            if got is not None and len(got) == hi - lo:
                yield from got
            else:  # never sent, or cut short: done here instead
                yield from map(work, items[lo:hi])


def _spool() -> IO[bytes] | None:
    """An unnamed temporary file for the results (or ``None`` if none can be made)."""
    try:
        return tempfile.TemporaryFile()  # closed by the caller
    except OSError:
        return None


def _start(items: Sequence[T], work: Callable[[T], R], spool: IO[bytes], ends: Ends) -> int:
    """Fork a process that takes chunks of ``items`` from the back and writes, for each,
    where it starts and ``work(item)`` for its items to ``spool``."""
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1  # the forked process from here on; the parent checks what it wrote
    try:
        while (chunk := ends.take(front=False)) is not None:
            lo, hi = chunk
            pickle.dump((lo, [work(item) for item in items[lo:hi]]), spool, _PROTOCOL)
        spool.flush()
        code = 0
    finally:  # never return into the caller's code, nor run its clean-up: that is the parent's
        os._exit(code)


_PROTOCOL = pickle.HIGHEST_PROTOCOL


def _stop(pid: int, kill: bool) -> None:
    """Wait for the forked process (stopping it first if its results are no longer wanted)."""
    if kill:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):  # already collected by someone else
        os.waitpid(pid, 0)


def _results(spool: IO[bytes]) -> dict[int, list[Any]]:
    """The results the forked process wrote, by the first item of each chunk; stops at
    anything unreadable (what is missing is then redone)."""
    spool.seek(0)
    found: dict[int, list[Any]] = {}
    while True:
        try:
            lo, results = pickle.load(spool)
        except Exception:  # the end, or cut short or corrupt
            return found
        if type(lo) is not int or type(results) is not list:
            return found
        found[lo] = results


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
