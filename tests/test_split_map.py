"""Sharing jobs with a forked process gives what one process gives, whatever goes wrong."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from digistrat import parallel
from digistrat.parallel import split_map

pytestmark = pytest.mark.skipif(not parallel.FORK_IS_SAFE, reason="shares work on Linux only")


@pytest.fixture
def two_cores(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Share even short lists, as if on a machine with two cores."""
    monkeypatch.setattr(parallel, "MIN_ITEMS", 0)
    monkeypatch.setattr(parallel, "BATCH", 7)  # several batches, the last one partial
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.delenv("DIGISTRAT_PROCESSES", raising=False)
    yield
    with pytest.raises(ChildProcessError):  # every forked process was collected
        os.waitpid(-1, os.WNOHANG)


def test_results_in_order_and_the_work_shared(two_cores: None) -> None:
    here = os.getpid()
    results = list(split_map(range(100), lambda i: (i * i, os.getpid())))
    assert [r for r, _ in results] == [i * i for i in range(100)]
    pids = [pid for _, pid in results]
    cut = 100 - int(100 * parallel.SHARE)
    assert pids[:cut] == [here] * cut  # the first part here ...
    assert set(pids[cut:]) == {pids[-1]} and pids[-1] != here  # ... the rest by another process


def test_a_failing_forked_process_is_made_up_for(two_cores: None) -> None:
    here = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != here and i == 80:
            raise RuntimeError("only in the forked process")
        return i + 1

    assert list(split_map(range(100), work)) == list(range(1, 101))


def test_a_killed_forked_process_is_made_up_for(two_cores: None) -> None:
    here = os.getpid()

    def work(i: int) -> int:
        if os.getpid() != here and i == 60:
            os._exit(9)
        return -i

    assert list(split_map(range(100), work)) == [-i for i in range(100)]


def test_unreadable_results_are_redone(two_cores: None) -> None:
    """Results that cannot be unpickled here (say, the other process wrote junk) are redone."""
    here = os.getpid()

    class Odd:
        def __reduce__(self) -> tuple[object, tuple[()]]:
            return (_refuse, ())

    def work(i: int) -> object:
        return Odd() if os.getpid() != here and i == 90 else i

    assert list(split_map(range(100), work)) == list(range(100))


def _refuse() -> object:
    raise ValueError("cannot be rebuilt")


def test_an_error_here_stops_the_other_process(two_cores: None) -> None:
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
