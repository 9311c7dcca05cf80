"""A commitment has no due date.

Good commitments are time-bound: forecasting is hard, but milestones to aim for are essential
(§11 "Time-bound").

Failing example::

    # commitments/rebook-online.yaml
    due:

Passing example::

    # commitments/rebook-online.yaml
    due: 2027-03-31
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "C003"
NAME = "commitment-without-due-date"
SEVERITY = "error"
SECTION = "§11 Set actions (Time-bound)"
SEVERITY_BASIS = "§11 lists “time-bound” among the criteria every good commitment meets."
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if com.due is None:
            yield Violation(
                "commitments",
                ident,
                ("due",),
                f"the commitment `{ident}` has no due date",
                "Add `due:` with the date by which it will be met, like 2027-03-31.",
            )
