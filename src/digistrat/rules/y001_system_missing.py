"""The strategy does not say how it aligns with the integrated care system.

Digital is central to integrated care: shared care records, interoperability and shared
priorities are agreed across the system (§5 "Understand the system context"), and boards must
be able to explain how their strategy aligns with the system's (§2 board question 8).

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
SEVERITY = "error"
SECTION = "§5 Understand the system context; §2 Q8"
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    if strategy.system is None:
        yield Violation(
            "strategy",
            "strategy",
            ("system",),
            "the strategy does not mention the integrated care system it belongs to",
            "Add `system:` with the system's `name`, how this strategy aligns with the "
            "system's (`alignment:`) and `shared_priorities:` such as the shared care record.",
        )
    elif not strategy.system.alignment:
        yield Violation(
            "strategy",
            "strategy",
            ("system",),
            "the strategy names its integrated care system but not how it aligns with it",
            "Add `alignment:` under `system:`: what is done at system level, what here, and "
            "which priorities are shared.",
        )
