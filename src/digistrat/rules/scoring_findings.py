"""Catalogue entries for what the prioritisation reports (codes Q001 to Q003).

``digistrat score`` finds these while reading the scoring configuration and planning;
``digistrat check`` reports Q001 too, so that a matrix nobody can use fails CI before anyone
runs ``score``. ``digistrat explain Q001`` reads this documentation.
"""

from __future__ import annotations

from digistrat.rules.catalogue import RuleInfo, documented
from digistrat.scoring.config import CONFIG, INPUT
from digistrat.scoring.plan import CAPACITY as PLAN_CAPACITY

_SECTION = "§10 Make choices (Approaches to prioritisation)"

SCORING: list[RuleInfo] = [
    documented(
        *CONFIG,
        "error",
        _SECTION,
        """
        The scoring configuration in strategy.yaml cannot be used to rank initiatives.

        A prioritisation matrix is how the board sees why one initiative comes before another;
        one with no criteria, a criterion whose scale has no room (its `min` is not below its
        `max`), an unknown model or an option of the wrong kind cannot rank anything. The
        message names the criterion or option and the line to change in `scoring:`.
        """,
        "scoring",
        (5,),
        severity_basis="A scoring configuration that cannot rank anything is a fact, not a "
        "judgement: the prioritisation §10 asks the strategy to show cannot be worked out "
        "(`check` reports it only when strategy.yaml has a `scoring:` block, which is optional).",
    ),
    documented(
        *INPUT,
        "warning",
        _SECTION,
        """
        An initiative's input cannot be used by the chosen model, for example an effort of 0.

        Value/effort, RICE and WSJF divide by the initiative's `effort`; an effort of 0 or a
        missing reach or confidence leaves the initiative unranked by that model. Give it a
        realistic effort and the model's inputs under `scores:`.
        """,
        "scoring",
        (5,),
        severity_basis="Only one model's ranking leaves the initiative out, and §10 offers "
        "prioritisation models as approaches to choose from, so this needs judgement, not a "
        "failed check.",
    ),
    documented(
        *PLAN_CAPACITY,
        "warning",
        "§10 Make choices (How much bandwidth does your organisation have?)",
        """
        The initiatives already in progress need more capacity than the strategy says it has.

        The plan keeps work in progress running first, so nothing new can start until some of
        it finishes. Either finish or pause some of it, or state the real capacity under
        `capacity: concurrent_initiatives:`.
        """,
        "scoring",
        (5,),
        severity_basis="§10 leaves the choice to the organisation: address the bottleneck or "
        "limit the number of initiatives, so running over the stated capacity needs judgement.",
    ),
]
