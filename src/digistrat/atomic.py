"""Atomic writes: a temporary file in the same folder, then a rename over the target.

The temporary file is created exclusively (``O_EXCL``) under an unpredictable name, so nothing
planted beside the target is ever written through. A target that is a link is followed only if
it leads somewhere inside the folder the caller names (``inside``); a link leading elsewhere is
refused, so that ``init --force`` or ``schema --out`` cannot be tricked into overwriting a file
outside the folder they were given. Devices and pipes (``/dev/stdout``, ``/dev/null``) are
written into directly, wherever they are.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class Changed(Exception):
    """The target changed on disk after it was read (``expected`` no longer matches)."""


class OutsideFolder(OSError):
    """The target is a link to somewhere outside the folder it should stay in."""


def _is_device(path: Path) -> bool:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _within(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):
        return False


def write_bytes(
    target: Path, data: bytes, *, inside: Path | None = None, expected: bytes | None = None
) -> None:
    """Replace ``target`` with ``data`` atomically.

    ``inside`` is the folder the write must stay in (default: the target's own folder): a link
    at the target, or in the folders between, that leads outside it is refused with
    :class:`OutsideFolder`. With ``expected``, the target is read again just before the rename
    and :class:`Changed` is raised, writing nothing, if it no longer holds those bytes.
    """
    if _is_device(target):
        # A device or a pipe (/dev/null, /dev/stdout): write into it. Renaming over it would
        # replace the device itself with a plain file, which root is allowed to do.
        with open(target, "wb") as handle:
            handle.write(data)
        return
    if target.is_dir():
        raise IsADirectoryError(21, "Is a directory", str(target))
    folder = target.parent if inside is None else inside
    if (target.is_symlink() or target.parent != folder) and not _within(target, folder):
        raise OutsideFolder(
            1, f"{target.name} is a link to a place outside {folder}, so it was not written"
        )
    if target.is_symlink():  # a link inside the folder stays a link: write where it leads
        target = target.resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        if expected is not None:
            try:
                now = target.read_bytes()
            except FileNotFoundError:
                now = None
            if now != expected:
                raise Changed(str(target))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str, *, inside: Path | None = None) -> None:
    write_bytes(target, text.encode("utf-8"), inside=inside)
