"""The strategy does not say how many initiatives can run at once.

Knowing your bandwidth, and naming bottlenecks such as information governance or data analysis
skills, is what turns a list of ambitions into a realistic plan (§10 "How much bandwidth does
your organisation have?").

Failing example::

    # strategy.yaml
    capacity:

Passing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 3
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "R003"
NAME = "capacity-missing"
SEVERITY = "warning"
SECTION = "§10 Make choices (Bandwidth)"
SEVERITY_BASIS = (
    "§10 calls knowing how many projects can run at once “important” but leaves how it is "
    "stated to the organisation."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.capacity is not None:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("capacity",),
        "the strategy does not say how many initiatives can run at once",
        "Add `capacity:` with `concurrent_initiatives:` and any `bottlenecks:` (for example "
        "information governance or clinical safety sign-off).",
    )
