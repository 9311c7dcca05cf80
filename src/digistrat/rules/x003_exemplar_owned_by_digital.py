"""An exemplar is owned by the digital function rather than the part of the organisation it changes.

The guide says an exemplar should sit in a part of the organisation that wants to change and
try something new, and should matter to patients, clinicians and stakeholders (§9 "Decide where
to start"); transformation needs clinical and operational leaders to own it, with digital
coordinating (§2 board question 6; §1 "IT-driven"). An exemplar owned by the digital function
shows nobody outside digital has taken it on. Only open exemplars (proposed, approved or in
progress) are checked; a ``corporate`` owner (finance, people, estates) is fine.

Failing example::

    # initiatives/online-booking.yaml
    owner: {name: Kim Doe, role: Head of IT, function: digital}

Passing example::

    # initiatives/online-booking.yaml
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index

CODE = "X003"
NAME = "exemplar-owned-by-digital"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§9 says an exemplar should be in a part of the trust that wants to change and §2 Q6 asks "
    "for ownership by clinical and operational leaders; who that is needs judgement, so warning."
)
SECTION = "§9 Decide where to start; §2 Q6"
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, ini in index(ctx).open.items():
        if ini.exemplar and ini.owner is not None and ini.owner.function == "digital":
            yield Violation(
                "initiatives",
                ident,
                ("owner", "function"),
                f"the exemplar `{ident}` is owned by the digital function, not by the part of "
                "the organisation it is meant to change",
                "Ask the clinical or operational lead whose patients or staff will see the "
                "difference to own it (`function: clinical` or `operational`); the digital "
                "team can still run the delivery.",
            )
