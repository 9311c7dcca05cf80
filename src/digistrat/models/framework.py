"""``frameworks/<id>.yaml``: a framework a strategy reports against, with its measures.

digistrat ships two (NHS England's What Good Looks Like and the Local Digital Declaration);
a repository may add its own, or replace a shipped one with a newer version, in ``frameworks/``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from digistrat.models.common import Id, Model, ShortText, Text

MEASURE_REF_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*:[a-z0-9]+(?:-[a-z0-9]+)*$"
MeasureRef = Annotated[str, StringConstraints(pattern=MEASURE_REF_PATTERN, max_length=161)]
"""A framework measure: ``<framework-id>:<measure-id>``, e.g. ``wgll:safe-practice``."""


class FrameworkMeasure(Model):
    """One measure (or principle) of a framework."""

    id: Id
    """Short id, unique within the framework; entries name it as ``<framework>:<id>``."""
    name: ShortText
    """Its name as the framework states it, e.g. ``Safe practice``."""
    description: Text
    """What it asks for, in a sentence or two."""


class Framework(Model):
    """A framework the strategy reports against: its measures, and where it comes from."""

    id: Id | None = None
    """Defaults to the file name without ``.yaml``; entries name measures as ``<id>:<measure>``."""
    name: ShortText
    """The framework's name, e.g. ``What Good Looks Like``."""
    owner: ShortText
    """Who publishes it, e.g. ``NHS England``."""
    source: ShortText | None = None
    """Web address where it is published."""
    version: ShortText | None = None
    """Which version or edition, e.g. ``2021``."""
    measures: list[FrameworkMeasure] = Field(min_length=1)
    """Its measures or principles, each with an id, a name and a description."""
