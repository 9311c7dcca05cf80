"""Building blocks shared by several file kinds."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]
"""A lower-case kebab-case identifier, e.g. ``outpatient-booking``."""

NeedRef = Annotated[
    str,
    StringConstraints(
        pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=161
    ),
]
"""A reference to a user need: ``<user-group-id>/<need-id>``, e.g. ``outpatients/know-when``."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]

Function = Literal["clinical", "operational", "digital", "corporate"]


class Model(BaseModel):
    """Base for every model: unknown keys are errors, numbers must be finite."""

    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
        str_strip_whitespace=True,
        frozen=True,
        use_attribute_docstrings=True,
    )


class Owner(Model):
    """Who is accountable: a named person, their role and which part of the organisation leads."""

    name: ShortText
    """The person's name, e.g. ``Dr Asha Patel``."""
    role: ShortText | None = None
    """Their job title, e.g. ``Chief Nursing Information Officer``."""
    function: Function
    """Which part of the organisation leads: clinical, operational, digital or corporate."""


class Period(Model):
    """A span of time with a start and an end date."""

    start: date
    """First day, written like 2026-04-01."""
    end: date
    """Last day, written like 2029-03-31."""


class Evidence(Model):
    """Where we learnt about a need (§7 Approaches)."""

    source: Literal[
        "friends-and-family-test",
        "complaints",
        "staff-survey",
        "patient-survey",
        "interview",
        "focus-group",
        "observation",
        "analytics",
        "usability-test",
        "other",
    ]
    """How the evidence was gathered."""
    date: date
    """When it was gathered, like 2026-03-31."""
    summary: Text
    """What we learnt, in a sentence or two."""
    participants: int | None = Field(default=None, ge=0)
    """How many people took part, if known."""
    voices: Literal["usual", "wider", "seldom-heard"] = "wider"
    """Whose voices: ``usual`` (expert patients, clinical informaticians, the already engaged),
    ``wider`` (a broad sample) or ``seldom-heard`` (people rarely reached)."""


class Measure(Model):
    """How success is measured: a metric with a baseline and a target (§11 Measurable)."""

    metric: ShortText
    """What is counted, e.g. ``Outpatient letters sent digitally``."""
    unit: ShortText | None = None
    """The unit, e.g. ``%``, ``days``, ``appointments per month``."""
    baseline: float | None = None
    """Where we are now."""
    baseline_date: date | None = None
    """When the baseline was measured."""
    target: float | None = None
    """Where we commit to be by the due date."""
    source: ShortText | None = None
    """Where the numbers come from, e.g. ``PAS monthly extract``."""


class Progress(Model):
    """A dated progress update."""

    date: date
    """When, like 2026-06-30."""
    note: Text
    """What happened."""
    value: float | None = None
    """The measure's value on that date, if measured."""
