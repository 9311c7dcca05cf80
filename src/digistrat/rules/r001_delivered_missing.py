"""The strategy records nothing already delivered.

Talking about what has already been delivered, and its impact, builds the trust a strategy
needs, because many staff have been let down by promises of new technology (§1 "Realistic",
§12 "Talk about what you've already done").

Failing example::

    # strategy.yaml
    delivered: []

Passing example::

    # strategy.yaml
    delivered:
      - what: Outpatient letters sent online
        when: 2025-11-30
        impact: Nine in ten letters now arrive the same day instead of a week later.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "R001"
NAME = "delivered-missing"
SEVERITY = "warning"
SECTION = "§1 Realistic; §12 Talk about what you've already done"
SEVERITY_BASIS = (
    "§12 says it is “better to start with what's already been delivered”: a good approach that "
    "builds trust, not a requirement."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.delivered:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("delivered",),
        "the strategy records nothing already delivered",
        "Add `delivered:` with what has already changed for patients or staff (`what`, "
        "`when`, and `impact` with a number where possible).",
    )
