"""An initiative has no named owner.

The best strategies turn ambitions into firm commitments with clear ownership (§2 board
question 6). An open initiative with nobody accountable for it tends to drift. Done and stopped
initiatives are not checked.

Failing example::

    # initiatives/online-booking.yaml
    owner:

Passing example::

    # initiatives/online-booking.yaml
    owner: {name: Dr Asha Patel, role: Clinical Director, function: clinical}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "O003"
NAME = "initiative-without-owner"
SEVERITY = "warning"
SECTION = "§2 Q6 Clear ownership"
SEVERITY_BASIS = (
    "§2 Q6 asks for clear ownership of commitments; an initiative without an owner is a gap to "
    "fill rather than a broken commitment."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, ini in index(ctx).open.items():
        if ini.owner is None:
            yield Violation(
                "initiatives",
                ident,
                ("owner",),
                f"the initiative `{ident}` has no owner",
                "Add `owner:` with a `name`, `role` and `function`, ideally a clinical or "
                "operational leader.",
            )
