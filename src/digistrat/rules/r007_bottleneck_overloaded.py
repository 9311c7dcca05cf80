"""More initiatives need a bottleneck at the same time than it can serve.

A strategy should name its bottlenecks, such as information governance, data analysis skills
or clinical safety sign-off, and then either address them or limit the number of initiatives
it plans (§10 "How much bandwidth does your organisation have?", "Sequencing"). Give each
bottleneck in ``capacity: bottlenecks:`` an ``id`` and, if you know it, how many initiatives it
can serve at once (``serves_at_once``); let each initiative list the bottlenecks it needs
(``bottlenecks:``). The rule then counts, day by day from today, the open initiatives that need
each bottleneck at the same time: those in progress (from today until their ``end``, or without
end) and those approved or proposed with a ``start`` and an ``end``. When the count goes above
what the bottleneck can serve, the plan relies on capacity that is not there.

Failing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 3
      bottlenecks:
        - id: information-governance
          name: Information governance
          serves_at_once: 1
    # initiatives/online-booking.yaml
    bottlenecks: [information-governance]
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    start: 2026-07-01
    end: 2026-12-31
    bottlenecks: [information-governance]
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}

Passing example::

    # strategy.yaml
    capacity:
      concurrent_initiatives: 3
      bottlenecks:
        - id: information-governance
          name: Information governance
          serves_at_once: 1
    # initiatives/online-booking.yaml
    bottlenecks: [information-governance]
    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    start: 2026-10-01
    end: 2027-03-31
    bottlenecks: [information-governance]
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
"""

from __future__ import annotations

from datetime import date, timedelta

from digistrat.models import Initiative
from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index
from digistrat.voice import shortlist

CODE = "R007"
NAME = "bottleneck-overloaded"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§10 asks whether to address bottlenecks or limit the initiatives planned, a choice that "
    "needs judgement, so warning."
)
SECTION = "§10 Make choices (Bandwidth, Sequencing)"
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {}


def _span(ini: Initiative, today: date) -> tuple[date, date] | None:
    """When, from today on, the initiative needs its bottlenecks (``date.max``: no end)."""
    if ini.status == "in-progress":
        end = ini.end or date.max
        return (today, end) if end >= today else (today, today)
    if ini.start is None or ini.end is None or ini.end < today:
        return None
    return (max(ini.start, today), ini.end)


def peak(spans: dict[str, tuple[date, date]]) -> tuple[date, list[str]]:
    """The first day the most spans overlap (both ends inclusive), and whose they are."""
    events: list[tuple[date, int]] = []
    for start, end in spans.values():
        events.append((start, 1))
        if end < date.max:
            events.append((end + timedelta(days=1), -1))
    events.sort()  # on the same day, those that ended leave (-1) before others join (+1)
    count, most, day = 0, 0, date.min
    for when, step in events:
        count += step
        if count > most:
            most, day = count, when
    return day, sorted(i for i, (s, e) in spans.items() if s <= day <= e)


def _long(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.capacity is None:
        return
    limits = {
        b.id: (i, b)
        for i, b in enumerate(strategy.capacity.bottlenecks)
        if b.id is not None and b.serves_at_once is not None
    }
    if not limits:
        return
    users: dict[str, dict[str, tuple[date, date]]] = {b: {} for b in limits}
    for ident, ini in index(ctx).open.items():
        span = _span(ini, ctx.today)
        if span is None:
            continue
        for ref in ini.bottlenecks:
            if ref in users:
                users[ref][ident] = span
    for ref, (i, bottleneck) in limits.items():
        limit = bottleneck.serves_at_once or 0
        if len(users[ref]) <= limit:
            continue
        day, running = peak(users[ref])
        if len(running) <= limit:
            continue
        when = "now" if day <= ctx.today else f"from {_long(day)}"
        can = "1 initiative" if limit == 1 else f"{limit} initiatives"
        yield Violation(
            "strategy",
            "strategy",
            ("capacity", "bottlenecks", i, "serves_at_once"),
            f"the bottleneck `{ref}` ({bottleneck.name}) can serve {can} at once, but "
            f"{len(running)} need it at the "
            f"same time {when}: " + shortlist([f"`{r}`" for r in running]),
            "Start some of them later (change `start:` and `end:`, or the `status:`), or say "
            "how this bottleneck will be widened and raise `serves_at_once`.",
        )
