from __future__ import annotations

from datetime import date

from digistrat.scoring.quarters import Board, quarter_bounds, quarter_of


def test_bounds_of_every_quarter_of_a_year() -> None:
    year = quarter_of(date(2027, 1, 1))
    assert [quarter_bounds(year + q) for q in range(4)] == [
        (date(2027, 1, 1), date(2027, 3, 31)),
        (date(2027, 4, 1), date(2027, 6, 30)),
        (date(2027, 7, 1), date(2027, 9, 30)),
        (date(2027, 10, 1), date(2027, 12, 31)),
    ]


def test_bounds_where_dates_end() -> None:
    last = quarter_of(date.max)
    assert quarter_bounds(last) == (date(9999, 10, 1), date.max)
    assert quarter_bounds(last + 1) == (date.max, date.max)


def test_full_quarters_are_jumped_over() -> None:
    board = Board(capacity=2, effort=None)
    assert board.with_place(0) == 0
    board.take(0, 3, 1.0)
    assert board.with_place(0) == 0  # one place left in each
    board.take(0, 2, 1.0)
    assert board.with_place(0) == 3 and board.with_place(2) == 3
    board.take(3, 5, 1.0)
    assert board.with_place(0) == 4
    assert Board(capacity=None, effort=None).with_place(7) == 7
