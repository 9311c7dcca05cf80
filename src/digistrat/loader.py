"""Load a strategy repository: find its root, read every file, validate, resolve references.

``load(path)`` never raises for bad content: it returns a :class:`Repository` holding whatever
loaded cleanly plus every problem found, so that all of them can be reported at once.
"""

from __future__ import annotations

import errno
import gc
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from digistrat import findings as F
from digistrat.findings import Finding
from digistrat.models import KINDS, Strategy
from digistrat.models.common import trim_text
from digistrat.models.framework import Framework
from digistrat.parallel import split_map
from digistrat.prose.fields import trimmed_texts
from digistrat.references import check_references, reference_lists
from digistrat.repository import (
    _ID_RE,
    _RESERVED,
    MAX_FILES,
    STRATEGY_FILE,
    Repository,
    RepositoryNotFound,
    SourceFile,
    find_root,
    read_limited,
)
from digistrat.validation import MAX_FINDINGS_PER_FILE, findings_from, locate, too_many
from digistrat.yamlio import Loaded, Pos, YamlProblem, YMap, load_bytes

__all__ = [
    "STRATEGY_FILE",
    "Repository",
    "RepositoryNotFound",
    "SourceFile",
    "find_root",
    "load",
    "read_limited",
]


def _directives(raw: bytes) -> tuple[tuple[int, str], ...]:
    if b"digistrat:" not in raw:
        return ()
    text = raw.decode("utf-8", errors="replace")
    return tuple((n, line) for n, line in enumerate(text.splitlines(), 1) if "digistrat:" in line)


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
    """Reads files into SourceFiles, with the problems found."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.real_root = root.resolve()
        self.folder = str(root)

    def read(
        self, file: Path | str, rel: str | None = None, link: bool = True
    ) -> tuple[str, Loaded | None, SourceFile | None, list[Finding]]:
        """Read and parse one file, with the problems found. ``link=False`` (a plain file
        found by walking real folders of the repository, so certainly inside it) skips
        resolving its path: resolving costs a system call per folder level, for every file."""
        found: list[Finding] = []
        if rel is None:
            rel = Path(file).relative_to(self.root).as_posix()
        try:
            real = Path(file).resolve() if link else file
            if link and not Path(real).is_relative_to(self.real_root):
                found.append(
                    F.make(
                        F.UNREADABLE_FILE,
                        rel,
                        None,
                        None,
                        "this file is a link to somewhere outside the repository",
                        "Copy the file into the repository instead of linking to it.",
                    )
                )
                return rel, None, None, found
            raw = read_limited(real)
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link loop
            found.append(_unreadable(rel, exc))
            return rel, None, None, found
        if not isinstance(raw, bytes):
            found.append(_problem_finding(rel, raw))
            return rel, Loaded(None, [raw]), None, found
        loaded = load_bytes(raw)
        problems = loaded.problems
        found.extend(_problem_finding(rel, p) for p in problems[:MAX_FINDINGS_PER_FILE])
        if len(problems) > MAX_FINDINGS_PER_FILE:
            first = _problem_finding(rel, problems[MAX_FINDINGS_PER_FILE])
            rule = (first.code, first.name)
            found.append(too_many(rule, rel, len(problems) - MAX_FINDINGS_PER_FILE))
        real = str(real)
        target = None if real == os.path.join(self.folder, rel) else real
        source = SourceFile(rel, self.folder, zlib.crc32(raw), target, _directives(raw))
        return rel, loaded, source, found


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

    ``__pydantic_fields_set__`` is pydantic's own attribute, not its public API: if a release
    renames it, the sets are simply not shared (tests/test_loader.py).
    """
    stack: list[Any] = [entity]
    while stack:
        item = stack.pop()
        own = getattr(item, "__pydantic_fields_set__", None)
        if not isinstance(own, set):
            return entity  # pydantic keeps them elsewhere now: only the saving is lost
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


class ReadCache:
    """Entry files as last read, to load the same repository again reading only the files
    that changed since (``digistrat serve`` after each save: one file read, not a thousand).

    A file counts as unchanged while its size, modification time (to the nanosecond) and
    inode are the same; anything else about it is read again. Everything else about loading
    (which file holds which id, references between files, strategy.yaml) is worked out again
    every time, exactly as by a first load."""

    def __init__(self) -> None:
        self.reads: dict[str, tuple[tuple[int, int, int], _Read]] = {}
        self.read_last = 0
        """How many entry files the last load read (the others came from here)."""


def load(
    start: Path,
    meanwhile: Callable[[], object] | None = None,
    cache: ReadCache | None = None,
) -> Repository:
    """Load the repository containing ``start``. Raises only :class:`RepositoryNotFound`.

    ``meanwhile``, if given, is called once while the files are read: where a second core
    shares the reading, while the other process is at work (see
    :func:`digistrat.parallel.split_map`); a caller's own preparation costs less there.
    ``cache``: entry files unchanged since it was last given to ``load`` are not read again
    (see :class:`ReadCache`)."""
    root = find_root(start)
    enabled = gc.isenabled()
    gc.disable()  # thousands of small models: collection passes would dominate the cost
    try:
        repo = _load(root, meanwhile, cache)
        # Everything just loaded lives as long as the repository and holds no reference
        # cycles: move it out of the collector's sight. Otherwise the first collections after
        # loading walk every object again (about a second for 10,000 entities).
        gc.freeze()
        return repo
    finally:
        if enabled:
            gc.enable()


