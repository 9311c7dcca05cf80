"""Sharing jobs with a forked process gives what one process gives, whatever goes wrong."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterator
from pathlib import Path

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
    with pytest.raises(ChildProcessError):  # every forked process was collected
        os.waitpid(-1, os.WNOHANG)


def _wait_for(ready: Callable[[], bool]) -> None:
    """Wait until ``ready()``: a hang guard of a minute, not a timing assumption."""
    for _ in range(6000):
        if ready():
            return
        time.sleep(0.01)


def _shared(tmp_path: Path, there_first: int = 1) -> Callable[[int], tuple[int, int]]:
    """Work that this process starts only once the forked one has done ``there_first``
    items, so both processes always take a share, however the machine schedules them."""
    here, done_there, ready = os.getpid(), tmp_path / "done-there", []

    def work(i: int) -> tuple[int, int]:
        if os.getpid() != here:
            with done_there.open("a") as noted:
                noted.write("x")
        elif not ready:
            _wait_for(lambda: done_there.exists() and done_there.stat().st_size >= there_first)
            ready.append(True)
        return i * i, os.getpid()

    return work


def _square(i: int) -> tuple[int, int]:
    return i * i, os.getpid()


def test_results_in_order_and_the_work_shared(two_cores: None, tmp_path: Path) -> None:
    here = os.getpid()
    results = list(split_map(range(100), _shared(tmp_path)))
    assert [r for r, _ in results] == [i * i for i in range(100)]
    pids = [pid for _, pid in results]
    cut = pids.index(pids[-1])  # the front part here, the back part by another process
    assert pids[-1] != here and 0 < cut < 100
    assert pids[:cut] == [here] * cut and pids[cut:] == [pids[-1]] * (100 - cut)


def test_the_slower_process_does_less(two_cores: None, tmp_path: Path) -> None:
    """The two meet wherever their speeds put them: no fixed share of the work. The forked
    process is held in its first item until this one has done 150 (it is "slower")."""
    here, done_here = os.getpid(), tmp_path / "done-here"

    def work(i: int) -> int:
        if os.getpid() == here:
            with done_here.open("a") as noted:
                noted.write("x")
        else:
            _wait_for(lambda: done_here.exists() and done_here.stat().st_size >= 150)
        return os.getpid()

    pids = list(split_map(range(200), work))
    assert pids.count(here) > 120  # at equal speeds, each would do about 100


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


def test_results_cut_short_are_redone(
    two_cores: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A chunk whose results are missing or incomplete is done here; the others are used."""
    real = parallel._Spool.gather
    damage: list[int] = []

    def damaged(spool: parallel._Spool, final: bool = False) -> None:
        real(spool, final)
        firsts = sorted(spool.found)
        if final and len(firsts) >= 2:
            del spool.found[firsts[0]]
            spool.found[firsts[-1]] = spool.found[firsts[-1]][:-1]
            damage.append(len(firsts))

    monkeypatch.setattr(parallel._Spool, "gather", damaged)
    work = _shared(tmp_path, there_first=15)  # at least three chunks of 7 done there
    assert [r for r, _ in split_map(range(100), work)] == [i * i for i in range(100)]
    assert damage  # the results really were damaged, and made up for


def _spool_with(*records: bytes) -> parallel._Spool:
    spool = parallel._Spool.make()
    assert spool is not None
    for data in records:
        os.write(spool.fd, parallel._SIZE.pack(len(data)) + data)
    return spool


@pytest.mark.parametrize("damage", ["junk record", "not a record", "cut short"])
def test_a_spool_is_read_as_far_as_it_can_be(damage: str) -> None:
    good = pickle.dumps((14, ["a", "b"]))
    later = pickle.dumps((21, ["d"]))
    if damage == "junk record":
        records = [good, b"\x80\x05junk", later]
    elif damage == "not a record":
        records = [good, pickle.dumps(("not a start", ["c"])), later]
    else:
        records = [good, later[:-3]]
    with _spool_with(*records) as spool:
        spool.gather(final=True)
        assert spool.found == {14: ["a", "b"]}


def test_only_what_the_other_process_has_told_of_is_read() -> None:
    """Between chunks, records are read only as far as the writer has said they are complete."""
    with parallel._Spool.make() as spool:  # type: ignore[union-attr]
        spool.put(0, ["a"])
        os.write(spool.fd, b"\x00" * 5)  # the start of a record still being written
        spool.gather()
        assert spool.found == {0: ["a"]} and not spool.broken
        spool.gather()  # nothing new told: nothing more read
        assert spool.found == {0: ["a"]}
        spool.written = os.fstat(spool.fd).st_size - 5
        os.ftruncate(spool.fd, spool.written)
        os.lseek(spool.fd, 0, os.SEEK_END)
        spool.put(50, ["b", "c"])
        spool.gather()
        assert spool.found == {0: ["a"], 50: ["b", "c"]}


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


def test_an_error_meanwhile_stops_the_other_process(two_cores: None) -> None:
    def fails() -> None:
        raise LookupError("meanwhile")

    with pytest.raises(LookupError):
        list(split_map(range(100), _square, meanwhile=fails))
