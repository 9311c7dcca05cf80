"""Load a strategy repository: find its root, read every file, validate, resolve references.

``load(path)`` never raises for bad content: it returns a :class:`Repository` holding whatever
loaded cleanly plus every problem found, so that all of them can be reported at once.
"""

from __future__ import annotations

import errno
import gc
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from digistrat import findings as F
from digistrat.findings import Finding
from digistrat.models import KINDS, Commitment, Initiative, Service, Strategy, UserGroup
from digistrat.models.common import ID_PATTERN
from digistrat.suggest import Suggester
from digistrat.validation import MAX_FINDINGS_PER_FILE, findings_from, locate, too_many
from digistrat.yamlio import (
    MAX_FILE_BYTES,
    Loaded,
    Pos,
    YamlProblem,
    YMap,
    load_bytes,
    too_big,
)

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


def _directives(raw: bytes) -> list[tuple[int, str]]:
    if b"digistrat:" not in raw:
        return []
    text = raw.decode("utf-8", errors="replace")
    return [(n, line) for n, line in enumerate(text.splitlines(), 1) if "digistrat:" in line]


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


def _unreadable(rel: str, exc: OSError | RuntimeError) -> Finding:
    loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
    if loop:
        message = "this file is a link that leads back to itself (a loop of links)"
        hint = "Replace the link with the file it should point to."
    else:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        message = f"the file cannot be read ({reason})"
        hint = "Check that it exists and that you have permission to read it."
    return F.make(F.UNREADABLE_FILE, rel, None, None, message, hint)


def _problem_finding(path: str, p: YamlProblem) -> Finding:
    rule = {
        "syntax": F.YAML_SYNTAX,
        "duplicate-key": F.DUPLICATE_KEY,
        "unsafe": F.UNSAFE_YAML,
        "limit": F.LIMIT_EXCEEDED,
        "encoding": F.UNREADABLE_FILE,
    }.get(p.kind, F.YAML_SYNTAX)
    message = p.message if p.kind != "syntax" else f"the YAML cannot be read: {p.message}"
    return F.make(rule, path, p.line, p.column, message, p.hint)


class _Reader:
    """Reads files into SourceFiles, collecting findings; shared by the load steps."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.findings: list[Finding] = []

    def read(
        self, file: Path | str, rel: str | None = None, link: bool = True
    ) -> tuple[str, Loaded | None, list[tuple[int, str]]]:
        """Read and parse one file. ``link=False`` (a plain file found by walking real folders
        of the repository, so certainly inside it) skips resolving its path: resolving costs a
        system call per folder level, for every file."""
        if rel is None:
            rel = Path(file).relative_to(self.root).as_posix()
        try:
            real = Path(file).resolve() if link else file
            if link and not Path(real).is_relative_to(self.real_root):
                self.findings.append(
                    F.make(
                        F.UNREADABLE_FILE,
                        rel,
                        None,
                        None,
                        "this file is a link to somewhere outside the repository",
                        "Copy the file into the repository instead of linking to it.",
                    )
                )
                return rel, None, []
            raw = read_limited(real)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link loop
            self.findings.append(_unreadable(rel, exc))
            return rel, None, []
        if not isinstance(raw, bytes):
            self.findings.append(_problem_finding(rel, raw))
            return rel, Loaded(None, [raw]), []
        loaded = load_bytes(raw)
        problems = loaded.problems
        self.findings.extend(_problem_finding(rel, p) for p in problems[:MAX_FINDINGS_PER_FILE])
        if len(problems) > MAX_FINDINGS_PER_FILE:
            first = _problem_finding(rel, problems[MAX_FINDINGS_PER_FILE])
            rule = (first.code, first.name)
            self.findings.append(too_many(rule, rel, len(problems) - MAX_FINDINGS_PER_FILE))
        return rel, loaded, _directives(raw)


def _validate(
    model: type[BaseModel], data: Any, path: str, extra: dict[str, Any] | None = None
) -> tuple[Any, list[Finding]]:
    if not isinstance(data, dict):
        what = "empty" if data is None else "a list" if isinstance(data, list) else "a single value"
        return None, [
            F.make(
                F.NOT_A_MAPPING,
                path,
                1,
                1,
                f"the file is {what}, but it should be a block of `key: value` lines",
                "Start from the example made by `digistrat init`, or see `digistrat schema`.",
            )
        ]
    try:
        payload = {**extra, **data} if extra else data
        return _share_field_sets(model.model_validate(payload)), []
    except ValidationError as exc:
        return None, findings_from(model, exc, data, path)


_FIELD_SETS: dict[frozenset[str], set[str]] = {}


def _share_field_sets(entity: BaseModel) -> BaseModel:
    """Let models that were given the same fields share one ``model_fields_set``.

    pydantic gives every model instance its own set of the field names it was given: at 10,000
    entities (about 50,000 nested models) those sets alone take over 20 MiB, more than the
    models' values. The models are frozen, so nothing adds to these sets afterwards (a
    ``model_copy`` copies the set first) and sharing equal ones changes nothing else.
    """
    stack: list[Any] = [entity]
    while stack:
        item = stack.pop()
        own = item.__pydantic_fields_set__
        shared = _FIELD_SETS.setdefault(frozenset(own), own)
        if shared is not own:
            object.__setattr__(item, "__pydantic_fields_set__", shared)
        for value in item.__dict__.values():
            if isinstance(value, BaseModel):
                stack.append(value)
            elif isinstance(value, list) and value and isinstance(value[0], BaseModel):
                stack.extend(value)
    return entity


def _folder_problem(root: Path, real_root: Path, kind: str) -> Finding | None:
    """A kind's folder that is a file, or a link leaving the repository, is reported."""
    folder = root / kind
    if folder.is_symlink():
        try:
            inside = folder.resolve().is_relative_to(real_root)
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            return F.make(
                F.UNREADABLE_FILE,
                kind,
                None,
                None,
                f"the `{kind}` folder is a link to somewhere outside the repository",
                "Keep the files inside the repository: replace the link with a real folder.",
            )
    elif folder.exists() and not folder.is_dir():
        return F.make(
            F.UNREADABLE_FILE,
            kind,
            None,
            None,
            f"`{kind}` should be a folder holding one file per entry, but it is a file",
            f"Rename the file, and create a `{kind}` folder for the entries.",
        )
    return None


