"""`digistrat frameworks`: each framework the strategy answers to, measure by measure."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from digistrat.cli import app

from helpers import build_tree

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["frameworks", *args])
    return result.exit_code, result.output


def test_text_lists_each_measure_with_what_serves_it() -> None:
    code, out = _run(str(EXAMPLES / "riverside"))
    assert code == 0
    assert out.startswith("What Good Looks Like (wgll): 5 of 7 measures have funded work\n")
    assert "  Well led (wgll:well-led): no initiative\n" in out
    assert (
        "  Healthy populations (wgll:healthy-populations): proposed only: "
        "missed-appointment-prediction (proposed)\n" in out
    )


def test_json_is_the_coverage_as_data() -> None:
    code, out = _run(str(EXAMPLES / "riverside"), "--format", "json")
    assert code == 0
    [wgll] = json.loads(out)
    states = {m["ref"]: m["state"] for m in wgll["measures"]}
    assert states["wgll:well-led"] == "uncovered"
    assert states["wgll:healthy-populations"] == "unfunded"
    assert wgll["mapped"] is True


def test_a_strategy_not_mapped_yet_is_told_how(tmp_path: Path) -> None:
    build_tree(tmp_path, {"strategy.yaml": "organisation: O\ntitle: T\n"})
    code, out = _run(str(tmp_path))
    assert code == 0
    assert "Nothing says which of its measures it serves yet" in out
    assert "`serves: [wgll:well-led]`" in out


def test_no_framework_chosen(tmp_path: Path) -> None:
    build_tree(tmp_path, {"strategy.yaml": "organisation: O\ntitle: T\nframeworks: []\n"})
    code, out = _run(str(tmp_path))
    assert code == 0
    assert "answers to no framework" in out and "`ldd`, `wgll`" in out


def test_bad_format_and_bad_strategy_are_usage_errors(tmp_path: Path) -> None:
    assert _run(str(EXAMPLES / "riverside"), "--format", "xml")[0] == 2
    build_tree(tmp_path, {"strategy.yaml": "organisation: O\n"})
    code, _ = _run(str(tmp_path))
    assert code == 2
