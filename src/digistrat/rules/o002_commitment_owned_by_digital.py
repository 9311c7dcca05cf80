"""A commitment is owned by the digital function rather than the service that will change.

A commitment says what will change for patients and staff, so the guide asks for it to be owned
by the clinical or operational leaders whose services change, with digital officers coordinating
(§2 board question 6; §1 "IT-driven").

Failing example::

    # commitments/rebook-online.yaml
    owner: {name: Kim Doe, role: Head of IT, function: digital}

Passing example::

    # commitments/rebook-online.yaml
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "O002"
NAME = "commitment-owned-by-digital"
SEVERITY = "warning"
SECTION = "§2 Q6; §1 IT-driven"
SEVERITY_BASIS = (
    "§2 Q6 asks for ownership by clinical and operational leaders, but a single commitment "
    "owned by digital may be right, so this needs judgement."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if com.owner is not None and com.owner.function == "digital":
            yield Violation(
                "commitments",
                ident,
                ("owner", "function"),
                f"the commitment `{ident}` is owned by the digital function",
                "Give it a clinical or operational owner, whose service will change; digital "
                "can still coordinate the work behind it.",
            )
