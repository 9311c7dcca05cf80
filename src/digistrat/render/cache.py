"""Compiled templates kept between runs, as Python keeps compiled modules in ``__pycache__``.

jinja turns every template into Python code before it renders it: about a quarter of a second
for digistrat's templates, paid again by every render (and by both processes of a shared one).
jinja's bytecode cache keeps that code in files; each is used only while the template's text
is the same as when it was compiled (its checksum is stored with it), so an edited template,
digistrat's or a repository's own, is simply compiled again.

Where: the folder ``DIGISTRAT_CACHE_DIR`` names, else the user's cache folder
(``~/.cache/digistrat`` on Linux). An empty ``DIGISTRAT_CACHE_DIR`` keeps no cache. Deleting
the folder is always safe.

The code jinja makes depends on the environment too (escaping, whitespace settings, the
filters it knows), so every configuration, with the versions of digistrat, jinja and Python,
has a folder of its own. The code in those files runs, so a folder anyone else could write to
is never used; and a cache that cannot be read or written only means compiling as usual.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import sys
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket

from digistrat import __version__

ENV_VAR = "DIGISTRAT_CACHE_DIR"


class _TemplateCache(FileSystemBytecodeCache):
    """jinja's file cache, never failing a render: an entry that cannot be read is compiled
    again; one that cannot be written is not kept."""

    def load_bytecode(self, bucket: Bucket) -> None:
        name = self._get_cache_filename(bucket)
        try:
            if not stat.S_ISREG(os.stat(name).st_mode):  # a pipe, say, would wait forever
                return
            with open(name, "rb") as handle:
                bucket.load_bytecode(handle)
        except Exception:  # missing, unreadable, cut short or corrupt
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def base_folder() -> Path | None:
    """The folder every cache of digistrat's lives in; None if it keeps none."""
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen).expanduser() if chosen.strip() else None
    import platformdirs  # only here: finding the folder is all it is needed for

    return Path(platformdirs.user_cache_dir("digistrat", appauthor=False))


def for_environment(env: Environment) -> FileSystemBytecodeCache | None:
    """A bytecode cache for ``env``, in a folder of its configuration's own; None where no
    safe folder can be had."""
    base = base_folder()
    if base is None:
        return None
    folder = base / "templates" / fingerprint(env)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        found = os.lstat(folder)
    except OSError:
        return None
    if not _private(found):
        return None
    return _TemplateCache(str(folder), "%s.jinja")


def _private(found: os.stat_result) -> bool:
    """A real folder (not a link), ours, that nobody else may write to."""
    if not stat.S_ISDIR(found.st_mode) or found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or found.st_uid == getuid()


def fingerprint(env: Environment) -> str:
    """What the code compiled from a template depends on besides its text, as a short hash."""
    settings = (
        __version__,
        jinja2.__version__,
        sys.version,
        f"{type(env).__module__}.{type(env).__qualname__}",
        f"{env.code_generator_class.__module__}.{env.code_generator_class.__qualname__}",
        f"{env.template_class.__module__}.{env.template_class.__qualname__}",
        _name(env.autoescape),
        _name(env.finalize),
        env.trim_blocks,
        env.lstrip_blocks,
        env.keep_trailing_newline,
        env.newline_sequence,
        env.optimized,
        env.block_start_string,
        env.variable_start_string,
        env.comment_start_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        sorted(env.extensions),
        sorted((name, _passes(f)) for name, f in env.filters.items()),
        sorted((name, _passes(f)) for name, f in env.tests.items()),
    )
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:20]


def _passes(function: object) -> str:
    """What jinja passes a filter or test besides its value (the context, say), which
    changes how a template calls it."""
    return repr(getattr(function, "jinja_pass_arg", None))


def _name(value: object) -> str:
    """A setting as text that stays the same from one run to the next (no memory addresses)."""
    if value is None or isinstance(value, bool):
        return repr(value)
    return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value))}"
