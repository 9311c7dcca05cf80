"""A user group lists no needs.

Naming a group of users is only the start: the strategy needs to know what they need, with
evidence, to set priorities (§7 "Understand your users", §2 board question 3).

Failing example::

    # users/carers.yaml
    name: Carers
    kind: carer

Passing example::

    # users/carers.yaml
    name: Carers
    kind: carer
    needs:
      - id: speak-for
        statement: As a carer I need to manage appointments for the person I look after.
        priority: medium
        evidence:
          - source: interview
            date: 2026-03-01
            summary: Carers told us they phone on the patient's behalf several times a month.
            voices: wider
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "U007"
NAME = "group-without-needs"
SEVERITY = "warning"
SECTION = "§7 Understand your users"
SEVERITY_BASIS = (
    "§7 asks to understand users' needs; a group just named may still be being researched, so "
    "this needs judgement."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for gid, group in ctx.repo.users.items():
        if not group.needs:
            yield Violation(
                "users",
                gid,
                ("needs",),
                f"the user group `{gid}` lists no needs",
                "Add `needs:` with what this group needs, each with a priority and evidence.",
            )
