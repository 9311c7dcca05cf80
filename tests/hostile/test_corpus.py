"""Every command against every hostile repository: a clear message, never a crash or a hang.

``check`` runs as a real subprocess (what a CI job sees); every other registered command runs
in-process through the same entry point, with an alarm so that a hang fails the test instead
of stalling the suite. Commands added later are driven automatically with the repository as
their argument, so a new command is covered the day it lands.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_cases import CASES, TODAY, Case, build

from digistrat import cli

CHECK_SECONDS = 30.0  # generous: the machine is shared; real runs take well under a second
ENV = {**os.environ, "DIGISTRAT_TODAY": TODAY.isoformat(), "NO_COLOR": "1", "COLUMNS": "200"}
ENV.pop("DIGISTRAT_DEBUG", None)

# How to call each command on a repository; commands not listed get just the repository.
ARGS: dict[str, list[str]] = {
    "check": ["{repo}"],
    "init": ["{repo}"],
    "schema": ["services", "--out", "{repo}/strategy.yaml"],
    "render": ["{repo}", "--out", "{out}"],
    "new": ["services", "brand-new", "{repo}"],
    "progress": ["example-commitment", "--note", "Hostile update", "{repo}"],
    "explain": ["../{repo}"],
    # serves until Ctrl-C: an address this computer does not have ends it once the hostile
    # repository has been rendered (192.0.2.1 is reserved for documentation, never assigned)
    "serve": ["{repo}", "--host", "192.0.2.1", "--port", "0"],
}


def _commands() -> list[str]:
    names = []
    for command in cli.app.registered_commands:
        name = command.name or (command.callback.__name__ if command.callback else None)
        if name:
            names.append(name.replace("_", "-"))
    for group in cli.app.registered_groups:
        if group.name:
            names.append(group.name)
    return sorted(names)


class Hang(BaseException):
    """Raised by the alarm: a BaseException so the CLI's catch-all cannot swallow it."""


def _alarm(signum: int, frame: object) -> None:
    raise Hang


def run_in_process(
    args: list[str], capsys: pytest.CaptureFixture[str], seconds: int = 30
) -> tuple[int, str]:
    """Run ``digistrat ARGS`` through :func:`digistrat.cli.main`; (exit code, all output)."""
    old_argv = sys.argv
    sys.argv = ["digistrat", *args]
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    code: int | str | None = 0
    try:
        cli.main()
    except SystemExit as exc:
        code = exc.code
    except Hang:
        pytest.fail(f"digistrat {' '.join(args)} did not finish within {seconds} s")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        sys.argv = old_argv
    captured = capsys.readouterr()
    return (code if isinstance(code, int) else 1 if code else 0), captured.out + captured.err


def run_subprocess(args: list[str], timeout: float = CHECK_SECONDS) -> tuple[int, str, float]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        errors="replace",
        env=ENV,
        timeout=timeout,
        check=False,
    )
    return proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - started


def assert_clean(code: int, output: str, allowed: frozenset[int] = frozenset({0, 1, 2})) -> None:
    assert code in allowed, f"exit code {code}\n{output[-3000:]}"
    assert "Traceback" not in output, output[-3000:]
    assert "internal error" not in output, output[-3000:]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_names_the_file_and_never_crashes(case: Case, tmp_path: Path) -> None:
    repo = build(tmp_path / "repo", case)
    code, output, seconds = run_subprocess(["check", "--format", "concise", str(repo)])
    assert_clean(code, output, case.exit_codes)
    assert seconds < CHECK_SECONDS
    if case.named is not None:
        assert case.named in output, output[-3000:]
    if case.line is not None:
        assert f"{case.named}:{case.line}:" in output, output[-3000:]


