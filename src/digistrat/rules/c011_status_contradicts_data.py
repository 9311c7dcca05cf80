"""A commitment's status says the opposite of its own measured values.

Boards judge whether the strategy is working from commitments' statuses (§2 Q7), and breaking
commitments, or seeming to, costs confidence (§11 Set actions); a status contradicted by the
commitment's own progress values misleads them either way. The clear-cut cases are reported:

* ``met``, but the latest measured value has not reached the target;
* ``missed``, but the last value measured on or before the due date had reached the target;
* ``off-track``, but the latest measured value has already reached the target.

"Reached" follows the direction from the measure's ``baseline`` to its ``target``: at or above
a target above the baseline, at or below a target below it (a reduction). Without a baseline
the direction is unknown and nothing is reported. An ``on-track`` commitment whose values trail
its line to target is C009's; one still open after its due date is C005's; ``at-risk`` is a
judgement about the future that values cannot contradict.

Failing example::

    # commitments/rebook-online.yaml
    due: 2026-05-01
    status: met
    progress:
      - date: 2026-04-30
        note: Online changes live in every specialty.
        value: 35

Passing example::

    # commitments/rebook-online.yaml
    due: 2026-05-01
    status: met
    progress:
      - date: 2026-04-30
        note: Online changes live in every specialty.
        value: 52
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from digistrat.rules.base import Check, Context, Violation
from digistrat.scoring.trajectory import reached
from digistrat.voice import longdate as spoken
from digistrat.voice import quantity as amount

CODE = "C011"
NAME = "status-contradicts-data"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§2 Q7 asks how the board will know the strategy is working; a status its own data "
    "contradicts misleads, but the latest value may not be the whole story, so judgement is "
    "needed."
)
SECTION = "§2 Q7; §11 Set actions"
QUESTIONS = (7,)
OPTIONS: dict[str, object] = {}


def _latest(updates: Iterable[tuple[date, float | None]], until: date) -> tuple[date, float] | None:
    """The last measured value dated on or before ``until`` (the last written on a tie)."""
    best: tuple[date, float] | None = None
    for day, value in updates:
        if value is not None and day <= until and (best is None or day >= best[0]):
            best = (day, value)
    return best


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        measure = com.measure
        if com.status not in ("met", "missed", "off-track") or measure is None:
            continue
        if measure.target is None:
            continue
        updates = [(p.date, p.value) for p in com.progress]
        if com.status == "missed":
            if com.due is None:
                continue
            latest = _latest(updates, com.due)
        else:
            latest = _latest(updates, ctx.today)
        if latest is None:
            continue
        day, value = latest
        hit = reached(value, measure.baseline, measure.target)
        if hit is None:
            continue
        unit = measure.unit
        said = (
            f"the commitment `{ident}` is marked {com.status.replace('-', ' ')}, but its "
            f"latest value, {amount(value, unit)} on {spoken(day)}, "
        )
        target = amount(measure.target, unit)
        if com.status == "met" and not hit:
            message = said + f"has not reached its target of {target}"
            hint = (
                "Record the value that shows the target was met in a dated `progress:` entry, "
                "or set `status: missed` and say what was learnt."
            )
        elif com.status == "missed" and hit:
            due = spoken(com.due) if com.due else ""
            message = said.replace("latest value", f"last value by its due date ({due})")
            message += f"had reached its target of {target}"
            hint = "Set `status: met`, or explain in a progress note why it still counts as missed."
        elif com.status == "off-track" and hit:
            message = said + f"has already reached its target of {target}"
            hint = (
                "Set `status: on-track` (or `met` once the due date comes), or explain in a "
                "progress note why it is off track despite the figure."
            )
        else:
            continue
        yield Violation(
            "commitments",
            ident,
            ("status",) if "status" in com.model_fields_set else ("progress",),
            message,
            hint,
        )
