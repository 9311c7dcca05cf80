"""The board paper read as a board member would (docs/board-review.md): names not codes, the
overall picture first, nothing told twice, quotations cut where a phrase ends."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest

from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.render import board, context, priorities, produce
from digistrat.render.assurance import Group
from digistrat.render.board_evidence import quote
from digistrat.render.poster import plan

TODAY = date(2026, 11, 26)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _finding(code: str, path: str, line: int = 1) -> Finding:
    return Finding(code, code.lower(), "warning", path, line, 1, "msg")


@pytest.fixture(scope="module")
def riverside() -> str:
    return produce(load(EXAMPLES / "riverside"), TODAY, ("board",))["board.html"].decode()


@pytest.fixture(scope="module")
def wishlist() -> str:
    return produce(load(EXAMPLES / "wishlist"), TODAY, ("board",))["board.html"].decode()


def _summary(html: str) -> str:
    start = html.index('<section class="board-summary"')
    return html[start : html.index('<section class="board-appendix"')]


def _question(html: str, n: int) -> str:
    start = html.index(f'id="question-{n}"')
    end = html.find(f'id="question-{n + 1}"', start)
    return html[start : end if end > 0 else html.index('id="owner"')]


# --- quotations -------------------------------------------------------------------------------

GP = (
    "Family doctors (GPs) receive a summary on the day their patient leaves hospital, so "
    "changes to medicines are picked up straight away."
)


def test_a_quotation_that_fits_is_whole() -> None:
    text = "x" * 90
    assert quote(text, 90) == f"“{text}”"  # at the limit: whole
    assert quote(text + "x", 90).endswith("…”")  # one over: cut


def test_a_long_quotation_is_cut_where_a_phrase_ends() -> None:
    assert (
        quote(GP, 90)
        == "“Family doctors (GPs) receive a summary on the day their patient leaves hospital…”"
    )


def test_a_clause_that_keeps_most_of_the_room_is_preferred_to_more_words() -> None:
    letters = (
        "Patients get their clinic letters on the day they are written, in the format and "
        "language they need."
    )
    assert quote(letters, 90) == "“Patients get their clinic letters on the day they are written…”"
    # A clause that would keep less than two thirds of the room is not taken.
    outpatients = (
        "Outpatients, and carers acting for them, can see, change or cancel an appointment "
        "online at any time, without phoning us."
    )
    assert quote(outpatients, 90).endswith("an appointment online…”")


def test_a_cut_quotation_never_ends_on_a_small_word() -> None:
    cut = quote(
        "People who cannot or do not want to use digital services get just as good a service "
        "by phone or in person, and help to get online if they want it.",
        90,
    )
    assert cut.endswith("a service…”")
    assert not re.search(r"\b(by|the|their|of|to|a)…", quote(GP, 60))


# --- concerns name what they are about ----------------------------------------------------------


def test_a_concern_names_what_it_is_about_and_counts_the_rest() -> None:
    names = [f"“{c}”" for c in "ABCDE"]
    g = Group("C003", "x", "error", "A commitment has no due date.", subjects=names)
    assert g.about == "“A”, “B”, “C” and 2 others"  # three named, the rest counted
    g.subjects = names[:4]
    assert g.about == "“A”, “B”, “C” and 1 other"
    g.subjects = ["“A”", "“B”"]
    assert g.about == "“A” and “B”"


def test_a_place_is_listed_once_and_wraps_at_folders() -> None:
    same = _finding("T002", "commitments/himss-stage-7.yaml", 3)
    g = Group("T002", "x", "warning", "s", [same, same, _finding("T002", "strategy.yaml", 9)])
    assert [str(p) for p in g.places] == [
        "commitments/<wbr>himss-stage-7.yaml:3",
        "strategy.yaml:9",
    ]


def test_only_entries_of_the_kind_the_concern_speaks_of_are_named() -> None:
    site = board.Site.__new__(board.Site)  # only the entries are read
    site.commitments, site.initiatives, site.services = {}, {}, {}
    site.users = {"staff": type("G", (), {"name": "Staff"})()}  # type: ignore[dict-item]
    found = [_finding("U002", "users/staff.yaml")]
    assert board.subjects(site, found, "A user group lists no needs.") == ["“Staff”"]
    assert board.subjects(site, found, "3 user needs have no evidence behind them.") == []
    assert board.subjects(site, found, "No user group is marked at risk of exclusion.") == []


def test_the_appendix_names_the_initiatives_behind_a_concern(riverside: str) -> None:
    q5 = _question(riverside, 5)
    assert "4 initiatives are planned to finish after the strategy" in q5
    assert "“Trial of AI note-taking in outpatient clinics”" in q5


def test_work_due_after_its_commitment_is_told_once(riverside: str) -> None:
    q6 = _question(riverside, 6)
    assert "A commitment is due before the work behind it" not in q6  # the rule's summary
    assert q6.count("is planned to finish 31 March 2028") == 1  # the dated concern


# --- the summary ------------------------------------------------------------------------------


def test_the_overall_picture_comes_first(riverside: str, wishlist: str) -> None:
    first = re.findall(r'<ul class="key-points">\s*<li>(.*?)</li>', _summary(wishlist))[0]
    assert first.startswith("6 of the 10 questions are at red")
    first = re.findall(r'<ul class="key-points">\s*<li>(.*?)</li>', _summary(riverside))[0]
    assert first.startswith("No question is at red; 3 questions have concerns to discuss")


def test_a_commitment_on_track_but_behind_is_a_key_point(riverside: str) -> None:
    summary = _summary(riverside)
    assert "1 commitment marked on track is behind its own line to target" in summary
    assert "“Outpatients, and carers acting for them" in summary


def test_the_why_column_says_where_the_other_concerns_are(wishlist: str) -> None:
    summary = _summary(wishlist)
    assert "; 1 more concern in the appendix." in summary
    assert " And 1 other concern." not in summary


def test_the_summary_of_a_strategy_with_every_kind_of_problem_stays_plain(wishlist: str) -> None:
    summary = re.sub(r"<[^>]*>", " ", _summary(wishlist))
    assert not re.search(r"\b[A-Z]\d{3}\b", summary) and ".yaml" not in summary


def test_missing_ends_of_a_measure_are_said_in_words(wishlist: str) -> None:
    q7 = _question(wishlist, 7)
    assert "Servers migrated: no baseline → 100%" in q7
    assert "→ no target" in q7
    assert "– →" not in q7


# --- what changed -----------------------------------------------------------------------------


@dataclass
class _Q:
    number: int
    before: str
    after: str


@dataclass
class _C:
    title: str
    summary: str = ""
    what: str = ""
    day: date = TODAY
    value: str = ""


@dataclass
class _Changes:
    commitments: list[_C] = field(default_factory=list)
    updates: list[_C] = field(default_factory=list)
    risks: list[_C] = field(default_factory=list)
    initiatives: list[_C] = field(default_factory=list)
    questions_changed: list[_Q] = field(default_factory=list)


def test_what_changed_names_what_changed() -> None:
    changes = _Changes(
        commitments=[_C("Letters on the day.", "Due date moved later, from 1 to 2.")],
        updates=[_C("Book online.", value="16%")],
        risks=[_C("We cannot recruit.", what="closed"), _C("Cyber attack.", what="added")],
        questions_changed=[_Q(7, "amber", "green")],
    )
    assert board.change_lines(changes) == [
        "Question 7 (measures) is now green; it was amber.",
        "“Letters on the day”: due date moved later, from 1 to 2.",
        "New progress update on “Book online” (26 November 2026, measured 16%).",
        "1 risk added: “Cyber attack”.",
        "1 risk closed: “We cannot recruit”.",
    ]
    assert board.change_lines(_Changes()) == ["Nothing that this paper reports on has changed."]


def test_what_changed_stays_short() -> None:
    many = _Changes(commitments=[_C(f"C{n}.", "Dropped.") for n in range(9)])
    lines = board.change_lines(many)
    assert len(lines) <= board.MAX_CHANGE_LINES
    assert lines[-1] == "7 other commitments changed."


# --- the poster -------------------------------------------------------------------------------


def _site(name: str) -> context.Site:
    repo = load(EXAMPLES / name)
    return context.build(repo, lambda: priorities.build(repo, TODAY), TODAY)


def test_a_long_mission_is_shown_whole_on_the_poster() -> None:
    site = _site("wishlist")
    mission = " ".join(site.strategy.mission.split())
    assert len(mission.split()) > 60  # the wishlist's rambling mission
    poster = plan(site)
    assert poster.mission == mission and not poster.mission.endswith("…")


def test_a_commitment_past_its_date_is_not_shown_as_a_promise() -> None:
    site = _site("wishlist")
    cards = [i for i in plan(site).blocks["commitments"].visible]
    overdue = [i for i in cards if "servers to the cloud" in i.words]
    assert overdue and overdue[0].when == "Not yet met: it was due 31 December 2025"
    assert not any(i.when.startswith("By ") and "2025" in i.when for i in cards)