@pytest.mark.parametrize("command", [c for c in _commands() if c != "check"])  # check: above
@pytest.mark.parametrize("case", [c for c in CASES if not c.heavy], ids=lambda c: c.name)
def test_every_command_survives_every_case(
    case: Case, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = build(tmp_path / "repo", case)
    template = ARGS.get(command, ["{repo}"])
    args = [a.format(repo=repo, out=tmp_path / "site") for a in template]
    code, output = run_in_process([command, *args], capsys)
    assert_clean(code, output)
    site = tmp_path / "site"
    if site.exists():  # whatever a command wrote stays inside the folder it was given
        for written in site.rglob("*"):
            assert written.resolve().is_relative_to(site.resolve())


def test_the_biggest_inputs_are_refused_quickly(tmp_path: Path) -> None:
    """Tens of MB are refused by size, before parsing: check stays fast and small."""
    case = next(c for c in CASES if c.name == "very-large-file")
    repo = build(tmp_path / "repo", case)
    code, output, seconds = run_subprocess(["check", str(repo)])
    assert_clean(code, output)
    assert "MiB" in output and seconds < 10


@pytest.mark.slow
def test_twenty_thousand_files_finish(tmp_path: Path) -> None:
    """Very many tiny files: check finishes and reports them (slow; run with -m slow)."""
    repo = build(tmp_path / "repo", Case("setup-only"))
    for i in range(20_000):
        (repo / "services" / f"s{i}.yaml").write_bytes(b"name: S\nkind: care\n")
    code, output, _ = run_subprocess(["check", str(repo)], timeout=300)
    assert_clean(code, output)


# Odd arguments rather than odd files: every option of every command, given nonsense.
ODD_ARGS: list[list[str]] = [
    ["explain", ""],
    ["explain", "../../etc/passwd"],
    ["explain", "F001" * 500],
    ["explain", "é漢字"],
    ["rules", "--format", "nope"],
    ["schema", "nope"],
    ["schema", "--format", "nope"],
    ["schema", "services", "--out", "/proc/digistrat-nowhere"],
    ["score", "{repo}", "--model", "nope"],
    ["score", "{repo}", "--format", "nope"],
    ["score", "{repo}", "--band", "nan"],
    ["score", "{repo}", "--band", "-5"],
    ["score", "{repo}", "--band", "1e308"],
    ["score", "{repo}", "--top", "-1"],
    ["score", "{repo}", "--top", "100000000"],
    ["score", "{repo}", "--status", "nope,,", "--category", "../x"],
    ["score", "{repo}", "--plan", "--model", "rice"],
    ["score", "{repo}", "--explain"],
    ["render", "{repo}", "--only", ""],
    ["render", "{repo}", "--only", "site,../x"],
    ["render", "{repo}", "--out", "{repo}"],
    ["render", "{repo}", "--out", "{repo}/strategy.yaml"],
    ["render", "{repo}", "--out", "/proc/digistrat-nowhere"],
    ["check", "{repo}", "--select", "[", "--ignore", "*,,../"],
    ["check", "{repo}", "--fail-on", "nope"],
    ["check", "{repo}", "--format", "nope"],
    ["check", "{repo}", "-o", "/proc/digistrat-nowhere/report.txt"],
    ["check", "{repo}", "-o", "{repo}"],
    ["check", "/nonexistent/place"],
    ["check", "/proc"],
    ["check", "{repo}/strategy.yaml"],
    ["init", "/proc/digistrat-nowhere"],
    ["init", "{repo}/strategy.yaml"],
    ["init", "{repo}", "--organisation", "<script>alert(1)</script>\n: [}"],
    ["new", "services", "", "{repo}"],
    ["new", "", "x", "{repo}"],
    ["new", "strategy", "x", "{repo}"],
    ["progress", "example-commitment", "{repo}"],
    ["progress", "example-commitment", "--note", "x", "--value", "inf", "{repo}"],
    ["progress", "example-commitment", "--note", "x", "--date", "99999-01-01", "{repo}"],
    ["progress", "", "--note", "x", "{repo}"],
    ["serve", "{repo}", "--port", "-1"],
    ["serve", "{repo}", "--port", "70000"],
    ["serve", "{repo}", "--host", ""],
    ["serve", "{repo}", "--host", "bad\0host"],
    ["serve", "{repo}", "--host", "192.0.2.1"],
    ["serve", "/nonexistent/place"],
    ["no-such-command"],
    ["--no-such-option"],
]


@pytest.mark.parametrize("args", ODD_ARGS, ids=[" ".join(a)[:60] for a in ODD_ARGS])
def test_odd_arguments_get_a_clear_answer(
    args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = build(tmp_path / "repo", Case("base"))
    before = {p: p.read_bytes() for p in repo.rglob("*") if p.is_file()}
    code, output = run_in_process([a.replace("{repo}", str(repo)) for a in args], capsys)
    assert_clean(code, output)
    if code and args[0] not in ("no-such-command", "--no-such-option"):
        assert output.strip(), "a refusal must say why"
    if args[0] != "init":  # init may add files; nothing may change an existing one
        after = {p: p.read_bytes() for p in before}
        assert after == before
