"""A service is missing some of its key measures.

To know what to fix and where to start, the guide asks for each service's volume, cost per use,
quality and digital take-up (§6 "Map your services"; §2 board question 4: what services you
operate and how they perform). Missing figures hide where digital could help most. Retired
services are not checked.

Option: ``required-service-measures`` (default: volume_per_year, cost_per_use, quality,
digital_take_up).

Failing example::

    # services/outpatient-booking.yaml
    measures:
      measured_on: 2026-03-31
      volume_per_year: 120000

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

from digistrat.models.entities import ServiceMeasures
from digistrat.rules.base import Check, Context, Violation

CODE = "S002"
NAME = "service-measures-missing"
SEVERITY = "error"
SECTION = "§6 Map your services"
QUESTIONS = (4,)
DEFAULT = ["volume_per_year", "cost_per_use", "quality", "digital_take_up"]
OPTIONS: dict[str, object] = {"required-service-measures": DEFAULT}


def check(ctx: Context) -> Check:
    wanted = [
        m
        for m in ctx.option("required-service-measures", DEFAULT)
        if m in ServiceMeasures.model_fields and m != "measured_on"
    ]
    for ident, service in ctx.repo.services.items():
        if service.phase == "retired":
            continue
        measures = service.measures
        missing = [m for m in wanted if measures is None or getattr(measures, m) is None]
        if missing:
            yield Violation(
                "services",
                ident,
                ("measures",),
                f"the service `{ident}` has no {', '.join(m.replace('_', ' ') for m in missing)}",
                "Add under `measures:` " + ", ".join(f"`{m}:`" for m in missing) + "; an "
                "estimate is better than nothing (say so in the description).",
            )
