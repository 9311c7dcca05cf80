"""check on a system repository: the system's own findings, every member's (paths prefixed),
the system rules; a broken member reported and the rest still checked; the same answer with
one process or several."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.rules.examples import EXAMPLE_TODAY
from digistrat.system.check import check_system
from system.system_helpers import WORKS_ON_IT, make_system, run_system

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wolds-system"


def test_member_findings_are_prefixed_with_the_member(tmp_path: Path) -> None:
    bad = "# strategy.yaml\nmission:\n"
    ics = make_system(tmp_path, {"north": WORKS_ON_IT, "south": bad})
    result = run_system(ics)
    [missing] = [f for f in result.result.findings if f.code == "M001"]
    assert missing.path == "members/south/strategy.yaml" and missing.line is not None
    assert result.result.line_text(missing.path, missing.line) is not None
    north, south = result.members
    assert (north.counts.get("error", 0), south.counts["error"]) == (0, 1)
    assert south.board[2] == "red" and north.board[2] == "green"


def test_a_broken_member_does_not_stop_the_others(tmp_path: Path) -> None:
    ics = make_system(
        tmp_path,
        {"north": WORKS_ON_IT},
        system_yaml="""
        members:
          - id: gone
            path: members/gone
          - id: north
            path: members/north
        """,
    )
    result = run_system(ics)
    [gone] = [f for f in result.result.findings if f.code == "F012"]
    assert (gone.path, gone.line) == ("system.yaml", 2)
    assert [m.available for m in result.members] == [False, True]
    assert result.members[1].initiatives[0].shared_priorities == ("shared-care-record",)
    assert result.result.failed()


def test_unreadable_member_files_are_findings_not_crashes(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {"north": ""})
    (ics / "members/north/initiatives/online-booking.yaml").write_bytes(b"name: [\n\xff")
    result = run_system(ics)
    assert any(
        f.path == "members/north/initiatives/online-booking.yaml" and f.code.startswith("F")
        for f in result.result.findings
    )


def test_one_process_or_several_give_the_same_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ics = make_system(tmp_path, {"a": "", "b": WORKS_ON_IT, "c": "# strategy.yaml\nmission:\n"})
    import digistrat.system.check as module

    monkeypatch.setattr(module, "_processes", lambda count: 2)
    several = check_system(load(ics), EXAMPLE_TODAY, fetch=False)
    monkeypatch.setattr(module, "_processes", lambda count: 1)
    one = check_system(load(ics), EXAMPLE_TODAY, fetch=False)
    assert several.result.findings == one.result.findings
    assert [asdict(m) for m in several.members] == [asdict(m) for m in one.members]


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"DIGISTRAT_TODAY": "2026-12-02", "PATH": "/usr/bin:/bin", "DIGISTRAT_PROCESSES": "1"}
    return subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_example_system_from_the_command_line() -> None:
    done = _cli("check", str(EXAMPLE), "--format", "json", "--relative-to", str(EXAMPLE))
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    items = report["findings"] if isinstance(report, dict) else report
    found = {(f["code"], f["path"]) for f in items}
    assert ("G001", "strategy.yaml") in found
    assert ("G005", "members/northbank/initiatives/results-in-shared-record.yaml") in found
    assert ("G003", "members/northbank/initiatives/virtual-ward-monitoring.yaml") in found
    assert {c for c, _ in found} >= {"G001", "G002", "G003", "G005"}
    assert "Traceback" not in done.stderr


def test_a_member_that_breaks_the_checker_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import digistrat.system.check as module

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(module, "_processes", lambda count: 1)
    monkeypatch.setattr(module, "summarise", broken)
    result = run_system(make_system(tmp_path, {"north": "", "south": ""}))
    problems = [f for f in result.result.findings if f.code == "F012"]
    assert [f.line for f in problems] == [2, 5]
    assert "could not be checked (RuntimeError: boom)" in problems[0].message
    assert [m.available for m in result.members] == [False, False]
