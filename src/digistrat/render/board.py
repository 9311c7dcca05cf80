"""The board assurance report: the guide's ten questions for boards (§2), answered from the
repository, each with a red, amber or green status derived from ``check`` findings."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from digistrat.findings import Finding
from digistrat.render.context import Site
from digistrat.render.text import plain

Status = Literal["red", "amber", "green", "not-assessed"]

STATUS_TEXT: dict[str, str] = {
    "red": "Red: needs attention",
    "amber": "Amber: some concerns",
    "green": "Green: no concerns found",
    "not-assessed": "Not assessed: no checks cover this question",
}

EMPTY_TEXT = "Amber: nothing recorded yet"

QUESTIONS: dict[int, tuple[str, str]] = {
    1: ("How integrated are our digital and business strategies?", "§2 Q1, §4"),
    2: ("Do we have a short mission that people across the organisation understand?", "§2 Q2"),
    3: ("Do we understand our users and their most important needs?", "§2 Q3, §7"),
    4: ("Do we know which digital services we run and how well they perform?", "§2 Q4, §6"),
    5: ("What have we decided not to prioritise?", "§2 Q5, §10"),
    6: ("Have we committed to realistic, tangible actions with clear owners?", "§2 Q6, §11"),
    7: ("How will we know whether the strategy is working?", "§2 Q7, §12"),
    8: ("How does our strategy fit the integrated care system's strategy?", "§2 Q8, §5"),
    9: ("How will the way we work change to make digital succeed?", "§2 Q9, §12"),
    10: ("What could go wrong, and what are we doing about it?", "§2 Q10"),
}


def rag(
    findings: Iterable[Finding], questions_of: Mapping[str, Iterable[int]]
) -> dict[int, tuple[Status, list[Finding]]]:
    """Status of each board question from the findings of the rules that inform it.

    ``questions_of`` maps a rule code to the question numbers it informs. Any error makes a
    question red, any warning amber; a question no rule informs is ``not-assessed``.
    """
    covered: set[int] = set()
    for qs in questions_of.values():
        covered.update(qs)
    by_q: dict[int, list[Finding]] = {q: [] for q in QUESTIONS}
    for f in findings:
        for q in questions_of.get(f.code, ()):
            if q in by_q:
                by_q[q].append(f)
    out: dict[int, tuple[Status, list[Finding]]] = {}
    for q, found in by_q.items():
        found.sort(key=lambda f: (-_weight(f), f.sort_key))
        severities = {f.severity for f in found}
        status: Status
        if q not in covered:
            status = "not-assessed"
        elif "error" in severities:
            status = "red"
        elif "warning" in severities:
            status = "amber"
        else:
            status = "green"
        out[q] = (status, found)
    return out


def _weight(f: Finding) -> int:
    return {"error": 2, "warning": 1}.get(f.severity, 0)


@dataclass(slots=True)
class Item:
    """One line of evidence, optionally linking to an entity page (``kind``/``ident``)."""

    text: str
    kind: str = ""
    ident: str = ""
    note: str = ""


@dataclass(slots=True)
class Answer:
    """One board question answered."""

    number: int
    question: str
    section: str
    status: Status
    status_text: str
    summary: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    empty: bool = False
    """Nothing is recorded that could answer the question."""


def _pct(part: int, whole: int) -> str:
    return f"{part} of {whole}" if whole else "none"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}" if n else f"no {many}"


def answers(site: Site, questions_of: Mapping[str, Iterable[int]]) -> list[Answer]:
    """The ten questions, each with evidence from the repository and its status."""
    statuses = rag(site.findings, questions_of)
    builders = {
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
    out = []
    for number, (question, section) in QUESTIONS.items():
        status, found = statuses[number]
        answer = Answer(number, question, section, status, STATUS_TEXT[status], "")
        builders[number](site, answer)
        answer.findings = found
        if answer.empty and status in ("green", "not-assessed"):
            answer.status, answer.status_text = "amber", EMPTY_TEXT
        out.append(answer)
    return out


def _q1(site: Site, a: Answer) -> None:
    s = site.strategy
    linked = sum(1 for i in site.initiatives.values() if i.objectives)
    a.empty = not s.objectives
    serves = _count(len(s.objectives), "organisational objective", "organisational objectives")
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
        a.items.append(Item(o.title, "objective", o.id, f"{n} initiative(s)"))


def _q2(site: Site, a: Answer) -> None:
    s = site.strategy
    words = len(plain(s.mission).split()) if s.mission else 0
    a.empty = not s.mission
    a.summary = (
        f"Our mission: “{plain(s.mission)}” ({words} words)."
        if s.mission
        else "No mission has been written down."
    )
    channels = s.communication.channels if s.communication else []
    a.facts.append(("Principles", str(len(s.principles))))
    a.facts.append(
        ("How people hear about it", ", ".join(channels) if channels else "not recorded")
    )
    if s.communication and s.communication.published_at:
        a.facts.append(("Published at", s.communication.published_at))


def _q3(site: Site, a: Answer) -> None:
    needs = list(site.needs.values())
    high = [n for n in needs if n.need.priority == "high"]
    evidenced = sum(1 for n in needs if n.need.evidence)
    unaddressed = [n for n in high if n.ref not in site.by_need]
    inclusive = [g for g in site.users.values() if g.at_risk_of_exclusion or g.specific_needs]
    a.empty = not site.users
    a.summary = (
        f"{_count(len(site.users), 'user group', 'user groups')} with "
        f"{_count(len(needs), 'need', 'needs')}; {len(high)} high priority, "
        f"{len(unaddressed)} of them not yet addressed by any initiative."
        if needs
        else f"{_count(len(site.users), 'user group', 'user groups')}, and no needs recorded yet."
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
        f"{_count(len(services), 'service', 'services')} mapped; "
        f"{_pct(len(measured), len(services))} have volumes and "
        f"{_pct(owned, len(services))} have a named owner."
        if services
        else "No services have been mapped yet."
    )
    if known:
        a.facts.append(("Average digital take-up", f"{sum(known) / len(known):.0f}%"))
    legacy = [s for s in services if s.status in ("legacy", "retiring")]
    a.facts.append(("Legacy or retiring services", str(len(legacy))))
    for s in legacy:
        when = f"switch-off {s.switch_off.isoformat()}" if s.switch_off else "no switch-off date"
        a.items.append(Item(s.name, "services", s.id or "", when))


def _q5(site: Site, a: Answer) -> None:
    s = site.strategy
    active = sum(1 for i in site.initiatives.values() if i.status == "in-progress")
    cap = s.capacity.concurrent_initiatives if s.capacity else None
    a.empty = not s.not_doing
    a.summary = (
        f"{_count(len(s.not_doing), 'thing', 'things')} we have decided not to do; "
        f"{_count(active, 'initiative', 'initiatives')} in progress, against a capacity of "
        f"{cap if cap is not None else 'an unstated number'}."
    )
    stopped = sum(1 for i in site.initiatives.values() if i.status == "stopped")
    a.facts.append(("Initiatives stopped", str(stopped)))
    for nd in s.not_doing:
        a.items.append(Item(nd.what, note=plain(nd.why)))


def _q6(site: Site, a: Answer) -> None:
    cs = list(site.commitments.values())
    measured = sum(
        1 for c in cs if c.measure and c.measure.baseline is not None and c.measure.target
    )
    dated = sum(1 for c in cs if c.due)
    functions = Counter(c.owner.function for c in cs if c.owner)
    led = functions["clinical"] + functions["operational"]
    a.empty = not cs
    a.summary = (
        f"{_count(len(cs), 'commitment', 'commitments')}: {_pct(measured, len(cs))} with a "
        f"baseline and a target, {_pct(dated, len(cs))} with a due date."
        if cs
        else "No commitments have been made yet."
    )
    a.facts.append(("Led by clinical or operational owners", _pct(led, len(cs))))
    status = Counter(c.status for c in cs)
    if status:
        a.facts.append(
            ("Status", ", ".join(f"{n} {k.replace('-', ' ')}" for k, n in sorted(status.items())))
        )
    for cid, c in site.commitments.items():
        due = c.due.isoformat() if c.due else "no date"
        a.items.append(Item(plain(c.statement), "commitments", cid, f"due {due}"))


def _q7(site: Site, a: Answer) -> None:
    s = site.strategy
    updated = sum(1 for c in site.commitments.values() if c.progress)
    a.empty = not s.indicators
    a.summary = f"{_count(len(s.indicators), 'indicator', 'indicators')} tracked" + (
        f"; {_pct(updated, len(site.commitments))} commitments have progress updates."
        if site.commitments
        else "."
    )
    for r in s.rhythm:
        a.facts.append((r.kind.replace("-", " ").capitalize(), r.frequency))
    for ind in s.indicators:
        target = (
            f"from {ind.baseline:g} to {ind.target:g}{ind.unit or ''}"
            if ind.baseline is not None and ind.target is not None
            else "baseline or target missing"
        )
        a.items.append(Item(ind.name, note=target))


def _q8(site: Site, a: Answer) -> None:
    system = site.strategy.system
    a.empty = system is None
    if system is None:
        a.summary = "The integrated care system context has not been described."
        return
    a.summary = f"We are part of {system.name}."
    if system.alignment:
        a.facts.append(("How we align", plain(system.alignment)))
    for p in system.shared_priorities:
        a.items.append(Item(p, note="shared priority"))


def _q9(site: Site, a: Answer) -> None:
    s = site.strategy
    a.empty = not s.ways_of_working and not s.rhythm
    a.summary = (
        f"{_count(len(s.ways_of_working), 'planned change', 'planned changes')} to how we work; "
        f"{_count(len(s.rhythm), 'regular meeting', 'regular meetings')} in the delivery rhythm."
    )
    for w in s.ways_of_working:
        a.items.append(Item(plain(w.change), note=w.area))


def _q10(site: Site, a: Answer) -> None:
    risks = site.strategy.risks
    kinds = Counter(r.kind for r in risks)
    mitigated = sum(1 for r in risks if r.mitigation)
    a.empty = not risks
    a.summary = (
        f"{_count(len(risks), 'risk', 'risks')} recorded; {_pct(mitigated, len(risks))} "
        "have a mitigation."
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
