"""``strategy.yaml``: the strategy itself. Its presence marks the repository root."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, field_validator

from digistrat.models.common import (
    Count,
    Day,
    Id,
    Model,
    Number,
    Owner,
    Period,
    ShortText,
    Text,
)
from digistrat.models.framework import MeasureRef

OrganisationKind = Literal[
    "nhs-trust", "integrated-care-board", "council", "central-government", "other"
]
"""What sort of organisation the strategy belongs to; some rules apply to some kinds only."""

KIND_NAMES: dict[str, str] = {
    "nhs-trust": "NHS trusts",
    "integrated-care-board": "integrated care boards",
    "council": "councils",
    "central-government": "central government",
    "other": "other organisations",
}
"""How each organisation kind is named in documentation (plural)."""

DEFAULT_KIND = "nhs-trust"
"""The kind assumed when ``organisation_kind`` is not stated: the guide is written for NHS
trusts."""

GlossaryTerm = Annotated[str, StringConstraints(min_length=1, max_length=80)]
"""A term the glossary explains: an acronym such as ``PIFU`` or a name such as ``Nervecentre``."""


class Review(Model):
    """How often the strategy is reviewed (§1 Too long-term: a constant review cycle)."""

    cadence: Literal["monthly", "quarterly", "six-monthly", "annually"]
    """How often the strategy itself is reviewed."""
    last_reviewed: Day | None = None
    """When it was last reviewed, like 2026-09-30."""


class Objective(Model):
    """One of the organisation's own objectives that digital serves (§4 Trust strategy)."""

    id: Id
    """Short id that initiatives use to say which objectives they serve."""
    title: ShortText
    """The objective as the organisation states it."""
    kind: Literal["clinical", "operational", "financial", "people", "corporate"] = "corporate"
    """What sort of objective it is."""
    source: ShortText | None = None
    """Where it comes from, e.g. ``Trust strategy 2025-30``."""
    serves: list[MeasureRef] = []
    """Framework measures it serves, as ``<framework>:<measure>``, e.g. ``wgll:improve-care``
    (see docs/frameworks.md)."""


class Principle(Model):
    """A guiding principle that helps people make decisions (§1 Useful to teams)."""

    name: ShortText
    """A few memorable words."""
    meaning: Text
    """One line on what it means in practice."""


class SystemContext(Model):
    """The integrated care system and what is shared with it (§5)."""

    name: ShortText
    """The integrated care system (ICS) this organisation belongs to."""
    alignment: Text | None = None
    """How this strategy aligns with the system's digital strategy."""
    shared_priorities: list[ShortText] = []
    """Priorities shared with system partners, e.g. the shared care record."""


class NotDoing(Model):
    """Something deliberately not prioritised, and why (§2 Q5, §10)."""

    what: ShortText
    """What we are not doing."""
    why: Text
    """Why not, or not yet."""


class Delivered(Model):
    """Something already delivered, with its impact (§1 Realistic, §12)."""

    what: ShortText
    """What was delivered."""
    when: Day | None = None
    """When, like 2025-11-30."""
    impact: Text
    """What changed for patients or staff, with numbers where possible."""


class Risk(Model):
    """What could go wrong (§2 Q10)."""

    risk: Text
    """The risk in a sentence."""
    kind: Literal[
        "delivery",
        "cyber-security",
        "outage",
        "supplier",
        "funding",
        "workforce",
        "safety",
        "other",
    ]
    """What sort of risk it is."""
    owner: Owner | None = None
    """Who manages it."""
    mitigation: Text | None = None
    """What reduces it."""
    likelihood: Literal["low", "medium", "high"] | None = None
    """How likely it is."""
    impact: Literal["low", "medium", "high"] | None = None
    """How bad it would be."""


