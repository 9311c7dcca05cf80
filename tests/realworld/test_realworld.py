"""Real published strategies, written into the format, as test cases for the rules.

Each folder beside this file (except ``poor/``) is a real digital strategy (see README.md for
sources). The checker runs on each, in-process, as of a fixed date, and its findings (code,
file, line) must match ``expected-findings.txt`` in that folder. Other engineers are changing
the rules, so after their work merges the expected files are regenerated with one command::

    DIGISTRAT_UPDATE_REALWORLD=1 .venv/bin/python -m pytest tests/realworld -q

Each folder under ``poor/`` is a copy of a real strategy with deliberate defects, listed in its
``defects.yaml`` with the file where each should be reported and the rule codes that must
report it there. A code whose rule is not in this build yet is skipped, with a message, until
the rule arrives.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from digistrat.checker import CheckResult, run
from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.rules import all_rules

HERE = Path(__file__).resolve().parent
POOR = HERE / "poor"
EXPECTED = "expected-findings.txt"
# Findings such as "overdue" and "horizon ended" depend on the date; fix it.
TODAY = date(2026, 12, 1)
UPDATE = os.environ.get("DIGISTRAT_UPDATE_REALWORLD") == "1"

REAL = sorted(p.name for p in HERE.iterdir() if (p / "strategy.yaml").is_file())
VARIANTS = sorted(p.name for p in POOR.iterdir() if (p / "defects.yaml").is_file())


def check(root: Path) -> CheckResult:
    repo = load(root)
    assert repo.findings == [], f"{root.name} does not load cleanly: {repo.findings[0]}"
    return run(repo, TODAY)


def key(f: Finding) -> str:
    """How a finding is compared: file, line and code (not the wording, which may change)."""
    return f"{f.path}:{f.line if f.line is not None else '-'} {f.code}"


def render(findings: list[Finding]) -> str:
    """The expected-findings file: one finding a line, compared up to the `#`; the severity and
    message after it are for people reading the file."""
    lines = [
        "# Findings of `digistrat check` on this strategy as of "
        f"{TODAY.isoformat()}, one a line: file:line CODE  # severity: message",
        "# Regenerate: DIGISTRAT_UPDATE_REALWORLD=1 .venv/bin/python -m pytest tests/realworld -q",
    ]
    for f in sorted(findings, key=lambda f: (f.path, f.line or 0, f.code, f.message)):
        lines.append(f"{key(f)}  # {f.severity}: {f.message}")
    return "\n".join(lines) + "\n"


def parse(text: str) -> list[str]:
    keys = []
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if body:
            keys.append(body)
    return keys


def test_the_real_strategies_are_there() -> None:
    # Two NHS bodies and a council, at least (the brief of issue 15, item 7).
    assert len(REAL) >= 3, REAL
    assert len(VARIANTS) >= 3, VARIANTS


@pytest.mark.parametrize("name", REAL)
def test_real_strategy_findings_match_the_expected_file(name: str) -> None:
    root = HERE / name
    findings = check(root).findings
    expected_file = root / EXPECTED
    if UPDATE:
        expected_file.write_text(render(findings), encoding="utf-8")
    assert expected_file.is_file(), (
        f"{expected_file} is missing; create it with DIGISTRAT_UPDATE_REALWORLD=1"
    )
    expected = parse(expected_file.read_text(encoding="utf-8"))
    actual = sorted(key(f) for f in findings)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    assert sorted(expected) == actual, (
        f"{name}: findings changed.\n  no longer found: {missing}\n  newly found: {extra}\n"
        "If the change is intended (a rule was added or fixed), review it in "
        "docs/realworld-review.md and regenerate with DIGISTRAT_UPDATE_REALWORLD=1."
    )


def test_expected_file_round_trips() -> None:
    f = Finding("C001", "commitment-without-measure", "error", "commitments/a.yaml", 3, 1, "m#x")
    g = Finding("H003", "review-cadence-missing", "error", "strategy.yaml", None, None, "no")
    assert parse(render([g, f])) == ["commitments/a.yaml:3 C001", "strategy.yaml:- H003"]


def defects(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((POOR / name / "defects.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, list) and data, f"poor/{name}/defects.yaml lists no defects"
    return data


@pytest.mark.parametrize(
    ("name", "index"),
    [
        pytest.param(name, i, id=f"{name}-{i + 1}")
        for name in VARIANTS
        for i in range(len(defects(name)))
    ],
)
def test_planted_defect_is_found_at_its_file(name: str, index: int) -> None:
    root = POOR / name
    defect = defects(name)[index]
    path, codes = str(defect["file"]), [str(c) for c in defect["codes"]]
    assert (root / path).is_file(), f"poor/{name}: {path} does not exist"
    known = {rule.code for rule in all_rules()}
    found = {f.code for f in check(root).findings if f.path == path}
    absent = [c for c in codes if c in known and c not in found]
    assert not absent, f"poor/{name}: {defect['defect']!r} not reported by {absent} at {path}"
    waiting = [c for c in codes if c not in known]
    if waiting:
        pytest.skip(f"rule {', '.join(waiting)} not in this build yet ({defect['defect']})")


@pytest.mark.parametrize("name", VARIANTS)
def test_poor_variant_is_worse_than_its_real_strategy(name: str) -> None:
    assert name in REAL, f"poor/{name} has no real strategy of the same name"
    real = {key(f) for f in check(HERE / name).findings}
    poor = {key(f) for f in check(POOR / name).findings}
    assert poor - real, f"poor/{name} adds no finding to the real strategy"
