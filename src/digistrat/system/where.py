"""A place in the system's files, as findings show it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a file: a member's file has its path prefixed with the member's label."""

    path: str
    line: int | None = None
    column: int | None = None
