"""Rendering on two processor cores: a forked copy of the process takes a share of the pages.

The loaded repository is not sent anywhere: ``os.fork`` gives the second process the same
memory. Each process renders and writes the pages it takes; the second sends back only what
:meth:`digistrat.render.output.Writer.put` recorded (paths and digests), or the error that
stopped it. Pages do not depend on one another, so the files are the same whichever process
makes them. Where ``fork`` does not exist (Windows), or with a single core, everything runs in
one process.
"""

from __future__ import annotations

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
) -> R:
    """Every item done once: ``first`` here; ``pool`` by whichever process is free.

    A forked process starts on ``pool`` straight away (``there(item)``); this one does
    ``first`` (``here(item)``), then joins in. The pool is handed out in chunks through a pipe,
    so a process slowed down by other work on the machine simply takes fewer.

    Returns ``records()`` as the forked process saw it when it finished. An error in either
    process is raised here, once both have stopped (the forked one's with its records
    attached as ``exc.records``, so that what it did write can still be accounted for)."""
    chunks = _chunks(len(pool))
    queue_out, queue_in = os.pipe()
    with os.fdopen(queue_in, "wb") as filling:  # all written before anyone reads; then EOF
        filling.write(b"".join(_TOKEN.pack(lo, hi) for lo, hi in chunks))
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the forked process; its work is checked by the parent
        try:
            os.close(read_end)
            _child(lambda: _drain(queue_out, pool, there), records, write_end)
        finally:  # never return into the caller's code: that is the other process's to run
            os._exit(1)
    os.close(write_end)
    failure: BaseException | None = None
    try:
        for item in first:
            here(item)
        _drain(queue_out, pool, here)
    except BaseException as exc:
        failure = exc
        while os.read(queue_out, 1 << 16):  # leave nothing more for the other process to do
            pass
    os.close(queue_out)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
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


_TOKEN = struct.Struct("<II")
"""One chunk of the pool, ``[lo, hi)``: 8 bytes, written and read whole (under ``PIPE_BUF``)."""
MAX_CHUNKS = 2000
"""Few enough tokens to fit a pipe's buffer (64 KiB on Linux) before anyone reads."""


def _chunks(n: int) -> list[tuple[int, int]]:
    size = max(25, -(-n // MAX_CHUNKS))
    return [(lo, min(lo + size, n)) for lo in range(0, n, size)]


def _drain(queue: int, pool: Sequence[T], do: Callable[[T], None]) -> None:
    """Take chunks from the queue until it is empty."""
    while token := os.read(queue, _TOKEN.size):
        lo, hi = _TOKEN.unpack(token)
        for item in pool[lo:hi]:
            do(item)


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
