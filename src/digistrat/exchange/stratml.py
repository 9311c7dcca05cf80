"""StratML (ISO 17469-1): the strategy as a Part 1 StrategicPlan or a Part 2
PerformancePlanOrReport, for tools that read strategic plans.

How the strategy maps onto StratML (docs/exchange.md says the same for users):

* the plan's ``Name`` is the strategy's title; ``Organization`` the organisation, with the
  strategy's owner (a ``Person``) and the user groups (each a ``Generic_Group``) as its
  stakeholders;
* ``Mission`` is the mission; each principle is a ``Value``;
* each of the organisation's objectives is a ``Goal``; under it, each initiative that serves it
  and each commitment delivered by such an initiative is an ``Objective``. Work that names no
  objective sits under one more goal, "Work not linked to an objective";
* Part 2 adds, to each commitment with a measure, a ``PerformanceIndicator``: the baseline and
  each dated progress update as actual results, the target (by the due date) as the target
  result;
* ``AdministrativeInformation`` holds the horizon's start and end dates, the date the strategy
  was last reviewed (as the publication date) and where it is published.

Identifiers are the digistrat ids with the kind in front (``objective-timely-care``); an
initiative or commitment under a goal adds the goal's (``objective-timely-care.initiative-x``),
since one initiative may serve several goals and an XML identifier may appear only once. The
same strategy gives the same bytes on every run: nothing depends on the clock or the order
files were read in.

Written with the standard library's ElementTree, in the schema's namespace as the default one
(no prefixes, no other namespaces). Characters XML cannot hold (control characters) are left
out of the text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from digistrat.voice import change, count, listing, longdate, money, quantity

if TYPE_CHECKING:
    from digistrat.models import Commitment, Initiative, Owner, UserGroup
    from digistrat.models.common import Measure
    from digistrat.repository import Repository

PART1_NS = "urn:ISO:std:iso:17469:tech:xsd:stratml_core"
"""The namespace of Part 1 (StrategicPlan, 2014-04-01)."""
PART2_NS = "urn:ISO:std:iso:17469:tech:xsd:PerformancePlanOrReport"
"""The namespace of Part 2 (PerformancePlanOrReport, 2016-02-16)."""

Part = Literal[1, 2]

UNLINKED = "unlinked"
"""The identifier of the goal that holds work naming none of the organisation's objectives."""

# Characters XML 1.0 cannot hold, and the C1 control characters it can but should not.
_NOT_XML = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]",
)
_WEB_ADDRESS = re.compile(r"^https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")

_KIND_WORDS = {
    "clinical": "A clinical objective",
    "operational": "An operational objective",
    "financial": "A financial objective",
    "people": "A people objective",
    "corporate": "A corporate objective",
}


