"""The first page of the board paper: the points the board most needs to know, and the
decisions asked of it, both worked out from the strategy and its checks.

Key points, most important first, at most five (entries that could not be read have their
own note above them): the questions at red (the overall picture first); commitments off
track, at risk or missed; commitments marked on track whose own numbers are behind; commitments
whose work is planned to finish after they are due; commitments past their date; more work in
progress than the stated capacity; checks switched off or suppressed (always kept: a board
must know what was not checked). When no question is at red, the questions at amber are named
too. When none applies, the paper says so.

Decisions: the strategy owner's own list first (``board: decisions:`` in strategy.yaml), then
those the data calls for: re-date or descope a commitment that will not be met as promised,
confirm capacity, ask for a plan for the questions at red, and agree whether checks that are
switched off should stay off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from digistrat.render.board_evidence import MAX_QUOTE, late_work, planned_ends, quote
from digistrat.render.text import plain
from digistrat.voice import count, listing, longdate, plural

if TYPE_CHECKING:
    from digistrat.render.board import Paper
    from digistrat.render.context import Site

MAX_POINTS = 5
MAX_NAMED = 3
"""Commitments named in one point or decision; the rest are counted."""


def _names(quoted: list[str]) -> str:
    shown = quoted[:MAX_NAMED]
    rest = len(quoted) - len(shown)
    return listing(shown + ([f"{count(rest, 'other')}"] if rest else []))


def _quoted(site: Site, ids: list[str]) -> list[str]:
    return [quote(site.commitments[c].statement, MAX_QUOTE) for c in ids]


def _overdue(site: Site) -> list[str]:
    return [
        cid
        for cid, c in site.commitments.items()
        if c.due is not None and c.due < site.today and c.status in ("on-track", "at-risk")
    ]


def _over_capacity(site: Site) -> tuple[int, int] | None:
    cap = site.strategy.capacity
    active = sum(1 for i in site.initiatives.values() if i.status == "in-progress")
    if cap is not None and active > cap.concurrent_initiatives:
        return active, cap.concurrent_initiatives
    return None


BEHIND = "C009"
"""The rule that finds a commitment marked on track whose own measurements are behind."""


def _behind(site: Site) -> list[str]:
    return [
        cid
        for f in site.findings
        if f.code == BEHIND
        and (cid := f.path.removeprefix("commitments/").rsplit(".", 1)[0]) in site.commitments
    ]


def points(site: Site, p: Paper) -> list[str]:
    """The three to five things the board most needs to know."""
    out: list[str] = []
    red = [a for a in p.answers if a.status == "red"]
    if red:
        named = listing([f"{a.number} ({a.label.lower()})" for a in red])
        out.append(
            f"{len(red)} of the 10 questions {plural(len(red), 'is')} at red: "
            f"{plural(len(red), 'question')} {named}."
        )
    by_status: dict[str, list[str]] = {"off-track": [], "at-risk": [], "missed": []}
    for cid, c in site.commitments.items():
        if c.status in by_status:
            by_status[c.status].append(cid)
    words = {"off-track": "off track", "at-risk": "at risk", "missed": "missed"}
    troubled = [
        f"{count(len(ids), 'commitment')} {plural(len(ids), 'is')} {words[k]}"
        if k != "missed"
        else f"{count(len(ids), 'commitment')} {plural(len(ids), 'was')} missed"
        for k, ids in by_status.items()
        if ids
    ]
    if troubled:
        ids = [c for k in by_status for c in by_status[k]]
        out.append(f"{listing(troubled).capitalize()}: {_names(_quoted(site, ids))}.")
    behind = _behind(site)
    if behind:
        n = len(behind)
        out.append(
            f"{count(n, 'commitment')} marked on track {plural(n, 'is', 'are')} behind "
            f"{plural(n, 'its', 'their')} own line to target: {_names(_quoted(site, behind))}."
        )
    ends = planned_ends(site)
    late = [cid for cid in site.commitments if late_work(site, cid, ends)]
    if late:
        n = len(late)
        out.append(
            f"The plan finishes the work behind {count(n, 'commitment')} after "
            f"{plural(n, 'its', 'their')} due {plural(n, 'date')}: {_names(_quoted(site, late))}."
        )
    overdue = _overdue(site)
    if overdue:
        n = len(overdue)
        out.append(
            f"{count(n, 'commitment')} {plural(n, 'is')} past {plural(n, 'its', 'their')} due "
            f"date without being marked met or missed: {_names(_quoted(site, overdue))}."
        )
    over = _over_capacity(site)
    if over:
        out.append(
            f"{count(over[0], 'initiative')} {plural(over[0], 'is')} in progress, more than the "
            f"{over[1]} the strategy says can run at once."
        )
    amber = [a for a in p.answers if a.status == "amber"]
    if amber and not red:
        named = listing([f"{a.number} ({a.label.lower()})" for a in amber])
        out.insert(
            0,
            f"No question is at red; {count(len(amber), 'question')} "
            f"{plural(len(amber), 'has', 'have')} concerns to discuss: "
            f"{plural(len(amber), 'question')} {named}.",
        )
    withheld = ""
    if p.withheld:
        off, hidden = len(p.withheld.switched_off), len(p.withheld.hidden)
        parts = []
        if off:
            parts.append(f"{count(off, 'check')} {plural(off, 'is')} switched off")
        if hidden:
            parts.append(f"{count(hidden, 'finding')} {plural(hidden, 'is')} suppressed")
        withheld = (
            f"{listing(parts).capitalize()}; the questions they inform are not shown as green."
        )
    if not out and not withheld:
        grey = [a for a in p.answers if a.status != "green"]
        out.append(
            "The checks found no concerns: all ten questions are green."
            if not grey
            else f"{count(len(grey), 'question')} could not be checked."
        )
    if withheld:
        out = [*out[: MAX_POINTS - 1], withheld]
    return out[:MAX_POINTS]


def decisions(site: Site, p: Paper) -> list[str]:
    """What the board is asked to decide: the owner's list, then what the data calls for."""
    board = site.strategy.board
    out = [plain(d) for d in (board.decisions if board is not None else [])]
    asks: list[str] = []
    ends = planned_ends(site)
    for cid, c in site.commitments.items():
        late = late_work(site, cid, ends)
        if c.status not in ("off-track", "at-risk") and not late:
            continue
        why = f"due {longdate(c.due)}" if c.due else "no due date"
        if late:
            why += f"; its work is planned to finish {longdate(late[-1][1])}"
        asks.append(f"{quote(c.statement, MAX_QUOTE)} ({why})")
    if asks:
        shown = asks[:MAX_NAMED]
        rest = len(asks) - len(shown)
        text = f"Agree whether to re-date or descope {listing(shown)}"
        if rest:
            text += f", and {count(rest, 'other commitment')} under question 6"
        out.append(text + ".")
    over = _over_capacity(site)
    if over:
        out.append(
            f"Confirm the capacity for digital work, or agree which of the {over[0]} initiatives "
            f"in progress to pause (the strategy says {over[1]} can run at once)."
        )
    red = [str(a.number) for a in p.answers if a.status == "red"]
    if red:
        out.append(
            f"Ask the strategy owner to bring a plan to resolve {plural(len(red), 'question')} "
            f"{listing(red)} to the next board."
        )
    if p.withheld.switched_off:
        n = len(p.withheld.switched_off)
        out.append(
            f"Agree whether the {count(n, 'check')} switched off should stay off (they are "
            "listed in the appendix, under “Checks not applied”)."
        )
    return out


__all__ = ["decisions", "points"]