class Indicator(Model):
    """How we will know the strategy is working (§2 Q7, §4 Trust performance)."""

    name: ShortText
    """What is tracked."""
    kind: Literal[
        "take-up", "cost-per-transaction", "satisfaction", "completion", "failure-demand", "other"
    ] = "other"
    """Which of the standard service measures it is, if any."""
    baseline: Number | None = None
    """Where we are now."""
    baseline_date: Day | None = None
    """When the baseline was measured, like 2026-03-31."""
    target: Number | None = None
    """Where we aim to be."""
    due: Day | None = None
    """By when the target should be reached, like 2028-03-31."""
    unit: ShortText | None = None
    """The unit, e.g. ``%``."""
    source: ShortText | None = None
    """Where the numbers come from."""


class Bottleneck(Model):
    """A named constraint on how much can run at once, e.g. information governance."""

    id: Id | None = None
    """Short id that initiatives use under ``bottlenecks:`` to say they need it, e.g.
    ``information-governance``."""
    name: ShortText
    """What the bottleneck is."""
    note: Text | None = None
    """How it limits delivery."""
    serves_at_once: Count | None = Field(default=None, ge=1)
    """How many initiatives it can serve at the same time, e.g. ``2``."""


class Capacity(Model):
    """How much the organisation can do at once (§10 Bandwidth)."""

    concurrent_initiatives: Count = Field(ge=1)
    """How many initiatives can be in progress at the same time."""
    effort_per_quarter: Number | None = Field(default=None, gt=0)
    """Optional: how much effort (in the same unit as initiatives' effort) a quarter can absorb."""
    bottlenecks: list[Bottleneck] = []
    """Named bottlenecks, such as information governance or clinical safety sign-off; give each
    an ``id`` so that initiatives can say which they need."""


class Constraint(Model):
    """A constraint on the strategy (§4 Constraints)."""

    kind: Literal["funding", "skills", "physical-infrastructure", "data-infrastructure", "other"]
    """Which kind of constraint."""
    description: Text
    """What it is and how it limits us."""


class Decision(Model):
    """A decision already made that constrains choices (§10)."""

    decision: Text
    """What was decided: a programme in flight, a contract, ring-fenced funding."""
    until: Day | None = None
    """When it stops constraining us, if known."""


class WayOfWorking(Model):
    """How the organisation will change to enable digital (§2 Q9)."""

    area: Literal[
        "planning", "finance", "governance", "skills", "incentives", "procurement", "other"
    ]
    """Which part of how we work."""
    change: Text
    """What will change."""


class Ritual(Model):
    """A part of the delivery rhythm (§12 Follow up)."""

    kind: Literal[
        "show-and-tell", "progress-review", "re-prioritisation", "strategy-review", "other"
    ]
    """What sort of meeting."""
    frequency: Literal["weekly", "fortnightly", "monthly", "quarterly", "six-monthly", "annually"]
    """How often it happens."""
    audience: ShortText | None = None
    """Who attends."""


class Communication(Model):
    """Where the strategy is published and how people hear about it (§12)."""

    published_at: ShortText | None = None
    """Web address where the strategy is published in the open."""
    channels: list[ShortText] = []
    """How staff and the public hear about it: posters, town halls, podcasts…"""


class BoardPaper(Model):
    """What the board paper asks of the board (§2); it adds what the data calls for."""

    decisions: list[Text] = []
    """Decisions to put to the board, in your own words, listed first under "Decisions"."""


class Criterion(Model):
    """One criterion of the weighted prioritisation matrix."""

    id: Id
    """The key initiatives use under ``scores``."""
    label: ShortText
    """How it is shown, e.g. ``Patient benefit``."""
    weight: Number = Field(gt=0)
    """Its weight; weights are normalised, so 50/25/25 and 2/1/1 are the same."""
    min: Number = 0
    """Lowest score allowed."""
    max: Number
    """Highest score allowed."""
    direction: Literal["higher-is-better", "lower-is-better"] = "higher-is-better"
    """Whether a higher score is better (benefit) or worse (cost, risk)."""


class Scoring(Model):
    """The prioritisation model used by ``digistrat score``."""

    model: Literal["weighted", "value-effort", "rice", "wsjf"] = "weighted"
    """Which model ranks initiatives by default."""
    criteria: list[Criterion] = []
    """The weighted matrix's criteria."""
    options: dict[str, Any] = {}
    """Model options (see ``digistrat score --explain``)."""


