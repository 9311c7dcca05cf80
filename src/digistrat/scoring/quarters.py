"""Calendar quarters, and how full each quarter of a plan is."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def quarter_of(day: date) -> int:
    """A number for the calendar quarter containing ``day`` (consecutive quarters differ by 1)."""
    return day.year * 4 + (day.month - 1) // 3


def quarter_bounds(number: int) -> tuple[date, date]:
    """First and last day of quarter ``number`` (as from :func:`quarter_of`); quarters after
    the year 9999, where dates end, are all the last day there is."""
    year, q = divmod(number, 4)
    if year > date.max.year:
        return date.max, date.max
    start = date(year, q * 3 + 1, 1)
    if q == 3:
        return start, date(year, 12, 31)
    return start, date.fromordinal(date(year, q * 3 + 4, 1).toordinal() - 1)


def quarter_label(number: int) -> str:
    year, q = divmod(number, 4)
    return f"{_MONTHS[q * 3]}–{_MONTHS[q * 3 + 2]} {year}"


@dataclass(slots=True)
class Board:
    """How full each quarter is."""

    capacity: int | None
    effort: float | None
    count: dict[int, int] = field(default_factory=dict)
    load: dict[int, float] = field(default_factory=dict)
    _skip: dict[int, int] = field(default_factory=dict)
    """Full quarters (every place taken) → a later quarter to look at instead; a quarter never
    empties, so finding a free one stays close to linear however long the queue."""

    def with_place(self, t: int) -> int:
        """The first quarter from ``t`` on with a place free (``t`` when there is no limit)."""
        path = []
        while t in self._skip:
            path.append(t)
            t = self._skip[t]
        for step in path:  # path compression: next time, jump straight to ``t``
            self._skip[step] = t
        return t

    def blocker(self, t: int, load: float) -> str | None:
        """Why an initiative with ``load`` cannot run in quarter ``t`` (None if it can)."""
        if self.capacity is not None and self.count.get(t, 0) >= self.capacity:
            return "places"
        used = self.load.get(t, 0.0)
        if self.effort is not None and used > 0 and used + load > self.effort + 1e-9:
            return "effort"
        return None

    def take(self, first: int, last: int, load: float) -> None:
        for t in range(first, last + 1):
            self.count[t] = self.count.get(t, 0) + 1
            self.load[t] = self.load.get(t, 0.0) + load
            if self.capacity is not None and self.count[t] >= self.capacity:
                self._skip[t] = t + 1
