"""The command line as a user meets it: the installed entry point, run in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from digistrat import __version__

from helpers import command_env

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-11-26"),
    )


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout == f"digistrat {__version__}\n"


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_start_up_does_not_import_the_heavy_stack(args: list[str]) -> None:
    heavy = ("pydantic", "rich", "jinja2", "ruamel", "yaml")
    code = (
        f"import sys, runpy; sys.argv = ['digistrat', *{args!r}]\n"
        "try:\n    runpy.run_module('digistrat', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        f"print('HEAVY', [m for m in {heavy!r} if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "HEAVY []" in result.stdout


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("init", "check", "schema"):
        assert command in result.stdout


def test_init_then_check_then_init_again(tmp_path: Path) -> None:
    target = tmp_path / "x"
    first = run("init", str(target))
    assert first.returncode == 0, first.stderr
    assert "wrote    strategy.yaml" in first.stdout
    assert run("check", str(target)).returncode == 0
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    again = run("init", str(target))
    assert again.returncode == 1
    assert "nothing was changed" in again.stderr
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before


def test_init_names_a_folder_with_brackets_as_it_is(tmp_path: Path) -> None:
    target = tmp_path / "plan[bold]2027"
    made = run("init", str(target))
    assert made.returncode == 0, made.stderr
    assert f"Created a strategy repository in {target}." in " ".join(made.stdout.split())


def test_init_into_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    result = run("init", str(tmp_path / "f"))
    assert result.returncode == 2
    assert "is not a folder" in result.stderr


def test_init_kind(tmp_path: Path) -> None:
    made = run("init", str(tmp_path / "c"), "--kind", "council")
    assert made.returncode == 0, made.stderr
    assert "organisation_kind: council" in (tmp_path / "c" / "strategy.yaml").read_text()
    wrong = run("init", str(tmp_path / "w"), "--kind", "hospital")
    assert wrong.returncode == 2
    assert "`hospital` is not an organisation kind" in wrong.stderr
    assert not (tmp_path / "w").exists()


def test_check_outside_a_repository_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "No strategy.yaml found" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_a_path_that_does_not_exist(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


def test_a_path_in_an_error_is_shown_as_written(tmp_path: Path) -> None:
    missing = tmp_path / "notes[bold]:smile:"  # neither markup nor an emoji
    result = run("check", str(missing))
    assert result.returncode == 2
    assert f"{missing} does not exist." in result.stderr


def test_check_reports_findings_with_exit_code_1(tmp_path: Path) -> None:
    run("init", str(tmp_path))
    service = tmp_path / "services/example-service.yaml"
    service.write_text(service.read_text().replace("\nteam:", "\nteem:"))
    result = run("check", str(tmp_path), "--format", "concise")
    assert result.returncode == 1
    assert "services/example-service.yaml:13:1: F002 [error] unknown key `teem`" in result.stdout
    assert "teem" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_schema_for_one_kind_and_all(tmp_path: Path) -> None:
    one = json.loads(run("schema", "services").stdout)
    assert one["title"] == "digistrat services/<id>.yaml"
    everything = json.loads(run("schema").stdout)
    assert set(everything) == {
        "strategy",
        "services",
        "users",
        "initiatives",
        "commitments",
        "frameworks",
    }
    assert run("schema", "nonsense").returncode == 2
    written = run("schema", "--out", str(tmp_path / "s"))
    assert written.returncode == 0
    assert (tmp_path / "s/users.schema.json").is_file()


def test_bad_digistrat_today_is_a_clear_error(tmp_path: Path) -> None:
    run("init", str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "digistrat", "check", str(tmp_path)],
        capture_output=True,
        text=True,
        env=command_env(DIGISTRAT_TODAY="yesterday"),
    )
    assert result.returncode == 2
    assert "DIGISTRAT_TODAY is set to 'yesterday'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_the_wheel_ships_the_templates(tmp_path: Path) -> None:
    """A non-editable install can run `init` and `render`: templates are package data."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("digistrat-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "digistrat/templates/init/strategy.yaml" in names
    assert "digistrat/templates/init/.github/workflows/digistrat.yml" in names
    assert "digistrat/cli/__init__.py" in names
    # the shipped frameworks are package data, and the installed package reads them
    assert {"digistrat/frameworks/wgll.yaml", "digistrat/frameworks/ldd.yaml"} <= set(names)
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    read = subprocess.run(
        [
            sys.executable,
            "-c",
            "import digistrat.frameworks as f; print(f.__file__); print(sorted(f.builtin()))",
        ],
        env={"PYTHONPATH": str(unpacked), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.splitlines()
    assert read[0].startswith(str(unpacked)) and read[1] == "['ldd', 'wgll']"


def test_the_loaded_repository_outlives_the_command(tmp_path: Path) -> None:
    """The process ends right after a command: freeing a large repository object by object
    on the way out (~40 ms at 10,000 entities) is time spent for nothing, so it is kept."""
    import gc
    import weakref

    from digistrat import cli
    from digistrat.scaffold import scaffold

    scaffold(tmp_path / "repo")
    first = cli.load_repository(tmp_path / "repo")
    assert first.strategy is not None
    watched = weakref.ref(first.strategy)  # (the repository itself takes no weak references)
    del first
    gc.collect()
    assert watched() is not None
    cli.load_repository(tmp_path / "repo")  # only the last one is kept
    gc.collect()
    assert watched() is None


@pytest.mark.slow
def test_the_sdist_and_wheel_pass_twine_check(tmp_path: Path) -> None:
    """What the release workflow publishes: both build, and PyPI would accept their metadata
    (twine check --strict: the README renders, the fields are well formed)."""
    pytest.importorskip("build")
    pytest.importorskip("twine")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    dists = sorted(tmp_path.glob("digistrat-*"))
    assert [p.name for p in dists] == [
        f"digistrat-{__version__}-py3-none-any.whl",
        f"digistrat-{__version__}.tar.gz",
    ]
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dists)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2
    names = zipfile.ZipFile(dists[0]).namelist()
    assert "digistrat/templates/new/initiatives.yaml" in names


def test_the_release_workflow_publishes_with_trusted_publishing() -> None:
    import yaml

    flow = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text())
    assert flow["permissions"] == {"contents": "read"}
    publish = flow["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert any("pypa/gh-action-pypi-publish" in s.get("uses", "") for s in publish["steps"])
    text = (ROOT / ".github/workflows/release.yml").read_text()
    assert "password" not in text and "secrets." not in text  # no stored token


def test_init_in_a_repository_with_deleted_examples_recreates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "x"
    assert run("init", str(target), "--no-git").returncode == 0
    (target / "initiatives/example-initiative.yaml").unlink()
    (target / "README.md").unlink()
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    again = run("init", str(target))
    assert again.returncode == 1
    assert "already holds a strategy repository" in again.stderr
    assert "strategy.yaml exists" in again.stderr
    assert "Created" not in again.stdout  # it used to say so, and exit 1
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    assert not (target / ".git").exists()  # not even git init


def test_init_force_replaces_its_own_files_only(tmp_path: Path) -> None:
    target = tmp_path / "x"
    run("init", str(target), "--no-git")
    (target / "initiatives/mine.yaml").write_text("name: Mine\ncategory: improve\n")
    (target / ".gitignore").write_text("secrets/\n")
    forced = run("init", str(target), "--force", "--no-git")
    assert forced.returncode == 0, forced.stderr
    assert (target / "initiatives/mine.yaml").read_text() == "name: Mine\ncategory: improve\n"
    assert (target / ".gitignore").read_text() == "secrets/\n/site/\n"


@pytest.mark.skipif(not Path("/usr/bin/git").exists(), reason="git is not installed")
def test_init_starts_git_unless_told_not_to(tmp_path: Path) -> None:
    made = run("init", str(tmp_path / "g"))
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "g" / ".git").is_dir()
    assert "Started a git repository" in made.stdout
    skipped = run("init", str(tmp_path / "n"), "--no-git")
    assert skipped.returncode == 0 and not (tmp_path / "n" / ".git").exists()


def test_init_without_git_on_the_path_is_a_note(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "digistrat", "init", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        env={**command_env(NO_COLOR="1"), "PATH": str(tmp_path / "empty")},
    )
    assert result.returncode == 0, result.stderr
    assert "git is not installed" in result.stdout
    assert (tmp_path / "x" / "strategy.yaml").is_file()


def test_init_prints_the_next_three_commands(tmp_path: Path) -> None:
    made = run("init", str(tmp_path / "my strategy"), "--no-git")
    lines = made.stdout.splitlines()
    after = lines[lines.index(next(x for x in lines if x.endswith("Next:"))) + 1 :]
    assert after[0].strip() == f"cd '{tmp_path / 'my strategy'}'"
    commands = [x.split("#")[0].strip() for x in after[1:]]
    assert commands[0] == "digistrat check"
    assert commands[1].startswith("digistrat new initiative")
    assert commands[2] == "digistrat render --out site"
    assert len(commands) == 3
