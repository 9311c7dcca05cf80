"""A risk has no owner or no mitigation.

Recording a risk is only useful if someone manages it and something reduces it (§2 board
question 10: make sure the right systems are in place to reduce these risks).

Failing example::

    # strategy.yaml
    risks:
      - risk: A cyber attack could take booking offline for several days.
        kind: cyber-security

Passing example::

    # strategy.yaml
    risks:
      - risk: A cyber attack could take booking offline for several days.
        kind: cyber-security
        owner: {name: Jo Park, role: Head of Cyber Security, function: digital}
        mitigation: Tested paper procedures and backups kept apart from the network.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "K003"
NAME = "risk-unmanaged"
SEVERITY = "warning"
SECTION = "§2 Q10 What could go wrong?"
SEVERITY_BASIS = (
    "§2 Q10 asks that the right systems are in place to reduce risks; how each risk is managed "
    "needs judgement."
)
QUESTIONS = (10,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    for i, risk in enumerate(strategy.risks):
        missing = [n for n in ("owner", "mitigation") if getattr(risk, n) is None]
        if missing:
            yield Violation(
                "strategy",
                "strategy",
                ("risks", i),
                f"risk {i + 1} has no {' and no '.join(missing)}",
                "Add " + " and ".join(f"`{n}:`" for n in missing) + " to the risk.",
            )
