"""The dependency graph between initiatives: cycles and chain depths, each in linear time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def cycles(edges: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Groups of nodes that depend on each other in a loop (Tarjan's algorithm, iterative).

    Each group is sorted; groups are ordered by their first member. Self-dependencies count.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = [t for t in edges.get(node, ()) if t in edges]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                group: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1 or node in edges.get(node, ()):
                    found.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return sorted(found)


def depths(edges: Mapping[str, Sequence[str]], skip: set[str]) -> dict[str, tuple[int, str]]:
    """For each node, (length of its longest chain of dependencies, the next node on it).

    Nodes in ``skip`` (members of cycles) are treated as having no dependencies.
    """
    result: dict[str, tuple[int, str]] = {}
    for root in sorted(edges):
        if root in result:
            continue
        work: list[tuple[str, bool]] = [(root, False)]
        while work:
            node, expanded = work.pop()
            if node in result:
                continue
            deps = [] if node in skip else [d for d in edges.get(node, ()) if d in edges]
            if not expanded:
                work.append((node, True))
                work.extend((d, False) for d in deps if d not in result and d not in skip)
                continue
            best = (0, "")
            for d in deps:
                depth = result.get(d, (0, ""))[0] + 1
                if depth > best[0]:
                    best = (depth, d)
            result[node] = best
    return result
