"""Several members plan the same kind of work: a candidate for doing it once, together.

The guide asks organisations to understand what their system partners are doing and to share
investment where they can (§5 "Understand the system context"; §2 Q8): two trusts buying the
same remote monitoring for the same kind of service, or building the same appointment booking
for the same need, could do it once. This note lists such initiatives so the integrated care
board can ask whether to do the work jointly; it is advice, not a fault.

Initiatives (approved, in progress or proposed) of two or more members are candidates when
they:

* address needs worded the same (after setting aside small words, case and punctuation);
* change services of the same ``kind`` with the same ``technology`` tag (for example two
  ``care`` services with ``remote monitoring``);
* have the same name (after the same tidying).

Each group is told once, at the first member's initiative. An option, ``min-members``
(default ``2``), sets how many members must share the work before it is told.

For example: Riverside's “Virtual ward monitoring” and Wolds' “Remote monitoring at home” both
change ``care`` services tagged ``remote monitoring``: talk about one procurement.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from digistrat.system.rules.base import SystemCheck, SystemContext, SystemViolation

if TYPE_CHECKING:
    from digistrat.system.summary import InitiativeInfo

CODE = "G003"
NAME = "joint-work-candidate"
SEVERITY = "info"
SECTION = "§5 Understand the system context; §2 Q8"
SEVERITY_BASIS = (
    "§5 suggests sharing investment with partners as a good approach, not a requirement, so "
    "overlapping plans are advice for the board."
)
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {"min-members": 2}

_SMALL = frozenset(
    re.findall(
        r"\w+",
        "a an and as at be by for from i in is it my of on or our so the their them to up we "
        "with can need needs want able",
    )
)
_WORD = re.compile(r"[a-z0-9]+")
MAX_NAMED = 5
"""The most initiatives a note names; the rest are counted."""


def signature(text: str) -> tuple[str, ...]:
    """The words that matter in ``text``, sorted: equal signatures mean the same wording."""
    return tuple(sorted({w for w in _WORD.findall(text.lower()) if w not in _SMALL}))


def _keys(kinds: Iterable[str], tags: Iterable[str], needs: Iterable[str], name: str) -> set[str]:
    keys = {f"kind:{k}|tech:{t}" for k in set(kinds) for t in tags}
    keys |= {"need:" + " ".join(signature(n)) for n in needs if signature(n)}
    named = signature(name)
    if named:
        keys.add("name:" + " ".join(named))
    return keys


def check(ctx: SystemContext) -> SystemCheck:
    least = int(ctx.option("min-members", 2))
    groups: dict[str, list[tuple[int, str]]] = {}
    names: dict[tuple[int, str], InitiativeInfo] = {}
    for index, member in enumerate(ctx.members):
        for i in member.initiatives:
            if not i.open:
                continue
            names[(index, i.id)] = i
            for key in _keys(i.service_kinds, i.technology, i.needs, i.name):
                groups.setdefault(key, []).append((index, i.id))
    told: set[frozenset[tuple[int, str]]] = set()
    found: list[tuple[tuple[int, str], SystemViolation]] = []
    for key, items in sorted(groups.items()):
        members = {m for m, _ in items}
        if len(members) < max(least, 2):
            continue
        group = frozenset(items)
        if group in told:
            continue
        told.add(group)
        ordered = sorted(items)
        first_member, first_id = ordered[0]
        first = ctx.members[first_member]
        initiative = names[(first_member, first_id)]
        others = [
            f"{ctx.members[m].name}'s “{names[(m, iid)].name}”"
            for m, iid in ordered[1:]
            if m != first_member
        ]
        shown = others[:MAX_NAMED]
        if len(others) > MAX_NAMED:
            shown.append(f"{len(others) - MAX_NAMED} more")
        found.append(
            (
                ordered[0],
                SystemViolation(
                    initiative.where,
                    f"{first.name}'s “{initiative.name}” looks like the same work as "
                    f"{_listing(shown)} ({_why(key)}): a candidate for doing it once, together",
                    "Ask the members' leads whether one procurement or one team could serve "
                    "them all; record the decision in each member's initiative.",
                ),
            )
        )
    for _, violation in sorted(found, key=lambda pair: pair[0]):
        yield violation


def _listing(items: list[str]) -> str:
    from digistrat.voice import listing

    return listing(items)


def _why(key: str) -> str:
    kind, _, rest = key.partition(":")
    if kind == "kind":
        service_kind, _, tech = rest.partition("|tech:")
        return f"{service_kind} services with {tech}"
    if kind == "need":
        return "the same need"
    return "the same name"
