"""The strategy does not say how often it is reviewed.

A strategy is something you do, not something you have: the guide asks for a constant review
cycle built in (§1, "Too long-term") and a regular delivery rhythm (§12, "Follow up"). A review
cadence makes that a commitment the board can hold people to.

Failing example::

    # strategy.yaml
    review:

Passing example::

    # strategy.yaml
    review:
      cadence: quarterly
      last_reviewed: 2026-04-15
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "H003"
NAME = "review-cadence-missing"
SEVERITY = "error"
SECTION = "§1 Too long-term; §12 Follow up"
SEVERITY_BASIS = (
    "§1 “Too long-term”, a sign of a bad strategy, asks for “a constant review cycle built-in”."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.review is not None:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("review",),
        "the strategy does not say how often it is reviewed",
        "Add `review:` with `cadence:` (monthly, quarterly, six-monthly or annually) and "
        "`last_reviewed:` with the date of the last review.",
    )
