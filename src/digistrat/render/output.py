"""Writing rendered files: only inside the out folder, only files digistrat made, only when
their content changed.

A manifest (``.digistrat-render.json``) in the out folder lists every file a render wrote, with
a hash of its content. The next render replaces only those files, removes those it no longer
produces if nobody has edited them since, and leaves everything else alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from digistrat import atomic

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


def safe_target(out: Path, rel: str) -> Path:
    """``out / rel``, refusing any path that could land outside ``out``."""
    pure = PurePosixPath(rel)
    if (
        not rel
        or pure.is_absolute()
        or "\\" in rel
        or any(part in ("", ".", "..") for part in rel.split("/"))
        or ":" in rel
    ):
        raise OutputError(f"refusing to write `{rel}`: not a plain path inside the out folder")
    target = out.joinpath(*pure.parts)
    real_out = out.resolve()
    if not target.resolve().is_relative_to(real_out):
        raise OutputError(
            f"refusing to write `{rel}`: it would land outside {out} (through a link)"
        )
    return target


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
    result = WriteResult()
    targets = {rel: safe_target(out, rel) for rel in sorted(files)}
    if not force:
        clashes = [rel for rel, t in targets.items() if rel not in previous and t.exists()]
        if clashes:
            listed = ", ".join(clashes[:5]) + (" …" if len(clashes) > 5 else "")
            raise OutputError(
                f"{len(clashes)} file(s) in {out} were not made by digistrat and would be "
                f"replaced: {listed}. Move them away, or use --force to replace them."
            )
    out.mkdir(parents=True, exist_ok=True)
    new = [rel for rel in targets if rel not in previous]
    if new:  # claim new files before writing them, so an interrupted render can resume
        claimed = {**previous, **{rel: "" for rel in new}}
        atomic.write_bytes(out / MANIFEST, _manifest(claimed))
    total = len(targets)
    made_dirs: set[Path] = set()
    for n, (rel, target) in enumerate(targets.items(), 1):
        data = files[rel]
        if _same(target, data):
            result.unchanged.append(rel)
        else:
            if target.parent not in made_dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                made_dirs.add(target.parent)
            _replace(target, data)
            result.written.append(rel)
        if progress is not None:
            progress(n, total)
    untouched = []
    for rel in sorted(set(previous) - set(files)):
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
    manifest = {rel: _digest(data) for rel, data in sorted(files.items())}
    for rel in [*result.kept, *untouched]:
        manifest[rel] = previous[rel]
    body = _manifest(manifest)
    if not _same(out / MANIFEST, body):
        atomic.write_bytes(out / MANIFEST, body)
    return result


def _manifest(files: Mapping[str, str]) -> bytes:
    data = {"generator": "digistrat render", "files": dict(sorted(files.items()))}
    return json.dumps(data, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _replace(target: Path, data: bytes) -> None:
    """Write via a temporary file and a rename, so a reader never sees half a page.

    Unlike :func:`digistrat.atomic.write_bytes` this does not force each file to disk: the
    pages can always be rendered again, and syncing ten thousand files costs many seconds.
    """
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, (target.stat().st_mode & 0o777) if target.exists() else 0o644)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _same(target: Path, data: bytes) -> bool:
    try:
        if os.path.getsize(target) != len(data):
            return False
        return target.read_bytes() == data
    except OSError:
        return False
