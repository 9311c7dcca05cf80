"""Writing rendered files: only inside the out folder, only files digistrat made, only when
their content changed.

A manifest (``.digistrat-render.json``) in the out folder lists every file a render wrote, with
a hash of its content. The next render replaces only those files, removes those it no longer
produces if nobody has edited them since, and leaves everything else alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from digistrat import atomic
from digistrat.voice import count

MANIFEST = ".digistrat-render.json"
STRATEGY_FILE = "strategy.yaml"


class OutputError(Exception):
    """The out folder cannot be used; the message says why and what to do."""


@dataclass(slots=True)
class WriteResult:
    """What a render did to the out folder (paths relative to it)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Files an earlier render made that are no longer produced but were edited since: kept."""


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _plain_rel(rel: str) -> list[str]:
    """The parts of a relative path, refusing anything but plain names joined by ``/``."""
    parts = rel.split("/")
    if not rel or "\\" in rel or ":" in rel or any(p in ("", ".", "..") for p in parts):
        raise OutputError(f"refusing to write `{rel}`: not a plain path inside the out folder")
    return parts


def _outside(out: Path, rel: str) -> OutputError:
    return OutputError(f"refusing to write `{rel}`: it would land outside {out} (through a link)")


def safe_target(out: Path, rel: str) -> Path:
    """``out / rel``, refusing any path that could land outside ``out``."""
    target = out.joinpath(*_plain_rel(rel))
    if not target.resolve().is_relative_to(out.resolve()):
        raise _outside(out, rel)
    return target


class _Targets:
    """:func:`safe_target` for many files: each folder is resolved and listed once, not each
    file looked at on its own.

    A file that is itself a symbolic link is resolved in full (such a link is rare, and
    renaming over it would replace the link rather than write where it points)."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.real_out = out.resolve()
        self.folders: dict[str, tuple[bool, dict[str, bool]]] = {}
        """Folder → whether it is inside the out folder, and its entries (name → is a link)."""

    def __call__(self, rel: str) -> tuple[str, bool]:
        """The path to write ``rel`` to, and whether something is there already."""
        parts = _plain_rel(rel)
        folder = "/".join(parts[:-1])
        known = self.folders.get(folder)
        if known is None:
            known = self.folders[folder] = self._scan(parts[:-1])
        inside, entries = known
        target = os.path.join(self.out, *parts)
        link = entries.get(parts[-1])
        if not inside or (link and not Path(target).resolve().is_relative_to(self.real_out)):
            raise _outside(self.out, rel)
        return target, link is not None

    def _scan(self, parts: list[str]) -> tuple[bool, dict[str, bool]]:
        path = self.out.joinpath(*parts)
        inside = path.resolve().is_relative_to(self.real_out)
        try:
            with os.scandir(path) as found:
                return inside, {entry.name: entry.is_symlink() for entry in found}
        except (FileNotFoundError, NotADirectoryError):
            return inside, {}


def _read_manifest(out: Path) -> dict[str, str] | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if not isinstance(files, dict):
            raise TypeError
        return {str(k): str(v) for k, v in files.items()}
    except (OSError, ValueError, KeyError, TypeError):
        raise OutputError(
            f"{path} is damaged, so digistrat cannot tell which files it made. "
            "Delete that file and render into an empty folder, or use --force."
        ) from None


