"""Inline SVG charts: labelled for screen readers, escaped, and bounded in size."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from digistrat.render.charts import MAX_ITEMS, Bar, Point, bars, human, matrix, roadmap

NS = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_bar_chart_is_labelled_and_well_formed() -> None:
    svg = bars("t", "Take-up", "Bars of take-up", [Bar("Booking", 40, "40%")], 100)
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "t-title t-desc"
    assert root.find(f"{NS}title").text == "Take-up"  # type: ignore[union-attr]
    assert root.find(f"{NS}desc").text == "Bars of take-up"  # type: ignore[union-attr]
    assert "40%" in svg and "Booking" in svg


def test_missing_values_are_said_not_drawn() -> None:
    svg = bars("t", "T", "D", [Bar("Booking", None, "–")], 100)
    assert "not measured" in svg
    assert "<rect" not in svg


def test_text_is_escaped() -> None:
    hostile = '<script>alert(1)</script>"&'
    for svg in (
        bars("t", hostile, hostile, [Bar(hostile, 1, hostile)], None),
        matrix("m", hostile, hostile, [Point("1", hostile, 50, 2)]),
        roadmap("r", hostile, hostile, [("Now", [hostile])]),
    ):
        _parse(svg)  # still well-formed XML
        assert "<script" not in svg


def test_charts_are_bounded() -> None:
    many = [Bar(f"Service {n}", n, str(n)) for n in range(500)]
    svg = bars("t", "T", "D", many, None)
    assert len(re.findall("<rect", svg)) == MAX_ITEMS


def test_matrix_places_points_inside_the_plot() -> None:
    svg = matrix("m", "T", "D", [Point("1", "A", 100, 10), Point("2", "B", 0, 0)])
    for cx, cy in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg):
        assert 0 <= float(cx) <= 720 and 0 <= float(cy) <= 480


def test_human_numbers() -> None:
    assert human(120000) == "120,000"
    assert human(2_500_000) == "2.5m"
    assert human(3_000_000) == "3m"
    assert human(None) == "–"


def test_timeline_spans_first_to_last_quarter() -> None:
    from digistrat.render.charts import timeline

    quarters = ["Oct–Dec 2026", "Jan–Mar 2027", "Apr–Jun 2027", "Jul–Sep 2027"]
    svg = timeline("q", "T", "D", quarters, [("A", 0, 0), ("B", 1, 3)])
    _parse(svg)
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)"', svg)]
    assert len(widths) == 2 and widths[1] > 2.5 * widths[0]
    assert ">2026<" in svg and ">2027<" in svg and svg.count(">2027<") == 1


# Coordinates are read by parsing the SVG, so that a negative or exponent number is seen as it
# is (a regular expression of digits would skip it), and each list is counted.


def _attrs(svg: str, tag: str, *names: str) -> list[tuple[float, ...]]:
    """The numeric attributes ``names`` of every ``tag`` element, in document order."""
    return [tuple(float(el.get(n, "nan")) for n in names) for el in _parse(svg).iter(f"{NS}{tag}")]


def _points(svg: str) -> list[tuple[float, ...]]:
    return _attrs(svg, "circle", "cx", "cy")


def test_matrix_corners_are_exact() -> None:
    # The plot is 70 to 690 across and 20 to 420 down; effort 10 is the top of the axis.
    svg = matrix("m", "T", "D", [Point("1", "A", 100, 10), Point("2", "B", 0, 0)])
    assert _points(svg) == [(690.0, 20.0), (70.0, 420.0)]


def test_matrix_draws_one_marker_per_point_with_its_label() -> None:
    points = [Point(str(n), f"I{n}", 10 * n, n) for n in range(1, 8)]
    svg = matrix("m", "T", "D", points)
    assert len(_points(svg)) == 7
    markers = [el.text for el in _parse(svg).iter(f"{NS}text") if el.get("class") == "marker"]
    assert markers == [str(n) for n in range(1, 8)]


def test_matrix_clamps_values_outside_0_to_100_percent() -> None:
    svg = matrix("m", "T", "D", [Point("1", "A", -20, 2), Point("2", "B", 150, 4)])
    [(_, low), (_, high)] = _points(svg)
    assert (low, high) == (420.0, 20.0)


def test_matrix_is_capped_at_max_items() -> None:
    many = [Point(str(n), f"I{n}", n % 100, n % 9 + 1) for n in range(MAX_ITEMS + 15)]
    assert len(_points(matrix("m", "T", "D", many))) == MAX_ITEMS


def test_crowded_markers_stay_on_the_chart() -> None:
    for value, effort in ((0, 0), (100, 10)):
        crowd = [Point(str(n), f"I{n}", value, effort) for n in range(9)]
        # keep one far point so that effort 10 is the top of the axis
        svg = matrix("m", "T", "D", [*crowd, Point("z", "Z", 50, 10)])
        for cx, cy in _points(svg):
            assert 13 <= cx <= 720 - 13 and 13 <= cy <= 480 - 13


def test_bar_widths_are_proportional_and_never_negative() -> None:
    # The scale runs from x=270 over 370 units; 100 is the full width.
    items = [Bar("A", 100, "100%"), Bar("B", 50, "50%"), Bar("C", 0, "0%"), Bar("D", -30, "-30%")]
    svg = bars("t", "T", "D", items, 100)
    rects = _attrs(svg, "rect", "x", "width")
    assert rects == [(270.0, 370.0), (270.0, 185.0), (270.0, 1.5), (270.0, 1.5)]


def test_bars_above_the_maximum_stop_at_the_edge() -> None:
    svg = bars("t", "T", "D", [Bar("A", 250, "250%")], 100)
    assert _attrs(svg, "rect", "width") == [(370.0,)]


def test_bars_without_a_maximum_scale_to_the_largest() -> None:
    svg = bars("t", "T", "D", [Bar("A", 2_000, "2,000"), Bar("B", 500, "500")], None)
    assert _attrs(svg, "rect", "width") == [(370.0,), (92.5,)]


def test_timeline_clamps_quarters_into_the_axis() -> None:
    from digistrat.render.charts import timeline

    quarters = ["Oct–Dec 2026", "Jan–Mar 2027", "Apr–Jun 2027", "Jul–Sep 2027"]
    # a bar starting before the first quarter, one ending after the last, one reversed
    rows = [("A", -3, 0), ("B", 2, 9), ("C", 2, 1)]
    svg = timeline("q", "T", "D", quarters, rows)
    col = (720 - 270 - 4) / 4
    rects = _attrs(svg, "rect", "x", "width")
    assert len(rects) == 3
    assert rects[0] == pytest.approx((273.0, col - 6), abs=0.05)
    assert rects[1] == pytest.approx((270 + 2 * col + 3, 2 * col - 6), abs=0.05)
    assert rects[2] == pytest.approx((270 + 2 * col + 3, col - 6), abs=0.05)
    assert all(x >= 0 and w > 0 and x + w <= 720 for x, w in rects)


def test_roadmap_draws_a_box_per_item_and_caps_each_column() -> None:
    columns = [("Now", ["A", "B"]), ("Next", []), ("Later", [f"L{n}" for n in range(30)])]
    svg = roadmap("r", "T", "D", columns)
    # three headings, 2 + 0 + 20 item boxes
    assert len(_attrs(svg, "rect", "x")) == 3 + 2 + MAX_ITEMS // 2
    assert "and 10 more" in svg and "Nothing planned" in svg
