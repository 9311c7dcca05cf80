"""Work split between this process and a forked one."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from digistrat import parallel as shared
from digistrat.render import parallel

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def test_every_item_is_done_once(tmp_path: Path) -> None:
    done: list[str] = []

    def here(item: str) -> None:
        (tmp_path / item).write_text("here")
        done.append(item)

    def there(item: str) -> None:
        (tmp_path / item).write_text("there")
        done.append(item)

    pool = [f"p{n:04}" for n in range(1000)] + ["heavy-2", "heavy-1"]
    sent = parallel.run_split(pool, 2, here, there, lambda: list(done))
    assert sent is not None
    assert sorted(done + sent) == sorted(pool)  # each item once, by one process or the other
    assert sent == [i for i in pool if i in sent]  # from the front, in order
    assert done[:2] == ["heavy-1", "heavy-2"]  # from the back, one by one at first
    assert all((tmp_path / i).read_text() == "there" for i in sent)
    assert all((tmp_path / i).read_text() == "here" for i in done)


def test_chunks_cover_the_pool_in_order() -> None:
    for n, heavy in ((0, 0), (1, 0), (24, 3), (25, 0), (26, 26), (10_000, 11)):
        ends = shared.Ends(n, heavy, parallel.CHUNK)
        assert [i for lo, hi in ends.chunks for i in range(lo, hi)] == list(range(n))
        assert all(hi - lo == 1 for lo, hi in ends.chunks[len(ends.chunks) - heavy :])
        ends.close()


def _waiting(started: Path) -> Callable[[object], None]:
    """A ``here`` that lets the other process work first (it touches ``started``)."""

    def here(item: object) -> None:
        for _ in range(1000):
            if started.exists():
                return
            time.sleep(0.01)

    return here


def test_an_error_over_there_is_raised_here_with_what_was_done(tmp_path: Path) -> None:
    started = tmp_path / "started"

    def there(item: object) -> None:
        started.touch()
        if item == 3:
            raise ValueError(f"cannot do {item}")

    def records() -> str:
        return "records of the other process"

    with pytest.raises(ValueError, match="cannot do 3") as caught:
        parallel.run_split([*range(10), "wait"], 1, _waiting(started), there, records)
    assert caught.value.records == "records of the other process"  # type: ignore[attr-defined]


def test_an_error_that_cannot_travel_is_still_told(tmp_path: Path) -> None:
    started = tmp_path / "started"

    class Local(Exception):  # defined in a function: cannot be pickled
        pass

    def there(item: object) -> None:
        started.touch()
        raise Local("local trouble")

    with pytest.raises(parallel.ChildFailed, match="Local: local trouble"):
        parallel.run_split(["x", "wait"], 1, _waiting(started), there, lambda: None)


def test_an_error_here_waits_for_the_other_process(tmp_path: Path) -> None:
    """The forked process takes "b" and holds it until this one has failed on "a", so this
    one always gets an item to fail on, however the machine schedules the two."""
    failed = tmp_path / "failed"

    def here(item: str) -> None:
        failed.touch()
        raise OSError(f"disk full at {item}")

    def there(item: str) -> None:
        for _ in range(6000):  # a hang guard of a minute, not a timing assumption
            if failed.exists():
                break
            time.sleep(0.01)
        (tmp_path / item).write_text(item)

    with pytest.raises(OSError, match="disk full at"):
        parallel.run_split(["b", "a"], 1, here, there, lambda: None)


def test_a_value_worked_out_here_is_passed_on(tmp_path: Path) -> None:
    made: list[str] = []

    def make() -> dict[str, int]:
        made.append(str(os.getpid()))
        return {"answer": 42}

    handoff = parallel.Handoff(make)
    seen: list[object] = []

    def there(item: int) -> None:
        seen.append(handoff.value())

    sent = parallel.run_split(list(range(100)), 0, lambda _: None, there, lambda: seen, handoff)
    assert made == [str(os.getpid())]  # worked out here only
    assert sent is not None and all(v == {"answer": 42} for v in sent)


def test_without_the_value_the_other_process_works_it_out(tmp_path: Path) -> None:
    started, parent = tmp_path / "started", os.getpid()

    def make() -> int:
        if os.getpid() == parent:
            _waiting(started)(None)
            raise RuntimeError("cannot work it out here")
        return 7

    handoff = parallel.Handoff(make)

    def there(item: int) -> None:
        started.touch()
        (tmp_path / "value").write_text(str(handoff.value()))

    with pytest.raises(RuntimeError, match="cannot work it out here"):
        parallel.run_split([1], 0, lambda _: None, there, lambda: None, handoff)
    assert (tmp_path / "value").read_text() == "7"


def test_without_room_for_a_second_process_everything_is_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    done: list[int] = []
    assert parallel.run_split(list(range(60)), 5, done.append, done.append, list) is None
    assert sorted(done) == list(range(60))


def test_small_sites_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGISTRAT_PROCESSES", raising=False)
    assert not parallel.wanted(None, parallel.MIN_PAGES - 1)
    assert not parallel.wanted(1, 100_000)
    assert parallel.wanted(2, 1) == shared.FORK_IS_SAFE
    monkeypatch.setenv("DIGISTRAT_PROCESSES", "1")
    assert not parallel.wanted(None, 100_000)


def test_progress_counts_what_both_processes_took(tmp_path: Path) -> None:
    started = tmp_path / "started"
    wait = _waiting(started)
    seen: list[int] = []
    mine: list[int] = []

    def here(item: int) -> None:
        wait(item)  # let the other process take some first
        mine.append(item)

    def there(item: int) -> None:
        started.touch()
        time.sleep(0.001)

    pool = list(range(300))
    parallel.run_split(pool, 3, here, there, lambda: None, None, seen.append)
    assert len(seen) == len(mine)  # told after each item done here
    assert seen == sorted(seen) and seen[-1] == len(pool)
    assert seen[-1] > len(mine)  # what the other process took is counted too
    assert all(n <= len(pool) for n in seen)


def test_taken_counts_both_ends() -> None:
    ends = shared.Ends(100, 4, parallel.CHUNK)  # 96 light items in chunks of 25, then 4 one by one
    assert ends.taken() == 0
    assert ends.take(front=True) == (0, 25)
    assert ends.taken() == 25
    assert ends.take(front=False) == (99, 100)
    assert ends.take(front=False) == (98, 99)
    assert ends.taken() == 27
    while ends.take(front=True) is not None:
        pass
    assert ends.taken() == 100
    ends.close()
