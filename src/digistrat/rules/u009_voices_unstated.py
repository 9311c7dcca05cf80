"""A need's evidence does not say whose voices it reflects.

Good user research reaches beyond expert patients and clinical informaticians, and a strategy
should think about all its users, including those with specific needs (§7 "Reach beyond the
usual voices", "Think about all your users"; §2 board question 3 puts equality, diversity and
inclusion at the heart). Evidence records this with ``voices:`` (``usual``, ``wider`` or
``seldom-heard``). When none of a need's evidence is known to come from beyond the usual voices
and some of it does not say, nobody can tell whether the need was heard only from the people
who are easiest to reach. A need with at least one ``wider`` or ``seldom-heard`` source is not
flagged, and one whose evidence is all ``usual`` is left to U003.

Failing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: complaints
            date: 2026-02-01
            summary: One complaint in five is about letters arriving after the appointment.

Passing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: complaints
            date: 2026-02-01
            summary: One complaint in five is about letters arriving after the appointment.
            voices: wider
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "U009"
NAME = "voices-unstated"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§7 says good research cannot rely on the usual voices alone; evidence that does not say "
    "whose voices it holds leaves that unassured, which takes judgement to settle: warning."
)
SECTION = "§7 Understand your users (Principles); §2 Q3"
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {}

_BEYOND = frozenset({"wider", "seldom-heard"})


def _message(ref: str, unstated: int, total: int) -> str:
    if total == 1:
        return f"the evidence for `{ref}` does not say whose voices it reflects"
    if unstated == total:
        return f"none of the {total} pieces of evidence for `{ref}` says whose voices it reflects"
    verb = (
        "does not say whose voices it reflects"
        if unstated == 1
        else ("do not say whose voices they reflect")
    )
    rest = "the other comes" if total - unstated == 1 else "the others come"
    return (
        f"{unstated} of the {total} pieces of evidence for `{ref}` {verb}, and {rest} only "
        "from the usual voices"
    )


def check(ctx: Context) -> Check:
    for gid, group in ctx.repo.users.items():
        for i, need in enumerate(group.needs):
            voices = [e.voices for e in need.evidence]
            unstated = [j for j, v in enumerate(voices) if v is None]
            if not unstated or any(v in _BEYOND for v in voices):
                continue
            yield Violation(
                "users",
                gid,
                ("needs", i, "evidence", unstated[0]),
                _message(f"{gid}/{need.id}", len(unstated), len(voices)),
                "Add `voices:` to each piece of evidence: `usual` (the patient panel, expert "
                "patients, the already engaged), `wider` (a broad sample) or `seldom-heard` "
                "(people rarely reached, such as those without internet access).",
            )
