"""Fetch a member's git repository, read-only, into digistrat's cache.

Each (address, ref) pair gets its own folder under ``<cache>/members/``, named by a hash of
both; a folder is used only once a fetch into it has finished (the fetch goes to a temporary
folder that is then renamed), so an interrupted fetch leaves nothing half-read behind. A ref is
a tag or a commit: a fixed point, so a folder once fetched is read again as it is (delete the
cache folder to fetch again).

git runs without a shell, with a time limit, with no terminal prompt, without submodules,
hooks, LFS downloads or the ``ext::`` transport; the address and ref were checked before
(:mod:`digistrat.system.model`): ``https``, ``ssh`` or ``file`` only, and never starting with
``-``, and both are given after ``--`` where git allows it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from digistrat.render.cache import base_folder
from digistrat.system.model import COMMIT, ref_problem, url_problem

TIMEOUT = 120
"""Seconds one git command may take before the member is reported as not fetched."""

_SAFE = (
    "-c",
    "protocol.ext.allow=never",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "submodule.recurse=false",
    "-c",
    "core.symlinks=true",
    "-c",
    "advice.detachedHead=false",
)


class FetchError(Exception):
    """A member repository could not be fetched (the message says why, in plain English)."""


@dataclass(frozen=True, slots=True)
class Fetched:
    folder: Path
    """The checked-out files."""
    fresh: bool
    """Whether git ran this time (False: the cache already held it)."""


def cache_root() -> Path:
    """Where fetched members are kept: ``members`` in digistrat's cache folder (or in a
    temporary folder when ``DIGISTRAT_CACHE_DIR`` is set empty: no cache kept)."""
    base = base_folder()
    if base is None:
        user = os.getuid() if hasattr(os, "getuid") else 0
        base = Path(tempfile.gettempdir()) / f"digistrat-{user}"
    return base / "members"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_TERMINAL_PROMPT="0",
        GIT_LFS_SKIP_SMUDGE="1",
        GIT_CONFIG_NOSYSTEM="1",
        GIT_ASKPASS="true",
        GIT_SSH_COMMAND="ssh -o BatchMode=yes",
    )
    return env


def _git(args: list[str], cwd: Path | None = None) -> None:
    try:
        done = subprocess.run(
            ["git", *_SAFE, *args],
            cwd=cwd,
            env=_env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise FetchError("git is not installed, so the member cannot be fetched") from None
    except subprocess.TimeoutExpired:
        raise FetchError(f"git took longer than {TIMEOUT} seconds and was stopped") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        said = next((ln for ln in reversed(lines) if ln.startswith("fatal:")), "")
        said = said or (lines[-1] if lines else f"exit code {done.returncode}")
        raise FetchError(f"git could not fetch it ({said.removeprefix('fatal: ').strip()})")


def folder_for(url: str, ref: str) -> Path:
    """The cache folder for ``url`` at ``ref``."""
    digest = hashlib.sha256(f"{url}\n{ref}".encode()).hexdigest()[:24]
    return cache_root() / digest


def fetch(url: str, ref: str) -> Fetched:
    """The files of ``url`` at ``ref``, fetched now unless the cache holds them.

    Raises :class:`FetchError` with a plain-English reason."""
    for problem in (url_problem(url), ref_problem(ref)):
        if problem:
            raise FetchError(problem)
    target = folder_for(url, ref)
    if (target / ".git").is_dir() and not target.is_symlink():
        return Fetched(target, fresh=False)
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    work = Path(tempfile.mkdtemp(prefix=".fetch-", dir=target.parent))
    checkout = work / "repo"
    try:
        if COMMIT.match(ref):
            _git(["init", "-q", str(checkout)])
            _git(
                ["fetch", "-q", "--depth", "1", "--no-recurse-submodules", "--", url, ref],
                checkout,
            )
            _git(["checkout", "-q", "FETCH_HEAD"], checkout)
        else:
            clone = ["clone", "-q", "--depth", "1", "--no-recurse-submodules", "--branch", ref]
            _git([*clone, "--", url, str(checkout)])
        if not target.exists():  # another run may have fetched it meanwhile: keep theirs
            os.replace(checkout, target)
        return Fetched(target, fresh=True)
    except OSError as exc:
        raise FetchError(f"the cache folder {target.parent} cannot be written ({exc})") from None
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(work)
