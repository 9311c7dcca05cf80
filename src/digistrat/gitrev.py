"""Read an earlier revision of the strategy from git, safely, for ``--since``.

git is called as a program with explicit argument lists (no shell), rather than through a
library: it adds no dependency, and git is always present where a git repository is. Only
plumbing commands that read objects are used (``rev-parse``, ``rev-list``, ``ls-tree``,
``cat-file --batch``): they run no hooks, no filters (``smudge``, ``textconv``) and no
signature checks, so an old revision, untrusted like the working tree, executes nothing.

The old tree is written into a fresh temporary folder with the same limits as the loader:
ordinary YAML files only (symbolic links and submodules are skipped, never followed), at most
:data:`~digistrat.repository.MAX_FILES` files, none larger than the loader would read.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from digistrat.models import KINDS
from digistrat.repository import MAX_FILES, STRATEGY_FILE
from digistrat.yamlio import MAX_FILE_BYTES

MAX_TOTAL_BYTES = 256 * 1024 * 1024
"""The most an old revision's files may add up to (a second repository's worth, at most)."""

_TIMEOUT = 120
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FOLDERS = tuple(f"{kind}/" for kind in KINDS)


class HistoryError(Exception):
    """The history asked for cannot be read; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where the strategy sits in its git repository."""

    root: Path
    """The strategy's folder (holding ``strategy.yaml``)."""
    prefix: str
    """Its path inside the git repository, ``""`` at the top or like ``strategy/``."""
    shallow: bool
    """Whether the clone holds only part of the history."""


@dataclass(frozen=True, slots=True)
class Revision:
    """The revision compared with, as found."""

    asked: str
    """What was asked for: a tag, a commit or a date."""
    commit: str
    day: date
    """The day asked for, or for a tag or a commit the day of the commit (committer date):
    what changed is told since this day, and the old version is checked as of it."""
    label: str
    """How it is shown: ``tag board-2026-09`` or ``commit 1a2b3c4``."""


