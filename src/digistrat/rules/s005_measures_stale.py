"""A service's measures are old or undated.

The board needs to know how services are performing now (§2 board question 4); figures from
years ago, or with no date, may mislead. Measures carry ``measured_on`` so staleness shows.

Option: ``max-measure-age-days`` (default 400).

Failing example::

    # services/outpatient-booking.yaml
    measures:
      measured_on: 2024-03-31
      volume_per_year: 120000
      cost_per_use: 12.5
      quality: 70
      digital_take_up: 20

Passing example::

    # services/outpatient-booking.yaml
    measures:
      measured_on: 2026-03-31
      volume_per_year: 120000
      cost_per_use: 12.5
      quality: 70
      digital_take_up: 20
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "S005"
NAME = "measures-stale"
SEVERITY = "warning"
SECTION = "§6 Map your services; §2 Q4"
SEVERITY_BASIS = (
    "§2 Q4 asks how services are performing now; how old a figure may be is a judgement."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {"max-measure-age-days": 400}


def check(ctx: Context) -> Check:
    limit = int(ctx.option("max-measure-age-days", 400))
    for ident, service in ctx.repo.services.items():
        measures = service.measures
        if measures is None or service.phase == "retired":
            continue
        if measures.measured_on is None:
            yield Violation(
                "services",
                ident,
                ("measures",),
                f"the measures of `{ident}` have no date",
                "Add `measured_on:` under `measures:` with the date the figures describe.",
            )
        elif (ctx.today - measures.measured_on).days > limit:
            age = (ctx.today - measures.measured_on).days
            yield Violation(
                "services",
                ident,
                ("measures", "measured_on"),
                f"the measures of `{ident}` are {age} days old (measured {measures.measured_on})",
                "Measure the service again and update the figures and `measured_on:`.",
            )
