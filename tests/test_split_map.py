"""split_map shares work with the standard library's process pool and always gives the answer
map would; these tests never depend on how fast either process is (they wait on pipes)."""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

from digistrat import parallel
from digistrat.parallel import split_map

pytestmark = pytest.mark.skipif(not parallel.FORK_IS_SAFE, reason="shares work on Linux only")


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Share even short lists, as if on a machine with two cores."""
    monkeypatch.setattr(parallel, "MIN_ITEMS", 0)
    monkeypatch.setattr(parallel, "CHUNK", 7)  # many chunks, the last one partial
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.delenv("DIGISTRAT_PROCESSES", raising=False)
    yield
    with pytest.raises(ChildProcessError):  # every process started was collected
        os.waitpid(-1, os.WNOHANG)


class Signal:
    """A one-way word between the two processes: a pipe, read with a one-minute hang guard
    (never a timing assumption: the word either comes or the test fails)."""

    def __init__(self) -> None:
        self.out, self.into = os.pipe()

    def send(self) -> None:
        os.write(self.into, b".")

    def wait(self) -> None:
        ready, _, _ = select.select([self.out], [], [], 60)
        assert ready, "the other process never said it had started"
        os.read(self.out, 1)


def _shared() -> Callable[[int], tuple[int, int]]:
    """Work that this process starts only once the worker has done an item, so that both
    always take a share, however the machine schedules them."""
    here, started, waited = os.getpid(), Signal(), []

    def work(i: int) -> tuple[int, int]:
        if os.getpid() != here:
            started.send()
        elif not waited:
            started.wait()
            waited.append(True)
        return i * i, os.getpid()

    return work


def _square(i: int) -> tuple[int, int]:
    return i * i, os.getpid()


def test_results_in_order_and_the_work_shared(two_cores: None) -> None:
    here = os.getpid()
    results = list(split_map(range(100), _shared()))
    assert [r for r, _ in results] == [i * i for i in range(100)]
    pids = [pid for _, pid in results]
    assert pids[0] == here and pids[-1] != here  # the front here, the back over there
    cut = pids.index(pids[-1])
    assert pids[cut:] == [pids[-1]] * (100 - cut)


def test_the_slower_process_does_less(two_cores: None) -> None:
    """The two meet wherever their speeds put them: no fixed share of the work. The worker is
    held in its first item until this process has done 150 (it is "slower")."""
    here, done_here, count = os.getpid(), Signal(), [0]

    def work(i: int) -> int:
        if os.getpid() == here:
            count[0] += 1
            if count[0] == 150:
                done_here.send()
        else:
            done_here.wait()
            done_here.send()  # for its next item
        return os.getpid()

    pids = list(split_map(range(200), work))
    assert pids.count(here) > 120  # at equal speeds, each would do about 100


def test_a_failing_worker_is_made_up_for(two_cores: None) -> None:
    here = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != here and i >= 80:
            raise RuntimeError("only in the worker")
        return i + 1

    assert list(split_map(range(100), work)) == list(range(1, 101))


def test_a_killed_worker_is_made_up_for(two_cores: None) -> None:
    here = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != here and i >= 60:
            os._exit(9)
        return -i

    assert list(split_map(range(100), work)) == [-i for i in range(100)]


def _refuse() -> object:
    raise ValueError("cannot be rebuilt")


def test_unreadable_results_are_redone(two_cores: None) -> None:
    """Results that cannot be unpickled here are redone."""
    here = os.getpid()

    class Odd:
        def __reduce__(self) -> tuple[object, tuple[()]]:
            return (_refuse, ())

    def work(i: int) -> object:
        return Odd() if os.getpid() != here and i >= 90 else i

    assert list(split_map(range(100), work)) == list(range(100))


_CUT = Signal()
"""Said by :func:`_short_part` when it cut a chunk short."""


def _short_part(lo: int, hi: int) -> list[object]:
    """(In the worker) a chunk's results, the last chunk's one short."""
    got = _REAL_PART(lo, hi)
    if hi == 100:
        _CUT.send()
        return got[:-1]
    return got


_REAL_PART = parallel._part


def test_results_cut_short_are_redone(two_cores: None, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk whose results come back incomplete is done here; the others are used."""
    monkeypatch.setattr(parallel, "_part", _short_part)
    assert [r for r, _ in split_map(range(100), _shared())] == [i * i for i in range(100)]
    assert select.select([_CUT.out], [], [], 0)[0]  # the worker did cut the last chunk short
    os.read(_CUT.out, 1)


def test_an_error_here_is_raised_and_the_worker_collected(two_cores: None) -> None:
    def work(i: int) -> int:
        if i == 3:
            raise KeyError(i)
        return i

    with pytest.raises(KeyError):
        list(split_map(range(100), work))


def test_one_process_when_asked_or_not_worth_it(
    two_cores: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DIGISTRAT_PROCESSES", "1")
    assert {pid for pid in split_map(range(50), lambda _: os.getpid())} == {os.getpid()}
    monkeypatch.delenv("DIGISTRAT_PROCESSES")
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    assert {pid for pid in split_map(range(50), lambda _: os.getpid())} == {os.getpid()}
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 51)
    assert {pid for pid in split_map(range(50), lambda _: os.getpid())} == {os.getpid()}


@pytest.mark.parametrize("shared", [True, False])
def test_meanwhile_runs_once_before_the_work_here(
    two_cores: None, monkeypatch: pytest.MonkeyPatch, shared: bool
) -> None:
    if not shared:
        monkeypatch.setenv("DIGISTRAT_PROCESSES", "1")
    here, events = os.getpid(), []

    def work(i: int) -> int:
        if os.getpid() == here:
            events.append(f"work {i}")
        return i

    out = list(split_map(range(50), work, meanwhile=lambda: events.append("meanwhile")))
    assert out == list(range(50))
    assert events.count("meanwhile") == 1 and events[0] == "meanwhile"


def test_an_error_meanwhile_is_raised_and_the_worker_collected(two_cores: None) -> None:
    def fails() -> None:
        raise LookupError("meanwhile")

    with pytest.raises(LookupError):
        list(split_map(range(100), _square, meanwhile=fails))


def test_output_buffered_before_sharing_is_written_once() -> None:
    """The worker is a fork: what this process had buffered must not be written by both
    (multiprocessing flushes the standard streams before it forks)."""
    script = (
        "import sys\n"
        "from digistrat import parallel\n"
        "parallel.MIN_ITEMS, parallel.cores = 0, lambda: 2\n"
        "sys.stdout.write('buffered once')\n"
        "assert list(parallel.split_map(range(200), abs)) == list(range(200))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DIGISTRAT_PROCESSES"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout == "buffered once"
