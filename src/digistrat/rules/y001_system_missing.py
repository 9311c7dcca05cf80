"""The strategy does not say how it aligns with the integrated care system.

Digital is central to integrated care: shared care records, interoperability and shared
priorities are agreed across the system (§5 "Understand the system context"), and boards must
be able to explain how their strategy aligns with the system's (§2 board question 8). Naming
the system with either an ``alignment`` sentence or a list of ``shared_priorities`` (such as
the shared care record) counts as alignment stated.

Integrated care systems are NHS structures, so the rule applies to NHS trusts and integrated
care boards only (``organisation_kind`` in strategy.yaml); a council or central government
department is not checked. When ``organisation_kind`` is not stated, the strategy is checked
as an NHS trust's, because the guide is written for trusts.

Failing example::

    # strategy.yaml
    system:

Passing example::

    # strategy.yaml
    system:
      name: Example Integrated Care System
      alignment: We share one care record and one front door for patients with our partners.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "Y001"
NAME = "system-missing"
SEVERITY = "warning"
SECTION = "§5 Understand the system context; §2 Q8"
SEVERITY_BASIS = (
    "§5 and §2 Q8 ask how the strategy aligns with the system's; the guide describes alignment "
    "as work to do with partners, not a fixed requirement, and it applies to NHS bodies only."
)
QUESTIONS = (8,)
APPLIES_TO = ("nhs-trust", "integrated-care-board")
OPTIONS: dict[str, object] = {}


_NOT_NHS = (
    " If your organisation is not an NHS body, say so with `organisation_kind:` (for example "
    "`council`) in strategy.yaml; without it the strategy is checked as an NHS trust's."
)


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    system = strategy.system
    if system is None:
        yield Violation(
            "strategy",
            "strategy",
            ("system",),
            "the strategy does not mention the integrated care system it belongs to",
            "Add `system:` with the system's `name`, how this strategy aligns with the "
            "system's (`alignment:`) or the `shared_priorities:` you work on together, such as "
            "the shared care record." + (_NOT_NHS if strategy.organisation_kind is None else ""),
        )
    elif not system.alignment and not system.shared_priorities:
        yield Violation(
            "strategy",
            "strategy",
            ("system",),
            f"the strategy names its integrated care system ({system.name}) but not how it "
            "aligns with it",
            "Under `system:`, add `alignment:` (what is done at system level and what here) or "
            "`shared_priorities:` (such as the shared care record).",
        )
