"""A commitment's measure has no baseline or no target.

A metric without a starting point and a goal cannot show progress (§11 "Measurable"). The
baseline says where things are now; the target says what success looks like by the due date.

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
    "§11 asks of every commitment “how will we know when you've succeeded?”, which needs a "
    "starting point and a target."
)
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        measure = com.measure
        if measure is None:
            continue
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
