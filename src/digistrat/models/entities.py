"""The four entity kinds, one file each: services, user groups, initiatives, commitments."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from digistrat.models.common import (
    Count,
    Day,
    Evidence,
    Id,
    Measure,
    Model,
    NeedRef,
    Number,
    Owner,
    Progress,
    ShortText,
    Text,
)
from digistrat.models.framework import MeasureRef


class ServiceMeasures(Model):
    """The service's numbers (§6), with the date they were measured so staleness shows."""

    measured_on: Day | None = None
    """When these figures were last measured, like 2026-03-31."""
    volume_per_year: Number | None = None
    """How many times the service is used each year."""
    cost_per_use: Number | None = None
    """What one use costs to provide, in pounds."""
    quality: Number | None = None
    """How good the service is, as a score out of 100 (e.g. from audit or CQC)."""
    digital_take_up: Number | None = None
    """Percentage of uses that happen digitally (0 to 100)."""
    user_satisfaction: Number | None = None
    """Percentage of users satisfied (0 to 100)."""
    completion_rate: Number | None = None
    """Percentage of people who start the service and finish it (0 to 100)."""
    failure_demand: Number | None = None
    """Percentage of contacts caused by something going wrong (chasing, re-booking; 0 to 100)."""


class Opportunity(Model):
    """How much the service could gain from digital change."""

    level: Literal["high", "medium", "low"]
    """High, medium or low."""
    why: Text | None = None
    """Why: what would improve for patients or staff."""


class Service(Model):
    """A service the organisation provides (§6 Map your services)."""

    id: Id | None = None
    """Defaults to the file name without ``.yaml``."""
    name: ShortText
    """The service's name as users know it."""
    description: Text | None = None
    """What the service does, for whom."""
    kind: Literal["transaction", "care", "pathway", "technology", "people"]
    """Transaction (booking, referring), care (consultations), pathway, technology or people."""
    owner: Owner | None = None
    """Who is accountable for running and improving it."""
    measures: ServiceMeasures | None = None
    """Volumes, cost, quality, take-up, satisfaction, completion and failure demand."""
    opportunity: Opportunity | None = None
    """How much it could benefit from digital transformation."""
    phase: Literal["discovery", "alpha", "beta", "live", "retired"] = "live"
    """Where it is in its life."""
    status: Literal["live", "legacy", "retiring"] = "live"
    """Live, legacy (to be replaced) or retiring."""
    switch_off: Day | None = None
    """When a legacy or retiring service will be switched off (§8: prioritise switching off)."""
    team: ShortText | None = None
    """The team that looks after it (§8: every tool needs a team)."""
    users: list[Id] = []
    """Ids of the user groups it serves."""
    systems: list[ShortText] = []
    """The systems it runs on."""


class SpecificNeed(Model):
    """A specific or unusual need the group has (§7: think about all your users)."""

    kind: Literal["accessibility", "language", "digital-exclusion", "cognitive", "sensory", "other"]
    """What sort of need."""
    note: Text
    """What it means for how services must work."""


class Need(Model):
    """A need the group has, with the evidence for it."""

    id: Id
    """Short id, unique within the group; initiatives refer to ``<group>/<need>``."""
    statement: Text
    """The need in the user's words, e.g. ``As a patient I need to know when my appointment is``."""
    priority: Literal["high", "medium", "low"]
    """How important it is to address."""
    evidence: list[Evidence] = []
    """Where we learnt about it."""


class UserGroup(Model):
    """A group of users with their needs (§7 Understand your users)."""

    id: Id | None = None
    """Defaults to the file name without ``.yaml``."""
    name: ShortText
    """The group's name, e.g. ``Outpatients``."""
    kind: Literal["patient", "carer", "staff", "public", "partner"]
    """Patients, carers, staff, the public or partner organisations."""
    description: Text | None = None
    """Who they are."""
    size: Count | None = None
    """Roughly how many people are in the group."""
    at_risk_of_exclusion: bool = False
    """Whether people in this group risk being left behind by digital services."""
    specific_needs: list[SpecificNeed] = []
    """Accessibility, language, digital exclusion and other specific needs."""
    needs: list[Need] = []
    """What they need, with evidence."""