def clean(text: str) -> str:
    """``text`` as XML can hold it: control characters left out, line ends as ``\\n``."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def decimal(value: float) -> str:
    """A number as ``xsd:decimal`` writes it: ``40``, ``0.7``, ``1000000000000``; never ``1e12``."""
    text = format(Decimal(repr(float(value))), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


@dataclass(frozen=True)
class _Placed:
    """An initiative or commitment under one goal."""

    kind: Literal["initiative", "commitment"]
    id: str


def stratml(repo: Repository, part: Part = 1) -> bytes:
    """The strategy as a StratML document (UTF-8 bytes with an XML declaration).

    Part 1 is a StrategicPlan; part 2 a PerformancePlanOrReport with performance indicators.
    Needs a strategy that loaded (``repo.strategy`` is not None); entries that failed to load
    are not in ``repo`` and so not in the document.
    """
    if repo.strategy is None:
        raise ValueError("the strategy did not load")
    root = _Writer(repo, part).document()
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def goal_count(repo: Repository) -> int:
    """How many goals the document has: one per objective, and one more for the work linked to
    none of them when there is some (or when there is no objective at all)."""
    return len(_Writer(repo, 1).goals())


class _Writer:
    def __init__(self, repo: Repository, part: Part) -> None:
        assert repo.strategy is not None
        self.repo = repo
        self.strategy = repo.strategy
        self.part = part
        self.ns = PART1_NS if part == 1 else PART2_NS
        self.reported = False
        """Whether any actual result was written (part 2: then a report, else a plan)."""

    # -- building blocks ---------------------------------------------------------------

    def el(self, parent: ET.Element | None, tag: str, text: str | None = None) -> ET.Element:
        node = ET.Element(tag) if parent is None else ET.SubElement(parent, tag)
        if text is not None:
            node.text = clean(text)
        return node

    def stakeholder(
        self,
        parent: ET.Element,
        name: str,
        description: str | None,
        kind: Literal["Person", "Generic_Group"],
        role: tuple[str, Literal["Performer", "Beneficiary"]] | None = None,
    ) -> None:
        node = self.el(parent, "Stakeholder")
        node.set("StakeholderTypeType", kind)
        self.el(node, "Name", name)
        if description:
            self.el(node, "Description", description)
        if self.part == 2 and role is not None:
            role_node = self.el(node, "Role")
            self.el(role_node, "Name", role[0])
            self.el(role_node, "RoleType", role[1])

    def owner(self, parent: ET.Element, owner: Owner | None) -> None:
        if owner is None:
            return
        about = f"{owner.role}, {owner.function} lead" if owner.role else f"{owner.function} lead"
        self.stakeholder(parent, owner.name, about, "Person", ("Owner", "Performer"))

    def group(self, parent: ET.Element, group: UserGroup) -> None:
        about = group.description or f"{group.kind.capitalize()} group"
        self.stakeholder(parent, group.name, about, "Generic_Group", ("Users", "Beneficiary"))

    # -- the document ------------------------------------------------------------------

    def document(self) -> ET.Element:
        s = self.strategy
        root = self.el(None, "StrategicPlan" if self.part == 1 else "PerformancePlanOrReport")
        # Elements are written unqualified under this one default namespace (ElementTree's
        # default_namespace refuses the schema's unqualified attributes).
        root.set("xmlns", self.ns)
        self.el(root, "Name", s.title)
        core = self.el(root, "StrategicPlanCore")
        self.organisation(core)
        if s.mission:
            mission = self.el(core, "Mission")
            self.el(mission, "Description", s.mission)
            self.el(mission, "Identifier", "mission")
        for principle in s.principles:
            value = self.el(core, "Value")
            self.el(value, "Name", principle.name)
            self.el(value, "Description", principle.meaning)
        for goal_id, name, about, placed in self.goals():
            self.goal(core, goal_id, name, about, placed)
        self.administrative(root)
        if self.part == 2:
            root.set("Type", "Performance_Report" if self.reported else "Performance_Plan")
        return root

    def organisation(self, core: ET.Element) -> None:
        s = self.strategy
        org = self.el(core, "Organization")
        self.el(org, "Name", s.organisation)
        self.el(org, "Identifier", "organisation")
        if s.system is not None:
            self.el(org, "Description", f"Part of {s.system.name}.")
        self.owner(org, s.owner)
        for ident in sorted(self.repo.users):
            self.group(org, self.repo.users[ident])

    def goals(self) -> list[tuple[str, str, str, list[_Placed]]]:
        """(identifier, name, description, work under it) for each goal, in strategy order."""
        objectives = [o.id for o in self.strategy.objectives]
        under: dict[str, list[_Placed]] = {o: [] for o in [*objectives, UNLINKED]}
        goals_of: dict[str, list[str]] = {}
        for ident in sorted(self.repo.initiatives):
            served = [o for o in objectives if o in self.repo.initiatives[ident].objectives]
            goals_of[ident] = served
            for goal in served or [UNLINKED]:
                under[goal].append(_Placed("initiative", ident))
        for ident in sorted(self.repo.commitments):
            behind = self.repo.commitments[ident].initiatives
            served = [o for o in objectives if any(o in goals_of.get(i, ()) for i in behind)]
            for goal in served or [UNLINKED]:
                under[goal].append(_Placed("commitment", ident))
        result = []
        for o in self.strategy.objectives:
            about = _KIND_WORDS[o.kind] + (f", from {o.source}." if o.source else ".")
            result.append((f"objective-{o.id}", o.title, about, under[o.id]))
        if under[UNLINKED] or not result:  # StratML needs at least one goal
            result.append(
                (
                    UNLINKED,
                    "Work not linked to an objective",
                    "Initiatives and commitments that name none of the organisation's objectives.",
                    under[UNLINKED],
                )
            )
        return result

    def goal(
        self, core: ET.Element, goal_id: str, name: str, about: str, placed: list[_Placed]
    ) -> None:
        goal = self.el(core, "Goal")
        self.el(goal, "Name", name)
        self.el(goal, "Description", about)
        self.el(goal, "Identifier", goal_id)
        for item in placed:
            ident = f"{goal_id}.{item.kind}-{item.id}"
            if item.kind == "initiative":
                self.initiative(goal, ident, self.repo.initiatives[item.id])
            else:
                self.commitment(goal, ident, self.repo.commitments[item.id])

    def initiative(self, goal: ET.Element, ident: str, i: Initiative) -> None:
        node = self.el(goal, "Objective")
        self.el(node, "Name", i.name)
        if i.description:
            self.el(node, "Description", i.description)
        self.el(node, "Identifier", ident)
        self.owner(node, i.owner)
        for group_id in _groups(i.needs):
            if group_id in self.repo.users:
                self.group(node, self.repo.users[group_id])
        self.el(node, "OtherInformation", self.initiative_facts(i))

    def initiative_facts(self, i: Initiative) -> str:
        facts = [
            f"Initiative. Status: {i.status.replace('-', ' ')}.",
            f"Category: {i.category} ({i.type}).",
        ]
        if i.start and i.end:
            facts.append(f"Runs from {longdate(i.start)} to {longdate(i.end)}.")
        elif i.start:
            facts.append(f"Starts {longdate(i.start)}.")
        elif i.end:
            facts.append(f"Ends {longdate(i.end)}.")
        if i.cost is not None:
            facts.append(f"Estimated cost {money(i.cost)}.")
        if i.exemplar:
            facts.append("An exemplar: a first step that delivers value in under six months.")
        return " ".join(facts)

    def commitment(self, goal: ET.Element, ident: str, c: Commitment) -> None:
        node = self.el(goal, "Objective")
        self.el(node, "Name", c.statement)
        if c.outcome:
            self.el(node, "Description", c.outcome)
        self.el(node, "Identifier", ident)
        self.owner(node, c.owner)
        self.el(node, "OtherInformation", self.commitment_facts(c))
        if self.part == 2 and c.measure is not None:
            self.indicator(node, f"{ident}.measure", c)

    def commitment_facts(self, c: Commitment) -> str:
        facts = [f"Commitment. Status: {c.status.replace('-', ' ')}."]
        if c.due:
            facts.append(f"Due {longdate(c.due)}.")
        names = [self.repo.initiatives[i].name for i in c.initiatives if i in self.repo.initiatives]
        if names:
            facts.append(f"Delivered by {count(len(names), 'initiative')}: {listing(names)}.")
        if c.measure is not None:
            m = c.measure
            facts.append(f"Measure: {m.metric}, {change(m.baseline, m.target, m.unit)}.")
        latest = max(c.progress, key=lambda p: p.date, default=None)
        if latest is not None:
            measured = "" if latest.value is None else f", measured {self._value(c, latest.value)}"
            facts.append(f"Latest progress ({longdate(latest.date)}{measured}): {latest.note}")
        return " ".join(facts)

    @staticmethod
    def _value(c: Commitment, value: float) -> str:
        return quantity(value, c.measure.unit if c.measure else None)

    def indicator(self, parent: ET.Element, ident: str, c: Commitment) -> None:
        m: Measure = c.measure  # type: ignore[assignment]
        node = self.el(parent, "PerformanceIndicator")
        node.set("ValueChainStage", "Outcome")
        node.set("PerformanceIndicatorType", "Quantitative")
        self.el(node, "MeasurementDimension", m.metric)
        self.el(node, "UnitOfMeasurement", m.unit or "")
        self.el(node, "Identifier", ident)
        if m.baseline is not None:
            self.result(node, "ActualResult", m.baseline_date, m.baseline, "Baseline")
        for p in sorted(c.progress, key=lambda p: p.date):
            self.result(node, "ActualResult", p.date, p.value, p.note)
        if m.target is not None or c.due is not None:
            self.result(node, "TargetResult", c.due, m.target, "Target")
        if m.source:
            self.el(node, "OtherInformation", f"Source: {m.source}")

    def result(
        self, indicator: ET.Element, tag: str, day: object, value: float | None, about: str
    ) -> None:
        instance = self.el(indicator, "MeasurementInstance")
        node = self.el(instance, tag)
        if day is not None:
            self.el(node, "EndDate", day.isoformat())  # type: ignore[attr-defined]
        if value is not None:
            self.el(node, "NumberOfUnits", decimal(value))
        self.el(node, "Description", about)
        if tag == "ActualResult":
            self.reported = True

    def administrative(self, root: ET.Element) -> None:
        s = self.strategy
        start = s.horizon.start if s.horizon else None
        end = s.horizon.end if s.horizon else None
        published = s.review.last_reviewed if s.review else None
        where = s.communication.published_at if s.communication else None
        source = where if where and _WEB_ADDRESS.match(where) else None
        if not any((start, end, published, source)):
            return
        admin = self.el(root, "AdministrativeInformation")
        for tag, day in (("StartDate", start), ("EndDate", end), ("PublicationDate", published)):
            if day is not None:
                self.el(admin, tag, day.isoformat())
        if source:
            self.el(admin, "Source", source)


def _groups(needs: Iterable[str]) -> list[str]:
    """The user groups of ``<group>/<need>`` references, each once, in order."""
    seen: dict[str, None] = {}
    for need in needs:
        seen.setdefault(need.split("/", 1)[0], None)
    return list(seen)
