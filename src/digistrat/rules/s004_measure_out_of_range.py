"""A service measure has an impossible value.

Percentages (quality, digital take-up, user satisfaction, completion rate and failure demand)
must lie between 0 and 100; volumes and costs cannot be negative (§6 "Map your services"). An
impossible value usually means a typo or the wrong unit (0.2 instead of 20%).

Failing example::

    # services/outpatient-booking.yaml
    measures:
      measured_on: 2026-03-31
      volume_per_year: 120000
      cost_per_use: 12.5
      quality: 70
      digital_take_up: 120

Passing example::

    # services/outpatient-booking.yaml
    measures:
      measured_on: 2026-03-31
      volume_per_year: 120000
      cost_per_use: 12.5
      quality: 70
      digital_take_up: 100
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "S004"
NAME = "measure-out-of-range"
SEVERITY = "error"
SECTION = "§6 Map your services"
SEVERITY_BASIS = (
    "An impossible value (a percentage over 100, a negative cost) is a fact, not a judgement: "
    "it misleads the picture of services §6 asks for."
)
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}

PERCENT = ("quality", "digital_take_up", "user_satisfaction", "completion_rate", "failure_demand")
NON_NEGATIVE = ("volume_per_year", "cost_per_use")


def check(ctx: Context) -> Check:
    for ident, service in ctx.repo.services.items():
        measures = service.measures
        if measures is None:
            continue
        for name in PERCENT:
            value = getattr(measures, name)
            if value is not None and not 0 <= value <= 100:
                yield Violation(
                    "services",
                    ident,
                    ("measures", name),
                    f"`{name}` is {value:g}, but it is a percentage from 0 to 100",
                    "Write it as a percentage: 20 for 20%, not 0.2.",
                )
        for name in NON_NEGATIVE:
            value = getattr(measures, name)
            if value is not None and value < 0:
                yield Violation(
                    "services",
                    ident,
                    ("measures", name),
                    f"`{name}` is {value:g}, but it cannot be negative",
                    "Check the figure and its sign.",
                )
