"""Members have conflicting plans for a service they share across the system.

Shared services, such as the shared care record, one front door or a shared electronic
patient record, only work when the partners move together (§5 "Understand the system
context"). When one member plans to switch its part off while another is investing in it, or
members buy and build different things for the same shared service, the system pays twice and
the service splits. The integrated care board needs to see these before the money is spent
(§2 Q8).

The shared services are the services of the system repository. A member's service with the
same id is its part of that shared service, and its initiatives naming that id under
``services:`` are its plans for it. Members conflict when, for one shared service:

* one member's part is ``legacy`` or ``retiring`` while another member has work under way or
  approved on it;
* members' initiatives on it take different ``sourcing`` approaches (one builds, one buys);
* members' parts run on different ``systems`` (no system in common).

For example: Riverside's ``shared-care-record`` service is ``retiring`` while Wolds Community
Health has an approved initiative to extend it. Agree one plan at system level, then change
the member files to match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from digistrat.system.rules.base import SystemCheck, SystemContext, SystemViolation

if TYPE_CHECKING:
    from digistrat.system.summary import InitiativeInfo, MemberView

CODE = "G002"
NAME = "shared-service-plans-conflict"
SEVERITY = "warning"
SECTION = "§5 Understand the system context; §2 Q8"
SEVERITY_BASIS = (
    "§5 asks partners to agree shared services together, a judgement about plans rather than "
    "a fixed requirement, so conflicting plans are a concern to discuss."
)
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {}


def check(ctx: SystemContext) -> SystemCheck:
    for sid, shared in ctx.system.services.items():
        parts = [(m, m.services[sid]) for m in ctx.members if sid in m.services]
        work = [
            (m, i) for m in ctx.members for i in m.initiatives if i.active and sid in i.services
        ]
        leaving = [(m, s) for m, s in parts if s.status in ("legacy", "retiring")]
        for m, s in leaving:
            others = sorted({o.name for o, _ in work if o is not m})
            if others:
                yield SystemViolation(
                    s.where,
                    f"{m.name} plans to switch off its part of the shared service "
                    f"“{shared.name}” (it is {s.status}), while {_names(others)} "
                    f"{'is' if len(others) == 1 else 'are'} investing in it",
                    "Agree one plan for the shared service at system level, then change the "
                    "service's `status` here or the other members' initiatives to match.",
                )
        approaches: dict[str, tuple[MemberView, InitiativeInfo]] = {}
        for m, i in work:
            if i.sourcing is not None:
                approaches.setdefault(i.sourcing, (m, i))
        if len(approaches) > 1:
            first, *rest = sorted(approaches.items())
            m, i = rest[0][1]
            fm, fi = first[1]
            yield SystemViolation(
                i.sourcing_at or i.where,
                f"members take different approaches to the shared service “{shared.name}”: "
                f"{m.name}'s “{i.name}” will {rest[0][0]} while "
                f"{fm.name}'s “{fi.name}” will {first[0]}",
                "Agree one sourcing approach for the shared service across the system, so that "
                "it is bought or built once.",
            )
        with_systems = [(m, s) for m, s in parts if s.systems]
        for index, (m, s) in enumerate(with_systems):
            mine = {x.lower() for x in s.systems}
            for other, theirs in with_systems[:index]:
                if not mine & {x.lower() for x in theirs.systems}:
                    yield SystemViolation(
                        s.systems_at or s.where,
                        f"{m.name}'s part of the shared service “{shared.name}” runs on "
                        f"{', '.join(s.systems)}, and {other.name}'s on "
                        f"{', '.join(theirs.systems)}: no system in common",
                        "Agree which system the shared service runs on, and plan the move for "
                        "the members that differ.",
                    )
                    break


def _names(names: list[str]) -> str:
    from digistrat.voice import listing

    return listing(names[:3] + ([f"{len(names) - 3} more"] if len(names) > 3 else []))
