"""An initiative addresses no user need.

Use of technology should meet clear outcomes for users (§8), and the strategy should address
the most important needs of patients and staff (§1 "User centred"). An initiative that names
no need risks being technology for its own sake. Initiatives in the ``maintain`` category
(keeping existing systems safe and running) are not checked, nor are stopped ones.

Failing example::

    # initiatives/online-booking.yaml
    needs: []

Passing example::

    # initiatives/online-booking.yaml
    needs:
      - outpatients/know-when
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "U006"
NAME = "initiative-without-need"
SEVERITY = "warning"
SECTION = "§1 User centred; §8 Technology meets clear outcomes"
SEVERITY_BASIS = (
    "§8 asks that technology meets clear outcomes, but some work serves users indirectly, so "
    "this needs judgement."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, ini in index(ctx).current.items():
        if not ini.needs and ini.category != "maintain":
            yield Violation(
                "initiatives",
                ident,
                ("needs",),
                f"the initiative `{ident}` addresses no user need",
                "Add `needs:` with the `group/need` ids it meets (from `users/`), or record "
                "the need first if it is missing.",
            )
