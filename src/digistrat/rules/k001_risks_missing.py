"""The strategy records no risks.

Project failure, cyber security incidents and outages are inevitable at some point; boards need
to see that the right systems are in place to reduce them (§2 board question 10). As care
depends more on digital, this is a patient safety issue.

Failing example::

    # strategy.yaml
    risks: []

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

CODE = "K001"
NAME = "risks-missing"
SEVERITY = "warning"
SECTION = "§2 Q10 What could go wrong?"
SEVERITY_BASIS = (
    "§2 Q10 asks the board what could go wrong and to make sure systems are in place to reduce "
    "the risks; the risks may be kept in the risk register rather than the strategy, so "
    "judgement is needed."
)
QUESTIONS = (10,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.risks:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("risks",),
        "the strategy records no risks",
        "Add `risks:` covering at least delivery failure, cyber security and outages, each "
        "with an owner and a mitigation.",
    )
