"""A member's initiative names a shared priority or system initiative that does not exist.

Members say which of the system's shared priorities their work serves (``shared_priorities:``)
and which of the system's own initiatives it waits for (``system_depends_on:``), such as the
shared care record (§5 "Understand the system context"; §2 Q8). An id that matches nothing in
the system repository is a mistake in the data, like any reference that does not resolve: the
system view cannot count that work, and a dependency on missing work is a plan with a hole in
it.

The ids must match an ``objectives`` id in the system repository's strategy.yaml (for
``shared_priorities``) or an initiative file of the system repository (for
``system_depends_on``). The message suggests the closest id when there is one.

For example: a trust's initiative has ``system_depends_on: [shared-care-recrod]`` and the
system repository has ``initiatives/shared-care-record.yaml``: correct the spelling.
"""

from __future__ import annotations

import difflib

from digistrat.system.rules.base import SystemCheck, SystemContext, SystemViolation

CODE = "G004"
NAME = "unknown-system-reference"
SEVERITY = "error"
SECTION = "§5 Understand the system context; §2 Q8"
SEVERITY_BASIS = (
    "A reference to a shared priority or system initiative that does not exist is data that "
    "contradicts itself, as an unknown reference is in any repository (§5)."
)
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {}


def _close(ident: str, known: list[str]) -> str:
    found = difflib.get_close_matches(ident, known, n=1)
    return f" Did you mean `{found[0]}`?" if found else ""


def check(ctx: SystemContext) -> SystemCheck:
    strategy = ctx.system.strategy
    priorities = sorted(o.id for o in strategy.objectives) if strategy is not None else []
    known_priorities = set(priorities)
    work = sorted(ctx.system.initiatives)
    for member in ctx.members:
        for i in member.initiatives:
            for pid in i.shared_priorities:
                if pid not in known_priorities and i.priorities_at is not None:
                    yield SystemViolation(
                        i.priorities_at,
                        f"{member.name}: “{i.name}” names the shared priority `{pid}`, which "
                        "is not one of the system's objectives",
                        "Use an `id` from `objectives:` in the system repository's "
                        "strategy.yaml." + _close(pid, priorities),
                    )
            for wid in i.system_depends_on:
                if wid not in ctx.system.initiatives and i.depends_at is not None:
                    yield SystemViolation(
                        i.depends_at,
                        f"{member.name}: “{i.name}” waits for the system initiative `{wid}`, "
                        "which the system repository does not have",
                        "Use the id of an initiative file in the system repository's "
                        "initiatives folder, or ask the system to record the work."
                        + _close(wid, work),
                    )
