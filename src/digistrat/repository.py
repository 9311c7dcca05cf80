"""What a loaded strategy repository is: its files, its entities and where each came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digistrat.findings import Finding
from digistrat.models import Commitment, Initiative, Service, Strategy, UserGroup
from digistrat.models.common import ID_PATTERN
from digistrat.validation import locate

STRATEGY_FILE = "strategy.yaml"
MAX_FILES = 50_000
_ID_RE = re.compile(ID_PATTERN)
_RESERVED = {"con", "prn", "aux", "nul", "index", "assets"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


class RepositoryNotFound(Exception):
    """No ``strategy.yaml`` in the folder or any folder above it."""


@dataclass(slots=True)
class SourceFile:
    """One file as read: its repository-relative path, the loaded YAML, comment directives."""

    path: str
    data: Any
    directives: list[tuple[int, str]] = field(default_factory=list)
    """(line, text) of each line holding a ``digistrat:`` comment, for inline suppressions."""


@dataclass(slots=True)
class Repository:
    """Everything loaded from one strategy repository."""

    root: Path
    strategy: Strategy | None = None
    services: dict[str, Service] = field(default_factory=dict)
    users: dict[str, UserGroup] = field(default_factory=dict)
    initiatives: dict[str, Initiative] = field(default_factory=dict)
    commitments: dict[str, Commitment] = field(default_factory=dict)
    files: dict[str, SourceFile] = field(default_factory=dict)
    """Every file read, by repository-relative path."""
    declared: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → path for every entity file, valid or not: references to an entry that
    failed validation are not reported twice."""
    paths: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → path; the strategy is ("strategy", "strategy")."""
    findings: list[Finding] = field(default_factory=list)
    """Problems found while loading (schema, references, unreadable YAML)."""

    def entities(self, kind: str) -> dict[str, Any]:
        stores: dict[str, dict[str, Any]] = {
            "services": self.services,
            "users": self.users,
            "initiatives": self.initiatives,
            "commitments": self.commitments,
        }
        return stores[kind]

    def path_of(self, kind: str, ident: str) -> str:
        return self.paths.get((kind, ident), STRATEGY_FILE if kind == "strategy" else "")

    def where(self, kind: str, ident: str, *loc: str | int) -> tuple[str, int | None, int | None]:
        """(path, line, column) of a field of an entity: ``where("initiatives", "x", "owner")``."""
        path = self.path_of(kind, ident)
        source = self.files.get(path)
        pos = locate(source.data, loc, key=True) if source is not None else None
        return (path, pos[0], pos[1]) if pos else (path, None, None)


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` that holds ``strategy.yaml``."""
    try:
        start = start.resolve()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a loop of symbolic links
        raise RepositoryNotFound(f"{start} cannot be opened ({exc}).") from None
    if start.is_file():
        start = start.parent
    for folder in (start, *start.parents):
        candidate = folder / STRATEGY_FILE
        if candidate.is_file():
            return folder
        if candidate.is_symlink() or candidate.exists():
            raise RepositoryNotFound(
                f"{candidate} is not a readable file (it is a folder, or a link that leads "
                f"nowhere). Replace it with the strategy file, or run `digistrat init`."
            )
    raise RepositoryNotFound(
        f"No {STRATEGY_FILE} found in {start} or any folder above it. "
        "Run `digistrat init` to create a strategy repository, or give its folder."
    )