@dataclass(frozen=True, slots=True)
class _Entry:
    """A file found in a kind's folder: its path, repository-relative path and name, and
    whether it is a symbolic link (only links need resolving to check where they lead)."""

    path: str
    rel: str
    name: str
    link: bool


def _entity_files(root: Path, kind: str) -> list[_Entry]:
    """The YAML files of a kind's folder and its sub-folders (not hidden ones, not through
    links to folders), in a stable order: a folder's files by name, then its sub-folders.
    One ``scandir`` per folder: no system call per file before it is read."""
    folder = root / kind
    if not folder.is_dir():
        return []
    found: list[_Entry] = []
    _walk(str(folder), kind, found)
    return found


def _walk(path: str, rel: str, found: list[_Entry]) -> None:
    try:
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    folders = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        name = entry.name
        if is_dir:
            folders.append(entry)
        elif name.endswith((".yaml", ".yml")) and not name.startswith("."):
            found.append(_Entry(entry.path, f"{rel}/{name}", name, entry.is_symlink()))
    for entry in folders:
        if not entry.name.startswith(".") and not entry.is_symlink():
            _walk(entry.path, f"{rel}/{entry.name}", found)


def load(start: Path) -> Repository:
    """Load the repository containing ``start``. Raises only :class:`RepositoryNotFound`."""
    root = find_root(start)
    enabled = gc.isenabled()
    gc.disable()  # thousands of small models: collection passes would dominate the cost
    try:
        repo = _load(root)
        # Everything just loaded lives as long as the repository and holds no reference
        # cycles: move it out of the collector's sight. Otherwise the first collections after
        # loading walk every object again (about a second for 10,000 entities).
        gc.freeze()
        return repo
    finally:
        if enabled:
            gc.enable()


def _load(root: Path) -> Repository:
    repo = Repository(root=root)
    reader = _Reader(root)
    rel, loaded, directives = reader.read(root / STRATEGY_FILE)
    if loaded is not None and not (loaded.data is None and loaded.problems):
        repo.files[rel] = SourceFile(rel, loaded.data, directives)
        repo.paths[("strategy", "strategy")] = rel
        strategy, problems = _validate(Strategy, loaded.data, rel)
        repo.strategy = strategy
        reader.findings.extend(problems)
    count = 0
    for kind, model in KINDS.items():
        store = repo.entities(kind)
        problem = _folder_problem(root, reader.real_root, kind)
        if problem is not None:
            reader.findings.append(problem)
            continue
        for file in _entity_files(root, kind):
            count += 1
            if count > MAX_FILES:
                reader.findings.append(
                    F.make(
                        F.LIMIT_EXCEEDED,
                        kind,
                        None,
                        None,
                        f"the repository has more than {MAX_FILES:,} entity files",
                        "Split the strategy: no single strategy needs this many files.",
                    )
                )
                break
            _load_entity(repo, reader, kind, model, file, store)
    reader.findings.extend(_check_references(repo))
    repo.findings = sorted(reader.findings, key=lambda f: f.sort_key)
    return repo


