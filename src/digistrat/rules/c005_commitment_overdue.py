"""A commitment's due date has passed but it is not marked met or missed.

Leaving a commitment silently open after its due date erodes confidence as much as breaking it
(§11 "Set actions"). Once the due date passes, record the result: ``status: met`` or
``status: missed``, with a progress note on what was learnt (§12 "Talk about ... failures").

Failing example::

    # commitments/rebook-online.yaml
    due: 2026-05-01
    status: on-track

Passing example::

    # commitments/rebook-online.yaml
    due: 2026-05-01
    status: met
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import longdate

CODE = "C005"
NAME = "commitment-overdue"
SEVERITY = "error"
SECTION = "§11 Set actions; §12 Follow up"
SEVERITY_BASIS = (
    "§11 warns that breaking commitments diminishes confidence, and a commitment still shown as "
    "open after its due date tells the board something that is no longer true."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if com.due is not None and com.due < ctx.today and com.status not in ("met", "missed"):
            yield Violation(
                "commitments",
                ident,
                ("status",) if "status" in com.model_fields_set else ("due",),
                f"the commitment `{ident}` was due on {longdate(com.due)} and "
                + (
                    f"is still marked {com.status.replace('-', ' ')}"
                    if "status" in com.model_fields_set
                    else "has no status saying whether it was met"
                ),
                "Record the outcome: set `status:` to `met` or `missed` and add a dated "
                "`progress:` note, or agree a new due date openly.",
            )
