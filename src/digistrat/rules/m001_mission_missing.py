"""The strategy has no mission.

A strategy needs one succinct mission that everyone in the organisation can recognise and repeat
(guide §2, board question 2). Without it there is no shared message to rally people around and
no yardstick for deciding what belongs in the strategy.

Failing example::

    # strategy.yaml
    mission:

Passing example::

    # strategy.yaml
    mission: Patients and staff can get what they need from us online, first time.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "M001"
NAME = "mission-missing"
SEVERITY = "error"
SECTION = "§2 Q2 Succinct mission"
SEVERITY_BASIS = (
    "§4 says strategies need to give teams “a north star to aim for”, and §2 Q2 asks for a "
    "succinct mission everyone recognises: a strategy with no mission has neither."
)
QUESTIONS = (2,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.mission:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("mission",),
        "the strategy has no mission",
        "Add `mission:` with one short sentence saying what digital will change for patients "
        "and staff, that anyone in the organisation could repeat.",
    )
