"""The board paper printed by headless Chromium: the summary fits on two A4 pages.

Skipped without Chromium (see ``test_browser.py``). The summary is measured by printing the
paper with everything after ``<section class="board-summary">`` hidden.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from test_browser import _run, browser  # noqa: F401 - the fixture is used by name

from digistrat.loader import load
from digistrat.render import render

pytestmark = pytest.mark.browser

TODAY = date(2026, 11, 26)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HIDE_APPENDIX = "<style>.board-appendix, .site-footer { display: none !important; }</style>"


def _pages(browser: str, page: Path, tmp_path: Path) -> int:  # noqa: F811
    pdf = tmp_path / f"{page.stem}.pdf"
    _run(
        browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
        page.as_uri(),
    )  # fmt: skip
    data = pdf.read_bytes()
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data).groups())  # type: ignore[union-attr]
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


# The appendix lists up to 15 entries per question (every commitment's measure and chart
# under question 7 for riverside) and starts the technical appendix on a page of its own.
@pytest.mark.parametrize(("example", "most"), [("riverside", 12), ("wishlist", 20)])
def test_the_summary_fits_on_two_a4_pages(
    browser: str,  # noqa: F811
    example: str,
    most: int,
    tmp_path: Path,
) -> None:
    out = tmp_path / "site"
    render(load(EXAMPLES / example), out, TODAY, only=("board",))
    paper = out / "board.html"
    summary = out / "summary.html"
    summary.write_text(paper.read_text().replace("</head>", HIDE_APPENDIX + "</head>", 1))
    assert _pages(browser, summary, tmp_path) <= 2
    whole = _pages(browser, paper, tmp_path)
    assert 2 < whole <= most  # the appendix starts on a new page, and stays readable
