"""The strategy sets no delivery rhythm.

Strategy is something you do: the guide suggests regular show and tells, monthly progress
reviews, quarterly re-prioritisation and strategy reviews, which also serve as light governance
(§12 "Follow up"; §2 board question 7). When ``ways_of_working:`` is filled in, W004 reports a
missing progress review or re-prioritisation (as a warning), so this rule stays quiet: one gap,
one finding.

Failing example::

    # strategy.yaml
    ways_of_working: []
    rhythm: []

Passing example::

    # strategy.yaml
    rhythm:
      - kind: show-and-tell
        frequency: fortnightly
      - kind: progress-review
        frequency: monthly
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "W002"
NAME = "rhythm-missing"
SEVERITY = "info"
SECTION = "§12 Follow up"
SEVERITY_BASIS = "§12 calls a regular delivery rhythm “good practice” and gives examples: advice."
QUESTIONS = (9,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.rhythm:
        return
    if strategy.ways_of_working:
        return  # W004 reports the missing rhythm, as a warning
    yield Violation(
        "strategy",
        "strategy",
        ("rhythm",),
        "the strategy sets no delivery rhythm",
        "Add `rhythm:` with show and tells, progress reviews and quarterly re-prioritisation, "
        "each with its `frequency`.",
    )
