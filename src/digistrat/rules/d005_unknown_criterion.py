"""An initiative is scored on a criterion that the strategy does not define.

Scores are only comparable against the criteria in ``scoring.criteria`` (§10 "Approaches to
prioritisation"); a score under another name is usually a typo and is ignored by the ranking.
The inputs of the RICE and WSJF models (``reach``, ``impact``, ``confidence``,
``business-value``, ``time-criticality``, ``risk-reduction``) are also allowed.

Failing example::

    # initiatives/online-booking.yaml
    scores:
      patient-benefit: 8
      staff-benefit: 4
      financial-benefit: 3
      patient-benefits: 8

Passing example::

    # initiatives/online-booking.yaml
    scores:
      patient-benefit: 8
      staff-benefit: 4
      financial-benefit: 3
"""

from __future__ import annotations

import difflib

from digistrat.rules.base import Check, Context, Violation
from digistrat.scoring.ranking import MODEL_INPUT_KEYS
from digistrat.voice import shortlist

CODE = "D005"
NAME = "unknown-criterion"
SEVERITY = "error"
SECTION = "§10 Make choices (Approaches to prioritisation)"
SEVERITY_BASIS = (
    "A score under a criterion the strategy does not define is a fact, not a judgement: the "
    "ranking of §10 silently ignores it."
)
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None:
        return
    known = sorted(c.id for c in strategy.scoring.criteria)
    known_set = set(known) | MODEL_INPUT_KEYS  # RICE and WSJF inputs live in `scores` too
    for ident, ini in ctx.repo.initiatives.items():
        for key in ini.scores:
            if key in known_set:
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            yield Violation(
                "initiatives",
                ident,
                ("scores", key),
                f"`{key}` is not one of the strategy's scoring criteria",
                f"Did you mean `{close[0]}`?"
                if close
                else "Use the criteria ids from `scoring: criteria:` in strategy.yaml: "
                + (shortlist([f"`{k}`" for k in known]) or "(none defined yet)")
                + ".",
            )
