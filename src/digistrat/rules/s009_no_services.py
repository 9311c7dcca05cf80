"""The repository describes no services.

Knowing which services the organisation runs, how much they are used and how well they work is
where the guide says a strategy starts: it shows what works, what needs fixing and where to
begin (§6 "Map your services"). Without services, board question 4 ("Do you know what digital
services you are operating and how they are performing?") cannot be answered.

Failing example::

    # services/outpatient-booking.yaml (removed)
    # initiatives/online-booking.yaml
    services: []

Passing example::

    # services/outpatient-booking.yaml
    name: Outpatient appointment booking
    kind: transaction
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import unusable

CODE = "S009"
NAME = "no-services"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§6 calls mapping services a critical step, but a missing map is not among the §1 signs "
    "of a bad strategy nor the §11 commitment criteria, so it is a warning."
)
SECTION = "§6 Map your services; §2 Q4"
QUESTIONS = (4,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    repo = ctx.repo
    if repo.strategy is None or repo.services or any(k == "services" for k, _ in repo.declared):
        return
    if unusable(ctx, "services"):
        return  # services that could not be read: those findings say what to fix
    yield Violation(
        "strategy",
        "strategy",
        (),
        "the repository describes no services, so the board cannot see what the organisation "
        "runs and how well it works",
        "Add a file in `services/` for each service people use (booking, referrals, "
        "consultations…), with its owner and its numbers: how often it is used, what it costs "
        "and how much of it happens online.",
    )
