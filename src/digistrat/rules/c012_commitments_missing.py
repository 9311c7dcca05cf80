"""The strategy makes no commitments.

The guide asks a strategy to say what it will deliver, not only why and how: "a good middle
ground is to make some clear commitments" that build confidence, and the best strategies "turn
ambitions into firm commitments with clear ownership" (§11 Set actions, §2 Q6). Without any,
every commitment check passes for want of something to check, and the board cannot tell what
it will see change.

Failing example::

    # commitments/rebook-online.yaml (removed)

Passing example::

    # commitments/rebook-online.yaml
    statement: Patients can rebook an outpatient appointment online, any time.
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import unusable

CODE = "C012"
NAME = "commitments-missing"
SEVERITY = "error"
SEVERITY_BASIS = (
    "§1 names a vague strategy, one without the 'what', 'how' and 'when', as a sign of a bad "
    "strategy, and a strategy with no commitments at all says none of them."
)
SECTION = "§11 Set actions; §2 Q6"
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    repo = ctx.repo
    if repo.strategy is None or repo.commitments:
        return
    if any(kind == "commitments" for kind, _ in repo.declared) or unusable(ctx, "commitments"):
        return  # a commitment whose file has errors: those findings say what to fix
    yield Violation(
        "strategy",
        "strategy",
        (),
        "the strategy makes no commitments: nothing says what people will see change, or by when",
        "Add a file in `commitments/` for each of a short list of promises: what will change "
        "for patients or staff, how it is measured (baseline and target), by when, and who "
        "owns it.",
    )
