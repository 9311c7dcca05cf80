"""There are too many commitments for people to grasp.

Commitments should be limited in number: a short, meaningful list that teams and stakeholders
can understand and buy into (§11 "Limited in number").

Option: ``max-commitments`` (default 10).

Failing example::

    # strategy.yaml
    check:
      options:
        max-commitments: 0

Passing example::

    # strategy.yaml
    check:
      options:
        max-commitments: 1
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "C006"
NAME = "too-many-commitments"
SEVERITY = "warning"
SECTION = "§11 Set actions (Limited in number)"
SEVERITY_BASIS = (
    "§11 asks for commitments “limited in number” but sets no number, so the limit is a judgement."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {"max-commitments": 10}


def check(ctx: Context) -> Check:
    limit = int(ctx.option("max-commitments", 10))
    open_ = sorted(
        (ctx.repo.paths.get(("commitments", i), i), i)
        for i, c in ctx.repo.commitments.items()
        if c.status not in ("met", "missed")
    )
    if len(open_) > limit:
        _, last = open_[-1]
        yield Violation(
            "commitments",
            last,
            (),
            f"there are {len(open_)} open commitments; keep to {limit} or fewer",
            "Merge related commitments, or move some to a later refresh of the strategy.",
        )
