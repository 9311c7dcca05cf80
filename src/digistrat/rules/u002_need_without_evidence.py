"""A user need has no evidence behind it.

What people say they want is not always what they need, and those writing strategies are not
typical users (§7 "Principles"). Each need should cite where it was learnt: friends and family
test comments, complaints, staff surveys, interviews or observation (§7 "Approaches").

Failing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence: []

Passing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: complaints
            date: 2026-02-01
            summary: One complaint in five is about letters arriving late.
            voices: wider
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "U002"
NAME = "need-without-evidence"
SEVERITY = "error"
SECTION = "§7 Understand your users"
SEVERITY_BASIS = (
    "§7 calls assuming you know what users need “a dangerous assumption”: every need must rest "
    "on evidence."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for gid, group in ctx.repo.users.items():
        for i, need in enumerate(group.needs):
            if not need.evidence:
                yield Violation(
                    "users",
                    gid,
                    ("needs", i, "id"),
                    f"the need `{gid}/{need.id}` has no evidence",
                    "Add `evidence:` saying where you learnt it (source, date and a summary): "
                    "complaints, survey comments, interviews or observation.",
                )
