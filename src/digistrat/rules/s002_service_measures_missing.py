"""A service is missing some of its key measures.

To know what to fix and where to start, the guide asks for each service's volume, cost per use,
quality and digital take-up (§6 "Map your services"; §2 board question 4: what services you
operate and how they perform). Missing figures hide where digital could help most. Retired
services are not checked. Digital take-up (the share of uses delivered digitally) is not asked
of ``technology`` services such as the network or the patient record: they are digital by
nature, so a figure would have to be invented; give it where it means something, such as the
share of attendances where the shared care record is opened.

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
SEVERITY = "warning"
SECTION = "§6 Map your services"
SEVERITY_BASIS = (
    "§4 says there is no standard way to measure digital services and that tracking such "
    "metrics is “worthwhile”, so a missing figure needs filling in, not a failed check."
)
QUESTIONS = (4,)
DEFAULT = ["volume_per_year", "cost_per_use", "quality", "digital_take_up"]
OPTIONS: dict[str, object] = {"required-service-measures": DEFAULT}
_NOT_FOR_TOOLS = ("digital_take_up",)
"""Measures not asked of ``technology`` services, which are digital by nature."""


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
        asked = [m for m in wanted if not (m in _NOT_FOR_TOOLS and service.kind == "technology")]
        missing = [m for m in asked if measures is None or getattr(measures, m) is None]
        if missing:
            yield Violation(
                "services",
                ident,
                ("measures",),
                f"the service `{ident}` has no {', '.join(m.replace('_', ' ') for m in missing)}",
                "Add under `measures:` " + ", ".join(f"`{m}:`" for m in missing) + "; an "
                "estimate is better than nothing (say so in the description).",
            )