def _load(
    root: Path, meanwhile: Callable[[], object] | None = None, cache: ReadCache | None = None
) -> Repository:
    repo = Repository(root=root)
    reader = _Reader(root)
    rel, loaded, source, findings = reader.read(root / STRATEGY_FILE)
    if source is not None and loaded is not None and not (loaded.data is None and loaded.problems):
        repo.files[rel] = _summarised(source, "strategy", loaded.data, keep=True)
        repo.paths[("strategy", "strategy")] = rel
        strategy, problems = _validate(Strategy, loaded.data, rel)
        repo.strategy = strategy
        findings.extend(problems)
    findings.extend(_frameworks(repo, reader))
    entries = _entries(root, reader.real_root, findings)
    # Each file is read and validated on its own (on two cores where worth it), then taken
    # into the repository in order: which of two files with the same id comes first, say.
    reads = (
        split_map(entries, lambda entry: _read_entry(reader, *entry), meanwhile)
        if cache is None
        else _cached_reads(reader, entries, cache)
    )
    for read in reads:
        findings.extend(_take(repo, read))
    findings.extend(check_references(repo, findings))
    repo.findings = sorted(findings, key=lambda f: f.sort_key)
    return repo


FRAMEWORKS = "frameworks"
"""The folder of a repository's own framework files."""


def _frameworks(repo: Repository, reader: _Reader) -> list[Finding]:
    """Read the repository's own framework files (``frameworks/<id>.yaml``) into
    ``repo.frameworks``; the problems found with them."""
    problem = _folder_problem(repo.root, reader.real_root, FRAMEWORKS)
    if problem is not None:
        return [problem]
    found: list[Finding] = []
    for file in _entity_files(repo.root, FRAMEWORKS):
        rel, loaded, source, problems = reader.read(file.path, file.rel, file.link)
        found.extend(problems)
        if source is None or loaded is None or (loaded.data is None and loaded.problems):
            continue
        stem = file.name[: file.name.rfind(".")]
        if not _ID_RE.match(stem) or stem in _RESERVED:
            found.append(
                F.make(
                    F.BAD_FILE_NAME,
                    rel,
                    None,
                    None,
                    f"`{file.name}` is not a usable file name: it becomes the framework's id",
                    "Name the file with lower-case words joined by hyphens, like `wgll.yaml`.",
                )
            )
            continue
        data = trim_text(loaded.data)
        source.kept = data  # small; its text is not the strategy's, so no ``texts``
        repo.files[rel] = source
        given = data.get("id") if isinstance(data, dict) else None
        ident = given if isinstance(given, str) and _ID_RE.match(given) else stem
        if ident in repo.framework_files:
            line, col = _pos(data, "id")
            found.append(
                F.make(
                    F.DUPLICATE_ID,
                    rel,
                    line,
                    col,
                    f"the framework id `{ident}` is already used by {repo.framework_files[ident]}",
                    "Each framework needs its own id: rename this file or change its `id`.",
                )
            )
            continue
        repo.framework_files[ident] = rel
        framework, problems = _validate(Framework, data, rel, None if given else {"id": stem})
        found.extend(problems)
        if framework is not None:
            repo.frameworks[ident] = framework
            repo.paths[(FRAMEWORKS, ident)] = rel
            found.extend(_duplicate_measures(framework, data, rel))
    return found


def _duplicate_measures(framework: Framework, data: Any, rel: str) -> list[Finding]:
    seen: set[str] = set()
    out: list[Finding] = []
    for i, measure in enumerate(framework.measures):
        if measure.id in seen:
            pos = locate(data, ("measures", i, "id"))
            line, col = pos if pos else (None, None)
            out.append(
                F.make(
                    F.DUPLICATE_ID,
                    rel,
                    line,
                    col,
                    f"the measure id `{measure.id}` is used twice",
                    "Give each measure of the framework its own id.",
                )
            )
        seen.add(measure.id)
    return out


def _cached_reads(
    reader: _Reader, entries: list[tuple[str, type[BaseModel], _Entry]], cache: ReadCache
) -> list[_Read]:
    """Every entry file read, as :func:`_read_entry` reads it, taking unchanged ones from
    ``cache`` and keeping the rest there."""
    known = cache.reads
    found: list[_Read | None] = []
    todo: list[tuple[int, tuple[int, int, int] | None, tuple[str, type[BaseModel], _Entry]]] = []
    for n, entry in enumerate(entries):
        try:
            info = os.stat(entry[2].path)
            stamp: tuple[int, int, int] | None = (info.st_mtime_ns, info.st_size, info.st_ino)
        except OSError:
            stamp = None  # read as usual: reading tells what is wrong
        held = known.get(entry[2].rel)
        if stamp is not None and held is not None and held[0] == stamp:
            found.append(held[1])
            continue
        found.append(None)
        todo.append((n, stamp, entry))
    fresh = split_map([entry for _, _, entry in todo], lambda e: _read_entry(reader, *e))
    for (n, stamp, entry), read in zip(todo, fresh, strict=True):
        found[n] = read
        if stamp is not None:
            known[entry[2].rel] = (stamp, read)
    present = {entry[2].rel for entry in entries}
    for rel in [rel for rel in known if rel not in present]:
        del known[rel]
    cache.read_last = len(todo)
    return [read for read in found if read is not None]