def _load_entity(
    repo: Repository,
    reader: _Reader,
    kind: str,
    model: type[BaseModel],
    file: _Entry,
    store: dict[str, Any],
) -> None:
    rel, loaded, directives = reader.read(file.path, file.rel, file.link)
    if loaded is None or (loaded.data is None and loaded.problems):
        return
    stem = file.name[: file.name.rfind(".")]
    if not _ID_RE.match(stem) or stem in _RESERVED:
        reader.findings.append(
            F.make(
                F.BAD_FILE_NAME,
                rel,
                None,
                None,
                f"`{file.name}` is not a usable file name: it becomes the id of this entry",
                "Name the file with lower-case words joined by hyphens, like "
                "`outpatient-booking.yaml` (and avoid reserved names like `con` or `index`).",
            )
        )
        return
    repo.files[rel] = SourceFile(rel, loaded.data, directives)
    given = loaded.data.get("id") if isinstance(loaded.data, dict) else None
    declared = given if isinstance(given, str) and _ID_RE.match(given) else stem
    repo.declared.setdefault((kind, declared), rel)
    entity, problems = _validate(model, loaded.data, rel, None if given else {"id": stem})
    reader.findings.extend(problems)
    if entity is None:
        return
    ident = entity.id or stem
    if ident in store:
        first = repo.paths[(kind, ident)]
        line, col = _pos(loaded.data, "id")
        reader.findings.append(
            F.make(
                F.DUPLICATE_ID,
                rel,
                line,
                col,
                f"the id `{ident}` is already used by {first}",
                "Each entry needs its own id: rename this file or change its `id`.",
            )
        )
        return
    store[ident] = entity
    repo.paths[(kind, ident)] = rel


def _pos(data: Any, key: str) -> tuple[int | None, int | None]:
    if isinstance(data, YMap) and key in data:
        pos: Pos = data.keys_at[key]
        return pos
    return (1, 1) if isinstance(data, YMap) else (None, None)


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
    data = source.data if source else None
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data


# kind → (key holding references, the kind or set it refers to, how to name it)
_REFERENCES: dict[str, list[tuple[str, str, str]]] = {
    "services": [("users", "users", "user group")],
    "initiatives": [
        ("needs", "needs", "user need (`group/need`)"),
        ("services", "services", "service"),
        ("depends_on", "initiatives", "initiative"),
        ("objectives", "objectives", "objective in strategy.yaml"),
    ],
    "commitments": [("initiatives", "initiatives", "initiative")],
}


def _check_references(repo: Repository) -> list[Finding]:
    """Every cross-reference must resolve, checked on the raw YAML so that a file with other
    errors still has its references checked."""
    out: list[Finding] = []
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
    out.extend(_duplicates(repo, STRATEGY_FILE, ("objectives",), "objective"))
    out.extend(_duplicates(repo, STRATEGY_FILE, ("scoring", "criteria"), "criterion"))
    for (kind, _), path in sorted(repo.declared.items(), key=lambda item: item[1]):
        if kind == "users":
            out.extend(_duplicates(repo, path, ("needs",), "need"))
        data = _raw(repo, path)
        for key, target, what in _REFERENCES.get(kind, []):
            if target == "objectives" and not has_strategy:
                continue
            refs = _raw(repo, path, key)
            if not isinstance(refs, list):
                continue
            for i, ref in enumerate(refs):
                if isinstance(ref, str) and ref not in known[target]:
                    pos = locate(data, (key, i))
                    line, col = pos if pos else (None, None)
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


def _duplicates(repo: Repository, path: str, keys: tuple[str, ...], what: str) -> list[Finding]:
    seen: set[str] = set()
    out: list[Finding] = []
    data = _raw(repo, path)
    for i, value in _ids(_raw(repo, path, *keys)):
        if value in seen:
            pos = locate(data, (*keys, i, "id"))
            line, col = pos if pos else (None, None)
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
