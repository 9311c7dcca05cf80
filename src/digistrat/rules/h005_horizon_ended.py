"""The strategy's horizon has already ended.

A strategy whose end date has passed no longer says what the organisation is doing (§1, "Too
long-term"; §12, "Follow up"): refresh it, or extend the horizon after a review.

Failing example::

    # strategy.yaml
    horizon:
      start: 2022-04-01
      end: 2026-03-31

Passing example::

    # strategy.yaml
    horizon:
      start: 2026-04-01
      end: 2029-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import longdate

CODE = "H005"
NAME = "horizon-ended"
SEVERITY = "warning"
SECTION = "§1 Too long-term; §12 Follow up"
SEVERITY_BASIS = (
    "§12 treats strategy as ongoing work, so an ended horizon is a prompt to refresh it; a "
    "refresh may already be under way."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.horizon is None:
        return
    end = strategy.horizon.end
    if end < ctx.today and strategy.horizon.start < end:
        yield Violation(
            "strategy",
            "strategy",
            ("horizon", "end"),
            f"the strategy's horizon ended on {longdate(end)}",
            "Review the strategy and set a new horizon, or replace it with its successor.",
        )
