"""What a loaded strategy repository is: its files, its entities and where each came from."""

from __future__ import annotations

import os
import re
import stat
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digistrat.findings import Finding
from digistrat.models import Commitment, Initiative, Service, Strategy, UserGroup
from digistrat.models.common import ID_PATTERN
from digistrat.models.framework import Framework
from digistrat.validation import locate
from digistrat.yamlio import MAX_FILE_BYTES, YamlProblem, load_bytes, too_big

STRATEGY_FILE = "strategy.yaml"
MAX_FILES = 50_000
_ID_RE = re.compile(ID_PATTERN)
_RESERVED = {"con", "prn", "aux", "nul", "index", "assets"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}


class RepositoryNotFound(Exception):
    """No ``strategy.yaml`` in the folder or any folder above it."""


class _Dropped:
    """Marks a file whose parsed YAML was let go after loading (see :class:`SourceFile`)."""

    def __reduce__(self) -> str:
        return "DROPPED"  # one marker, also in a file read by another process and pickled


DROPPED = _Dropped()


@dataclass(slots=True, eq=False)
class SourceFile:
    """One file as read: its repository-relative path, what later steps need of its YAML.

    The parsed YAML of an entry file (a tree of ``YMap``/``YSeq`` with every value's place) is
    let go once the file is validated: at 10,000 entries those trees take more memory than
    everything else together. What the later steps read of every file is kept instead: its
    text values (``texts``, for the text rules) and its references (``refs``). ``data`` parses
    the file again on first use, which happens only for the few files a finding points into.
    ``strategy.yaml``'s tree is kept (``kept``): it is small and holds the settings.
    """

    path: str
    root: str
    """The repository's folder (one string, shared by all its files)."""
    digest: int
    """CRC-32 of its bytes: a file changed since loading is not read again (``data`` is
    then ``None``, and findings in it point at the file rather than a wrong line)."""
    target: str | None = None
    """For a symbolic link (inside the repository), the file it leads to."""
    directives: tuple[tuple[int, str], ...] = ()
    """(line, text) of each line holding a ``digistrat:`` comment, for inline suppressions."""
    texts: tuple[str, ...] | None = None
    """Its text values in file order (see :func:`digistrat.prose.fields.trimmed_texts`); ``None``
    when the file is not a mapping."""
    coded: bytes = b""
    """For each of ``texts``, 1 if it holds a code or a name rather than prose."""
    refs: Mapping[str, Any] = field(default_factory=dict)
    """The lists that references are checked against (see
    :func:`digistrat.references.reference_lists`)."""
    kept: Any = DROPPED
    read_again: bool = False
    """Whether ``kept`` was read again (by :attr:`data`) rather than kept from loading."""

    @property
    def data(self) -> Any:
        """The parsed YAML with positions (read again if it was let go)."""
        if self.kept is DROPPED:
            raw = _read_again(self.target or os.path.join(self.root, self.path))
            changed = not isinstance(raw, bytes) or zlib.crc32(raw) != self.digest
            self.kept = None if changed else load_bytes(raw).data  # type: ignore[arg-type]
            self.read_again = True
        return self.kept

    def let_go(self) -> None:
        """Let go of a tree :attr:`data` read again (one kept from loading stays)."""
        if self.read_again:
            self.kept = DROPPED
            self.read_again = False


def _read_again(file: str) -> bytes | YamlProblem | None:
    try:
        return read_limited(file)
    except (OSError, RuntimeError):
        return None


def read_limited(path: Path | str) -> bytes | YamlProblem:
    """The file's bytes, or why not: only regular files, refused by size before reading.

    Opening without blocking means a named pipe (FIFO) given a ``.yaml`` name cannot hang the
    run, and a huge file is refused without being read into memory.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return YamlProblem(
                "encoding",
                "this is not an ordinary file (it is a folder, a device or a pipe)",
                "Replace it with a text file, or give it a name that does not end in .yaml.",
            )
        if info.st_size > MAX_FILE_BYTES:
            return too_big(info.st_size)
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_FILE_BYTES:  # the file may grow while it is read
            chunk = os.read(fd, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
    frameworks: dict[str, Framework] = field(default_factory=dict)
    """The repository's own frameworks (``frameworks/<id>.yaml``), by id; the shipped ones
    are in :mod:`digistrat.frameworks`."""
    framework_files: dict[str, str] = field(default_factory=dict)
    """Framework id → path, for every framework file read, valid or not: references to a
    framework whose file has problems are not reported unknown as well."""

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
