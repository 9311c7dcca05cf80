"""The repository describes no user groups.

Digital transformation should address the most important needs of patients, service users and
staff (§1 "User centred", §7 "Understand your users", §2 board question 3). Without user
groups and their needs, nothing grounds the strategy in people's real experience.

Failing example::

    # users/outpatients.yaml (removed)
    # services/outpatient-booking.yaml
    users: []
    # initiatives/online-booking.yaml
    needs: []

Passing example::

    # users/outpatients.yaml
    name: Outpatients
    kind: patient
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import unusable

CODE = "U001"
NAME = "users-missing"
SEVERITY = "error"
SECTION = "§1 User centred; §7 Understand your users"
SEVERITY_BASIS = (
    "§7 calls it “essential” that those leading the strategy understand the needs of its users, "
    "and §1 “User centred” asks it to address their most important needs."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    repo = ctx.repo
    if repo.strategy is None or repo.users or any(k == "users" for k, _ in repo.declared):
        return
    if unusable(ctx, "users"):
        return  # user groups that could not be read: those findings say what to fix
    yield Violation(
        "strategy",
        "strategy",
        (),
        "the repository describes no user groups",
        "Add a file in `users/` for each group you serve (patients, carers, staff…) with "
        "their needs and the evidence for them.",
    )
