"""The strategy has no guiding principles.

A strategy cannot detail everything that will be delivered, so it should give teams principles
that help them make the right decisions on their own (§1 "Useful to teams", §4).

Failing example::

    # strategy.yaml
    principles: []

Passing example::

    # strategy.yaml
    principles:
      - name: Start with what people need
        meaning: We learn what patients and staff need before we choose anything.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "P001"
NAME = "principles-missing"
SEVERITY = "error"
SECTION = "§1 Useful to teams"
SEVERITY_BASIS = (
    "§4 says strategies need to give teams “principles that will help them make decisions”, and "
    "§1 “Useful to teams” puts principles in place of detail."
)
QUESTIONS = (2,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.principles:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("principles",),
        "the strategy has no guiding principles",
        "Add `principles:`, a handful of memorable rules (each a `name` and a one-line "
        "`meaning`) that help teams decide without asking.",
    )
