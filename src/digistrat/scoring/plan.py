"""A delivery plan by quarter: what runs now, next and later (§10 Bandwidth, Sequencing).

How it is built (a "serial schedule", one initiative at a time, each at its earliest place):

1. ``done`` and ``stopped`` initiatives are left out; ``in-progress`` ones keep running from
   this quarter until their planned end (they are never moved, even when they alone exceed the
   capacity: that is reported instead);
2. the others are placed in priority order (their rank under the configured model); an
   initiative that others wait for inherits the best priority among them, so a top priority is
   not held back by a low-ranked prerequisite;
3. each starts in the earliest quarter after all its dependencies finish, not before its
   planned ``start``, in which a place is free for its whole duration: at most
   ``capacity.concurrent_initiatives`` running at once and, if ``capacity.effort_per_quarter``
   is given, at most that much effort per quarter (an initiative's effort is spread evenly
   over its quarters);
4. initiatives in a dependency loop, or waiting for one that was stopped or does not exist,
   cannot be planned: they are listed as blocked, and each loop is reported as an error.

An initiative runs from the quarter of its ``start`` to the quarter of its ``end`` when it has
both dates, otherwise for ``plan-duration`` quarters (an option, default 2).

Quarters are calendar quarters (January to March, April to June…), labelled by their months so
that they read the same for calendar and financial years. "Now" is the current quarter, "next"
the two quarters after it, "later" anything beyond.
"""

from __future__ import annotations

import heapq
from datetime import date
from typing import Any

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.models import Initiative
from digistrat.scoring import deps as graph
from digistrat.scoring.config import CONFIG
from digistrat.scoring.quarters import Board, quarter_bounds, quarter_label, quarter_of
from digistrat.scoring.ranking import score
from digistrat.scoring.result import Plan, PlanItem, Quarter, Ranking
from digistrat.voice import SHORTLIST, count, shortlist

CYCLE = ("D001", "dependency-cycle")
"""Same code as ``digistrat check`` uses for a dependency loop."""
CAPACITY = ("Q003", "plan-capacity")
"""Code of plan findings about capacity (none stated, or exceeded by work in progress)."""
NEXT_QUARTERS = 2
"""How many quarters after the current one count as "next"."""
_LEFT_OUT = {"done": "it is done.", "stopped": "it was stopped."}


def plan(repo: Repository, today: date, ranking: Ranking | None = None) -> Plan:
    """Sequence the initiatives into quarters from ``today`` (see the module documentation).

    ``ranking`` is ``score(repo)`` when the caller has it already (it is computed otherwise)."""
    strategy = repo.strategy
    cap = strategy.capacity if strategy else None
    if ranking is None:
        ranking = score(repo)
    duration = int((ranking.options or {}).get("plan-duration", 2))
    if ranking.errors and strategy is not None:
        raw = strategy.scoring.options.get("plan-duration")
        duration = raw if isinstance(raw, int) and 1 <= raw <= 40 else 2
    result = Plan(
        today,
        cap.concurrent_initiatives if cap else None,
        cap.effort_per_quarter if cap else None,
        model=ranking.model,
    )
    if ranking.errors:
        result.problems.append(
            Finding(
                CONFIG[0],
                CONFIG[1],
                "warning",
                "strategy.yaml",
                None,
                None,
                "the initiatives cannot be ranked (the scoring configuration has errors), so "
                "the plan takes them in name order",
                "Run `digistrat score` to see what to fix in `scoring:`.",
            )
        )
    if cap is None:
        result.problems.append(
            Finding(
                CAPACITY[0],
                CAPACITY[1],
                "warning",
                "strategy.yaml",
                None,
                None,
                "strategy.yaml does not say how many initiatives can run at once, so the plan "
                "starts everything as soon as its dependencies allow",
                "Add `capacity: concurrent_initiatives: <number>` (§10: how much bandwidth "
                "does your organisation have?).",
            )
        )
    ranks = {r.id: r.rank for r in ranking.rows}
    base = quarter_of(today)
    builder = _Builder(repo, result, base, duration, ranks)
    builder.run()
    return result


