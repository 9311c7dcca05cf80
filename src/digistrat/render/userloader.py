"""A repository's own templates, read as untrusted input like its entry files.

Only regular files inside the strategy repository are read: a template, or a folder on the way
to it, that is a link leading out of the repository is refused with a message (a link to
``/etc/passwd`` would otherwise be published on every page). Names with ``..`` or empty parts
are never looked up, and a template larger than :data:`MAX_BYTES` is refused.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

from jinja2 import BaseLoader, Environment, TemplateError, TemplateNotFound

MAX_BYTES = 1024 * 1024


class UnsafeTemplate(TemplateError):
    """A template the repository offers but digistrat will not read."""


class RepositoryLoader(BaseLoader):
    """Templates from ``folder``, which lies inside the repository ``root``."""

    def __init__(self, folder: Path, root: Path) -> None:
        self.folder = folder
        self.root = os.path.realpath(root)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = template.split("/")
        if any(p in ("", ".", "..") or "\\" in p or "\0" in p for p in pieces):
            raise TemplateNotFound(template)
        path = os.path.join(self.folder, *pieces)
        shown = f"{os.path.basename(self.folder)}/{template}"
        try:
            found = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):
            raise TemplateNotFound(template) from None
        except OSError as exc:
            raise UnsafeTemplate(f"the template {shown} cannot be read: {exc.strerror}") from None
        real = os.path.realpath(path)
        if os.path.commonpath([self.root, real]) != self.root:
            raise UnsafeTemplate(
                f"the template {shown} is a link leading outside the repository; templates "
                "must be files inside the repository, so it was not read"
            )
        if not stat.S_ISREG(found.st_mode):
            raise UnsafeTemplate(f"the template {shown} is not a regular file, so it was not read")
        if found.st_size > MAX_BYTES:
            raise UnsafeTemplate(
                f"the template {shown} is larger than {MAX_BYTES // 1024} KiB, so it was not read"
            )
        try:
            with open(real, "rb") as handle:
                data = handle.read(MAX_BYTES + 1)
            source = data.decode("utf-8")
        except UnicodeDecodeError:
            raise UnsafeTemplate(f"the template {shown} is not UTF-8 text") from None
        except OSError as exc:
            raise UnsafeTemplate(f"the template {shown} cannot be read: {exc.strerror}") from None
        mtime = found.st_mtime_ns

        def uptodate() -> bool:
            try:
                return os.stat(path).st_mtime_ns == mtime
            except OSError:
                return False

        return source, real, uptodate
