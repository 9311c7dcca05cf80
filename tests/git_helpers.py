"""Small real git repositories for the history tests: init, commit on a set date, tag."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from helpers import build_tree


def git_env(day: str = "2026-09-30") -> dict[str, str]:
    """An environment for git that ignores the user's own configuration."""
    stamp = f"{day}T12:00:00+00:00"
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }


def git(cwd: Path, *args: str, day: str = "2026-09-30") -> str:
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=git_env(day), capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


class GitRepo:
    """A git repository in ``top``; the strategy may sit in a subfolder of it."""

    def __init__(self, top: Path, files: dict[str, str | bytes] | None = None) -> None:
        self.top = top
        top.mkdir(parents=True, exist_ok=True)
        git(top, "init", "-q", "-b", "main")
        if files:
            build_tree(top, files)

    def write(self, files: dict[str, str | bytes]) -> None:
        build_tree(self.top, files)

    def remove(self, rel: str) -> None:
        (self.top / rel).unlink()

    def commit(self, message: str, day: str = "2026-09-30") -> str:
        git(self.top, "add", "-A", day=day)
        git(self.top, "commit", "-q", "--allow-empty", "-m", message, day=day)
        return git(self.top, "rev-parse", "HEAD")

    def tag(self, name: str) -> None:
        git(self.top, "tag", name)
