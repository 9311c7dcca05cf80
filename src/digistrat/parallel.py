"""Sharing a list of independent jobs with a forked copy of the process, on a second core.

``split_map(items, work)`` yields ``work(item)`` for every item, in order, like ``map``. Where
it is worth it, a forked process works through the end of the list while this one works
through the beginning; its results come back pickled through an unnamed temporary file (so it
never waits for this process to read), and are read one batch at a time once this process is
done with its own part. Nothing is sent to the forked process: ``fork`` gives it the same
memory.

The answer never depends on whether the work was shared. With one core, other than on Linux,
for a short list, or with ``DIGISTRAT_PROCESSES=1``, everything runs here; and if
the forked process fails in any way (an error, killed, results that cannot be read), this
process does whatever is missing itself.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from typing import IO, Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

MIN_ITEMS = 1000
"""Below this many jobs, forking costs about as much as it saves."""
SHARE = 0.5
"""The part of the jobs given to the forked process (it pickles its results, this process
reads them back: about even; measured on `check` at 10k, 0.5 was ~4% faster than 0.45)."""
BATCH = 250
"""Results pickled together: big enough to pickle efficiently, small enough that reading
them back never holds much at once."""


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


def split_map(items: Sequence[T], work: Callable[[T], R]) -> Iterator[R]:
    """``work(item)`` for each of ``items``, in order, shared with a forked process where
    worth it (see the module's documentation). ``work`` must not depend on what the other
    calls did, and its results must pickle."""
    if not worth_sharing(len(items)):
        yield from map(work, items)
        return
    cut = len(items) - int(len(items) * SHARE)
    mine, theirs = items[:cut], items[cut:]
    spool = _spool()
    if spool is None:
        yield from map(work, items)
        return
    with spool:
        pid = _start(theirs, work, spool)
        finished = False
        try:
            yield from map(work, mine)
            finished = True
        finally:
            ok = _stop(pid, kill=not finished)
        done = 0
        if ok:
            for result in _results(spool):
                done += 1
                yield result
        yield from map(work, theirs[done:])


def _spool() -> IO[bytes] | None:
    """An unnamed temporary file for the results (or ``None`` if none can be made)."""
    try:
        return tempfile.TemporaryFile()  # closed by the caller
    except OSError:
        return None


def _start(items: Sequence[T], work: Callable[[T], R], spool: IO[bytes]) -> int:
    """Fork a process that writes ``work(item)`` for ``items`` to ``spool``, in batches,
    then the number of results; its exit status says whether it got that far."""
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1  # the forked process from here on; the parent checks what it wrote
    try:
        batch: list[R] = []
        for item in items:
            batch.append(work(item))
            if len(batch) == BATCH:
                pickle.dump(batch, spool, pickle.HIGHEST_PROTOCOL)
                batch = []
        pickle.dump(batch, spool, pickle.HIGHEST_PROTOCOL)
        pickle.dump(len(items), spool, pickle.HIGHEST_PROTOCOL)
        spool.flush()
        code = 0
    finally:  # never return into the caller's code, nor run its clean-up: that is the parent's
        os._exit(code)


def _stop(pid: int, kill: bool) -> bool:
    """Wait for the forked process (stopping it first if its results are no longer wanted);
    whether it finished its work."""
    if kill:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # already collected by someone else: its results are unknown
        return False
    return os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0


def _results(spool: IO[bytes]) -> Iterator[Any]:
    """The results the forked process wrote, batch by batch; stops early (leaving the rest to
    be redone) at anything unreadable or at a count that does not match."""
    spool.seek(0)
    while True:
        try:
            batch = pickle.load(spool)
        except Exception:  # cut short or corrupt: the rest is redone here
            return
        if not isinstance(batch, list):  # the closing count
            return
        yield from batch
