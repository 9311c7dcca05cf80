"""A commitment is due after the strategy's horizon ends.

Commitments are steps towards the mission within the strategy's period (§11 "Realistic",
"Time-bound"; §1 "Too long-term"). One due after the horizon cannot be assured by this
strategy.

Failing example::

    # commitments/rebook-online.yaml
    due: 2030-03-31

Passing example::

    # commitments/rebook-online.yaml
    due: 2029-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import longdate

CODE = "C004"
NAME = "due-beyond-horizon"
SEVERITY = "warning"
SECTION = "§11 Set actions (Time-bound); §1 Too long-term"
SEVERITY_BASIS = (
    "§11 asks only that commitments are time-bound; whether one may fall due after this "
    "strategy's period (§1 “Too long-term”) is for people to judge, for example when the "
    "horizon is about to be extended."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.horizon is None:
        return
    end = strategy.horizon.end
    for ident, com in ctx.repo.commitments.items():
        if com.due is not None and com.due > end:
            yield Violation(
                "commitments",
                ident,
                ("due",),
                f"the commitment `{ident}` is due on {longdate(com.due)}, after the strategy's "
                f"horizon ends ({longdate(end)})",
                "Bring the due date within the horizon, or split it into a first step that "
                "can be delivered within it.",
            )
