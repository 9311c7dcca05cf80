"""The evidence for each of the board's ten questions, gathered from the repository: one small
function per question (``BUILDERS``), each filling an :class:`~digistrat.render.board.Answer`
with a one-line summary, facts, items and, where the data itself says something is wrong
(a commitment off track, work planned to finish after its commitment is due), concerns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from digistrat.frameworks import Coverage
from digistrat.render.assurance import Concern
from digistrat.render.context import Site
from digistrat.render.text import plain, words
from digistrat.voice import change, count, listing, longdate, money, quantity

if TYPE_CHECKING:
    from digistrat.render.board import Answer


@dataclass(slots=True)
class Item:
    """One line of evidence, optionally linking to an entity page (``kind``/``ident``)."""

    text: str
    kind: str = ""
    ident: str = ""
    note: str = ""
    status: str = ""
    """A status word shown as a tag (a commitment's ``at-risk``), if any."""


MAX_QUOTE = 90
"""The longest quotation in a concern or a summary line (characters); a longer one is cut with
an ellipsis, and the appendix lists the entry whole."""


def quote(text: str, limit: int | None = None) -> str:
    """Text from the strategy quoted in a sentence: “Roll out Teams” (no full stop inside).

    With ``limit``, a longer text is cut at its first sentence, or else at the last clause
    (a comma, colon or semicolon) that fits, or else at a word, with an ellipsis: the summary
    names things, the appendix gives them whole. A cut at a clause reads as a whole phrase
    ("… leaves hospital…"), not a sentence broken off after "so"."""
    words = plain(text).rstrip(".")
    if limit is not None and len(words) > limit:
        first = words.split(". ", 1)[0]
        if len(first) <= limit:
            words = first + "…"
        else:
            clause = max(words.rfind(mark, 0, limit) for mark in (", ", ": ", "; "))
            cut = words.rfind(" ", 0, limit)
            if clause > limit * 2 // 3:  # a clause, if it keeps most of what fits
                cut = clause
            kept = words[:cut] if cut > limit // 2 else words[:limit]
            head, _, last = kept.rpartition(" ")
            while head and last.lower() in _DANGLING:  # not "… a good service by…"
                kept = head
                head, _, last = kept.rpartition(" ")
            words = kept.rstrip(",;:") + "…"
    return f"“{words}”"


_DANGLING = frozenset(
    {
        *("a", "an", "and", "are", "at", "be", "by", "for", "from", "in", "is", "its", "of"),
        *("on", "or", "our", "so", "the", "their", "they", "to", "we", "with", "whose"),
        *("which", "that", "who"),
    }
)
"""Small words a cut quotation should not end on."""


def _pct(part: int, whole: int) -> str:
    return f"{part} of {whole}" if whole else "none"


def _q1(site: Site, a: Answer) -> None:
    s = site.strategy
    linked = sum(1 for i in site.initiatives.values() if i.objectives)
    a.empty = not s.objectives
    serves = count(len(s.objectives), "organisational objective")
    a.summary = f"Digital serves {serves}; " + (
        f"{_pct(linked, len(site.initiatives))} initiatives say which objectives they serve."
        if site.initiatives
        else "no initiatives have been recorded yet."
    )
    maturity = {
        "absent": "absent: digital is not yet part of the organisation's strategy",
        "siloed": "siloed: a separate digital strategy, focused on the basics",
        "embedded": "embedded: digital is part of the organisation's strategy",
    }
    a.facts.append(("How embedded digital is", maturity.get(s.maturity or "", "not stated")))
    for o in s.objectives:
        n = len(site.by_objective.get(o.id, []))
        a.items.append(Item(o.title, "objective", o.id, f"served by {count(n, 'initiative')}"))


def _q2(site: Site, a: Answer) -> None:
    s = site.strategy
    words = len(plain(s.mission).split()) if s.mission else 0
    a.empty = not s.mission
    a.summary = (
        f"Our mission: {quote(s.mission)} ({count(words, 'word')})."
        if s.mission
        else "No mission has been written down."
    )
    channels = s.communication.channels if s.communication else []
    a.facts.append(("Principles", str(len(s.principles))))
    a.facts.append(
        ("How people hear about it", "; ".join(channels) if channels else "not recorded")
    )
    if s.communication and s.communication.published_at:
        a.facts.append(("Published at", s.communication.published_at))


def _q3(site: Site, a: Answer) -> None:
    needs = list(site.needs.values())
    high = [n for n in needs if n.need.priority == "high"]
    evidenced = sum(1 for n in needs if n.need.evidence)
    unaddressed = [n for n in high if n.ref not in site.by_need]
    inclusive = [g for g in site.users.values() if g.at_risk_of_exclusion or g.specific_needs]
    groups = count(len(site.users), "user group")
    a.empty = not site.users
    a.summary = (
        f"{groups} with {count(len(needs), 'need')}; {len(high)} high priority, "
        + (
            f"{len(unaddressed)} of them not yet addressed by any initiative."
            if unaddressed
            else "each addressed by at least one initiative."
        )
        if needs
        else f"{groups}, and no needs recorded yet."
    )
    a.facts.append(("Needs backed by evidence", _pct(evidenced, len(needs))))
    a.facts.append(("Groups with specific needs or at risk of exclusion", str(len(inclusive))))
    for n in unaddressed:
        a.items.append(
            Item(f"Not yet addressed: {plain(n.need.statement)}", "users", n.group_id, n.group_name)
        )


def _q4(site: Site, a: Answer) -> None:
    services = list(site.services.values())
    measured = [s for s in services if s.measures and s.measures.volume_per_year is not None]
    owned = sum(1 for s in services if s.owner)
    take_up = [s.measures.digital_take_up for s in services if s.measures]
    known = [t for t in take_up if t is not None]
    a.empty = not services
    a.summary = (
        f"{count(len(services), 'service')} mapped; "
        f"{_pct(len(measured), len(services))} have volumes and "
        f"{_pct(owned, len(services))} have a named owner."
        if services
        else "No services have been mapped yet."
    )
    if known:
        a.facts.append(("Average digital take-up", f"{sum(known) / len(known):.0f}%"))
    costs = [s.measures.cost_per_use for s in services if s.measures]
    priced = [c for c in costs if c is not None]
    if priced:
        a.facts.append(("Cost per use", f"{money(min(priced))} to {money(max(priced))}"))
    legacy = [s for s in services if s.status in ("legacy", "retiring")]
    a.facts.append(("Legacy or retiring services", str(len(legacy))))
    for s in legacy:
        when = f"switch-off {longdate(s.switch_off)}" if s.switch_off else "no switch-off date"
        a.items.append(Item(s.name, "services", s.id or "", when))


def _q5(site: Site, a: Answer) -> None:
    s = site.strategy
    active = sum(1 for i in site.initiatives.values() if i.status == "in-progress")
    cap = s.capacity.concurrent_initiatives if s.capacity else None
    a.empty = not s.not_doing
    a.summary = (
        (
            f"{count(len(s.not_doing), 'thing')} we have decided not to do; "
            if s.not_doing
            else "Nothing is recorded as decided against; "
        )
        + f"{count(active, 'initiative')} in progress, against a capacity of "
        f"{cap if cap is not None else 'an unstated number'}."
    )
    stopped = sum(1 for i in site.initiatives.values() if i.status == "stopped")
    a.facts.append(("Initiatives stopped", str(stopped)))
    for nd in s.not_doing:
        a.items.append(Item(nd.what, note=plain(nd.why)))


OPEN = ("on-track", "at-risk", "off-track")
"""Commitment statuses still to be delivered."""


def planned_ends(site: Site) -> dict[str, date]:
    """When the delivery plan (capacity and dependencies respected, §10) finishes each open
    initiative; an initiative the plan does not place keeps its own end date."""
    ends = {iid: i.end for iid, i in site.initiatives.items() if i.end is not None}
    for slots in site.priorities.roadmap.values():
        for slot in slots:
            if slot.ends is not None:
                ends[slot.id] = slot.ends
    return ends


def late_work(site: Site, cid: str, ends: Mapping[str, date]) -> list[tuple[str, date]]:
    """(initiative name, planned end) of unfinished work behind commitment ``cid`` that is
    planned to finish after the commitment is due, earliest first."""
    c = site.commitments[cid]
    if c.due is None or c.status not in OPEN:
        return []
    late = []
    for iid in dict.fromkeys(c.initiatives):
        i = site.initiatives.get(iid)
        end = ends.get(iid)
        if i is not None and i.status not in ("done", "stopped") and end and end > c.due:
            late.append((i.name, end))
    return sorted(late, key=lambda x: (x[1], x[0]))


def _q6(site: Site, a: Answer) -> None:
    cs = list(site.commitments.values())
    dated = sum(1 for c in cs if c.due)
    functions = Counter(c.owner.function for c in cs if c.owner)
    led = functions["clinical"] + functions["operational"]
    a.empty = not cs
    a.summary = (
        f"{count(len(cs), 'commitment')}, {_pct(dated, len(cs))} with a due date; "
        f"{_pct(led, len(cs))} led by clinical or operational owners."
        if cs
        else "No commitments have been made yet."
    )
    status: Counter[str] = Counter(c.status for c in cs)
    if status:
        order = ("on-track", "at-risk", "off-track", "met", "missed")
        a.facts.append(
            (
                "Status, as reported by their owners",
                ", ".join(f"{status[k]} {k.replace('-', ' ')}" for k in order if status[k]),
            )
        )
    ends = planned_ends(site) if cs else {}
    for cid, c in site.commitments.items():
        name = quote(c.statement, MAX_QUOTE)
        due = f"due {longdate(c.due)}" if c.due else "no due date"
        a.items.append(Item(plain(c.statement), "commitments", cid, due, c.status))
        if c.status == "off-track":
            a.concerns.append(Concern("error", f"{name} is off track ({due})."))
        elif c.status == "at-risk":
            a.concerns.append(Concern("warning", f"{name} is at risk ({due})."))
        elif c.status == "missed":
            a.concerns.append(Concern("warning", f"{name} was missed ({due})."))
        late = late_work(site, cid, ends)
        if late:
            work, end = late[-1]
            a.concerns.append(
                Concern(
                    "warning",
                    f"{name} is due {longdate(c.due)}, but the work behind it ({work}) is "
                    f"planned to finish {longdate(end)}.",
                )
            )


def _q7(site: Site, a: Answer) -> None:
    s = site.strategy
    updated = sum(1 for c in site.commitments.values() if c.progress)
    measured = sum(
        1
        for c in site.commitments.values()
        if c.measure and c.measure.baseline is not None and c.measure.target is not None
    )
    a.empty = not s.indicators and not measured
    a.summary = f"{count(len(s.indicators), 'indicator')} tracked" + (
        f"; {_pct(measured, len(site.commitments))} commitments have a baseline and a target, "
        f"{_pct(updated, len(site.commitments))} have progress updates."
        if site.commitments
        else "."
    )
    for r in s.rhythm:
        a.facts.append((words(r.kind).capitalize(), r.frequency))
    for ind in s.indicators:
        target = (
            change(ind.baseline, ind.target, ind.unit)
            if ind.baseline is not None and ind.target is not None
            else "baseline or target missing"
        )
        a.items.append(Item(ind.name, note=target))
    for cid, c in site.commitments.items():
        m = c.measure
        if m is not None and (m.baseline is not None or m.target is not None):
            note = f"{m.metric}: {_from_to(m.baseline, m.target, m.unit)}"
            last = c.progress[-1] if c.progress else None
            if last is not None and last.value is not None:
                note += f"; {quantity(last.value, m.unit)} on {longdate(last.date)}"
            a.items.append(Item(plain(c.statement), "commitments", cid, note))


def _from_to(baseline: float | None, target: float | None, unit: str | None) -> str:
    """``£1.45 → £0.70``; a missing end said in words (``no baseline → 100%``), not a dash."""
    if baseline is not None and target is not None:
        return change(baseline, target, unit)
    if baseline is None:
        return f"no baseline → {quantity(target, unit)}"
    return f"{quantity(baseline, unit)} → no target"


def _q8(site: Site, a: Answer) -> None:
    system = site.strategy.system
    a.empty = system is None
    if system is None:
        a.summary = "The integrated care system context has not been described."
        _frameworks(site, a)
        return
    a.summary = f"We are part of {system.name}."
    if system.alignment:
        a.facts.append(("How we align", plain(system.alignment)))
    for p in system.shared_priorities:
        a.items.append(Item(p, note="shared priority"))
    _frameworks(site, a)


def _frameworks(site: Site, a: Answer) -> None:
    """Framework coverage: one sentence per framework for the summary, each measure that
    lacks funded work in the appendix (the frameworks page lists every measure)."""
    for c in site.coverage:
        a.summary = f"{a.summary.rstrip('.')}. {coverage_line(c)}".lstrip(". ")
        if not c.mapped:
            continue
        for row in c.measures:
            what = f"{c.framework.name}: {row.measure.name}"
            if row.state == "uncovered":
                a.items.append(Item(what, note="no initiative"))
            elif row.state == "unfunded":
                names = listing([quote(site.initiatives[i].name, 60) for i in row.initiatives])
                a.items.append(Item(what, note=f"only proposed: {names}"))


def coverage_line(c: Coverage) -> str:
    """How one framework is covered, in a sentence: ``What Good Looks Like: 5 of 7 measures
    have funded work; “Well led” has none.``"""
    n = len(c.measures)
    if not c.mapped:
        return f"The strategy does not yet say which {c.framework.name} measures its work serves."
    line = f"{c.framework.name}: {len(c.covered)} of {n} measures have funded work"
    gaps = [
        (c.uncovered, "no initiative", "have no initiative"),
        (c.unfunded, "only proposed work", "have only proposed work"),
    ]
    for rows, one, many in gaps:
        if len(rows) == 1:
            line += f"; “{rows[0].measure.name}” has {one}"
        elif rows:
            line += f"; {len(rows)} {many}"
    return line + "."


def _q9(site: Site, a: Answer) -> None:
    s = site.strategy
    a.empty = not s.ways_of_working
    a.summary = (
        f"{count(len(s.ways_of_working), 'planned change')} to how we work; "
        f"{count(len(s.rhythm), 'regular meeting')} in the delivery rhythm."
    )
    for w in s.ways_of_working:
        a.items.append(Item(plain(w.change), note=w.area))


def _q10(site: Site, a: Answer) -> None:
    risks = site.strategy.risks
    kinds = Counter(r.kind for r in risks)
    mitigated = sum(1 for r in risks if r.mitigation)
    a.empty = not risks
    a.summary = (
        f"{count(len(risks), 'risk')} recorded; {_pct(mitigated, len(risks))} have a mitigation."
        if risks
        else "No risks have been recorded yet."
    )
    if kinds:
        a.facts.append(
            ("Kinds", ", ".join(f"{k.replace('-', ' ')} ({n})" for k, n in sorted(kinds.items())))
        )
    for r in risks:
        owner = f"owner {r.owner.name}" if r.owner else "no owner"
        a.items.append(Item(plain(r.risk), note=owner))


BUILDERS: dict[int, Callable[[Site, Answer], None]] = {
    1: _q1,
    2: _q2,
    3: _q3,
    4: _q4,
    5: _q5,
    6: _q6,
    7: _q7,
    8: _q8,
    9: _q9,
    10: _q10,
}
"""Question number → the function that gathers its evidence."""
