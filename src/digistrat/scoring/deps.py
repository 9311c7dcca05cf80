"""Dependencies between initiatives still to plan: an order, the loops, inherited priority.

Each function is linear in the number of initiatives and links, and none can loop forever:
loops in the data are found and returned, never followed round.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TypeVar

K = TypeVar("K")


def topological(waits: Mapping[str, Sequence[str]]) -> list[str]:
    """The initiatives in an order where each comes after everything it waits for.

    ``waits`` maps each initiative to the ones it waits for (links to initiatives outside the
    mapping are ignored). Initiatives in a loop, or waiting on one, are left out.
    """
    missing = {i: sum(1 for d in deps if d in waits) for i, deps in waits.items()}
    users: dict[str, list[str]] = {i: [] for i in waits}
    for ident, deps in waits.items():
        for dep in deps:
            if dep in users:
                users[dep].append(ident)
    ready = sorted((i for i, n in missing.items() if n == 0), reverse=True)
    order: list[str] = []
    while ready:
        ident = ready.pop()
        order.append(ident)
        for user in users[ident]:
            missing[user] -= 1
            if missing[user] == 0:
                ready.append(user)
    return order


def loops(stuck: set[str], waits: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """The distinct loops among ``stuck`` (initiatives that :func:`topological` left out).

    Every stuck initiative waits for another stuck one, so walking from any of them must come
    back to a node already on the walk: the part from there is a loop. Each loop is returned
    starting from its alphabetically first member, following the ``waits`` links.
    """
    seen: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(stuck):
        if start in seen:
            continue
        path: list[str] = []
        index: dict[str, int] = {}
        node = start
        while node not in index and node not in seen:
            index[node] = len(path)
            path.append(node)
            node = min(d for d in waits[node] if d in stuck)
        seen.update(path)
        if node in index:  # a new loop, not one reached from an earlier walk
            loop = path[index[node] :]
            turn = loop.index(min(loop))
            found.append(loop[turn:] + loop[:turn])
    return found


def inherit(
    order: Sequence[str], waits: Mapping[str, Sequence[str]], key: dict[str, K]
) -> dict[str, str]:
    """Raise each initiative's priority ``key`` (lower is better) to the best among the
    initiatives that wait for it, directly or not; ``order`` is from :func:`topological`.

    Returns, for each raised initiative, the one whose priority it took.
    """
    raised_by: dict[str, str] = {}
    for ident in reversed(order):  # those waiting come before what they wait for
        for dep in waits[ident]:
            if dep in key and key[ident] < key[dep]:  # type: ignore[operator]
                key[dep] = key[ident]
                raised_by[dep] = raised_by.get(ident, ident)
    return raised_by
