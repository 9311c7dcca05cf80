"""The "What changed" page, the board paper's partial and the chart on commitment pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat.history import Change, Changes, QuestionStatus, Update
from digistrat.loader import load
from digistrat.render import produce

TODAY = date(2026, 11, 26)

CHANGES = Changes(
    since="tag board-2026-09",
    since_day=date(2026, 9, 30),
    commit="0" * 40,
    commitments=[
        Change(
            "commitment",
            "change-online",
            "Patients can change a community appointment online at any time.",
            "re-dated",
            "Due date moved later, from 31 March 2027 to 30 June 2027.",
        ),
        Change(
            "commitment",
            "change-online",
            "Patients can change a community appointment online at any time.",
            "status",
            "Status changed from on track to at risk.",
        ),
        Change("commitment", "gone", "An <old> promise", "dropped", "Dropped: no longer here."),
    ],
    updates=[
        Update(
            "change-online",
            "Patients can change a community appointment online at any time.",
            date(2026, 11, 20),
            "Live in *every* clinic.",
            "21%",
        )
    ],
    risks=[Change("risk", "", "The supplier fails.", "closed", "Closed: no longer listed.")],
    initiatives=[
        Change(
            "initiative",
            "visit-times",
            "Text patients their visit time",
            "started",
            "Started: now in progress (was approved).",
        )
    ],
    questions=[
        QuestionStatus(6, "Have we committed to realistic actions?", "green", "amber"),
        QuestionStatus(10, "What could go wrong?", "amber", "amber"),
    ],
)


def _html(files: dict[str, bytes], name: str) -> str:
    return files[name].decode("utf-8")


def test_changes_page_lists_every_change_with_links(sample: Path) -> None:
    files = produce(load(sample), TODAY, ["site"], changes=CHANGES)
    page = _html(files, "changes.html")
    assert "<h1>What changed since 30 September 2026</h1>" in page
    assert "(tag board-2026-09)" in page
    link = (
        '<a href="commitments/change-online.html">Patients can change a community '
        "appointment online at any time.</a>"
    )
    assert page.count(link) == 2  # once under commitments (both changes), once for the update
    assert "<p>Due date moved later, from 31 March 2027 to 30 June 2027.</p>" in page
    assert "<p>Status changed from on track to at risk.</p>" in page
    assert "An &lt;old&gt; promise" in page  # no page for a dropped commitment: text only
    assert "<strong>20 November 2026</strong>" in page and "measured 21%" in page
    assert "<em>every</em>" in page
    assert '<a href="initiatives/visit-times.html">Text patients their visit time</a>' in page
    assert "The supplier fails." in page
    assert "1 of the 2 questions changed status." in page
    assert '<strong class="tag tag--amber">Amber</strong> <span class="muted">(changed)' in page
    assert '<a href="changes.html" aria-current="page">What changed</a>' in page
    assert '<a href="../changes.html">What changed</a>' in _html(files, "services/index.html")


def test_no_changes_no_page(sample: Path) -> None:
    files = produce(load(sample), TODAY, ["site"])
    assert "changes.html" not in files
    assert "What changed" not in _html(files, "index.html")


def test_nothing_changed_is_said(sample: Path) -> None:
    quiet = Changes("tag t", date(2026, 9, 30), "")
    page = _html(produce(load(sample), TODAY, ["site"], changes=quiet), "changes.html")
    assert "No commitment was added, dropped, re-dated or changed status." in page
    assert "No new progress updates." in page
    assert "No risk was added or closed." in page


def test_the_board_paper_shows_what_changed(sample: Path) -> None:
    """In the summary, a few sentences; in the appendix, the whole list (the partial)."""
    repo = load(sample)
    board = _html(produce(repo, TODAY, ["board"], changes=CHANGES), "board.html")
    summary, appendix = board.split('<section class="board-appendix"', 1)
    assert '<h2 id="changes">What changed since the last board</h2>' in summary
    assert "Since 30 September 2026." in summary
    assert '<section class="changes" id="changes-detail" aria-labelledby="changes-title">' in (
        appendix
    )
    assert "Appendix B: what changed since 30 September 2026, in detail</h2>" in appendix
    assert '<h3 id="changes-commitments">Commitments</h3>' in appendix
    assert "Status changed from on track to at risk." in appendix
    without = _html(produce(repo, TODAY, ["board"]), "board.html")
    assert 'id="changes' not in without  # nothing without --since


def test_commitment_page_shows_the_measure_over_time(sample: Path) -> None:
    files = produce(load(sample), TODAY, ["site"])
    page = _html(files, "commitments/change-online.html")
    assert '<figure class="chart-figure"><svg class="chart" id="trend-change-online"' in page
    assert (
        "<p>Baseline 5% in March 2026; latest 22% in September 2026; target 40% by 31 March "
        "2027; on track: on, ahead of or close to the line to target.</p>"
    ) in page


def test_changes_page_matches_golden_file(sample: Path) -> None:
    from test_render import _golden

    files = produce(load(sample), TODAY, ["site"], changes=CHANGES)
    _golden("changes.html", files["changes.html"])
