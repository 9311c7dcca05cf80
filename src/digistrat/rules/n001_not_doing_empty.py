"""The strategy does not say what it is not doing.

Strategy is about what you will not do as much as what you will (§10 "Make choices"). A
strategy that lists no trade-offs reads like a wish list (§1), and boards need to know what has
been de-prioritised to free up capacity (§2 board question 5).

Failing example::

    # strategy.yaml
    not_doing: []

Passing example::

    # strategy.yaml
    not_doing:
      - what: A patient app of our own
        why: A national app already does this well, so we will link to it instead.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "N001"
NAME = "not-doing-empty"
SEVERITY = "error"
SECTION = "§1 Reads like a wish list; §2 Q5; §10 Make choices"
SEVERITY_BASIS = (
    "§1 names “reads like a wish list” as a sign of a bad strategy: it should be clear what is "
    "being prioritised “and equally what isn't”."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.not_doing:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("not_doing",),
        "the strategy does not say what it is not doing",
        "Add `not_doing:` with things you have decided not to prioritise now (`what`) and "
        "the reason (`why`).",
    )