def _entries(
    root: Path, real_root: Path, findings: list[Finding]
) -> list[tuple[str, type[BaseModel], _Entry]]:
    """Every entry file to read, kind after kind, with the problems of the folders."""
    out: list[tuple[str, type[BaseModel], _Entry]] = []
    for kind, model in KINDS.items():
        problem = _folder_problem(root, real_root, kind)
        if problem is not None:
            findings.append(problem)
            continue
        files = _entity_files(root, kind)
        room = MAX_FILES - len(out)
        if len(files) > room:
            findings.append(
                F.make(
                    F.LIMIT_EXCEEDED,
                    kind,
                    None,
                    None,
                    f"the repository has more than {MAX_FILES:,} entity files",
                    "Split the strategy: no single strategy needs this many files.",
                )
            )
        out.extend((kind, model, file) for file in files[: max(room, 0)])
    return out


def _summarised(source: SourceFile, kind: str, data: Any, keep: bool = False) -> SourceFile:
    """Trim the file's text (before it is validated), keep what later steps read of it, and
    let its parsed tree go unless ``keep``."""
    texts = trimmed_texts(kind, data)
    if texts is not None:
        source.texts, source.coded = texts
    source.refs = reference_lists(kind, data)
    if keep:
        source.kept = data
    return source


@dataclass(slots=True)
class _Read:
    """One entry file, read and validated on its own (by either process): what the
    repository takes of it (:func:`_take`)."""

    kind: str
    rel: str
    findings: list[Finding]
    source: SourceFile | None = None
    """``None`` when nothing usable was read."""
    declared: str = ""
    """Its id as written (or its file name's), valid or not."""
    entity: Any = None
    """The validated model, or ``None``."""
    id_at: tuple[int | None, int | None] | None = None
    """Where its ``id`` is, to report a duplicate (None: not known yet, as for a file read
    without positions)."""


def _read_entry(reader: _Reader, kind: str, model: type[BaseModel], file: _Entry) -> _Read:
    rel, loaded, source, findings = reader.read(file.path, file.rel, file.link)
    read = _Read(kind, rel, findings)
    if source is None or loaded is None or (loaded.data is None and loaded.problems):
        return read
    stem = file.name[: file.name.rfind(".")]
    if F.printable(rel) != rel and F.printable(file.name) == file.name:
        findings.append(  # a folder on the way has a name that is not UTF-8
            F.make(
                F.BAD_FILE_NAME,
                rel,
                None,
                None,
                f"the folder name in `{rel}` is not valid UTF-8 text (its odd bytes are shown "
                "as \\x codes), so the file is left out",
                "Rename the folder with plain letters, digits and hyphens.",
            )
        )
        return read
    if not _ID_RE.match(stem) or stem in _RESERVED:
        findings.append(
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
        return read
    data = loaded.data
    read.source = _summarised(source, kind, data)
    given = data.get("id") if isinstance(data, dict) else None
    read.declared = given if isinstance(given, str) and _ID_RE.match(given) else stem
    extra = None if given else {"id": stem}
    read.entity, problems = _validate(model, data, rel, extra)
    findings.extend(problems)
    if read.entity is not None and isinstance(data, YMap):
        read.id_at = _pos(data, "id")
    return read


def _take(repo: Repository, read: _Read) -> list[Finding]:
    """Add an entry file to the repository (unless another file already has its id); the
    problems found with it."""
    if read.source is None:
        return read.findings
    kind, rel, entity = read.kind, read.rel, read.entity
    repo.files[rel] = read.source
    repo.declared.setdefault((kind, read.declared), rel)
    if entity is None:
        return read.findings
    ident = entity.id or read.declared
    store = repo.entities(kind)
    if ident not in store:
        store[ident] = entity
        repo.paths[(kind, ident)] = rel
        return read.findings
    first = repo.paths[(kind, ident)]
    line, col = read.id_at if read.id_at is not None else _pos(read.source.data, "id")
    duplicate = F.make(
        F.DUPLICATE_ID,
        rel,
        line,
        col,
        f"the id `{ident}` is already used by {first}",
        "Each entry needs its own id: rename this file or change its `id`.",
    )
    return [*read.findings, duplicate]


def _pos(data: Any, key: str) -> tuple[int | None, int | None]:
    if isinstance(data, YMap) and key in data:
        pos: Pos = data.keys_at[key]
        return pos
    return (1, 1) if isinstance(data, YMap) else (None, None)
