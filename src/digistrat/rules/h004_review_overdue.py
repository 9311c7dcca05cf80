"""The last strategy review is older than the stated cadence allows.

A review cycle only helps if it happens (§1, "Too long-term"; §12, "Follow up"). This rule
compares ``review.last_reviewed`` with today: a quarterly review last done eight months ago
means the strategy may no longer reflect what is being done. Record ``last_reviewed`` so that
this can be checked.

Option: ``review-grace-days`` (default 30), how late a review may be before it is reported.

Failing example::

    # strategy.yaml
    review:
      cadence: quarterly
      last_reviewed: 2025-10-01

Passing example::

    # strategy.yaml
    review:
      cadence: quarterly
      last_reviewed: 2026-04-15
"""

from __future__ import annotations

from datetime import timedelta

from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import longdate

CODE = "H004"
NAME = "review-overdue"
SEVERITY = "warning"
SECTION = "§1 Too long-term; §12 Follow up"
SEVERITY_BASIS = (
    "§12 calls regular strategy reviews good practice; a late review needs attention, not a "
    "failed check."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {"review-grace-days": 30}

DAYS = {"monthly": 31, "quarterly": 92, "six-monthly": 183, "annually": 366}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.review is None:
        return
    review = strategy.review
    if review.last_reviewed is None:
        return
    grace = int(ctx.option("review-grace-days", 30))
    due = review.last_reviewed + timedelta(days=DAYS[review.cadence] + grace)
    if ctx.today > due:
        late = (ctx.today - review.last_reviewed).days
        yield Violation(
            "strategy",
            "strategy",
            ("review", "last_reviewed"),
            f"the strategy was last reviewed {late} days ago "
            f"({longdate(review.last_reviewed)}), but it should be reviewed {review.cadence}",
            "Hold the review, update the strategy, then set `last_reviewed:` to its date.",
        )
