"""The strategy does not say how anyone will know it is working.

Effective strategy relies on feedback loops: the guide asks which indicators will show whether
the strategy works (§2 board question 7) and suggests measures such as digital take-up, cost
per transaction, user satisfaction and failure demand (§4 "Trust performance"). Commitments
whose measures have a target answer the question too, for what they cover: with at least one,
the strategy is not reported as having no way of knowing (I006 and C002 check the measures).

Failing example::

    # strategy.yaml
    indicators: []
    # commitments/rebook-online.yaml
    measure:

Passing example::

    # strategy.yaml
    indicators:
      - name: Appointments booked online
        kind: take-up
        baseline: 20
        target: 60
        due: 2029-03-31
        unit: "%"
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "I004"
NAME = "indicators-missing"
SEVERITY = "warning"
SECTION = "§2 Q7; §4 Trust performance"
SEVERITY_BASIS = (
    "§2 Q7 calls indicators “important” but leaves which ones, and where they are kept, to the "
    "organisation."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.indicators:
        return
    if any(c.measure and c.measure.target is not None for c in ctx.repo.commitments.values()):
        return
    yield Violation(
        "strategy",
        "strategy",
        ("indicators",),
        "the strategy has no indicators of whether it is working",
        "Add `indicators:` such as digital take-up, cost per transaction, user satisfaction "
        "or failure demand, each with a baseline and a target.",
    )