class _Builder:
    """The state of one plan being built."""

    def __init__(
        self, repo: Repository, out: Plan, base: int, duration: int, ranks: dict[str, int | None]
    ) -> None:
        self.repo = repo
        self.out = out
        self.base = base
        self.duration = duration
        self.ranks = ranks
        self.ranked = any(rank is not None for rank in ranks.values())
        self.board = Board(out.capacity, out.effort_per_quarter)
        self.placed: dict[str, tuple[int, int]] = {}
        self.items: dict[str, PlanItem] = {}

    # -- helpers -------------------------------------------------------------------------------
    def own_key(self, ident: str) -> tuple[float, str, str]:
        rank = self.ranks.get(ident)
        ini = self.repo.initiatives[ident]
        return (rank if rank is not None else float("inf"), ini.name.casefold(), ident)

    def span(self, ini: Initiative) -> int:
        if ini.start and ini.end and ini.end >= ini.start:
            return quarter_of(ini.end) - quarter_of(ini.start) + 1
        return self.duration

    def load(self, ini: Initiative, quarters: int) -> float:
        return (ini.effort or 0.0) / quarters

    def make(self, ident: str, bucket: str, reason: str, **kw: Any) -> None:
        ini = self.repo.initiatives[ident]
        first, last = kw.get("first"), kw.get("last")
        if first is not None and last is not None:
            kw["start"] = quarter_bounds(self.base + first)[0]
            kw["end"] = quarter_bounds(self.base + last)[1]
        self.items[ident] = PlanItem(
            ident, ini.name, ini.status, self.ranks.get(ident), bucket, reason, **kw
        )

    def called(self, ident: str) -> str:
        """How a reason names an initiative: its name in quotes (board members read these)."""
        ini = self.repo.initiatives.get(ident)
        return f"“{ini.name}”" if ini is not None else f"`{ident}`"

    def label(self, t: int) -> str:
        return quarter_label(self.base + t)

    # -- steps ---------------------------------------------------------------------------------
    def run(self) -> None:
        pending: dict[str, Initiative] = {}
        needed = {
            dep
            for ini in self.repo.initiatives.values()
            if ini.status not in ("done", "stopped")
            for dep in ini.depends_on
        }
        for ident, ini in sorted(self.repo.initiatives.items()):
            if ini.status in ("done", "stopped"):
                self.make(ident, "skipped", "Left out: " + _LEFT_OUT[ini.status])
            elif self._unscored_proposal(ident, ini) and ident not in needed:
                self.make(
                    ident,
                    "skipped",
                    "Left out: it is a proposal that is not scored yet, so it is not ranked, "
                    "and it has no planned dates.",
                )
            elif ini.status == "in-progress":
                self.keep_running(ident, ini)
            else:
                pending[ident] = ini
        self.check_overload()
        self.schedule(pending)
        self.finish()

    def _unscored_proposal(self, ident: str, ini: Initiative) -> bool:
        """A proposal with no planned dates the ranking could not rank for want of scores (a
        new entry, say): it takes no place in the plan until it is scored or given dates. When
        no initiative can be ranked (the scoring configuration has errors) every one is
        planned, in name order."""
        return (
            ini.status == "proposed"
            and ini.start is None
            and ini.end is None
            and self.ranks.get(ident) is None
            and self.ranked
        )

    def keep_running(self, ident: str, ini: Initiative) -> None:
        if ini.end is not None:
            last = max(0, quarter_of(ini.end) - self.base)
            until = f"until {self.label(last)}"
            if ini.end < self.out.today:
                until = f"this quarter at least (its planned end, {ini.end:%d %b %Y}, has passed)"
        else:
            begun = quarter_of(ini.start) - self.base if ini.start else 0
            last = max(0, begun + self.duration - 1)
            assumed = count(self.duration, "quarter")
            until = f"until {self.label(last)} (no end date: {assumed} assumed)"
        self.board.take(0, last, self.load(ini, last + 1))
        self.placed[ident] = (0, last)
        self.make(ident, "now", f"In progress: runs {until}.", first=0, last=last)

    def check_overload(self) -> None:
        cap = self.out.capacity
        running = self.board.count.get(0, 0)
        if cap is not None and running > cap:
            self.out.problems.append(
                Finding(
                    CAPACITY[0],
                    CAPACITY[1],
                    "warning",
                    "strategy.yaml",
                    *self._capacity_pos(),
                    f"{running} initiatives are in progress but the capacity is {cap}; nothing "
                    "new can start until enough of them finish",
                    "Pause or stop some work in progress, or raise "
                    "`capacity: concurrent_initiatives` if the organisation really can run more.",
                )
            )

    def _capacity_pos(self) -> tuple[int | None, int | None]:
        _, line, col = self.repo.where("strategy", "strategy", "capacity")
        return line, col

    def schedule(self, pending: dict[str, Initiative]) -> None:
        waits: dict[str, list[str]] = {}
        blocked: dict[str, str] = {}
        for ident, ini in pending.items():
            waits[ident] = []
            for dep in ini.depends_on:
                other = self.repo.initiatives.get(dep)
                if other is None:
                    blocked.setdefault(
                        ident,
                        f"Blocked: depends on `{dep}`, which is not a known initiative (or its "
                        "file has errors).",
                    )
                elif other.status == "stopped":
                    blocked.setdefault(
                        ident, f"Blocked: depends on {self.called(dep)}, which was stopped."
                    )
                elif other.status != "done" and dep not in waits[ident]:
                    waits[ident].append(dep)
        order = graph.topological(waits)
        self.loops: dict[str, list[str]] = {}
        for loop in graph.loops(set(pending) - set(order), waits):
            self.loops.update(dict.fromkeys(loop, loop))
            self._cycle_finding(loop)
        key = {i: self.own_key(i) for i in order}
        self.raised_by = graph.inherit(order, waits, key)
        dependents: dict[str, list[str]] = {i: [] for i in pending}
        for ident, deps in waits.items():
            for dep in deps:
                if dep in dependents:
                    dependents[dep].append(ident)
        missing = {i: sum(1 for d in waits[i] if d in pending) for i in pending}
        heap = [(key[i], i) for i in order if missing[i] == 0]
        heapq.heapify(heap)
        while heap:
            _, ident = heapq.heappop(heap)
            culprit = next((d for d in waits[ident] if d in blocked), None)
            if culprit is not None and ident not in blocked:
                blocked[ident] = f"Blocked: waits for {self.called(culprit)}, which is blocked."
            elif ident not in blocked:
                self.place(ident, pending[ident], waits[ident], key)
            for child in dependents[ident]:
                missing[child] -= 1
                if missing[child] == 0:
                    heapq.heappush(heap, (key[child], child))
        for ident in pending:
            if ident in self.items:
                continue
            reason = blocked.get(ident) or self.loop_reason(ident, waits)
            self.make(ident, "blocked", reason, waits_for=tuple(waits[ident]))

    def _cycle_finding(self, loop: list[str]) -> None:
        first = loop[0]
        chain = _loop([f"`{i}`" for i in loop])
        nxt = loop[1] if len(loop) > 1 else loop[0]
        path, line, col = self.repo.where("initiatives", first, "depends_on")
        self.out.problems.append(
            Finding(
                CYCLE[0],
                CYCLE[1],
                "error",
                path,
                line,
                col,
                f"these initiatives wait for each other in a loop: {chain}; none of them can "
                "start, so they are left out of the plan",
                f"Remove one of the links, for example `{nxt}` from the `depends_on` of "
                f"`{first}`, or split the work so that one part can go first.",
            )
        )

    def loop_reason(self, ident: str, waits: dict[str, list[str]]) -> str:
        loop = self.loops.get(ident)
        if loop:
            chain = _loop([self.called(i) for i in loop])
            return f"Blocked: part of a dependency loop ({chain})."
        # The first prerequisite that found no place (one that was planned does not hold it up).
        culprit = next((d for d in waits[ident] if d not in self.placed), waits[ident][0])
        return f"Blocked: waits for {self.called(culprit)}, which cannot start (a dependency loop)."

    def place(self, ident: str, ini: Initiative, deps: list[str], key: dict[str, Any]) -> None:
        quarters = self.span(ini)
        load = self.load(ini, quarters)
        earliest, why = 0, ""
        after = [d for d in deps if d in self.placed]
        if after:
            last_dep = max(after, key=lambda d: (self.placed[d][1], d))
            earliest = self.placed[last_dep][1] + 1
            why = f"waits for {self.called(last_dep)} (finishes {self.label(earliest - 1)})"
        if ini.start is not None and quarter_of(ini.start) - self.base > earliest:
            earliest = quarter_of(ini.start) - self.base
            why = f"planned to start in {self.label(earliest)}"
        first, full = earliest, None
        while True:
            free = self.board.with_place(first)
            if free != first:  # full quarters: jump over them all at once
                full = full or (first, "places")
                first = free
            clash = next(
                (
                    (t, b)
                    for t in range(first, first + quarters)
                    if (b := self.board.blocker(t, load))
                ),
                None,
            )
            if clash is None:
                break
            full = full or clash
            first = clash[0] + 1
        last = first + quarters - 1
        self.board.take(first, last, load)
        self.placed[ident] = (first, last)
        self.make(
            ident,
            _bucket(first),
            self.explain(ident, first, why, full),
            first=first,
            last=last,
            waits_for=tuple(deps),
        )

    def explain(self, ident: str, first: int, why: str, full: tuple[int, str] | None) -> str:
        rank = self.ranks.get(ident)
        lead = f"Ranked {rank}" if rank is not None else "Not ranked"
        parts = []
        if self.ranks.get(self.raised_by.get(ident, "")) is not None:
            parts.append(f"goes early because {self.called(self.raised_by[ident])} waits for it")
        if why:
            parts.append(why)
        if full is not None:
            t, what = full
            if what == "places":
                places = self.out.capacity
                limit = (
                    "the one place is taken" if places == 1 else f"all {places} places are taken"
                )
            else:
                limit = (
                    f"the {self.out.effort_per_quarter:g} effort a quarter can absorb is used up"
                )
            span = (
                f"in {self.label(t)}"
                if first - 1 <= t
                else f"from {self.label(t)} to {self.label(first - 1)}"
            )
            parts.append(f"capacity full {span} ({limit})")
        elif not why:
            parts.append("a place is free now" if first == 0 else "a place is free")
        text = "; ".join(parts)
        return f"{lead}. {text[0].upper()}{text[1:]}."

    def finish(self) -> None:
        def order(item: PlanItem) -> tuple[int, int, tuple[float, str, str]]:
            bucket = ("now", "next", "later", "blocked", "skipped").index(item.bucket)
            first = item.first if item.first is not None else 10**6
            progress = 0 if item.status == "in-progress" else 1
            return (bucket, first * 2 + progress, self.own_key(item.id))

        self.out.items = sorted(self.items.values(), key=order)
        horizon = max((i.last for i in self.out.items if i.last is not None), default=-1)
        running: list[list[str]] = [[] for _ in range(horizon + 1)]
        starting: list[list[str]] = [[] for _ in range(horizon + 1)]
        for i in self.out.items:  # in plan order, so each quarter lists them in that order
            if i.first is None or i.last is None:
                continue
            starting[i.first].append(i.id)
            for t in range(i.first, i.last + 1):
                running[t].append(i.id)
        for t in range(horizon + 1):
            start, end = quarter_bounds(self.base + t)
            self.out.quarters.append(
                Quarter(
                    t,
                    self.label(t),
                    start,
                    end,
                    tuple(running[t]),
                    tuple(starting[t]),
                    round(self.board.load.get(t, 0.0), 6),
                )
            )


def _bucket(first: int) -> str:
    if first == 0:
        return "now"
    return "next" if first <= NEXT_QUARTERS else "later"


def _loop(names: list[str]) -> str:
    """A dependency loop back to where it starts, ``a → b → a``, cut if long."""
    if len(names) <= SHORTLIST:
        return " → ".join([*names, names[0]])
    return shortlist(names, separator=" → ")
