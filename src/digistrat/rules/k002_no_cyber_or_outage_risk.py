"""The risks include neither cyber security nor outages.

The guide names cyber security incidents and outages alongside project failure as things that
will go wrong (§2 board question 10). A risk list without them has probably missed the risks
that most affect patient safety.

Failing example::

    # strategy.yaml
    risks:
      - risk: The booking product could be delivered late.
        kind: delivery
        owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
        mitigation: Monthly progress reviews with the supplier.

Passing example::

    # strategy.yaml
    risks:
      - risk: A network outage could stop clinics seeing records.
        kind: outage
        owner: {name: Jo Park, role: Head of Infrastructure, function: digital}
        mitigation: A second network link and tested paper procedures.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "K002"
NAME = "no-cyber-or-outage-risk"
SEVERITY = "warning"
SECTION = "§2 Q10 What could go wrong?"
SEVERITY_BASIS = (
    "§2 Q10 names cyber security and outages among the things that will go wrong, but the risk "
    "list is the organisation's to judge."
)
QUESTIONS = (10,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or not strategy.risks:
        return
    if any(r.kind in ("cyber-security", "outage") for r in strategy.risks):
        return
    yield Violation(
        "strategy",
        "strategy",
        ("risks",),
        "no risk covers cyber security or outages",
        "Add a risk with `kind: cyber-security` or `kind: outage`, its owner and mitigation.",
    )
