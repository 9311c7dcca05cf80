"""A need's evidence comes only from the usual voices.

Good user research reaches beyond expert patients and clinical informaticians (§7 "Reach
beyond the usual voices"; §2 board question 3 puts equality, diversity and inclusion at the
heart). A need backed only by evidence marked ``voices: usual`` may reflect the people who are
easiest to hear rather than those with the biggest problems.

Failing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: focus-group
            date: 2026-02-01
            summary: Members of the patient panel asked for text reminders.
            voices: usual

Passing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: focus-group
            date: 2026-02-01
            summary: Members of the patient panel asked for text reminders.
            voices: usual
          - source: interview
            date: 2026-03-01
            summary: Patients at a community clinic said letters arrive too late.
            voices: seldom-heard
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "U003"
NAME = "usual-voices-only"
SEVERITY = "warning"
SECTION = "§7 Understand your users (Principles)"
SEVERITY_BASIS = (
    "§7 asks to reach beyond the usual voices, but whether one need's evidence is enough needs "
    "judgement."
)
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for gid, group in ctx.repo.users.items():
        for i, need in enumerate(group.needs):
            if need.evidence and all(e.voices == "usual" for e in need.evidence):
                yield Violation(
                    "users",
                    gid,
                    ("needs", i, "evidence"),
                    f"the evidence for `{gid}/{need.id}` comes only from the usual voices",
                    "Hear from a wider or seldom-heard group too (for example people using a "
                    "community clinic, or those without internet access) and record it with "
                    "`voices: wider` or `voices: seldom-heard`.",
                )
