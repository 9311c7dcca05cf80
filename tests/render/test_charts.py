"""Inline SVG charts: labelled for screen readers, escaped, and bounded in size."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

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
