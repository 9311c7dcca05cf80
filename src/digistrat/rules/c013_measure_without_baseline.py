"""A commitment's measure has a target but no baseline.

A target says when the commitment has succeeded, but without a baseline nobody can see how far
there is to go, whether the target is realistic, or how much has changed so far (§11
"Measurable": "what will change for your users? What impact will it have on your KPIs?";
"Realistic"). Record where things stand now, in the measure's unit. A measure with no target
at all is C002's finding.

Failing example::

    # commitments/rebook-online.yaml
    measure:
      metric: Appointment changes made online
      unit: "%"
      target: 50

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

CODE = "C013"
NAME = "measure-without-baseline"
SEVERITY = "warning"
SECTION = "§11 Set actions (Measurable, Realistic)"
SEVERITY_BASIS = (
    "§11 asks “how will we know when you've succeeded?”, which a dated target answers; a "
    "baseline shows what will change and whether the goal is realistic, so its absence is a "
    "warning."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        measure = com.measure
        if measure is None or measure.target is None or measure.baseline is not None:
            continue
        yield Violation(
            "commitments",
            ident,
            ("measure",),
            f"the measure of `{ident}` has a target but no baseline, so nobody can see how far "
            "there is to go",
            "Add `baseline:` under `measure:`: where things stand now, in the measure's unit. "
            "If nobody knows it yet, measure it before the next review.",
        )
