"""A commitment's measure has no target.

A metric with no target cannot say when the commitment has succeeded (§11 "Measurable": "how
will we know when you've succeeded?"). The target says what success looks like by the due date;
when the baseline is missing too, the finding says so. A target with no baseline is reported
by C013, as a warning: the commitment can still be judged met or missed.

Failing example::

    # commitments/rebook-online.yaml
    measure:
      metric: Appointment changes made online
      unit: "%"

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

CODE = "C002"
NAME = "measure-incomplete"
SEVERITY = "error"
SECTION = "§11 Set actions (Measurable)"
SEVERITY_BASIS = (
    "§11 asks of every commitment “how will we know when you've succeeded?”, which a measure "
    "with no target cannot answer."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        measure = com.measure
        if measure is None:
            continue
        if measure.target is not None:
            continue  # a missing baseline alone is C013's (a warning)
        missing = [n for n in ("baseline", "target") if getattr(measure, n) is None]
        if missing:
            yield Violation(
                "commitments",
                ident,
                ("measure",),
                f"the measure of `{ident}` has no {' and no '.join(missing)}",
                "Add "
                + " and ".join(f"`{n}:`" for n in missing)
                + " under `measure:` (a number, in the measure's unit).",
            )
