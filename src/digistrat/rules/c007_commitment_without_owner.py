"""A commitment has no named owner.

The best strategies turn ambitions into firm commitments with clear ownership (§2 board
question 6, §11).

Failing example::

    # commitments/rebook-online.yaml
    owner:

Passing example::

    # commitments/rebook-online.yaml
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "C007"
NAME = "commitment-without-owner"
SEVERITY = "error"
SECTION = "§2 Q6; §11 Set actions"
SEVERITY_BASIS = (
    "§2 Q6 says the best strategies turn ambitions into firm commitments “with clear "
    "ownership”; a commitment nobody owns is not firm."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if com.owner is None:
            yield Violation(
                "commitments",
                ident,
                ("owner",),
                f"the commitment `{ident}` has no owner",
                "Add `owner:` with the `name`, `role` and `function` of the clinical or "
                "operational leader accountable for it.",
            )
