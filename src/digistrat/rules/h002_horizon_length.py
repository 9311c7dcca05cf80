"""The horizon is longer than five years, shorter than one, or ends before it starts.

Technology moves fast, so the guide advises a one-to-five-year horizon with a constant review
cycle rather than a static ten-year plan (§1, "Too long-term"). A horizon of a few months is a
project plan, not a strategy.

Options: ``max-horizon-years`` (default 5) and ``min-horizon-years`` (default 1).

Failing example::

    # strategy.yaml
    horizon:
      start: 2026-04-01
      end: 2036-03-31

Passing example::

    # strategy.yaml
    horizon:
      start: 2026-04-01
      end: 2031-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import longdate

CODE = "H002"
NAME = "horizon-length"
SEVERITY = "error"
SECTION = "§1 Too long-term"
SEVERITY_BASIS = (
    "§1 names “too long-term” as a sign of a bad strategy: aim for a one-to-five-year horizon, "
    "not a static ten-year plan."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {"max-horizon-years": 5, "min-horizon-years": 1}


def _years(days: int) -> float:
    return days / 365.25


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.horizon is None:
        return
    start, end = strategy.horizon.start, strategy.horizon.end
    longest = float(ctx.option("max-horizon-years", 5))
    shortest = float(ctx.option("min-horizon-years", 1))
    if end <= start:
        yield Violation(
            "strategy",
            "strategy",
            ("horizon", "end"),
            f"the horizon ends ({longdate(end)}) before it starts ({longdate(start)})",
            "Check the two dates: `start` comes first, `end` one to five years later.",
        )
        return
    # A few days' slack so that 2026-04-01 to 2031-03-31 counts as five years.
    years = _years((end - start).days + 1)
    if years > longest + 0.02:
        yield Violation(
            "strategy",
            "strategy",
            ("horizon", "end"),
            f"the horizon is {years:.1f} years long; aim for at most {longest:g}",
            f"Bring `end` within {longest:g} years of `start` and rely on regular reviews "
            "rather than a long fixed plan.",
        )
    elif years < shortest - 0.02:
        yield Violation(
            "strategy",
            "strategy",
            ("horizon", "end"),
            f"the horizon is only {years:.1f} years long; a strategy needs at least {shortest:g}",
            "Set a horizon of one to five years; keep shorter plans in initiatives.",
        )
