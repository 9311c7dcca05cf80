"""Sharing a list of independent jobs with a forked copy of the process, on a second core.

``split_map(items, work)`` yields ``work(item)`` for every item, in order, like ``map``. Where
it is worth it, the list is cut into chunks; this process takes them from the front, yielding
each result as it goes, and a forked process takes them from the back, until the two meet
(:class:`Ends`): whichever is faster, or less disturbed by other work on the machine, simply
does more. The forked process's results come back pickled, a chunk at a time, through an
unnamed temporary file (so it never waits for this process to read), read here between this
process's own chunks and at the end. Nothing is sent to the forked process: ``fork`` gives it
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
    spool = _Spool.make()
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
                spool.gather()  # the other's results so far, while it works on
            finished = True
        finally:
            _stop(pid, kill=not finished)
            ends.close()
        spool.gather(final=True)
        for lo, hi in ends.chunks:
            if lo < done:
                continue
            got = spool.found.get(lo)
            if got is not None and len(got) == hi - lo:
                yield from got
            else:  # never sent, or cut short: done here instead
                yield from map(work, items[lo:hi])


def _start(items: Sequence[T], work: Callable[[T], R], spool: _Spool, ends: Ends) -> int:
    """Fork a process that takes chunks of ``items`` from the back and writes, for each,
    where it starts and ``work(item)`` for its items to ``spool``."""
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    pid = os.fork()
    if pid:
        os.close(spool.told_in)
        return pid
    code = 1  # the forked process from here on; the parent checks what it wrote
    try:
        os.close(spool.told_out)
        while (chunk := ends.take(front=False)) is not None:
            lo, hi = chunk
            spool.put(lo, [work(item) for item in items[lo:hi]])
        code = 0
    finally:  # never return into the caller's code, nor run its clean-up: that is the parent's
        os._exit(code)


_PROTOCOL = pickle.HIGHEST_PROTOCOL
_SIZE = struct.Struct("<Q")


class _Spool:
    """Where the forked process's results go: an unnamed temporary file (so that writing never
    waits for this process to read), a record per chunk, its length then the pickled ``(first
    item, results)``; and a pipe on which, after each record, it says how far the file is
    complete. This process reads what is complete between its own chunks, so that little is
    left to read once both are done; what cannot be read is redone (see :func:`split_map`)."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.fd = file.fileno()
        self.told_out, self.told_in = os.pipe()
        for end in (self.told_out, self.told_in):
            os.set_blocking(end, False)  # a full pipe only means a later word
        self.written = 0
        """(In the forked process) how far the file is written."""
        self.read = 0
        """How far this process has read the file."""
        self.found: dict[int, list[Any]] = {}
        """Results read so far, by the first item of their chunk."""
        self.broken = False

    @classmethod
    def make(cls) -> _Spool | None:
        """A spool, or ``None`` if no temporary file or pipe can be had."""
        try:
            file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by __exit__
        except OSError:
            return None
        try:
            return cls(file)
        except OSError:
            file.close()
            return None

    def put(self, lo: int, results: list[Any]) -> None:
        """(In the forked process) one chunk's results."""
        data = pickle.dumps((lo, results), _PROTOCOL)
        view = memoryview(_SIZE.pack(len(data)) + data)
        while view:
            view = view[os.write(self.fd, view) :]
        self.written += _SIZE.size + len(data)
        with contextlib.suppress(BlockingIOError):
            os.write(self.told_in, _SIZE.pack(self.written))

    def gather(self, final: bool = False) -> None:
        """Read the records complete so far: as far as the other process has said, or, once
        it has stopped (``final``), as far as the file goes."""
        if self.broken:
            return
        if final:
            end = os.fstat(self.fd).st_size
        else:
            try:
                told = os.read(self.told_out, 1 << 16)
            except BlockingIOError:
                return
            if len(told) < _SIZE.size:
                return
            (end,) = _SIZE.unpack(told[-_SIZE.size :])  # whole words: 8 bytes < PIPE_BUF
        while self.read + _SIZE.size <= end:
            (size,) = _SIZE.unpack(os.pread(self.fd, _SIZE.size, self.read))
            start = self.read + _SIZE.size
            if start + size > end:  # not all written yet, or cut short
                return
            try:
                lo, results = pickle.loads(os.pread(self.fd, size, start))
            except Exception:  # corrupt: the rest is redone
                self.broken = True
                return
            if type(lo) is not int or type(results) is not list:
                self.broken = True
                return
            self.found[lo] = results
            self.read = start + size

    def __enter__(self) -> _Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        for fd in (self.told_out, self.told_in):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.file.close()


def _stop(pid: int, kill: bool) -> None:
    """Wait for the forked process (stopping it first if its results are no longer wanted)."""
    if kill:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(ChildProcessError):  # already collected by someone else
        os.waitpid(pid, 0)


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
