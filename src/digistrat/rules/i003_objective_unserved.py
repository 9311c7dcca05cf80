"""An organisational objective has no initiative serving it.

Listing an objective that no initiative serves may be a deliberate choice, but the board should
see it: either digital has nothing to offer that objective yet, or something is missing (§1
"Integrated", §2 board question 1).

Failing example::

    # strategy.yaml
    objectives:
      - id: shorter-waits
        title: Cut waiting times for planned care
      - id: greener-estate
        title: Halve the carbon footprint of our buildings

Passing example::

    # strategy.yaml
    objectives:
      - id: shorter-waits
        title: Cut waiting times for planned care
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index, unusable

CODE = "I003"
NAME = "objective-unserved"
SEVERITY = "info"
SECTION = "§1 Integrated; §4 Trust strategy"
SEVERITY_BASIS = (
    "§2 Q1 asks how integrated the strategies are; an objective digital does not serve yet may "
    "be a deliberate choice, so this is for information."
)
QUESTIONS = (1,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or not ctx.repo.initiatives or unusable(ctx, "initiatives"):
        return
    served = index(ctx).objectives_served
    for i, objective in enumerate(strategy.objectives):
        if objective.id not in served:
            yield Violation(
                "strategy",
                "strategy",
                ("objectives", i, "id"),
                f"no initiative serves the objective `{objective.id}`",
                "Link an initiative to it (`objectives:` in the initiative), or say in the "
                "strategy why digital is not contributing to it yet.",
            )
