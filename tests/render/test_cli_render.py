"""``digistrat render`` as a user meets it: the installed entry point, in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from helpers import build_tree, command_env


def run(*args: str, cwd: Path | None = None, seed: str = "0") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-11-26", PYTHONHASHSEED=seed),
    )


def test_render_writes_everything_then_nothing(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = run("render", str(sample), "--out", str(out))
    assert first.returncode == 0, first.stderr
    assert "written" in first.stdout
    assert (out / "index.html").is_file()
    assert (out / "strategy.md").is_file()
    assert (out / "poster.html").is_file()
    assert (out / "board.html").is_file()
    assert first.stderr == ""  # no progress bar outside a terminal
    second = run("render", str(sample), "--out", str(out))
    assert second.returncode == 0
    assert " 0 files written" in second.stdout


def test_only_chooses_outputs(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "doc"
    result = run("render", str(sample), "--out", str(out), "--only", "document,poster")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        ".digistrat-render.json",
        "poster.html",
        "strategy.md",
    ]


def test_unknown_output_is_a_usage_error(sample: Path, tmp_path: Path) -> None:
    result = run("render", str(sample), "--out", str(tmp_path / "x"), "--only", "slides")
    assert result.returncode == 2
    assert "site, document, poster, board" in result.stderr
    assert "Traceback" not in result.stderr


def test_refuses_a_folder_it_did_not_make(sample: Path, tmp_path: Path) -> None:
    out = build_tree(tmp_path / "mine", {"keep.txt": "mine"})
    refused = run("render", str(sample), "--out", str(out))
    assert refused.returncode == 1
    assert "--force" in refused.stderr and "Traceback" not in refused.stderr
    forced = run("render", str(sample), "--out", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert (out / "keep.txt").read_text() == "mine"


def test_refuses_to_render_into_the_repository(sample: Path) -> None:
    result = run("render", str(sample), "--out", str(sample))
    assert result.returncode == 1
    assert "strategy repository" in result.stderr


def test_broken_strategy_is_a_clear_error(tmp_path: Path) -> None:
    repo = build_tree(tmp_path / "repo", {"strategy.yaml": "title: [unclosed\n"})
    result = run("render", str(repo), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "digistrat check" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_user_template_is_a_clear_error(sample: Path, tmp_path: Path) -> None:
    build_tree(sample, {"templates/site/index.html": "{% extends 'digistrat/site/index.html' %"})
    result = run("render", str(sample), "--out", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "site/index.html" in result.stderr
    assert "Traceback" not in result.stderr


def test_output_does_not_depend_on_hash_order(sample: Path, tmp_path: Path) -> None:
    """Separate processes with different string hashing give byte-identical trees."""
    for seed in ("1", "2"):
        assert run("render", str(sample), "--out", str(tmp_path / seed), seed=seed).returncode == 0
    first = {p.relative_to(tmp_path / "1"): p.read_bytes() for p in (tmp_path / "1").rglob("*")
             if p.is_file()}  # fmt: skip
    second = {p.relative_to(tmp_path / "2"): p.read_bytes() for p in (tmp_path / "2").rglob("*")
              if p.is_file()}  # fmt: skip
    assert first == second


def test_default_out_folder_is_site_in_the_repository(sample: Path) -> None:
    result = run("render", cwd=sample / "services")
    assert result.returncode == 0, result.stderr
    assert (sample / "site" / "index.html").is_file()
    assert not (sample / "services" / "site").exists()


def test_paths_are_printed_as_they_are(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "a:smile:[b]"  # not an emoji, not markup
    result = run("render", str(sample), "--out", str(out), "--only", "site")
    assert result.returncode == 0, result.stderr
    assert f"Open {out / 'index.html'} in a browser." in result.stdout.splitlines()
    again = run("render", str(sample), "--out", str(out), "--only", "site")
    assert f"Rendered site into {out}: 0 files written" in again.stdout


def test_the_command_line_knows_every_output() -> None:
    """The command checks --only before it imports the rendering machinery."""
    from digistrat.cli import RENDER_OUTPUTS
    from digistrat.render import OUTPUTS

    assert tuple(OUTPUTS) == RENDER_OUTPUTS


def _broken(sample: Path) -> None:
    (sample / "initiatives" / "broken.yaml").write_text("name: [oops\n", encoding="utf-8")


def test_render_says_which_files_it_left_out_and_still_exits_0(
    sample: Path, tmp_path: Path
) -> None:
    _broken(sample)
    result = run("render", str(sample), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "1 file could not be used" in result.stderr
    assert "initiatives/broken.yaml, line 1: the YAML cannot be read" in result.stderr
    assert "Run `digistrat check`" in result.stderr
    assert "broken" not in result.stdout  # stdout stays the summary of what was written


def test_render_says_nothing_of_left_out_files_when_there_are_none(
    sample: Path, tmp_path: Path
) -> None:
    result = run("render", str(sample), "--out", str(tmp_path / "out"))
    assert result.returncode == 0 and result.stderr == ""


def test_strict_fails_on_a_left_out_file_after_writing(sample: Path, tmp_path: Path) -> None:
    _broken(sample)
    result = run("render", str(sample), "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode == 1
    assert "initiatives/broken.yaml" in result.stderr
    assert "--strict fails the run: 1 file left out" in result.stderr
    assert (tmp_path / "out" / "index.html").is_file()


def test_strict_passes_a_clean_strategy(sample: Path, tmp_path: Path) -> None:
    result = run("render", str(sample), "--out", str(tmp_path / "out"), "--strict")
    assert result.returncode == 0, result.stderr


def test_strict_fails_on_an_error_from_check_even_with_nothing_left_out(
    sample: Path, tmp_path: Path
) -> None:
    strategy = sample / "strategy.yaml"
    text = strategy.read_text(encoding="utf-8")
    mission = next(line for line in text.splitlines() if line.startswith("mission:"))
    strategy.write_text(text.replace(mission, ""), encoding="utf-8")  # M001 is an error
    plain = run("render", str(sample), "--out", str(tmp_path / "a"), "--only", "site")
    assert plain.returncode == 0 and plain.stderr == ""
    result = run("render", str(sample), "--out", str(tmp_path / "b"), "--only", "site", "--strict")
    assert result.returncode == 1
    assert "left out" not in result.stderr
    assert "`digistrat check` finds 1 error" in result.stderr


def test_render_help_explains_strict() -> None:
    result = run("render", "--help")
    assert "--strict" in result.stdout and "left out" in result.stdout
