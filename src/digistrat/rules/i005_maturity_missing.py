"""The strategy does not say how embedded digital is in the organisation's strategy.

The guide describes three levels, absent, siloed and embedded (§4 "Trust strategy"), and asks
boards how integrated digital and business strategies are (§2 board question 1). Stating the
level makes the starting point explicit.

Failing example::

    # strategy.yaml
    maturity:

Passing example::

    # strategy.yaml
    maturity: siloed
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "I005"
NAME = "maturity-missing"
SEVERITY = "info"
SECTION = "§2 Q1; §4 Trust strategy"
SEVERITY_BASIS = (
    "§4 offers absent, siloed and embedded as a way for boards to reflect, not as something the "
    "strategy must state."
)
QUESTIONS = (1,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.maturity is not None:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("maturity",),
        "the strategy does not say how embedded digital is (absent, siloed or embedded)",
        "Add `maturity:` with `absent`, `siloed` or `embedded` (guide §4).",
    )
