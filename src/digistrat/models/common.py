"""Building blocks shared by several file kinds."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from digistrat.clock import EARLIEST, LATEST

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

# What a strategy file's values are, for the models and the JSON Schema alike (see "How values
# are read" in docs/format.md): YAML 1.2 core scalars, as digistrat's reader, the VS Code YAML
# extension and check-jsonschema read them. A date is text written year-month-day; a number is
# a number, never text that looks like one; true/false is `true` or `false`, never `yes` or
# `on`. pydantic's lax mode would turn "3", "yes" and 1700006400 into a number, true and a date,
# while every JSON Schema validator rejects them: the types below make the two agree
# (tests/test_schema_corpus.py runs one corpus of values through both).

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DATE_PATTERN = r"^(19[0-9]{2}|2[01][0-9]{2}|2200)-[0-9]{2}-[0-9]{2}$"
"""Dates from 1900-01-01 to 2200-12-31 (EARLIEST to LATEST), for the JSON Schema: the
``formatMinimum`` and ``formatMaximum`` keywords are not in Draft 2020-12, and standard
validators ignore them."""


def _date_as_written(value: Any) -> Any:
    """Let through only a ``YYYY-MM-DD`` text or a date (not a number of seconds, a
    year alone or a date with a time): pydantic then checks the day exists."""
    if isinstance(value, str):
        if _ISO_DATE.fullmatch(value):
            return value
        raise PydanticCustomError("date_parsing", "Input should be a date like 2026-03-31")
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    raise PydanticCustomError("date_type", "Input should be a date like 2026-03-31")


# EARLIEST and LATEST (from digistrat.clock) bound every date a strategy file may hold: a
# year outside them is a typing mistake, and date arithmetic on the year 9999 (a review
# interval added, a quarter planned) would fail.
Day = Annotated[
    date,
    Field(
        ge=EARLIEST,
        le=LATEST,
        json_schema_extra={
            "pattern": DATE_PATTERN,
            "formatMinimum": EARLIEST.isoformat(),
            "formatMaximum": LATEST.isoformat(),
        },
    ),
    BeforeValidator(_date_as_written),  # after the bounds, which pydantic then checks natively
]
"""A date between 1 January 1900 and 31 December 2200, written like 2026-03-31."""

LIMIT = 1e12
"""The largest number (positive or negative) a strategy file may hold: a million million is
more than any count, cost or score of a public body, and keeps every sum and product finite."""
Number = Annotated[float, Field(ge=-LIMIT, le=LIMIT, strict=True)]
"""A number from minus a million million to a million million (strict: ``"3"`` and ``true``
are not numbers; a whole number is)."""


def _not_text_or_flag(value: Any) -> Any:
    """A whole number may be written ``3`` or ``3.0`` (JSON Schema's ``integer`` accepts
    both), but not ``"3"`` or ``true``."""
    if isinstance(value, (str, bool)):
        raise PydanticCustomError("int_type", "Input should be a whole number")
    return value


# Field-level bounds (``Field(ge=1)`` on a field) do not combine with a BeforeValidator: give
# each lower bound its own type.
Count = Annotated[int, Field(ge=0, le=int(LIMIT)), BeforeValidator(_not_text_or_flag)]
"""A whole number from 0 to a million million."""
PositiveCount = Annotated[int, Field(ge=1, le=int(LIMIT)), BeforeValidator(_not_text_or_flag)]
"""A whole number from 1 to a million million."""
Flag = Annotated[bool, Field(strict=True)]
"""``true`` or ``false`` (strict: ``yes``, ``on`` and ``1`` are not; YAML 1.2 reads ``yes``
and ``on`` as words)."""

WHITESPACE = (
    "\t\n\v\f\r \x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + ("\u2028\u2029\u202f\u205f\u3000")
)
"""Unicode's white space characters: trimmed from both ends of every text value."""

NOT_ONLY_SPACE = "[^" + "".join(f"\\u{ord(c):04x}" for c in WHITESPACE) + "]"
"""For the JSON Schema: text holds something other than white space. The loader trims text
(:func:`trim_text`) before the models see it, so white space alone is empty text to them."""
SOME_TEXT = Field(json_schema_extra={"pattern": NOT_ONLY_SPACE})

Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000), SOME_TEXT]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=300), SOME_TEXT]


def trim_text(data: Any) -> Any:
    """Trim white space from both ends of every text value in loaded YAML, in place; returns
    ``data``. Validate files only after this: the models take text as trimmed.

    Trimming here rather than in the models (pydantic's ``strip_whitespace``) lets a model
    keep the very string that was loaded: pydantic copies every string it strips, changed
    or not, which kept two copies of every text of the repository in memory.
    """
    if not isinstance(data, (dict, list)):
        return data
    for key, value in data.items() if isinstance(data, dict) else enumerate(data):
        if isinstance(value, str):
            trimmed = value.strip(WHITESPACE)
            if trimmed is not value:
                data[key] = trimmed  # replacing a value: the mapping keeps its size and order
        elif isinstance(value, (dict, list)):
            trim_text(value)
    return data


Function = Literal["clinical", "operational", "digital", "corporate"]


class Model(BaseModel):
    """Base for every model: unknown keys are errors, numbers must be finite; text is taken
    as trimmed by :func:`trim_text`."""

    model_config = ConfigDict(
        extra="forbid",
        allow_inf_nan=False,
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

    start: Day
    """First day, written like 2026-04-01."""
    end: Day
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
    date: Day
    """When it was gathered, like 2026-03-31."""
    summary: Text
    """What we learnt, in a sentence or two."""
    participants: Count | None = None
    """How many people took part, if known."""
    voices: Literal["usual", "wider", "seldom-heard"] | None = None
    """Whose voices: ``usual`` (expert patients, clinical informaticians, the already engaged),
    ``wider`` (a broad sample) or ``seldom-heard`` (people rarely reached). Leave it out only if
    you do not know."""


class Measure(Model):
    """How success is measured: a metric with a baseline and a target (§11 Measurable)."""

    metric: ShortText
    """What is counted, e.g. ``Outpatient letters sent digitally``."""
    unit: ShortText | None = None
    """The unit, e.g. ``%``, ``days``, ``appointments per month``."""
    baseline: Number | None = None
    """Where we are now."""
    baseline_date: Day | None = None
    """When the baseline was measured."""
    target: Number | None = None
    """Where we commit to be by the due date."""
    source: ShortText | None = None
    """Where the numbers come from, e.g. ``PAS monthly extract``."""


class Progress(Model):
    """A dated progress update."""

    date: Day
    """When, like 2026-06-30."""
    note: Text
    """What happened."""
    value: Number | None = None
    """The measure's value on that date, if measured."""
