from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.checker import CheckResult
from digistrat.findings import Finding

HOSTILE = 'odd: 50% done, "quoted"\r\nnext line: a,b::c'


@pytest.fixture
def result(tmp_path: Path) -> CheckResult:
    """A result with an error, a warning, a note, a whole-file finding and awkward text."""
    (tmp_path / "commitments").mkdir()
    (tmp_path / "strategy.yaml").write_text("title: x\nprinciples: []\n", encoding="utf-8")
    (tmp_path / "commitments" / "a b,c.yaml").write_text("statement: y\n", encoding="utf-8")
    findings = [
        Finding(
            "C001",
            "commitment-without-measure",
            "error",
            "commitments/a b,c.yaml",
            1,
            1,
            "the commitment has no measure",
            "Add `measure:`.",
        ),
        Finding(
            "P001",
            "principles-missing",
            "error",
            "strategy.yaml",
            2,
            1,
            "the strategy has no guiding principles",
            "Add `principles:`.",
        ),
        Finding("T001", "vague-wording", "warning", "strategy.yaml", 2, 13, HOSTILE),
        Finding("W003", "not-published", "info", "strategy.yaml", None, None, "not published"),
    ]
    return CheckResult(root=tmp_path, findings=findings, suppressed=1, files_checked=2)


@pytest.fixture
def empty(tmp_path: Path) -> CheckResult:
    return CheckResult(root=tmp_path, findings=[], files_checked=3)
