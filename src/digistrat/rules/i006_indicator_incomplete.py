"""An indicator has no baseline, no target or no date to reach the target by.

The board needs indicators that show whether the strategy is working and where to change
course (§2 Q7); the guide suggests tracking measures such as take-up and cost per transaction
and setting goals for them (§4 "Trust performance": "metrics that you could start to track,
set goals and report on"). An indicator without a starting point, a goal and a date cannot show
whether things are on course: name what is tracked, where it is now (``baseline``), where it
should get to (``target``) and by when (``due``).

Failing example::

    # strategy.yaml
    indicators:
      - name: Appointments booked online
        kind: take-up
        baseline: 20
        unit: "%"

Passing example::

    # strategy.yaml
    indicators:
      - name: Appointments booked online
        kind: take-up
        baseline: 20
        target: 60
        due: 2029-03-31
        unit: "%"
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "I006"
NAME = "indicator-incomplete"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§2 Q7 asks for indicators that show whether the strategy is working and §4 says to set "
    "goals for them, as advice on a good approach rather than a fixed criterion."
)
SECTION = "§2 Q7; §4 Trust performance"
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}

_WHAT = {
    "baseline": "no baseline (where it is now)",
    "target": "no target (where it should get to)",
    "due": "no date to reach the target by",
}


_HOW = {
    "baseline": "`baseline:` (a number in its unit)",
    "target": "`target:` (a number in its unit)",
    "due": "`due:` (a date like 2028-03-31)",
}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    for position, indicator in enumerate(strategy.indicators):
        missing = [key for key in _WHAT if getattr(indicator, key) is None]
        if not missing:
            continue
        listed = [_WHAT[key] for key in missing]
        words = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
        yield Violation(
            "strategy",
            "strategy",
            ("indicators", position),
            f"the indicator “{indicator.name}” has {words}",
            "Add " + " and ".join(_HOW[key] for key in missing) + " under this indicator.",
        )
