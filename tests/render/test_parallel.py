"""Work split between this process and a forked one."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

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

    pool = [f"p{n:04}" for n in range(1000)]
    sent = parallel.run_split(["a", "b"], pool, here, there, lambda: list(done))
    assert done[:2] == ["a", "b"]
    mine = done[2:]
    assert sorted(mine + sent) == pool  # each pool item once, by one process or the other
    assert sent == sorted(sent) and (not sent or sent[0] == "p0000")  # from the front
    assert not mine or mine[: parallel.CHUNK] == pool[-parallel.CHUNK :]  # from the back
    assert all((tmp_path / i).read_text() == "there" for i in sent)
    assert all((tmp_path / i).read_text() == "here" for i in mine)


def _waiting(started: Path) -> Callable[[object], None]:
    """A ``here`` that lets the other process take the pool first (it touches ``started``)."""

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
        parallel.run_split(["wait"], list(range(10)), _waiting(started), there, records)
    assert caught.value.records == "records of the other process"  # type: ignore[attr-defined]


def test_an_error_that_cannot_travel_is_still_told(tmp_path: Path) -> None:
    started = tmp_path / "started"

    class Local(Exception):  # defined in a function: cannot be pickled
        pass

    def there(item: object) -> None:
        started.touch()
        raise Local("local trouble")

    with pytest.raises(parallel.ChildFailed, match="Local: local trouble"):
        parallel.run_split(["wait"], ["x"], _waiting(started), there, lambda: None)


def test_an_error_here_waits_for_the_other_process(tmp_path: Path) -> None:
    def here(item: str) -> None:
        raise OSError(f"disk full at {item}")

    def there(item: str) -> None:
        (tmp_path / item).write_text(item)

    with pytest.raises(OSError, match="disk full at a"):
        parallel.run_split(["a"], ["b"], here, there, lambda: None)


def test_small_sites_stay_in_one_process() -> None:
    assert not parallel.wanted(None, parallel.MIN_PAGES - 1)
    assert not parallel.wanted(1, 100_000)
    assert parallel.wanted(2, 1)


def test_without_room_for_a_second_process_everything_is_done_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_fork)
    done: list[int] = []
    assert parallel.run_split([0], list(range(1, 60)), done.append, done.append, list) is None
    assert sorted(done) == list(range(60))
