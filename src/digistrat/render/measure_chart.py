"""A commitment's measure over time as inline SVG: the baseline, each measured update and the
straight line to the target by the due date (see :mod:`digistrat.scoring.target_line`).

Like the other charts (:mod:`.charts`), the SVG is labelled by its own ``<title>`` and
``<desc>``, and :func:`describe` says the same in words for the page, so nothing depends on
seeing the picture.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from digistrat.models import Commitment
from digistrat.render.charts import BLUE, DARK_BLUE, GRID, INK, WIDTH, _nice, _open, _text
from digistrat.render.text import with_unit
from digistrat.scoring.target_line import TargetLine, target_line

HEIGHT = 280
LEFT, RIGHT, TOP, PLOT = 90, 40, 40, 190


@dataclass(frozen=True, slots=True)
class Trend:
    """What a commitment page shows: the chart and the same in words."""

    svg: Markup
    text: str
    line: TargetLine


@dataclass(frozen=True, slots=True)
class Scale:
    """Where a date and a value fall in the chart."""

    start: date
    end: date
    low: float
    high: float
    step: float
    """The distance between value gridlines."""

    def x(self, day: date) -> float:
        span = max((self.end - self.start).days, 1)
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.start).days / span

    def y(self, value: float) -> float:
        return TOP + PLOT * (self.high - value) / (self.high - self.low)

    def ticks(self) -> list[float]:
        count = round((self.high - self.low) / self.step)
        return [self.low + self.step * n for n in range(count + 1)]


def scale_for(line: TargetLine) -> Scale:
    """The dates and values the chart spans: baseline to due date, every value shown."""
    days = [d for d, _ in line.readings]
    days += [d for d in (line.baseline_date, line.due) if d is not None]
    values = [v for _, v in line.readings]
    values += [v for v in (line.baseline, line.target) if v is not None]
    start, end = min(days), max(days)
    if end <= start:
        end = start + timedelta(days=30)
    low, high = min(values), max(values)
    if high - low < 1e-9:
        low, high = low - 1, high + 1
    step = _nice((high - low) / 4)
    low, high = math.floor(low / step) * step, math.ceil(high / step) * step
    if high - low < step:
        high = low + step
    return Scale(start, end, low, high, step)


def _month(day: date) -> str:
    return f"{day:%B %Y}"


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def describe(line: TargetLine, unit: str | None) -> str:
    """The chart in words: ``Baseline 42% in April 2025; latest 51% in October 2026; …``."""
    parts = []
    if line.baseline is not None:
        when = f" in {_month(line.baseline_date)}" if line.baseline_date else ""
        parts.append(f"Baseline {with_unit(line.baseline, unit)}{when}")
    day, value = line.latest
    parts.append(f"latest {with_unit(value, unit)} in {_month(day)}")
    if line.target is not None:
        by = f" by {_long(line.due)}" if line.due else " with no due date"
        parts.append(f"target {with_unit(line.target, unit)}{by}")
    parts.append(_verdict(line, unit))
    text = "; ".join(parts)
    return text[0].upper() + text[1:] + "."


def _verdict(line: TargetLine, unit: str | None) -> str:
    if line.verdict == "met":
        return "target reached"
    if line.verdict == "on-track":
        return "on track: on, ahead of or close to the line to target"
    if line.verdict == "behind":
        expected = with_unit(_rounded(line.expected or 0.0), unit)
        return f"behind the line to target, which stood at {expected} on that date"
    if line.target is None:
        return "no target is set, so progress cannot be judged"
    missing = [
        name
        for name, value in (
            ("baseline", line.baseline),
            ("baseline date", line.baseline_date),
            ("due date", line.due),
        )
        if value is None
    ]
    if missing:
        return f"no {' or '.join(missing)}, so there is no line to target to judge against"
    return "the target is the same as the baseline, so there is no line to judge against"


def _rounded(value: float) -> float:
    """Three significant figures at most, no more than two decimals: 23.73 → 23.7."""
    if value == 0:
        return 0.0
    return round(value, max(0, min(2, 2 - math.floor(math.log10(abs(value))))))


def _axis_value(value: float, unit: str | None) -> str:
    value = round(value, 9) + 0.0  # no "-0"
    return with_unit(value, unit if unit and len(unit) <= 2 else None)


def chart(uid: str, title: str, line: TargetLine, unit: str | None) -> Markup:
    """The measure over time, with the line to target (see the module's description)."""
    s = scale_for(line)
    right = WIDTH - RIGHT
    out = [_open(uid, HEIGHT, title, describe(line, unit))]
    for tick in s.ticks():
        y = s.y(tick)
        zero = abs(tick) < s.step / 1e6 and s.low < 0
        colour, cls = (INK, "gridline zero") if zero else (GRID, "gridline")
        out.append(
            f'<line class="{cls}" x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" '
            f'stroke="{colour}" stroke-width="1"/>'
        )
        out.append(_text(LEFT - 8, y + 5, _axis_value(tick, unit), "end", "axis"))
    if unit and len(unit) > 2:
        out.append(_text(LEFT - 8, TOP - 22, unit, "end", "axis"))
    bottom = TOP + PLOT + 22
    out.append(_text(LEFT, bottom, f"{s.start:%b %Y}", "start", "axis"))
    out.append(_text(right, bottom, f"{s.end:%b %Y}", "end", "axis"))
    out.append(
        f'<line x1="{LEFT}" y1="16" x2="{LEFT + 30}" y2="16" stroke="{BLUE}" stroke-width="3"/>'
    )
    out.append(_text(LEFT + 36, 21, "Measured"))
    out.append(
        f'<line x1="{LEFT + 140}" y1="16" x2="{LEFT + 170}" y2="16" stroke="{DARK_BLUE}" '
        f'stroke-width="2" stroke-dasharray="8 6"/>'
    )
    out.append(_text(LEFT + 176, 21, "Line to target"))
    if line.has_line:
        assert line.baseline is not None and line.baseline_date is not None
        assert line.target is not None and line.due is not None
        out.append(
            f'<line class="target-line" x1="{s.x(line.baseline_date):.1f}" '
            f'y1="{s.y(line.baseline):.1f}" x2="{s.x(line.due):.1f}" y2="{s.y(line.target):.1f}" '
            f'stroke="{DARK_BLUE}" stroke-width="2" stroke-dasharray="8 6"/>'
        )
    if line.target is not None and line.due is not None:
        x, y = s.x(line.due), s.y(line.target)
        out.append(
            f'<circle class="target" cx="{x:.1f}" cy="{y:.1f}" r="7" fill="#ffffff" '
            f'stroke="{DARK_BLUE}" stroke-width="3"/>'
        )
        out.append(_text(x - 12, y - 12, "Target", "end"))
    path = list(line.readings)
    if line.baseline is not None and line.baseline_date is not None:
        path.insert(0, (line.baseline_date, line.baseline))
        x, y = s.x(line.baseline_date), s.y(line.baseline)
        out.append(
            f'<rect class="baseline" x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" '
            f'fill="{DARK_BLUE}"/>'
        )
    points = " ".join(f"{s.x(d):.1f},{s.y(v):.1f}" for d, v in sorted(path))
    out.append(
        f'<polyline class="measured" points="{points}" fill="none" stroke="{BLUE}" '
        f'stroke-width="3"/>'
    )
    for d, v in line.readings:
        out.append(
            f'<circle class="reading" cx="{s.x(d):.1f}" cy="{s.y(v):.1f}" r="5" fill="{BLUE}"/>'
        )
    day, value = line.latest
    out.append(_text(s.x(day), s.y(value) + 22, with_unit(value, unit), "middle"))
    out.append("</svg>")
    return Markup("".join(out))


def for_commitment(cid: str, commitment: Commitment, start: date | None = None) -> Trend | None:
    """The trend chart of a commitment with measured progress updates; None without any.
    ``start``: where the line starts when the measure has no baseline date (the strategy's
    start, as rule C009 takes it)."""
    m = commitment.measure
    line = target_line(
        m.baseline if m else None,
        (m.baseline_date or start) if m else None,
        m.target if m else None,
        commitment.due,
        ((p.date, p.value) for p in commitment.progress),
    )
    if line is None:
        return None
    unit = m.unit if m else None
    title = f"{m.metric} over time" if m else "Measured progress over time"
    return Trend(chart(f"trend-{cid}", title, line, unit), describe(line, unit), line)
