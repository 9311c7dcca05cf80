"""Fetching a member's git repository into the cache: by tag or commit, once, read-only, with
failures told in plain words (real git, on local file:// repositories)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from digistrat.rules.examples import BASELINE
from digistrat.system import fetch as fetch_module
from digistrat.system.fetch import FetchError, fetch, folder_for
from digistrat.system.members import read_layout
from git_helpers import git

from helpers import build_tree

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture
def remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DIGISTRAT_CACHE_DIR", str(tmp_path / "cache"))
    top = build_tree(tmp_path / "remote", dict(BASELINE))
    git(top, "init", "-q", "-b", "main")
    git(top, "add", ".")
    git(top, "commit", "-q", "-m", "first")
    git(top, "tag", "v1")
    return top


def test_a_tag_is_fetched_once_into_the_cache(remote: Path, tmp_path: Path) -> None:
    url = f"file://{remote}"
    first = fetch(url, "v1")
    assert first.fresh and (first.folder / "strategy.yaml").is_file()
    assert first.folder == folder_for(url, "v1")
    assert first.folder.is_relative_to(tmp_path / "cache" / "members")
    again = fetch(url, "v1")
    assert not again.fresh and again.folder == first.folder
    assert not [p for p in first.folder.parent.iterdir() if p.name.startswith(".fetch-")]


def test_a_commit_is_fetched(remote: Path) -> None:
    commit = git(remote, "rev-parse", "HEAD")
    got = fetch(f"file://{remote}", commit)
    assert (got.folder / "initiatives" / "online-booking.yaml").is_file()


def test_a_missing_tag_says_so_and_leaves_nothing(remote: Path) -> None:
    url = f"file://{remote}"
    with pytest.raises(FetchError, match="git could not fetch it"):
        fetch(url, "v9")
    assert not folder_for(url, "v9").exists()


def test_options_are_refused_before_git_runs(remote: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_git(*args: object, **kwargs: object) -> None:
        raise AssertionError("git must not run")

    monkeypatch.setattr(fetch_module, "_git", no_git)
    for url, ref in (("--upload-pack=touch x", "v1"), (f"file://{remote}", "--orphan=x")):
        with pytest.raises(FetchError, match="option"):
            fetch(url, ref)


def test_git_taking_too_long_is_a_plain_error(
    remote: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    def slow(*args: object, **kwargs: object) -> None:
        raise subprocess.TimeoutExpired("git", 1)

    monkeypatch.setattr(subprocess, "run", slow)
    with pytest.raises(FetchError, match="longer than"):
        fetch(f"file://{remote}", "v1")


def test_a_git_member_is_read_from_the_cache(remote: Path, tmp_path: Path) -> None:
    system = build_tree(
        tmp_path / "ics",
        {
            "strategy.yaml": BASELINE["strategy.yaml"],
            "system.yaml": f"members:\n  - id: far\n    git: file://{remote}\n    ref: v1\n"
            f"  - id: gone\n    git: file://{remote}\n    ref: v9\n",
        },
    )
    layout = read_layout(system)
    far, gone = layout.places
    assert far.root == folder_for(f"file://{remote}", "v1").resolve()
    assert gone.root is None
    [problem] = layout.findings
    assert problem.code == "F012" and problem.line == 5 and "gone" in problem.message
