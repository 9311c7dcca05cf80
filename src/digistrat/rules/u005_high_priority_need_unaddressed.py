"""A high-priority user need is addressed by no initiative.

A strategy should focus on fixing the biggest problems (§2 board question 3, §1 "User
centred"). A need marked ``priority: high`` that no current initiative addresses is either not
really a priority or a gap the board should see. Stopped initiatives do not count.

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
from digistrat.rules.index import index, unusable

CODE = "U005"
NAME = "high-priority-need-unaddressed"
SEVERITY = "error"
SECTION = "§1 User centred; §7 Understand your users"
SEVERITY_BASIS = (
    "§2 Q3 says the strategy “should focus on fixing your biggest problems”: a high-priority "
    "need nothing addresses is the gap this question is about."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    if unusable(ctx, "initiatives"):
        return  # an initiative that could not be read may address the need
    addressed = index(ctx).needs_addressed
    for gid, group in ctx.repo.users.items():
        for i, need in enumerate(group.needs):
            if need.priority == "high" and f"{gid}/{need.id}" not in addressed:
                yield Violation(
                    "users",
                    gid,
                    ("needs", i, "priority"),
                    f"the high-priority need `{gid}/{need.id}` is addressed by no initiative",
                    f"List `{gid}/{need.id}` under `needs:` in the initiative that meets it, "
                    "or lower its priority and say why.",
                )
