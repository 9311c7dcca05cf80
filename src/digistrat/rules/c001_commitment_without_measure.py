"""A commitment has no measure.

Good commitments are measurable: how will we know we have succeeded, and what will change for
users (§11 "Measurable")? Without a metric, baseline and target nobody can tell whether a
commitment was kept.

Failing example::

    # commitments/rebook-online.yaml
    measure:

Passing example::

    # commitments/rebook-online.yaml
    measure:
      metric: Appointment changes made online
      unit: "%"
      baseline: 0
      target: 50
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "C001"
NAME = "commitment-without-measure"
SEVERITY = "error"
SECTION = "§11 Set actions (Measurable)"
SEVERITY_BASIS = "§11 lists “measurable” among the criteria every good commitment meets."
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if com.measure is None:
            yield Violation(
                "commitments",
                ident,
                ("measure",),
                f"the commitment `{ident}` has no measure",
                "Add `measure:` with a `metric`, a `baseline` (where we are now) and a "
                "`target` (where we will be by the due date).",
            )
