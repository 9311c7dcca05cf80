"""The newest evidence for a user need is older than a set number of months.

The guide asks those leading the strategy to keep close to what users experience, and notes
that people keep changing how they use health services (§7 "Understand your users"); research
should be an ongoing conversation rather than a one-off (§12 "Follow up", "Bring people with
you"). A need known only from research done years ago may no longer be the need, or the
biggest one (§2 board question 3). The guide sets no shelf life for research, so the limit is
an option.

Option: ``max-evidence-age-months`` (default 24): a need is flagged when even its newest
evidence was gathered more than this many calendar months before today.

Failing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: complaints
            date: 2023-11-15
            summary: One complaint in five is about letters arriving after the appointment.
            voices: wider

Passing example::

    # users/outpatients.yaml
    needs:
      - id: know-when
        statement: As a patient I need to know when my appointment is.
        priority: high
        evidence:
          - source: complaints
            date: 2023-11-15
            summary: One complaint in five is about letters arriving after the appointment.
            voices: wider
          - source: interview
            date: 2026-03-01
            summary: Patients at a community clinic said letters still arrive too late.
            voices: seldom-heard
"""

from __future__ import annotations

import calendar
from datetime import date

from digistrat.rules.base import Check, Context, Violation

CODE = "U008"
NAME = "evidence-old"
SEVERITY = "info"
SEVERITY_BASIS = (
    "§7 asks for closeness to users' changing experience but sets no age at which research "
    "is out of date, so this is advice: info."
)
SECTION = "§7 Understand your users; §12 Follow up"
QUESTIONS = (3,)
OPTIONS: dict[str, object] = {"max-evidence-age-months": 24}


def months_later(day: date, months: int) -> date:
    """The same day ``months`` calendar months later (the month's last day if it is shorter)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def check(ctx: Context) -> Check:
    months = int(ctx.option("max-evidence-age-months", 24))
    for gid, group in ctx.repo.users.items():
        for i, need in enumerate(group.needs):
            if not need.evidence:
                continue
            j, newest = max(enumerate(need.evidence), key=lambda e: (e[1].date, -e[0]))
            if months_later(newest.date, months) >= ctx.today:
                continue
            yield Violation(
                "users",
                gid,
                ("needs", i, "evidence", j, "date"),
                f"the newest evidence for `{gid}/{need.id}` is from {_long(newest.date)}, more "
                f"than {months} months ago",
                "Check the need still holds: talk to or observe some of these users again, or "
                "look at recent complaints or feedback, and add what you learn as new "
                "`evidence:` with its date.",
            )
