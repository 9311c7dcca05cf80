"""Rendering on two processor cores: a forked copy of the process takes a share of the pages.

The loaded repository is not sent anywhere: ``os.fork`` gives the second process the same
memory. Each process renders and writes the pages it takes; the second sends back only what
:meth:`digistrat.render.output.Writer.put` recorded (paths and digests), or the error that
stopped it. Pages do not depend on one another, so the files are the same whichever process
makes them. Where ``fork`` does not exist (Windows), or with a single core, everything runs in
one process.
"""

from __future__ import annotations

import mmap
import os
import pickle
import struct
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_PAGES = 500
"""Below this many pages a second process costs more than it saves."""


def cores() -> int:
    """Processor cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def wanted(processes: int | None, pages: int) -> bool:
    """Whether to split ``pages`` pages between two processes: asked for (``processes`` 2 or
    more), or left to digistrat (None) and worth it (enough pages, a second core)."""
    if not hasattr(os, "fork"):
        return False
    if processes is not None:
        return processes >= 2
    return pages >= MIN_PAGES and cores() >= 2


class ChildFailed(Exception):
    """The second process stopped with an error that could not be sent back as it was."""


def run_split(
    first: Sequence[T],
    pool: Sequence[T],
    here: Callable[[T], None],
    there: Callable[[T], None],
    records: Callable[[], R],
) -> R | None:
    """Every item done once: ``first`` here; ``pool`` by whichever process is free.

    A forked process starts on ``pool`` straight away, from the front (``there(item)``); this
    one does ``first`` (``here(item)``), then takes the pool from the back. Both take a chunk
    at a time until they meet, so a process slowed down by other work on the machine simply
    does less, and items at the back of the pool are most likely done here.

    Returns ``records()`` as the forked process saw it when it finished (None if no process
    could be forked: then everything was done here). An error in either
    process is raised here, once both have stopped (the forked one's with its records
    attached as ``exc.records``, so that what it did write can still be accounted for)."""
    ends = _Ends(len(pool))
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no room for another process: everything here, as without a second core
        for fd in (read_end, write_end):
            os.close(fd)
        for item in first:
            here(item)
        ends.drain(pool, here, front=False)
        ends.close()
        return None
    if pid == 0:  # pragma: no cover - the forked process; its work is checked by the parent
        try:
            os.close(read_end)
            _child(lambda: ends.drain(pool, there, front=True), records, write_end)
        finally:  # never return into the caller's code: that is the other process's to run
            os._exit(1)
    os.close(write_end)
    failure: BaseException | None = None
    try:
        for item in first:
            here(item)
        ends.drain(pool, here, front=False)
    except BaseException as exc:
        failure = exc
        ends.clear()  # leave nothing more for the other process to do
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    ends.close()
    if failure is not None:
        raise failure
    if not payload:
        raise ChildFailed("the second rendering process stopped without a word")
    ok, value, done = pickle.loads(payload)
    if not ok:
        value.records = done
        raise value
    result: R = done
    return result


_PAIR = struct.Struct("<QQ")
CHUNK = 25
"""Items taken at a time (about 5 ms of pages): small enough to share out evenly, large
enough that taking them costs nothing."""


class _Ends:
    """The part of the pool nobody has taken, ``[front, back)``, in memory that both processes
    share (an anonymous ``mmap`` survives ``fork`` shared), guarded by a lock: a pipe holding
    one byte, taken by reading it and given back by writing it."""

    def __init__(self, n: int) -> None:
        self.memory = mmap.mmap(-1, _PAIR.size)
        _PAIR.pack_into(self.memory, 0, 0, n)
        self.lock_out, self.lock_in = os.pipe()
        os.write(self.lock_in, b".")

    def take(self, front: bool) -> tuple[int, int] | None:
        """The next chunk from one end, or None when the pool is used up."""
        os.read(self.lock_out, 1)
        try:
            lo, hi = _PAIR.unpack_from(self.memory, 0)
            if lo >= hi:
                return None
            if front:
                _PAIR.pack_into(self.memory, 0, min(lo + CHUNK, hi), hi)
                return lo, min(lo + CHUNK, hi)
            _PAIR.pack_into(self.memory, 0, lo, max(hi - CHUNK, lo))
            return max(hi - CHUNK, lo), hi
        finally:
            os.write(self.lock_in, b".")

    def drain(self, pool: Sequence[T], do: Callable[[T], None], front: bool) -> None:
        while (chunk := self.take(front)) is not None:
            for item in pool[chunk[0] : chunk[1]]:
                do(item)

    def clear(self) -> None:
        while self.take(front=False) is not None:
            pass

    def close(self) -> None:
        os.close(self.lock_out)
        os.close(self.lock_in)
        self.memory.close()


def _child(work: Callable[[], None], records: Callable[[], Any], fd: int) -> None:
    """The forked process: do its share, report, and leave without running any clean-up of
    the parent's (``os._exit``: no atexit handlers, no flushing of inherited buffers)."""
    code = 0
    try:
        try:
            work()
            payload = pickle.dumps((True, None, records()))
        except BaseException as exc:
            code = 1
            try:
                payload = pickle.dumps((False, exc, records()))
            except Exception:
                failed = ChildFailed(f"{type(exc).__name__}: {exc}")
                payload = pickle.dumps((False, failed, records()))
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(code)
