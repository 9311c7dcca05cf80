"""Atomic writes: a temporary file in the same folder, then a rename over the target."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_bytes(target: Path, data: bytes) -> None:
    if target.exists() and not target.is_file():
        if target.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(target))
        # A device or a pipe (/dev/null, /dev/stdout): write into it. Renaming over it would
        # replace the device itself with a plain file, which root is allowed to do.
        with open(target, "wb") as handle:
            handle.write(data)
        return
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
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))