class CheckConfig(Model):
    """Which rules ``digistrat check`` applies and how strictly."""

    select: list[str] = []
    """Only these rules (codes or names); empty means all."""
    ignore: list[str] = []
    """Rules to switch off (codes or names)."""
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    """Severity overrides by rule code or name."""
    per_path_ignores: dict[str, list[str]] = {}
    """Rules to switch off for files matching a glob, e.g. ``initiatives/legacy-*.yaml``."""
    options: dict[str, Any] = {}
    """Rule thresholds, e.g. ``max-commitments: 10`` (see ``digistrat rules``)."""


class Strategy(Model):
    """The strategy: mission, horizon, context, choices and how it is run."""

    organisation: ShortText
    """The organisation's name."""
    organisation_kind: OrganisationKind | None = None
    """What sort of organisation this is. Rules that only make sense for some kinds (such as
    alignment with an integrated care system) are skipped for the others; when it is not
    stated, the strategy is checked as an NHS trust's, because the guide is written for
    trusts."""
    title: ShortText
    """The strategy's title."""
    mission: Text | None = None
    """One succinct sentence everyone can repeat (§2 Q2)."""
    owner: Owner | None = None
    """Who coordinates the strategy (the board owns it)."""
    horizon: Period | None = None
    """Start and end dates: aim for one to five years (§1)."""
    review: Review | None = None
    """How often the strategy is reviewed."""
    maturity: Literal["absent", "siloed", "embedded"] | None = None
    """How embedded digital is in the organisation's strategy (§2 Q1)."""
    objectives: list[Objective] = []
    """The organisation's own objectives that digital serves."""
    frameworks: list[Id] | None = None
    """Frameworks whose coverage is shown, e.g. ``[wgll]``. Left out, it follows
    ``organisation_kind``: What Good Looks Like (``wgll``) for NHS trusts and integrated care
    boards, the Local Digital Declaration (``ldd``) for councils, none for others; ``[]``
    shows none."""
    principles: list[Principle] = []
    """Guiding principles (§1 Useful to teams)."""
    system: SystemContext | None = None
    """The integrated care system context (§5)."""
    not_doing: list[NotDoing] = []
    """What is explicitly not being prioritised, and why."""
    delivered: list[Delivered] = []
    """What has already been delivered."""
    risks: list[Risk] = []
    """What could go wrong."""
    indicators: list[Indicator] = []
    """How we will know it is working."""
    capacity: Capacity | None = None
    """How much can run at once."""
    constraints: list[Constraint] = []
    """Funding, skills and infrastructure constraints."""
    decisions: list[Decision] = []
    """Decisions already made that constrain choices."""
    ways_of_working: list[WayOfWorking] = []
    """How planning, finance, governance and skills will change."""
    rhythm: list[Ritual] = []
    """The delivery rhythm: show and tells, reviews, re-prioritisation."""
    communication: Communication | None = None
    """Where the strategy is published and how people hear about it."""
    board: BoardPaper | None = None
    """The board paper: decisions to put to the board."""
    glossary: dict[GlossaryTerm, Text] = {}
    """Terms readers may not know, each with what it means, like ``PIFU: patient-initiated
    follow-up``. The check accepts them without spelling out, and the published site explains
    each where a page first uses it and lists them all on its glossary page. Everyday NHS and
    public-sector terms (CQC, ICB, EPR…) are known already: see docs/vocabulary.md."""
    scoring: Scoring = Scoring()
    """The prioritisation model."""
    check: CheckConfig = CheckConfig()
    """Rule selection and thresholds for ``digistrat check``."""

    @field_validator("glossary", mode="before")
    @classmethod
    def _numbers_are_terms(cls, value: Any) -> Any:
        """A term written as a number (``111: NHS 111``) is a term like any other."""
        if isinstance(value, dict):
            return {
                str(k) if isinstance(k, int) and not isinstance(k, bool) else k: v
                for k, v in value.items()
            }
        return value
