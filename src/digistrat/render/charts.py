"""Charts as inline SVG: the value/effort matrix, take-up and volumes by service, the roadmap.

Each chart is an ``<svg role="img">`` labelled by its own ``<title>`` and ``<desc>``; the pages
show the same numbers in a data table next to it, so nothing depends on seeing the picture.
Every piece of text is escaped; colours meet WCAG contrast against white.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from digistrat.render.text import plain

WIDTH = 720
INK = "#0b0c0c"
MUTED = "#505a5f"
GRID = "#b1b4b6"
BLUE = "#1d70b8"
DARK_BLUE = "#003078"
MAX_ITEMS = 40


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float | None
    text: str
    """How the value is written next to the bar."""


@dataclass(frozen=True, slots=True)
class Point:
    label: str
    """Short marker text (the rank)."""
    name: str
    value: float
    effort: float
    quadrant: str = ""


def _short(text: str, limit: int) -> str:
    text = " ".join(plain(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _open(uid: str, height: int, title: str, desc: str) -> str:
    t, d = escape(title), escape(desc)
    return (
        f'<svg class="chart" id="{uid}" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" focusable="false" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{uid}-title">{t}</title><desc id="{uid}-desc">{d}</desc>'
    )


def _text(x: float, y: float, s: str, anchor: str = "start", cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}"{c}>{escape(s)}</text>'


def bars(uid: str, title: str, desc: str, items: Sequence[Bar], maximum: float | None) -> Markup:
    """A horizontal bar chart; ``maximum`` fixes the scale (100 for percentages)."""
    shown = list(items[:MAX_ITEMS])
    values = [b.value for b in shown if b.value is not None]
    top = maximum or (max(values) if values else 1.0) or 1.0
    row, left, right = 30, 270, 80
    span = WIDTH - left - right
    height = row * max(len(shown), 1) + 30
    out = [_open(uid, height, title, desc)]
    for tick in range(5):
        x = left + span * tick / 4
        out.append(
            f'<line x1="{x:.1f}" y1="4" x2="{x:.1f}" y2="{height - 22}" stroke="{GRID}" '
            f'stroke-width="1"/>'
        )
        out.append(_text(x, height - 6, _tick(top * tick / 4, maximum), "middle", "axis"))
    for n, bar in enumerate(shown):
        y = 4 + n * row
        out.append(_text(left - 8, y + 18, _short(bar.label, 32), "end"))
        if bar.value is None:
            out.append(_text(left + 6, y + 18, "not measured", cls="muted"))
            continue
        w = max(span * min(bar.value, top) / top, 1.5)
        out.append(f'<rect x="{left}" y="{y + 4}" width="{w:.1f}" height="20" fill="{BLUE}"/>')
        out.append(_text(left + w + 6, y + 18, bar.text))
    if not shown:
        out.append(_text(WIDTH / 2, 20, "No data yet", "middle", "muted"))
    out.append("</svg>")
    return Markup("".join(out))


def _tick(value: float, maximum: float | None) -> str:
    if maximum == 100:
        return f"{value:.0f}%"
    return human(value)


def human(value: float | None) -> str:
    """A number written for people: 12,400 or 1.2m."""
    if value is None:
        return "–"
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.1f}m".replace(".0m", "m")
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.1f}"


def matrix(
    uid: str,
    title: str,
    desc: str,
    points: Sequence[Point],
    value_at: float = 50.0,
    effort_at: float | None = None,
) -> Markup:
    """The value/effort matrix: value up, effort across, four quadrants split at the
    thresholds (value in percent; effort defaults to the middle of the axis)."""
    shown = list(points[:MAX_ITEMS])
    left, top, size_w, size_h = 70, 20, WIDTH - 100, 400
    height = top + size_h + 60
    max_effort = max([p.effort for p in shown] + [effort_at or 0.0], default=1.0) or 1.0
    max_effort = _nice(max_effort)
    split_w = size_w * (effort_at / max_effort if effort_at is not None else 0.5)
    split_h = size_h * (1 - max(0.0, min(value_at, 100.0)) / 100)
    out = [_open(uid, height, title, desc)]
    quads = [
        (0, 0, split_w, split_h, "Quick wins", "#e8f1f8"),
        (split_w, 0, size_w - split_w, split_h, "Big bets", "#f3f2f1"),
        (0, split_h, split_w, size_h - split_h, "Fill-ins", "#f3f2f1"),
        (split_w, split_h, size_w - split_w, size_h - split_h, "Money pits", "#fbe9e7"),
    ]
    for qx, qy, qw, qh, label, fill in quads:
        out.append(
            f'<rect x="{left + qx:.1f}" y="{top + qy:.1f}" width="{qw:.1f}" '
            f'height="{qh:.1f}" fill="{fill}" stroke="{GRID}"/>'
        )
        if qw > 90 and qh > 30:  # labels in the outer corners, clear of the dividing lines
            right = qx > 0
            x = left + qx + qw - 10 if right else left + qx + 10
            y = top + qy + 22 if qy == 0 else top + qy + qh - 10
            out.append(_text(x, y, label, "end" if right else "start", "quadrant"))
    out.append(_text(left + size_w / 2, height - 12, "Effort (more effort to the right)", "middle"))
    out.append(
        f'<text x="18" y="{top + size_h / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 18 {top + size_h / 2:.1f})">Value (weighted score, %)</text>'
    )
    for tick in range(0, 101, 25):
        y = top + size_h - size_h * tick / 100
        out.append(_text(left - 8, y + 5, f"{tick}%", "end", "axis"))
    for tick in range(5):
        x = left + size_w * tick / 4
        out.append(_text(x, top + size_h + 20, human(max_effort * tick / 4), "middle", "axis"))
    placed: list[tuple[float, float]] = []
    for p in shown:
        x = left + size_w * min(p.effort, max_effort) / max_effort
        y = top + size_h - size_h * max(0.0, min(p.value, 100.0)) / 100
        x = _clear(x, y, placed, left, left + size_w)
        placed.append((x, y))
        out.append(
            f'<g class="point"><circle cx="{x:.1f}" cy="{y:.1f}" r="13" fill="{DARK_BLUE}"/>'
            f'<text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" fill="#ffffff" '
            f'class="marker">{escape(p.label)}</text></g>'
        )
    if not shown:
        out.append(
            _text(left + size_w / 2, top + size_h / 2, "No initiatives scored yet", "middle")
        )
    out.append("</svg>")
    return Markup("".join(out))


def _clear(x: float, y: float, placed: list[tuple[float, float]], low: float, high: float) -> float:
    """Move a marker sideways until it no longer covers one already drawn, staying between
    ``low`` and ``high`` (the plot's edges): a crowded marker that finds no free place is
    drawn where it belongs, over the others, rather than off the chart."""
    for step in (0, 1, -1, 2, -2, 3, -3, 4, -4):
        nx = x + step * 27
        if not low <= nx <= high:
            continue
        if all((nx - px) ** 2 + (y - py) ** 2 >= 26**2 for px, py in placed):
            return nx
    return x


def _nice(value: float) -> float:
    if value <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * exp:
            return float(step * exp)
    return float(10 * exp)


def roadmap(uid: str, title: str, desc: str, columns: Sequence[tuple[str, list[str]]]) -> Markup:
    """Now, next and later as three columns of initiative names."""
    col_w = WIDTH / max(len(columns), 1)
    rows = max((min(len(items), MAX_ITEMS // 2) for _, items in columns), default=0)
    box_h, gap = 52, 10
    height = 50 + max(rows, 1) * (box_h + gap)
    out = [_open(uid, height, title, desc)]
    for n, (heading, items) in enumerate(columns):
        x = n * col_w
        out.append(
            f'<rect x="{x + 4:.1f}" y="0" width="{col_w - 8:.1f}" height="36" fill="{DARK_BLUE}"/>'
        )
        out.append(
            f'<text x="{x + col_w / 2:.1f}" y="24" text-anchor="middle" fill="#ffffff" '
            f'class="heading">{escape(heading)}</text>'
        )
        shown = items[: MAX_ITEMS // 2]
        for m, name in enumerate(shown):
            y = 46 + m * (box_h + gap)
            out.append(
                f'<rect x="{x + 4:.1f}" y="{y:.1f}" width="{col_w - 8:.1f}" height="{box_h}" '
                f'fill="#ffffff" stroke="{BLUE}" stroke-width="2"/>'
            )
            for k, line in enumerate(_wrap(name, 28, 2)):
                out.append(_text(x + 14, y + 21 + k * 19, line))
        if len(items) > len(shown):
            out.append(
                _text(x + 14, height - 4, f"and {len(items) - len(shown)} more", cls="muted")
            )
        if not items:
            out.append(_text(x + 14, 66, "Nothing planned", cls="muted"))
    out.append("</svg>")
    return Markup("".join(out))


def _wrap(text: str, width: int, lines: int) -> list[str]:
    words = plain(text).split()
    out: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        out.append(current)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = _short(out[-1] + " …", width)
    return [line if len(line) <= width else line[: width - 1] + "…" for line in out]


def timeline(
    uid: str, title: str, desc: str, quarters: Sequence[str], rows: Sequence[tuple[str, int, int]]
) -> Markup:
    """Quarter by quarter: one bar per initiative from its first to its last quarter."""
    shown = list(rows[:MAX_ITEMS])
    count = max(len(quarters), 1)
    left, row = 270, 28
    col = (WIDTH - left - 4) / count
    height = 44 + row * max(len(shown), 1)
    out = [_open(uid, height, title, desc)]
    for n, label in enumerate(quarters):
        x = left + n * col
        out.append(
            f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}" stroke="{GRID}" '
            f'stroke-width="1"/>'
        )
        months, _, year = label.partition(" ")
        out.append(_text(x + col / 2, 16, months.split("–")[0], "middle", "axis"))
        if year and (n == 0 or not quarters[n - 1].endswith(year)):
            out.append(_text(x + col / 2, 32, year, "middle", "axis"))
    for m, (name, first, last) in enumerate(shown):
        y = 40 + m * row
        out.append(_text(left - 8, y + 17, _short(name, 32), "end"))
        first = max(0, min(first, count - 1))
        last = max(first, min(last, count - 1))
        x = left + first * col + 3
        w = (last - first + 1) * col - 6
        out.append(f'<rect x="{x:.1f}" y="{y + 4}" width="{w:.1f}" height="18" fill="{BLUE}"/>')
    if not shown:
        out.append(_text(WIDTH / 2, 60, "Nothing planned yet", "middle", "muted"))
    out.append("</svg>")
    return Markup("".join(out))
