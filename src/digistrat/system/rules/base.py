"""What a system rule is, and what it gets to look at.

A system rule is one module in this package, shaped like a rule of :mod:`digistrat.rules`
(its docstring is its documentation; ``CODE``, ``NAME``, ``SEVERITY``, ``SECTION``,
``SEVERITY_BASIS``, ``QUESTIONS``, ``OPTIONS``), whose ``check`` looks at the whole system: the
system repository and a summary of every member (:mod:`digistrat.system.summary`). It yields
:class:`SystemViolation` values that already say where they are (the members' files have
already been let go, so a rule cannot look a position up later).

Its examples are small systems built in its test file (``tests/system/rules/``), not blocks in
its docstring: a system example needs several repositories.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digistrat.repository import Repository
    from digistrat.system.summary import MemberView
    from digistrat.system.where import Where


@dataclass(frozen=True, slots=True)
class SystemViolation:
    where: Where
    message: str
    hint: str = ""


@dataclass(slots=True)
class SystemContext:
    """Everything a system rule may look at; ``today`` is injected for reproducible results."""

    system: Repository
    """The system repository itself: its objectives are the shared priorities, its services
    the shared services, its initiatives the work done once for every member."""
    members: list[MemberView]
    """Every member that could be read, in system.yaml order."""
    today: date
    options: dict[str, Any] = field(default_factory=dict)

    def option(self, name: str, default: Any) -> Any:
        return self.options.get(name, default)


SystemCheck = Iterator[SystemViolation]