def check_folder(out: Path, repo_root: Path, force: bool) -> dict[str, str]:
    """Refuse unsafe out folders; return the previous render's manifest (empty if none)."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out} exists and is not a folder; choose another --out.")
    real = out.resolve()
    root = repo_root.resolve()
    if real == root or (out / STRATEGY_FILE).exists() or root.is_relative_to(real):
        raise OutputError(
            f"{out} is the strategy repository (or holds it); rendering there would mix "
            "published pages with your strategy files. Choose a separate folder, such as "
            f"{repo_root / 'site'}."
        )
    if not out.exists():
        return {}
    try:
        previous = _read_manifest(out)
    except OutputError:
        if force:
            return {}
        raise
    if previous is None:
        if any(out.iterdir()) and not force:
            raise OutputError(
                f"{out} is not empty and was not made by digistrat render. Choose an empty "
                "or new folder, or use --force to write into it anyway (nothing else in it "
                "is deleted)."
            )
        return {}
    return previous


@dataclass(slots=True)
class Records:
    """What :meth:`Writer.put` did, in a form another process can send back."""

    digests: dict[str, str] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


class Writer:
    """Writes one render's files into ``out``, as the module docstring describes.

    :meth:`start` checks every path and claims the new ones in the manifest before anything is
    written; :meth:`put` writes one file if its content changed; :meth:`finish` removes what is
    no longer produced and writes the manifest. ``put`` may run in a forked process, whose
    :attr:`records` are then merged with :meth:`absorb`."""

    def __init__(self, out: Path, previous: Mapping[str, str], force: bool) -> None:
        self.out = out
        self.previous = previous
        self.force = force
        self.targets: dict[str, str] = {}
        self.fresh: set[str] = set()
        """Files that did not exist when the render started: nothing to compare them with."""
        self.records = Records()
        self.chmod = bool(_umask() & 0o644)
        """Whether the umask would keep new pages from being readable by all (0o644)."""

    def start(self, rels: Iterable[str]) -> None:
        out, previous = self.out, self.previous
        resolve = _Targets(out)
        self.targets = targets = {}
        for rel in sorted(rels):
            targets[rel], there = resolve(rel)
            if not there:
                self.fresh.add(rel)
        if not self.force:
            clashes = [rel for rel in targets if rel not in previous and rel not in self.fresh]
            if clashes:
                listed = ", ".join(clashes[:5]) + (" …" if len(clashes) > 5 else "")
                raise OutputError(
                    f"{count(len(clashes), 'file', zero=None)} in {out} "
                    f"{'was' if len(clashes) == 1 else 'were'} not made by digistrat and would be "
                    f"replaced: {listed}. Move them away, or use --force to replace them."
                )
        out.mkdir(parents=True, exist_ok=True)
        new = [rel for rel in targets if rel not in previous]
        if new:  # claim new files before writing them, so an interrupted render can resume
            claimed = {**previous, **{rel: "" for rel in new}}
            atomic.write_bytes(out / MANIFEST, _manifest(claimed))
        for folder in sorted({os.path.dirname(targets[rel]) for rel in self.fresh}):
            os.makedirs(folder, exist_ok=True)

    def put(self, rel: str, data: bytes) -> None:
        target = self.targets[rel]
        records = self.records
        records.digests[rel] = _digest(data)
        if rel in self.fresh:
            _create(target, data, self.chmod)
            records.written.append(rel)
        elif _same(target, data):
            records.unchanged.append(rel)
        else:
            _replace(target, data, None)
            records.written.append(rel)

    def absorb(self, other: Records) -> None:
        self.records.digests.update(other.digests)
        self.records.written += other.written
        self.records.unchanged += other.unchanged

    def save_progress(self) -> None:
        """After a failure: the manifest lists what was written so far, with its digest."""
        claimed = {**self.previous, **{rel: "" for rel in self.targets if rel not in self.previous}}
        claimed.update(self.records.digests)
        atomic.write_bytes(self.out / MANIFEST, _manifest(claimed))

    def finish(self, keep: Callable[[str], bool] | None = None) -> WriteResult:
        """Remove stale files (see :func:`write_all` for ``keep``); write the manifest."""
        out, previous, produced = self.out, self.previous, self.records.digests
        result = WriteResult(sorted(self.records.written), sorted(self.records.unchanged))
        untouched = []
        for rel in sorted(set(previous) - set(produced)):
            if keep is not None and keep(rel):
                untouched.append(rel)
                continue
            try:
                target = safe_target(out, rel)
            except OutputError:
                continue
            if not target.is_file():
                continue
            if _digest(target.read_bytes()) == previous[rel]:
                target.unlink()
                result.removed.append(rel)
            else:
                result.kept.append(rel)
        manifest = dict(produced)
        for rel in [*result.kept, *untouched]:
            manifest[rel] = previous[rel]
        body = _manifest(manifest)
        if not _same(str(out / MANIFEST), body):
            atomic.write_bytes(out / MANIFEST, body)
        return result


def write_all(
    out: Path,
    files: Mapping[str, bytes],
    previous: Mapping[str, str],
    force: bool,
    progress: Callable[[int, int], None] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> WriteResult:
    """Write ``files`` (relative path → content) into ``out``; see the module docstring.

    ``keep(path)`` says which files of the previous render to leave alone even though this
    render did not produce them (those of outputs not chosen this time)."""
    writer = Writer(out, previous, force)
    writer.start(files)
    total = len(writer.targets)
    for n, rel in enumerate(writer.targets, 1):
        writer.put(rel, files[rel])
        if progress is not None:
            progress(n, total)
    return writer.finish(keep)


def _manifest(files: Mapping[str, str]) -> bytes:
    data = {"generator": "digistrat render", "files": dict(sorted(files.items()))}
    return json.dumps(data, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _replace(target: str, data: bytes, mode: int | None) -> None:
    """Write via a temporary file and a rename, so a reader never sees half a page.

    ``mode`` is the new file's permissions (None: those of the file it replaces). Unlike
    :func:`digistrat.atomic.write_bytes` this does not force each file to disk: the pages can
    always be rendered again, and syncing ten thousand files costs many seconds.

    The temporary file has an unpredictable name and is created exclusively (``mkstemp``), so
    nothing planted in the output folder, such as a link under a name we would use, is ever
    written through; the rename then replaces ``target`` itself, never a file it links to.
    """
    folder, name = os.path.split(target)
    if mode is None:
        try:
            found = os.lstat(target).st_mode
            mode = 0o644 if stat.S_ISLNK(found) else found & 0o777
        except FileNotFoundError:
            mode = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    try:
        try:
            _write_all(fd, data)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_READ = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
"""Opened without blocking: a named pipe put where a page was cannot hang the render."""


def _create(target: str, data: bytes, chmod: bool) -> None:
    """Write a file that did not exist, directly (half a page can only be seen while it is
    being written for the first time; a later render replaces it whole). Should a file have
    appeared there since the render started, it is replaced as usual instead."""
    try:
        fd = os.open(target, _NEW_FILE, 0o644)
    except FileExistsError:
        _replace(target, data, None)
        return
    try:
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        if chmod:
            os.chmod(target, 0o644)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        raise


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to an open file: plain system calls, without the checks a Python
    file object makes when it is opened (three more calls per page, 30,000 at 10k pages)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _umask() -> int:
    """The process's umask (which can only be read by setting it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _same(target: str, data: bytes) -> bool:
    """Whether the file holds exactly ``data`` (one open and, mostly, one read)."""
    try:
        fd = os.open(target, _READ)
    except OSError:
        return False
    try:
        size = len(data)
        chunks = []
        got = 0
        while got <= size:
            chunk = os.read(fd, size + 1 - got)
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks) == data
    except OSError:
        return False
    finally:
        os.close(fd)
