"""Rendering on two processor cores: a forked copy of the process takes a share of the pages.

The loaded repository is not sent anywhere: ``os.fork`` gives the second process the same
memory. Each process renders and writes the pages it takes; the second sends back only what
:meth:`digistrat.render.output.Writer.put` recorded (paths and digests), or the error that
stopped it. Pages do not depend on one another, so the files are the same whichever process
makes them. Where forking is not safe (anywhere but Linux), with a single core, or with
``DIGISTRAT_PROCESSES=1``, everything runs in one process (as :mod:`digistrat.parallel`
decides for the reading of files, which it shares through the standard library's process
pool; this protocol of its own was not measured against that pool in December 2026).
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import struct
import sys
import tempfile
from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from digistrat import parallel as shared

T = TypeVar("T")
R = TypeVar("R")
V = TypeVar("V")

MIN_PAGES = 500
"""Below this many pages a second process costs more than it saves."""
CHUNK = 25
"""Pages taken at a time (about 3 ms of work): small enough to share out evenly, large
enough that taking them costs nothing."""


def wanted(processes: int | None, pages: int) -> bool:
    """Whether to split ``pages`` pages between two processes: asked for (``processes`` 2 or
    more, where forking is safe), or left to digistrat (None): the machine allows it (see
    :func:`digistrat.parallel.worth_sharing`: Linux, two cores, no ``DIGISTRAT_PROCESSES=1``)
    and there are enough pages."""
    if processes is not None:
        return processes >= 2 and shared.FORK_IS_SAFE
    return pages >= MIN_PAGES and shared.worth_sharing(shared.MIN_ITEMS)


class ChildFailed(Exception):
    """The second process stopped with an error that could not be sent back as it was."""


class Handoff(Generic[V]):
    """A value both processes may need, worked out once: here, right after the fork, then
    passed to the forked process, which asks for it with :meth:`value` (waiting for it if need
    be, or working it out itself if it never comes). Passed through an unnamed temporary file,
    so that sending never waits for the other process to read."""

    def __init__(self, make: Callable[[], V]) -> None:
        self.make = make
        self.known: list[V] = []
        self.file = tempfile.TemporaryFile()  # noqa: SIM115 - shared across the fork; see close
        self.ready_out, self.ready_in = os.pipe()
        self.forked = False

    def value(self) -> V:
        if not self.known:
            received = self._receive() if self.forked else None
            self.known.append(self.make() if received is None else received[0])
        return self.known[0]

    def in_child(self) -> None:
        os.close(self.ready_in)
        self.forked = True

    def publish(self) -> None:
        """In this process, after the fork: work the value out and pass it on."""
        os.close(self.ready_out)
        try:
            data = pickle.dumps(self.value(), pickle.HIGHEST_PROTOCOL)
            os.pwrite(self.file.fileno(), data, 0)
            os.write(self.ready_in, _SIZE.pack(len(data)))
        finally:
            self.close()

    def close(self) -> None:
        for fd in (self.ready_out, self.ready_in):
            with contextlib.suppress(OSError):
                os.close(fd)
        self.file.close()

    def _receive(self) -> tuple[V] | None:
        head = os.read(self.ready_out, _SIZE.size)
        if len(head) != _SIZE.size:  # the other process stopped before sending it
            return None
        (size,) = _SIZE.unpack(head)
        data = b""
        while len(data) < size:
            more = os.pread(self.file.fileno(), size - len(data), len(data))
            if not more:
                return None
            data += more
        return (pickle.loads(data),)


_SIZE = struct.Struct("<Q")


def run_split(
    pool: Sequence[T],
    heavy: int,
    here: Callable[[T], None],
    there: Callable[[T], None],
    records: Callable[[], R],
    handoff: Handoff[Any] | None = None,
    progress: Callable[[int], None] | None = None,
) -> R | None:
    """Every item of ``pool`` done once, by whichever of two processes is free.

    A forked process takes the pool from the front (``there(item)``), this one from the back
    (``here(item)``), a chunk at a time until they meet: a process slowed down by other work
    on the machine simply does less. The last ``heavy`` items (long ones) are taken one by
    one, the others :data:`CHUNK` at a time. A ``handoff`` is published here first.
    ``progress``, if given, is called here after each item with the number of items both
    processes have taken so far (for a progress bar: this process alone only knows its own).

    Returns ``records()`` as the forked process saw it when it finished (None if no process
    could be forked: then everything was done here). An error in either
    process is raised here, once both have stopped (the forked one's with its records
    attached as ``exc.records``, so that what it did write can still be accounted for)."""
    ends = shared.Ends(len(pool), heavy, CHUNK)
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    try:
        pid = os.fork()
    except OSError:  # no room for another process: everything here, as without a second core
        for fd in (read_end, write_end):
            os.close(fd)
        if handoff is not None:
            handoff.close()
        ends.drain(pool, here, front=False, progress=progress)
        ends.close()
        return None
    if pid == 0:  # pragma: no cover - the forked process; its work is checked by the parent
        try:
            gc.freeze()  # what it shares with this process is left out of its collections
            os.close(read_end)
            if handoff is not None:
                handoff.in_child()
            _child(lambda: ends.drain(pool, there, front=True), records, write_end)
        finally:  # never return into the caller's code: that is the other process's to run
            os._exit(1)
    os.close(write_end)
    failure: BaseException | None = None
    try:
        if handoff is not None:
            handoff.publish()
        ends.drain(pool, here, front=False, progress=progress)
    except BaseException as exc:
        failure = exc
        ends.clear()  # leave nothing more for the other process to do
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    os.waitpid(pid, 0)
    ends.close()
    if handoff is not None:
        handoff.close()
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
