"""A score lies outside its criterion's scale.

Each criterion has its own scale (for example patient benefit 0 to 10, staff benefit 0 to 5).
A score beyond it distorts the weighted total and the ranking the board sees (§10 "Approaches
to prioritisation"), so it is reported rather than silently accepted.

Failing example::

    # initiatives/online-booking.yaml
    scores:
      patient-benefit: 8
      staff-benefit: 7
      financial-benefit: 3

Passing example::

    # initiatives/online-booking.yaml
    scores:
      patient-benefit: 8
      staff-benefit: 5
      financial-benefit: 3
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "D004"
NAME = "score-out-of-scale"
SEVERITY = "error"
SECTION = "§10 Make choices (Approaches to prioritisation)"
SEVERITY_BASIS = (
    "A score outside its own scale is a fact, not a judgement: it distorts the ranking §10 asks "
    "the strategy to show."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    scales = {c.id: c for c in strategy.scoring.criteria}
    for ident, ini in ctx.repo.initiatives.items():
        for key, value in ini.scores.items():
            c = scales.get(key)
            if c is not None and not c.min <= value <= c.max:
                yield Violation(
                    "initiatives",
                    ident,
                    ("scores", key),
                    f"the `{key}` score of `{ident}` is {value:g}, outside its scale "
                    f"({c.min:g} to {c.max:g})",
                    f"Use a score from {c.min:g} to {c.max:g}, or change the criterion's "
                    "scale in strategy.yaml for every initiative.",
                )
