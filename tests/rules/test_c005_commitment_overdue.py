from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import c005_commitment_overdue as rule
from rules.rule_helpers import hits


@pytest.mark.parametrize("status", ["on-track", "at-risk", "off-track"])
def test_overdue_and_open(tmp_path: Path, status: str) -> None:
    block = f"# commitments/rebook-online.yaml\ndue: 2026-05-31\nstatus: {status}\n"
    [(_, line, message)] = hits(rule, tmp_path, block)
    words = status.replace("-", " ")
    assert f"was due on 31 May 2026 and is still marked {words}" in message
    text = (tmp_path / "commitments/rebook-online.yaml").read_text(encoding="utf-8").splitlines()
    assert line is not None and text[line - 1].startswith("status:")


def test_overdue_without_a_status_says_so(tmp_path: Path) -> None:
    """Regression: it said 'is still on-track' of a commitment that states no status."""
    block = "# commitments/letters.yaml\nstatement: Letters arrive online.\ndue: 2026-05-31\n"
    [(path, _, message)] = hits(rule, tmp_path, block)
    assert path == "commitments/letters.yaml"
    assert message.endswith("was due on 31 May 2026 and has no status saying whether it was met")


@pytest.mark.parametrize("status", ["met", "missed"])
def test_closed(tmp_path: Path, status: str) -> None:
    block = f"# commitments/rebook-online.yaml\ndue: 2026-05-31\nstatus: {status}\n"
    assert hits(rule, tmp_path, block) == []


def test_due_today_is_not_overdue(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# commitments/rebook-online.yaml\ndue: 2026-06-01\n") == []
