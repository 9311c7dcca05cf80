from __future__ import annotations

from pathlib import Path

from digistrat.rules import k003_risk_unmanaged as rule
from rules.rule_helpers import hits


def test_unmanaged_risks(tmp_path: Path) -> None:
    block = (
        "# strategy.yaml\nrisks:\n  - {risk: A., kind: outage}\n"
        "  - {risk: B., kind: outage, mitigation: M.}\n"
        "  - {risk: C., kind: outage, mitigation: M., owner: {name: N, function: digital}}\n"
    )
    messages = [m for _, _, m in hits(rule, tmp_path, block)]
    assert messages == ["risk 1 has no owner and no mitigation", "risk 2 has no owner"]