def _env() -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY")
    }
    env.update(LC_ALL="C", LANG="C", GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return env


def _git(cwd: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(
            ["git", "-c", "core.fsmonitor=false", *args],  # no index reads, but never a monitor
            cwd=cwd,
            input=data,
            capture_output=True,
            env=_env(),
            timeout=_TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise HistoryError(
            "git is not installed (or not on the PATH), so the strategy's history cannot be "
            "read. Install git to see what changed."
        ) from None
    except subprocess.TimeoutExpired:
        raise HistoryError(
            f"git took longer than {_TIMEOUT} seconds to answer; try again."
        ) from None


def _out(result: subprocess.CompletedProcess[bytes]) -> str:
    return result.stdout.decode("utf-8", errors="replace").strip()


def _said(result: subprocess.CompletedProcess[bytes]) -> str:
    said = result.stderr.decode("utf-8", errors="replace").strip().splitlines()
    return said[0].removeprefix("fatal: ") if said else f"exit code {result.returncode}"


def locate(root: Path) -> Place:
    """Where the strategy at ``root`` sits in git. Raises :class:`HistoryError` if nowhere."""
    found = _git(root, "rev-parse", "--show-prefix")
    if found.returncode != 0:
        said = _said(found)
        if "not a git repository" in said:
            raise HistoryError(
                f"{root} is not in a git repository, so there is no history to compare with. "
                "Keep the strategy in git (git init, then commit) to see what changed."
            )
        if "dubious ownership" in said:
            said += (
                " (another user owns it; if you trust it, run "
                "`git config --global --add safe.directory <its folder>`)"
            )
        raise HistoryError(f"git cannot read the repository at {root}: {said}.")
    shallow = _out(_git(root, "rev-parse", "--is-shallow-repository")) == "true"
    return Place(root, _out(found), shallow)


def _commit(place: Place, rev: str) -> str | None:
    found = _git(
        place.root, "rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"
    )
    return _out(found) if found.returncode == 0 and _out(found) else None


def _day_of(place: Place, commit: str) -> date:
    found = _git(place.root, "rev-list", "--max-count=1", "--format=%cs", commit)
    lines = _out(found).splitlines()
    try:
        return date.fromisoformat(lines[-1])
    except (IndexError, ValueError):
        raise HistoryError(f"git could not give the date of commit {commit[:7]}.") from None


def _shallow_hint(asked: str) -> str:
    return (
        f"{asked} is not in this clone's history: it is a shallow clone, holding only the "
        "latest commits. Fetch the whole history (`git fetch --unshallow`; in a CI pipeline, "
        "check out with a fetch depth of 0) or give a more recent revision."
    )


def _first_day(place: Place) -> date | None:
    found = _git(place.root, "rev-list", "--max-parents=0", "--format=%cs", "HEAD")
    days = [line for line in _out(found).splitlines() if _DAY.match(line)]
    return min(date.fromisoformat(d) for d in days) if days else None


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def resolve(place: Place, asked: str) -> Revision:
    """The commit a tag, a commit id or a date (the last commit on or before that day) names."""
    asked = asked.strip()
    if not asked or asked.startswith("-") or any(c in asked for c in "\0\n\r"):
        raise HistoryError(f"`{asked}` is not a tag, a commit or a date like 2026-09-30.")
    if _commit(place, "HEAD") is None:
        raise HistoryError("the git repository has no commits yet, so there is no history.")
    commit = _commit(place, asked) if not _DAY.match(asked) else None
    if commit is not None:
        tagged = _git(place.root, "rev-parse", "--verify", "--quiet", f"refs/tags/{asked}")
        label = f"tag {asked}" if tagged.returncode == 0 else f"commit {commit[:7]}"
        return Revision(asked, commit, _day_of(place, commit), label)
    if _DAY.match(asked):
        try:
            day = date.fromisoformat(asked)
        except ValueError:
            raise HistoryError(f"{asked} is not a real date.") from None
        found = _git(place.root, "rev-list", "--max-count=1", f"--before={asked} 23:59:59", "HEAD")
        commit = _out(found)
        if found.returncode == 0 and commit:
            return Revision(asked, commit, day, f"commit {commit[:7]}")
        if place.shallow:
            raise HistoryError(_shallow_hint(asked))
        first = _first_day(place)
        since = f"; the first commit is from {_long(first)}" if first else ""
        raise HistoryError(
            f"{_long(day)} is before the strategy's history begins{since}. Give a later date."
        )
    if place.shallow:
        raise HistoryError(_shallow_hint(asked))
    raise HistoryError(
        f"`{asked}` is not a tag, a commit or a date like 2026-09-30 in this git repository. "
        "List the tags with `git tag`, or the commits with `git log --oneline`."
    )


def newest_tag(place: Place) -> str | None:
    """The most recent tag reachable from the current commit, if any."""
    found = _git(place.root, "describe", "--tags", "--abbrev=0", "HEAD")
    return _out(found) or None if found.returncode == 0 else None


def _wanted(path: str) -> bool:
    return path == STRATEGY_FILE or (path.startswith(_FOLDERS) and path.endswith((".yaml", ".yml")))


def _safe(path: str) -> bool:
    parts = path.split("/")
    return all(p not in ("", ".", "..") and "\\" not in p for p in parts)


def export(place: Place, revision: Revision, dest: Path) -> list[str]:
    """Write the strategy's files as they were at ``revision`` into the empty folder ``dest``.

    Returns the paths written. Raises :class:`HistoryError` if the strategy's folder did not
    exist then, or the revision is larger than the loader would read."""
    folder = place.prefix.rstrip("/")
    spec = f"{revision.commit}:{folder}" if folder else f"{revision.commit}^{{tree}}"
    tree = _commit_tree(place, spec)
    if tree is None:
        raise HistoryError(
            f"at {revision.label} the folder {folder} did not exist yet, so there is "
            "nothing to compare with. Give a later revision."
        )
    listed = _git(place.root, "ls-tree", "-r", "-l", "-z", "--full-tree", tree)
    if listed.returncode != 0:
        raise HistoryError(f"git could not list {revision.label}: {_said(listed)}.")
    chosen: list[tuple[str, str]] = []
    total = 0
    for entry in listed.stdout.split(b"\0"):
        if not entry:
            continue
        head, _, raw = entry.partition(b"\t")
        fields = head.split()
        path = raw.decode("utf-8", errors="replace")
        if len(fields) != 4 or fields[0] not in (b"100644", b"100755") or fields[1] != b"blob":
            continue  # symbolic links (120000), submodules and the like: never followed
        if not _wanted(path) or not _safe(path):
            continue
        size = int(fields[3]) if fields[3].isdigit() else MAX_FILE_BYTES + 1
        if size > MAX_FILE_BYTES:
            continue  # the loader would refuse it too
        total += size
        chosen.append((fields[2].decode("ascii"), path))
        if len(chosen) > MAX_FILES or total > MAX_TOTAL_BYTES:
            raise HistoryError(
                f"at {revision.label} the strategy held more files than digistrat reads "
                f"({MAX_FILES:,} files, {MAX_TOTAL_BYTES // 2**20} MB); it cannot be compared."
            )
    if not chosen:
        return []
    blobs = _git(
        place.root, "cat-file", "--batch", data="".join(f"{o}\n" for o, _ in chosen).encode()
    )
    if blobs.returncode != 0:
        raise HistoryError(f"git could not read {revision.label}: {_said(blobs)}.")
    return _write(blobs.stdout, chosen, dest)


def _commit_tree(place: Place, spec: str) -> str | None:
    found = _git(place.root, "rev-parse", "--verify", "--quiet", "--end-of-options", spec)
    tree = _out(found)
    if found.returncode != 0 or not tree:
        return None
    kind = _git(place.root, "cat-file", "-t", tree)
    return tree if _out(kind) == "tree" else None


def _write(stream: bytes, chosen: list[tuple[str, str]], dest: Path) -> list[str]:
    """Split ``cat-file --batch`` output (header line, content, newline per object) into files."""
    written: list[str] = []
    at = 0
    for _oid, path in chosen:
        end = stream.index(b"\n", at)
        header = stream[at:end].split()
        if len(header) != 3 or header[1] != b"blob":
            raise HistoryError(f"git gave no content for {path}.")
        size = int(header[2])
        content = stream[end + 1 : end + 1 + size]
        at = end + 1 + size + 1
        target = dest.joinpath(*path.split("/"))
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, flags | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            continue  # two names differing only in case, on a folder that ignores case
        with os.fdopen(fd, "wb") as f:
            f.write(content)
        written.append(path)
    return written
