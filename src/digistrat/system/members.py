"""Read ``system.yaml`` and find each member's folder, safely.

Never raises for bad content: each member entry that is wrong, or whose repository cannot be
reached, becomes a finding located at its entry in system.yaml, and the other members are still
read. A member's folder must hold its own ``strategy.yaml`` (no search upward, which could
leave the member's folder); the loader then refuses links leading out of that folder, exactly
as for any repository.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from digistrat import findings as F
from digistrat.findings import Finding
from digistrat.repository import STRATEGY_FILE, read_limited
from digistrat.system.model import SYSTEM_FILE, Member
from digistrat.validation import findings_from, locate
from digistrat.yamlio import YamlProblem, load_bytes


@dataclass(slots=True)
class Place:
    """One member entry of system.yaml and where its files are."""

    member: Member
    line: int | None
    """Where its entry starts in system.yaml."""
    column: int | None
    label: str = ""
    """What its findings' paths start with: its ``path`` as written, or its id for a member
    fetched with git."""
    root: Path | None = None
    """The folder holding its strategy.yaml; None when it cannot be reached."""
    problem: str = ""
    """Why it cannot be reached (plain English), when it cannot."""

    @property
    def name(self) -> str:
        return self.member.name or self.member.id


@dataclass(slots=True)
class Layout:
    """The members of a system repository, and the problems with its system.yaml."""

    root: Path
    places: list[Place] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def is_system(root: Path) -> bool:
    """Whether the repository at ``root`` is a system repository (has a system.yaml)."""
    return (root / SYSTEM_FILE).is_file()


def _problem(line: int | None, column: int | None, message: str, hint: str) -> Finding:
    return F.make(F.MEMBER_UNAVAILABLE, SYSTEM_FILE, line, column, message, hint)


def read_layout(root: Path, fetch: bool = True) -> Layout:
    """The members listed in ``root/system.yaml``, each with its folder found (git members
    fetched into the cache unless ``fetch`` is False)."""
    layout = Layout(root)
    try:
        raw = read_limited(root / SYSTEM_FILE)
    except (OSError, RuntimeError) as exc:
        reason = getattr(exc, "strerror", None) or type(exc).__name__
        layout.findings.append(
            F.make(
                F.UNREADABLE_FILE,
                SYSTEM_FILE,
                None,
                None,
                f"system.yaml cannot be read ({reason})",
                "Check that it is a plain file you have permission to read.",
            )
        )
        return layout
    loaded = load_bytes(raw) if isinstance(raw, bytes) else None
    problems: list[YamlProblem] = [raw] if isinstance(raw, YamlProblem) else []
    if loaded is not None:
        problems = loaded.problems
    for p in problems:
        rule = F.DUPLICATE_KEY if p.kind == "duplicate-key" else F.YAML_SYNTAX
        layout.findings.append(F.make(rule, SYSTEM_FILE, p.line, p.column, p.message, p.hint))
    data = loaded.data if loaded is not None else None
    if not isinstance(data, dict) or not isinstance(data.get("members"), list):
        if not problems or data is not None:
            layout.findings.append(
                F.make(
                    F.SCHEMA,
                    SYSTEM_FILE,
                    1,
                    1,
                    "system.yaml should hold `members:`, a list of the member organisations",
                    "Write `members:` and, under it, one `- id: ...` entry per member with its "
                    "`path` (a folder) or `git` address and `ref` (see docs/system.md).",
                )
            )
        return layout
    for key in data:
        if key != "members":
            line, column = locate(data, [key], key=True) or (None, None)
            layout.findings.append(
                F.make(
                    F.SCHEMA,
                    SYSTEM_FILE,
                    line,
                    column,
                    f"system.yaml does not take `{key}`; it lists `members:` only",
                    "The system's own priorities and work go in strategy.yaml and its folders, "
                    "as in any strategy repository.",
                )
            )
    seen: dict[str, int | None] = {}
    for index, item in enumerate(data["members"]):
        line, column = locate(data, ["members", index]) or (None, None)
        member = _member(item, layout.findings, line, column)
        if member is None:
            continue
        if member.id in seen:
            layout.findings.append(
                F.make(
                    F.DUPLICATE_ID,
                    SYSTEM_FILE,
                    line,
                    column,
                    f"the member id `{member.id}` is already used on line {seen[member.id]}",
                    "Give each member its own id.",
                )
            )
            continue
        seen[member.id] = line
        place = Place(member, line, column)
        _find(root, place, fetch)
        if place.root is None:
            layout.findings.append(
                _problem(
                    line,
                    column,
                    f"the member `{member.id}` cannot be read: {place.problem}",
                    _HINT_GIT if member.git else _HINT_PATH,
                )
            )
        layout.places.append(place)
    return layout


_HINT_PATH = (
    "Check the member's `path`: it is a folder relative to system.yaml that holds the member's "
    "strategy.yaml. The other members are still checked."
)
_HINT_GIT = (
    "Check the member's `git` address and `ref` (a tag or commit that exists), and that this "
    "machine may read the repository. The other members are still checked."
)


def _member(
    item: Any, findings: list[Finding], line: int | None, column: int | None
) -> Member | None:
    if not isinstance(item, dict):
        findings.append(
            F.make(
                F.SCHEMA,
                SYSTEM_FILE,
                line,
                column,
                "each member should be a block of `key: value` lines, starting `- id: ...`",
                "Write each member as `- id: riverside` with `path: ../riverside` below it.",
            )
        )
        return None
    try:
        return Member.model_validate(item)
    except ValidationError as exc:
        findings.extend(findings_from(Member, exc, item, SYSTEM_FILE))
        return None


def _find(root: Path, place: Place, fetch: bool) -> None:
    member = place.member
    if member.git is not None:
        assert member.ref is not None  # the model requires it
        place.label = member.id
        if not fetch:
            place.problem = "it was not fetched (fetching was switched off)"
            return
        from digistrat.system.fetch import FetchError
        from digistrat.system.fetch import fetch as do_fetch

        try:
            folder = do_fetch(member.git, member.ref).folder
        except FetchError as exc:
            place.problem = str(exc)
            return
    else:
        assert member.path is not None
        place.label = member.path.replace("\\", "/").rstrip("/") or "."
        folder = root / member.path
    try:
        real = folder.resolve()
    except (OSError, RuntimeError):
        place.problem = "its folder cannot be opened (a loop of links?)"
        return
    if not real.is_dir():
        place.problem = f"there is no folder at {folder}"
        return
    strategy = real / STRATEGY_FILE
    if not strategy.is_file():
        place.problem = f"its folder ({folder}) holds no {STRATEGY_FILE}"
        return
    if real == root.resolve():
        place.problem = "its folder is the system repository itself"
        return
    place.root = real
