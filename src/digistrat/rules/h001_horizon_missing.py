"""The strategy does not say what period it covers.

The guide warns against static long-term strategies and asks for a one-to-five-year horizon
aligned with the organisation's own plan (§1, "Too long-term"). Without start and end dates,
nobody can tell whether commitments are due within the strategy or whether it has expired.

Failing example::

    # strategy.yaml
    horizon:

Passing example::

    # strategy.yaml
    horizon:
      start: 2026-04-01
      end: 2029-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "H001"
NAME = "horizon-missing"
SEVERITY = "error"
SECTION = "§1 Too long-term"
SEVERITY_BASIS = (
    "§1 names “too long-term” as a sign of a bad strategy and asks for a one-to-five-year "
    "horizon, which cannot be checked without one."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.horizon is not None:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("horizon",),
        "the strategy has no horizon (start and end dates)",
        "Add `horizon:` with `start:` and `end:` dates one to five years apart, aligned with "
        "your organisation's strategic plan.",
    )
