"""The measure-over-time chart: coordinates, points, and the same said in words."""

from __future__ import annotations

import re
from datetime import date

import pytest

from digistrat.models import Commitment
from digistrat.render import measure_chart
from digistrat.render.charts import WIDTH
from digistrat.render.measure_chart import LEFT, PLOT, RIGHT, TOP, chart, describe, scale_for
from digistrat.scoring.target_line import TargetLine, target_line

START, DUE = date(2025, 4, 1), date(2027, 3, 31)


def _line(
    baseline: float | None,
    target: float | None,
    readings: list[tuple[date, float]],
    start: date | None = START,
    due: date | None = DUE,
) -> TargetLine:
    line = target_line(baseline, start, target, due, readings)
    assert line is not None
    return line


def _circles(svg: str, cls: str) -> list[tuple[float, float]]:
    found = re.findall(rf'<circle class="{cls}" cx="([-\d.]+)" cy="([-\d.]+)"', svg)
    return [(float(x), float(y)) for x, y in found]


def test_scale_spans_baseline_to_due_date_and_all_values() -> None:
    line = _line(42, 80, [(date(2026, 10, 1), 51)])
    s = scale_for(line)
    assert (s.start, s.end) == (START, DUE)
    assert s.x(START) == LEFT
    assert s.x(DUE) == WIDTH - RIGHT
    assert s.low <= 42 and s.high >= 80
    assert s.y(s.high) == TOP
    assert s.y(s.low) == TOP + PLOT
    assert s.ticks()[0] == s.low and s.ticks()[-1] == s.high


def test_points_fall_where_the_scale_puts_them() -> None:
    readings = [(date(2025, 10, 1), 45.0), (date(2026, 4, 1), 48.0), (date(2026, 10, 1), 51.0)]
    line = _line(42, 80, readings)
    s = scale_for(line)
    svg = str(chart("t", "Take-up", line, "%"))
    circles = _circles(svg, "reading")
    assert len(circles) == 3  # one point per measured update
    for (x, y), (day, value) in zip(circles, readings, strict=True):
        assert x == pytest.approx(s.x(day), abs=0.051)
        assert y == pytest.approx(s.y(value), abs=0.051)
    assert [x for x, _ in circles] == sorted(x for x, _ in circles)  # later is further right
    assert circles[0][1] > circles[-1][1]  # a higher value is higher up
    target = _circles(svg, "target")
    assert target == [(pytest.approx(s.x(DUE), abs=0.051), pytest.approx(s.y(80), abs=0.051))]
    polyline = re.search(r'<polyline class="measured" points="([^"]+)"', svg)
    assert polyline is not None
    assert len(polyline.group(1).split()) == 4  # the baseline, then the three updates
    assert 'class="target-line"' in svg


def test_negative_values_and_the_zero_line() -> None:
    line = _line(-20, 10, [(date(2026, 1, 1), -12), (date(2026, 6, 1), 3)])
    s = scale_for(line)
    assert s.low <= -20 < 10 <= s.high
    svg = str(chart("n", "Net change", line, None))
    (_, y1), (_, y2) = _circles(svg, "reading")
    zero = re.search(r'<line class="gridline zero" x1="\d+" y1="([\d.]+)"', svg)
    assert zero is not None
    assert y1 > float(zero.group(1)) > y2  # -12 below the zero line, 3 above it
    assert [t for t in s.ticks()] == [-20, -10, 0, 10]
    assert ">-20<" in svg and ">0<" in svg and ">-0<" not in svg  # axis labels


def test_reduction_draws_the_line_downwards() -> None:
    line = _line(30, 10, [(date(2026, 1, 1), 25)])
    svg = str(chart("r", "Days to first appointment", line, "days"))
    m = re.search(
        r'class="target-line" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"', svg
    )
    assert m is not None
    x1, y1, x2, y2 = map(float, m.groups())
    assert x1 < x2 and y1 < y2  # from high on the left down to the right
    assert ">days<" in svg  # a long unit is written once, above the axis


def test_only_baseline_and_a_reading_without_line() -> None:
    line = _line(42, None, [(date(2026, 10, 1), 51)], due=None)
    svg = str(chart("u", "Measure", line, "%"))
    assert len(_circles(svg, "reading")) == 1
    assert "target-line" not in svg
    assert 'class="target"' not in svg


def test_text_alternative_in_words() -> None:
    behind = _line(42, 80, [(date(2026, 10, 1), 51)])
    assert describe(behind, "%") == (
        "Baseline 42% in April 2025; latest 51% in October 2026; target 80% by 31 March 2027; "
        "behind the line to target, which stood at 70.6% on that date."
    )
    ahead = _line(42, 80, [(date(2026, 10, 1), 75)])
    assert describe(ahead, "%").endswith("; on track: on, ahead of or close to the line to target.")
    met = _line(30, 10, [(date(2026, 10, 1), 9.5)])
    assert describe(met, "days") == (
        "Baseline 30 days in April 2025; latest 9.5 days in October 2026; target 10 days by "
        "31 March 2027; target reached."
    )
    no_date = _line(42, 80, [(date(2026, 10, 1), 51)], start=None)
    assert describe(no_date, "%") == (
        "Baseline 42%; latest 51% in October 2026; target 80% by 31 March 2027; no baseline "
        "date, so there is no line to target to judge against."
    )
    no_target = _line(None, None, [(date(2026, 10, 1), 51)])
    assert describe(no_target, None) == (
        "Latest 51 in October 2026; no target is set, so progress cannot be judged."
    )


def test_the_chart_is_labelled_and_escaped() -> None:
    line = _line(1, 2, [(date(2026, 1, 1), 1.5)])
    svg = str(chart("e", "A <b> & c", line, "<u>"))
    assert 'role="img"' in svg and 'aria-labelledby="e-title e-desc"' in svg
    assert "<b>" not in svg and "<u>" not in svg
    assert "A &lt;b&gt; &amp; c" in svg
    said = describe(line, "<u>").replace("<", "&lt;").replace(">", "&gt;")
    assert f'<desc id="e-desc">{said}</desc>' in svg
    assert svg.count("<desc") == 1


def test_for_commitment() -> None:
    c = Commitment.model_validate(
        {
            "statement": "Faster letters",
            "measure": {
                "metric": "Letters sent digitally",
                "unit": "%",
                "baseline": 10,
                "baseline_date": "2026-04-01",
                "target": 60,
            },
            "due": "2027-03-31",
            "progress": [
                {"date": "2026-06-30", "note": "Started."},
                {"date": "2026-09-30", "note": "Two wards.", "value": 25},
            ],
        }
    )
    trend = measure_chart.for_commitment("letters", c)
    assert trend is not None
    assert 'id="trend-letters"' in trend.svg
    assert "Letters sent digitally over time" in trend.svg
    assert len(_circles(str(trend.svg), "reading")) == 1  # the update without a value is left out
    assert trend.text.startswith("Baseline 10% in April 2026; latest 25% in September 2026")
    bare = Commitment.model_validate(
        {"statement": "X", "progress": [{"date": "2026-06-30", "note": "Started."}]}
    )
    assert measure_chart.for_commitment("x", bare) is None
