"""Every cross-reference must resolve: checked on the raw YAML, so that a file with other
errors still has its references checked, and an entry that failed validation is not reported
missing a second time."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from digistrat import findings as F
from digistrat.findings import Finding
from digistrat.frameworks import available
from digistrat.models import KINDS
from digistrat.models.framework import MEASURE_REF_PATTERN
from digistrat.repository import STRATEGY_FILE, Repository
from digistrat.suggest import Suggester
from digistrat.validation import locate


def _ids(items: Any) -> list[tuple[int, str]]:
    """(index, id) of the items of a raw YAML list of blocks that carry a text ``id``."""
    if not isinstance(items, list):
        return []
    return [
        (i, x["id"])
        for i, x in enumerate(items)
        if isinstance(x, dict) and isinstance(x.get("id"), str)
    ]


def _raw(repo: Repository, path: str, *keys: str) -> Any:
    source = repo.files.get(path)
    data = source.refs if source else None
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def _located(
    repo: Repository, path: str, loc: tuple[str | int, ...]
) -> tuple[int | None, int | None]:
    source = repo.files.get(path)
    pos = locate(source.data, loc) if source is not None else None
    return pos if pos else (None, None)


_NONE: Mapping[str, Any] = MappingProxyType({})  # one for all the files without lists

# kind → where its lists of references or of ids are (kept by the loader for every file)
_LISTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "strategy": (("objectives",), ("scoring", "criteria"), ("capacity", "bottlenecks")),
    "users": (("needs",),),
    "services": (("users",),),
    "initiatives": (
        ("needs",),
        ("services",),
        ("depends_on",),
        ("objectives",),
        ("bottlenecks",),
        ("serves",),
    ),
    "commitments": (("initiatives",), ("serves",)),
}


def reference_lists(kind: str, data: Any) -> Mapping[str, Any]:
    """The parts of a file's raw YAML that references are checked against, as plain data:
    its lists of references (text items) and of blocks with ids (only the ``id`` is kept, each
    block at its index). The loader keeps these for every file and lets the rest go."""
    out: dict[str, Any] = {}
    for keys in _LISTS.get(kind, ()):
        found = data
        for key in keys:
            found = found.get(key) if isinstance(found, dict) else None
        if not isinstance(found, list):
            continue
        items = [
            x
            if isinstance(x, str)
            else {"id": x["id"]}
            if isinstance(x, dict) and "id" in x
            else None
            for x in found
        ]
        place = out
        for key in keys[:-1]:
            place = place.setdefault(key, {})
        place[keys[-1]] = items
    return out or _NONE


_MEASURE_RE = re.compile(MEASURE_REF_PATTERN)
_MEASURE = "framework measure (`framework:measure`, see docs/frameworks.md)"

# kind → (key holding references, the kind or set it refers to, how to name it)
_REFERENCES: dict[str, list[tuple[str, str, str]]] = {
    "services": [("users", "users", "user group")],
    "initiatives": [
        ("needs", "needs", "user need (`group/need`)"),
        ("services", "services", "service"),
        ("depends_on", "initiatives", "initiative"),
        ("objectives", "objectives", "objective in strategy.yaml"),
        ("bottlenecks", "bottlenecks", "bottleneck in strategy.yaml (`capacity: bottlenecks:`)"),
        ("serves", "measures", _MEASURE),
    ],
    "commitments": [("initiatives", "initiatives", "initiative"), ("serves", "measures", _MEASURE)],
}


UNREADABLE = frozenset(
    code
    for code, _ in (
        F.YAML_SYNTAX,
        F.UNSAFE_YAML,
        F.LIMIT_EXCEEDED,
        F.NOT_A_MAPPING,
        F.UNREADABLE_FILE,
    )
)
"""Codes of the findings that leave a file unread: nothing in it is known."""


def _unreadable(repo: Repository, found: list[Finding]) -> set[str]:
    return {f.path for f in found if f.code in UNREADABLE and f.path not in repo.files}


def _file_of(target: str, ref: str) -> str:
    """The file a reference would be in, by the naming convention (``group/need`` → the
    group's file)."""
    if target == "needs":
        return f"users/{ref.partition('/')[0]}.yaml"
    if target == "measures":
        return f"frameworks/{ref.partition(':')[0]}.yaml"
    return f"{target}/{ref}.yaml"


def check_references(repo: Repository, found: list[Finding] | None = None) -> list[Finding]:
    """Every cross-reference must resolve, checked on the raw YAML so that a file with other
    errors still has its references checked.

    ``found`` are the problems found so far: a reference to an entry whose file could not be
    read is not called unknown (it may be right); it is noted, pointing at that file."""
    out: list[Finding] = []
    unreadable = _unreadable(repo, found or [])
    unreadable |= {p for f, p in repo.framework_files.items() if f not in repo.frameworks}
    known: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, ident in repo.declared:
        known[kind].add(ident)
    known["needs"] = {
        f"{gid}/{nid}"
        for (kind, gid), path in repo.declared.items()
        if kind == "users"
        for _, nid in _ids(_raw(repo, path, "needs"))
    }
    has_strategy = STRATEGY_FILE in repo.files
    suggest: dict[str, Suggester] = {}  # built only for kinds with an unknown reference
    known["objectives"] = {o for _, o in _ids(_raw(repo, STRATEGY_FILE, "objectives"))}
    known["bottlenecks"] = {
        b for _, b in _ids(_raw(repo, STRATEGY_FILE, "capacity", "bottlenecks"))
    }
    known["measures"] = {
        f"{fid}:{m.id}" for fid, fw in available(repo).items() for m in fw.measures
    }
    out.extend(_framework_references(repo, known["measures"], unreadable))
    out.extend(_duplicates(repo, STRATEGY_FILE, ("objectives",), "objective"))
    out.extend(_duplicates(repo, STRATEGY_FILE, ("capacity", "bottlenecks"), "bottleneck"))
    out.extend(_duplicates(repo, STRATEGY_FILE, ("scoring", "criteria"), "criterion"))
    for (kind, _), path in sorted(repo.declared.items(), key=lambda item: item[1]):
        if kind == "users":
            out.extend(_duplicates(repo, path, ("needs",), "need"))
        for key, target, what in _REFERENCES.get(kind, []):
            if target in ("objectives", "bottlenecks") and not has_strategy:
                continue
            refs = _raw(repo, path, key)
            if not isinstance(refs, list):
                continue
            for i, ref in enumerate(refs):
                if isinstance(ref, str) and ref not in known[target]:
                    if target == "measures" and not _MEASURE_RE.match(ref):
                        continue  # not written as one: the schema check says so
                    line, col = _located(repo, path, (key, i))
                    if _file_of(target, ref) in unreadable:
                        out.append(_knock_on(path, line, col, ref, _file_of(target, ref)))
                        continue
                    if target not in suggest:
                        suggest[target] = Suggester(known[target])
                    close = suggest[target].closest(ref)
                    hint = (
                        f"Did you mean `{close}`?"
                        if close
                        else f"Check the spelling, or add the {what} it refers to."
                    )
                    out.append(
                        F.make(
                            F.UNKNOWN_REFERENCE,
                            path,
                            line,
                            col,
                            f"`{ref}` is not a known {what}",
                            hint,
                        )
                    )
    return out


def _framework_references(
    repo: Repository, measures: set[str], unreadable: set[str]
) -> list[Finding]:
    """strategy.yaml's ``frameworks:`` and its objectives' ``serves:`` must name frameworks and
    measures that exist (its tree is kept whole, so it is read directly)."""
    source = repo.files.get(STRATEGY_FILE)
    data = source.data if source is not None else None
    if not isinstance(data, dict):
        return []
    out: list[Finding] = []
    frameworks = set(available(repo)) | set(repo.framework_files)
    chosen = data.get("frameworks")
    for i, ref in enumerate(chosen if isinstance(chosen, list) else []):
        if isinstance(ref, str) and ref not in frameworks:
            line, col = _located(repo, STRATEGY_FILE, ("frameworks", i))
            close = Suggester(frameworks).closest(ref)
            out.append(
                F.make(
                    F.UNKNOWN_REFERENCE,
                    STRATEGY_FILE,
                    line,
                    col,
                    f"`{ref}` is not a known framework",
                    f"Did you mean `{close}`?"
                    if close
                    else f"Choose from {', '.join(f'`{f}`' for f in sorted(frameworks))}, or "
                    f"add your own as `frameworks/{ref}.yaml` (see docs/frameworks.md).",
                )
            )
    objectives = data.get("objectives")
    suggest: Suggester | None = None
    for i, objective in enumerate(objectives if isinstance(objectives, list) else []):
        serves = objective.get("serves") if isinstance(objective, dict) else None
        for j, ref in enumerate(serves if isinstance(serves, list) else []):
            if not isinstance(ref, str) or ref in measures or not _MEASURE_RE.match(ref):
                continue
            line, col = _located(repo, STRATEGY_FILE, ("objectives", i, "serves", j))
            if _file_of("measures", ref) in unreadable:
                out.append(_knock_on(STRATEGY_FILE, line, col, ref, _file_of("measures", ref)))
                continue
            suggest = suggest or Suggester(measures)
            out.append(_unknown_measure(STRATEGY_FILE, line, col, ref, suggest.closest(ref)))
    return out


def _unknown_measure(
    path: str, line: int | None, col: int | None, ref: str, close: str | None
) -> Finding:
    return F.make(
        F.UNKNOWN_REFERENCE,
        path,
        line,
        col,
        f"`{ref}` is not a known {_MEASURE}",
        f"Did you mean `{close}`?" if close else f"Check the spelling, or add the {_MEASURE}.",
    )


def _knock_on(path: str, line: int | None, col: int | None, ref: str, other: str) -> Finding:
    return F.make(
        F.UNKNOWN_REFERENCE,
        path,
        line,
        col,
        f"`{ref}` cannot be checked: it refers to {other}, which could not be read",
        f"Fix the problem reported in {other}; this reference is then checked again.",
        severity="info",
    )


def _duplicates(repo: Repository, path: str, keys: tuple[str, ...], what: str) -> list[Finding]:
    seen: set[str] = set()
    out: list[Finding] = []
    for i, value in _ids(_raw(repo, path, *keys)):
        if value in seen:
            line, col = _located(repo, path, (*keys, i, "id"))
            out.append(
                F.make(
                    F.DUPLICATE_ID,
                    path,
                    line,
                    col,
                    f"the {what} id `{value}` is used twice",
                    f"Give each {what} its own id.",
                )
            )
        seen.add(value)
    return out