class Sourcing(Model):
    """Build, buy or blend, and why (§8)."""

    approach: Literal["build", "buy", "blend"]
    """Build in-house, buy, or a blend."""
    rationale: Text | None = None
    """Why this approach."""


class Initiative(Model):
    """An initiative, project or proposal (§9, §10)."""

    id: Id | None = None
    """Defaults to the file name without ``.yaml``."""
    name: ShortText
    """A short name."""
    description: Text | None = None
    """What it is and what will change."""
    owner: Owner | None = None
    """Who is accountable for it."""
    category: Literal["maintain", "improve", "transform"]
    """Maintain, improve or transform (§10 Mixed portfolios)."""
    type: Literal["core", "experiment"] = "core"
    """Core (tried and tested) or experiment (riskier, higher reward)."""
    status: Literal["proposed", "approved", "in-progress", "done", "stopped"] = "proposed"
    """Where it is."""
    needs: list[NeedRef] = []
    """Needs it addresses, as ``<user-group>/<need>``."""
    services: list[Id] = []
    """Services it changes."""
    objectives: list[Id] = []
    """Objectives (from strategy.yaml) it serves."""
    serves: list[MeasureRef] = []
    """Framework measures it serves, as ``<framework>:<measure>``, e.g.
    ``wgll:safe-practice``."""
    scores: dict[str, Number] = {}
    """Scores per prioritisation criterion (keys are criterion ids)."""
    effort: Number | None = Field(default=None, ge=0)
    """Relative effort (for example person-months, or points from 1 to 10)."""
    cost: Number | None = Field(default=None, ge=0)
    """Estimated cost in pounds."""
    start: Day | None = None
    """Planned or actual start."""
    end: Day | None = None
    """Planned or actual end."""
    depends_on: list[Id] = []
    """Initiatives that must finish first."""
    bottlenecks: list[Id] = []
    """Ids of the bottlenecks (``capacity: bottlenecks:`` in strategy.yaml) it needs while it
    runs, e.g. ``information-governance``."""
    sourcing: Sourcing | None = None
    """Build, buy or blend."""
    exemplar: bool = False
    """An exemplar: a first step that delivers real value in under six months (§9)."""
    technology: list[ShortText] = []
    """Technology tags, e.g. ``electronic patient record``, ``AI``."""
    shared_priorities: list[Id] = []
    """Ids of the integrated care system's shared priorities this initiative works on (the
    ``objectives`` of the system repository's strategy.yaml, see docs/system.md); checked when
    the system repository is checked."""
    system_depends_on: list[Id] = []
    """Ids of the system's own initiatives (in the system repository) that must finish first,
    like the shared care record; checked when the system repository is checked."""


class Commitment(Model):
    """A public commitment: what will change for users, by when (§11 Set actions)."""

    id: Id | None = None
    """Defaults to the file name without ``.yaml``."""
    statement: Text
    """What will change for users, in plain words."""
    outcome: Text | None = None
    """The outcome for patients or staff."""
    owner: Owner | None = None
    """Who is accountable for it."""
    initiatives: list[Id] = []
    """Initiatives that deliver it."""
    serves: list[MeasureRef] = []
    """Framework measures it serves, as ``<framework>:<measure>``, e.g.
    ``wgll:empower-citizens``."""
    measure: Measure | None = None
    """How we will know: metric, baseline, target."""
    due: Day | None = None
    """When it will be met, like 2027-03-31."""
    status: Literal["on-track", "at-risk", "off-track", "met", "missed"] = "on-track"
    """Where it stands."""
    progress: list[Progress] = []
    """Dated progress updates."""
