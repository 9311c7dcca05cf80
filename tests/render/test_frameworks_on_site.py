"""Framework coverage on the site (its own page, in the navigation) and in the board paper
(question 8: one sentence in the summary, the measures without funded work in the appendix)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from digistrat.loader import load
from digistrat.render import render
from digistrat.rules.examples import materialise

TODAY = date(2026, 6, 1)

MAPPED = """\
# strategy.yaml
objectives:
  - id: shorter-waits
    title: Cut waiting times for planned care
    kind: clinical
    serves: [wgll:improve-care]
# initiatives/online-booking.yaml
serves: [wgll:empower-citizens]
# initiatives/data-for-prevention.yaml
name: Data for prevention
category: transform
status: proposed
serves: [wgll:healthy-populations]
"""


def _render(tmp_path: Path, block: str) -> Path:
    out = tmp_path / "out"
    render(load(materialise(tmp_path / "repo", block)), out, TODAY)
    return out


def _row(page: str, measure: str) -> str:
    return page.split(f'id="measure-wgll-{measure}"', 1)[1].split("</tr>", 1)[0]


def test_the_frameworks_page_shows_each_measures_coverage(tmp_path: Path) -> None:
    out = _render(tmp_path, MAPPED)
    page = (out / "frameworks.html").read_text(encoding="utf-8")
    assert '<h2 id="framework-wgll-title">What Good Looks Like</h2>' in page
    assert "2 of 7 measures have funded work; 1 measure has only proposed work; " in page
    assert "4 measures have no initiative." in page
    # served directly, and through the objective the initiative serves
    for measure in ("empower-citizens", "improve-care"):
        row = _row(page, measure)
        assert "funded work" in row and "initiatives/online-booking.html" in row
    assert "context.html#objective-shorter-waits" in _row(page, "improve-care")
    unfunded = _row(page, "healthy-populations")
    assert "proposed only" in unfunded and "initiatives/data-for-prevention.html" in unfunded
    assert "no initiative" in _row(page, "well-led")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="frameworks.html">Frameworks</a>' in index


def test_a_strategy_not_mapped_yet_is_told_plainly(tmp_path: Path) -> None:
    """The site is for readers: it says what is missing, not how to edit the files (that is
    `digistrat frameworks` and `check`, for the strategy's owner)."""
    page = (_render(tmp_path, "") / "frameworks.html").read_text(encoding="utf-8")
    assert "does not yet link its work to these measures" in page
    assert "serves:" not in page


def test_no_framework_no_page(tmp_path: Path) -> None:
    out = _render(tmp_path, "# strategy.yaml\norganisation_kind: central-government\n")
    assert not (out / "frameworks.html").exists()
    assert "frameworks.html" not in (out / "index.html").read_text(encoding="utf-8")


def _question_8(board: str) -> tuple[str, str]:
    summary_row = re.search(
        r'<tr class="rag-row[^"]*"><th scope="row"><a href="#question-8">.*?</tr>', board
    )
    appendix = board.split('id="question-8"', 1)[1].split("</section>", 1)[0]
    assert summary_row is not None
    return summary_row.group(0), appendix


def test_the_board_paper_gives_one_line_and_the_gaps_in_the_appendix(tmp_path: Path) -> None:
    board = (_render(tmp_path, MAPPED) / "board.html").read_text(encoding="utf-8")
    row, appendix = _question_8(board)
    line = (
        "What Good Looks Like: 2 of 7 measures have funded work; 4 have no initiative; "
        "“Healthy populations” has only proposed work."
    )
    assert line in row and line in appendix
    assert 'What Good Looks Like: Well led <span class="muted">– no initiative' in appendix
    assert 'Healthy populations <span class="muted">– only proposed: “Data for prevention”' in (
        appendix
    )
    assert "Improve care <span" not in appendix  # funded: not listed


def test_the_board_paper_of_a_strategy_not_mapped_yet(tmp_path: Path) -> None:
    board = (_render(tmp_path, "") / "board.html").read_text(encoding="utf-8")
    row, appendix = _question_8(board)
    said = "The strategy does not yet say which What Good Looks Like measures its work serves."
    assert said in row
    assert "– no initiative" not in appendix  # not seven lines saying the same


def test_a_council_without_a_system_still_shows_its_framework(tmp_path: Path) -> None:
    block = "# strategy.yaml\norganisation_kind: council\nsystem:\n"
    block += "# initiatives/online-booking.yaml\nserves: [ldd:open-culture]\n"
    board = (_render(tmp_path, block) / "board.html").read_text(encoding="utf-8")
    row, _ = _question_8(board)
    assert "Local Digital Declaration: 1 of 5 measures have funded work" in row


def test_an_initiative_page_names_the_measures_it_serves(tmp_path: Path) -> None:
    block = MAPPED.replace(
        "serves: [wgll:empower-citizens]", "serves: [wgll:empower-citizens, ldd:open-culture]"
    )
    out = _render(tmp_path, block)
    page = (out / "initiatives" / "online-booking.html").read_text(encoding="utf-8")
    served = page.split('id="frameworks"', 1)[1].split("</ul>", 1)[0]
    assert (
        '<a href="../frameworks.html#measure-wgll-empower-citizens">'
        "What Good Looks Like: Empower citizens</a>" in served
    )
    # a framework the strategy does not answer to is named, not linked (it has no section)
    assert "<li>Local Digital Declaration: Embed an open culture</li>" in served


def test_the_document_says_how_each_mapped_framework_is_covered(tmp_path: Path) -> None:
    text = (_render(tmp_path, MAPPED) / "strategy.md").read_text(encoding="utf-8")
    assert (
        "**What Good Looks Like**: 2 of 7 measures have funded work; only proposed work for "
        "Healthy populations; no initiative yet for Well led, Ensure smart foundations, "
        "Safe practice, Support people." in text
    )
    unmapped = (_render(tmp_path / "again", "") / "strategy.md").read_text(encoding="utf-8")
    assert "What Good Looks Like" not in unmapped
