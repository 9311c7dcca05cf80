"""The delivery plan: capacity, work in progress, dependency chains and loops."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from scoring_helpers import initiative, make_repo

from digistrat.findings import Finding
from digistrat.loader import Repository, load
from digistrat.models import Initiative, Strategy
from digistrat.scoring import plan

from helpers import build_tree

TODAY = date(2026, 11, 26)  # quarter 0 is Oct–Dec 2026
ONE = """\
scoring:
  criteria:
    - {id: v, label: Value, weight: 1, max: 100}
  options:
    plan-duration: 1
"""


def capacity(n: int, effort: float | None = None) -> str:
    text = f"capacity:\n  concurrent_initiatives: {n}\n"
    return text + (f"  effort_per_quarter: {effort}\n" if effort else "")


def placed(p) -> dict[str, tuple[str, int | None, int | None]]:  # type: ignore[no-untyped-def]
    return {i.id: (i.bucket, i.first, i.last) for i in p.items}


def test_capacity_limits_what_starts_and_says_why(tmp_path: Path) -> None:
    files = {f"i{v}": initiative(f"I{v}", scores={"v": v}) for v in (90, 80, 70, 60, 50)}
    p = plan(make_repo(tmp_path, files, ONE, capacity(2)), TODAY)
    assert placed(p) == {
        "i90": ("now", 0, 0),
        "i80": ("now", 0, 0),
        "i70": ("next", 1, 1),
        "i60": ("next", 1, 1),
        "i50": ("next", 2, 2),
    }
    reason = {i.id: i.reason for i in p.items}
    assert reason["i90"] == "Ranked 1. A place is free now."
    assert reason["i70"] == "Ranked 3. Capacity full in Oct–Dec 2026 (all 2 places are taken)."
    assert "Capacity full from Oct–Dec 2026 to Jan–Mar 2027" in reason["i50"]
    assert [len(q.running) for q in p.quarters] == [2, 2, 1]
    assert [q.label for q in p.quarters] == ["Oct–Dec 2026", "Jan–Mar 2027", "Apr–Jun 2027"]
    assert p.problems == []


def test_in_progress_keeps_running_first(tmp_path: Path) -> None:
    files = {
        "top": initiative("Top", scores={"v": 99}),
        "running": initiative(
            "Running", status="in-progress", start="2026-01-01", end="2027-05-31", scores={"v": 1}
        ),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(1)), TODAY)
    assert placed(p) == {"running": ("now", 0, 2), "top": ("later", 3, 3)}
    assert p.now[0].reason == "In progress: runs until Apr–Jun 2027."
    assert "Capacity full from Oct–Dec 2026 to Apr–Jun 2027" in p.later[0].reason
    assert p.now[0].start == date(2026, 10, 1) and p.now[0].end == date(2027, 6, 30)


def test_too_much_in_progress_is_reported_not_moved(tmp_path: Path) -> None:
    files = {f"w{n}": initiative(f"W{n}", status="in-progress", scores={"v": n}) for n in range(3)}
    p = plan(make_repo(tmp_path, files, ONE, capacity(2)), TODAY)
    assert all(i.bucket == "now" for i in p.items)
    [problem] = p.problems
    assert problem.code == "Q003" and problem.severity == "warning"
    assert "3 initiatives are in progress but the capacity is 2" in problem.message


def test_dependency_chain_is_sequenced_and_prerequisites_go_early(tmp_path: Path) -> None:
    files = {
        "infra": initiative("Infra", scores={"v": 10}),
        "platform": initiative("Platform", depends_on=["infra"], scores={"v": 20}),
        "app": initiative("App", depends_on=["platform"], scores={"v": 99}),
        "other": initiative("Other", scores={"v": 50}),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(1)), TODAY)
    # infra inherits app's top priority, so it goes before `other`
    assert placed(p) == {
        "infra": ("now", 0, 0),
        "platform": ("next", 1, 1),
        "app": ("next", 2, 2),
        "other": ("later", 3, 3),
    }
    reason = {i.id: i.reason for i in p.items}
    assert (
        reason["infra"] == "Ranked 4. Goes early because “App” waits for it; a place is free now."
    )
    assert reason["app"] == "Ranked 1. Waits for “Platform” (finishes Jan–Mar 2027)."
    assert p.bucket("next")[1].waits_for == ("platform",)


def test_dependency_loop_is_an_error_and_never_hangs(tmp_path: Path) -> None:
    files = {
        "x": initiative("X", depends_on=["y"], scores={"v": 50}),
        "y": initiative("Y", depends_on=["x"], scores={"v": 40}),
        "z": initiative("Z", depends_on=["x"], scores={"v": 90}),
        "free": initiative("Free", scores={"v": 10}),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(3)), TODAY)
    [problem] = p.problems
    assert problem.code == "D001" and problem.severity == "error"
    assert "`x` → `y` → `x`" in problem.message
    assert (problem.path, problem.line) == ("initiatives/x.yaml", 3)
    assert {i.id for i in p.blocked} == {"x", "y", "z"}
    reason = {i.id: i.reason for i in p.items}
    assert "part of a dependency loop (“X” → “Y” → “X”)" in reason["y"]
    assert "waits for “X”, which cannot start" in reason["z"]
    assert placed(p)["free"] == ("now", 0, 0)


def test_done_stopped_and_unknown_dependencies(tmp_path: Path) -> None:
    files = {
        "old": initiative("Old", status="done", scores={"v": 1}),
        "dead": initiative("Dead", status="stopped", scores={"v": 1}),
        "after-old": initiative("After old", depends_on=["old"], scores={"v": 5}),
        "after-dead": initiative("After dead", depends_on=["dead"], scores={"v": 5}),
        "after-after": initiative("After after", depends_on=["after-dead"], scores={"v": 5}),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(5)), TODAY)
    assert placed(p)["after-old"] == ("now", 0, 0)
    assert {i.id for i in p.skipped} == {"old", "dead"}
    reason = {i.id: i.reason for i in p.items}
    assert reason["after-dead"] == "Blocked: depends on “Dead”, which was stopped."
    assert reason["after-after"] == "Blocked: waits for “After dead”, which is blocked."


def test_effort_per_quarter_and_planned_start(tmp_path: Path) -> None:
    files = {
        "a": initiative("A", effort=8, scores={"v": 90}),
        "b": initiative("B", effort=8, scores={"v": 80}),
        "c": initiative("C", effort=1, scores={"v": 70}),
        "d": initiative("D", effort=1, start="2027-08-01", scores={"v": 99}),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(5, 10)), TODAY)
    assert placed(p) == {
        "a": ("now", 0, 0),
        "c": ("now", 0, 0),
        "b": ("next", 1, 1),
        "d": ("later", 3, 3),
    }
    reason = {i.id: i.reason for i in p.items}
    full = "Capacity full in Oct–Dec 2026 (the 10 effort a quarter can absorb is used up)"
    assert reason["b"] == f"Ranked 3. {full}."
    assert reason["d"] == "Ranked 1. Planned to start in Jul–Sep 2027."
    assert p.quarters[0].effort == 9


def test_dates_set_the_duration(tmp_path: Path) -> None:
    files = {"long": initiative("Long", start="2027-01-15", end="2027-12-01", scores={"v": 9})}
    p = plan(make_repo(tmp_path, files, ONE, capacity(1)), TODAY)
    assert placed(p)["long"] == ("next", 1, 4)


def test_no_capacity_stated_is_a_warning(tmp_path: Path) -> None:
    files = {f"i{v}": initiative(f"I{v}", scores={"v": v}) for v in (1, 2, 3)}
    p = plan(make_repo(tmp_path, files, ONE), TODAY)
    assert [i.bucket for i in p.items] == ["now"] * 3
    assert p.problems[0].code == "Q003" and "does not say" in p.problems[0].message


def test_random_plans_respect_capacity_and_dependencies(tmp_path: Path) -> None:
    """Invariants over many random dependency graphs (built in memory, no files)."""
    for seed in range(40):
        rng = random.Random(seed)
        n, cap = rng.randint(1, 25), rng.randint(1, 4)
        ids = [f"i{k}" for k in range(n)]
        inis = {}
        for k, ident in enumerate(ids):
            deps = rng.sample(ids[:k], min(k, rng.randint(0, 2)))  # earlier ids: no loops
            status = rng.choice(["proposed", "approved", "proposed", "in-progress", "done"])
            inis[ident] = Initiative(
                id=ident,
                name=ident,
                category="improve",
                status=status,
                depends_on=deps,
                scores={"v": rng.randint(0, 100)},
                effort=rng.randint(1, 5),
            )
        repo = Repository(root=tmp_path, initiatives=inis)
        repo.strategy = Strategy.model_validate(
            {
                "organisation": "T",
                "title": "T",
                "capacity": {"concurrent_initiatives": cap},
                "scoring": {"criteria": [{"id": "v", "label": "V", "weight": 1, "max": 100}]},
            }
        )
        p = plan(repo, TODAY)
        for q in p.quarters:
            new = [r for r in q.running if inis[r].status != "in-progress"]
            if new:  # work in progress alone may exceed capacity; nothing new joins it then
                assert len(q.running) <= cap
        where = {i.id: i for i in p.items}
        for item in p.items:
            if item.first is None or item.status == "in-progress":
                continue
            for dep in inis[item.id].depends_on:
                before = where[dep]
                if before.status != "done":
                    assert before.last is not None and before.last < item.first
        assert not p.blocked


def test_without_a_usable_ranking_the_plan_goes_by_name(tmp_path: Path) -> None:
    files = {n: initiative(n.title(), scores={"v": 1}) for n in ("beta", "alpha")}
    p = plan(make_repo(tmp_path, files, "scoring:\n  model: weighted\n", capacity(1)), TODAY)
    assert [i.id for i in p.items] == ["alpha", "beta"]
    assert p.items[0].reason == "Not ranked. A place is free now."
    assert "cannot be ranked" in p.problems[0].message


def test_an_unscored_proposal_is_left_out_unless_another_waits_for_it(tmp_path: Path) -> None:
    """A new proposal takes no place in the plan until it is scored; but one that planned
    work depends on is planned (unranked), so that the work waiting for it can be."""
    from digistrat.edit import new_entity
    from digistrat.loader import load
    from digistrat.scaffold import scaffold

    scaffold(tmp_path, today=date(2026, 11, 26))
    new_entity(tmp_path, "initiative", "idea")
    new_entity(tmp_path, "initiative", "needed")
    example = tmp_path / "initiatives/example-initiative.yaml"
    example.write_text(example.read_text() + "depends_on:\n  - needed\n")
    dated = tmp_path / "initiatives/dated.yaml"
    new_entity(tmp_path, "initiative", "dated")
    dated.write_text(dated.read_text() + "start: 2027-04-01\nend: 2027-09-30\n")
    result = plan(load(tmp_path), date(2026, 11, 26))
    buckets = {i.id: i.bucket for i in result.items}
    assert buckets["idea"] == "skipped"
    assert buckets["dated"] not in ("skipped", "blocked")  # someone planned it: it is planned
    assert buckets["needed"] != "skipped"
    assert buckets["example-initiative"] not in ("skipped", "blocked")


def items(p) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(i.id, i.bucket, i.first, i.last, i.waits_for, i.reason) for i in p.items]


def test_what_is_left_out_kept_running_or_dated_and_why(tmp_path: Path) -> None:
    """Every item in full: done and stopped are left out (and what only they wait for is not
    needed), work in progress keeps running for its dates or for `plan-duration` quarters
    from its start, a planned start puts work later, and effort is spread over quarters."""
    files = {
        "done1": initiative("Done one", status="done", depends_on=["newbie"], scores={"v": 5}),
        "gone": initiative("Gone", status="stopped", depends_on=["newbie"], scores={"v": 5}),
        "late": initiative(
            "Late",
            status="in-progress",
            start="2026-01-01",
            end="2026-09-30",
            effort=4,
            scores={"v": 5},
        ),
        # ends today: the end has not passed
        "today": initiative(
            "Today", status="in-progress", start="2026-01-01", end="2026-11-26", scores={"v": 6}
        ),
        # no dates: this quarter and the next (plan-duration 2)
        "open": initiative("Open", status="in-progress", effort=3, scores={"v": 7}),
        # began two quarters ago with no end: its two quarters are over, it runs this one
        "old": initiative("Old", status="in-progress", start="2026-04-01", scores={"v": 8}),
        "newbie": initiative("Newbie", status="proposed"),
        # starts and ends on one day: one quarter, whatever plan-duration says
        "one-day": initiative(
            "One day", start="2027-02-01", end="2027-02-01", effort=2, scores={"v": 50}
        ),
    }
    scoring = ONE.replace("plan-duration: 1", "plan-duration: 2")
    p = plan(make_repo(tmp_path, files, scoring, capacity(5, 10)), TODAY)
    assert (p.model, p.capacity, p.effort_per_quarter, p.problems) == ("weighted", 5, 10, [])
    assert items(p) == [
        (
            "old",
            "now",
            0,
            0,
            (),
            "In progress: runs until Oct–Dec 2026 (no end date: 2 quarters assumed).",
        ),
        (
            "open",
            "now",
            0,
            1,
            (),
            "In progress: runs until Jan–Mar 2027 (no end date: 2 quarters assumed).",
        ),
        ("today", "now", 0, 0, (), "In progress: runs until Oct–Dec 2026."),
        (
            "late",
            "now",
            0,
            0,
            (),
            "In progress: runs this quarter at least (its planned end, 30 Sep 2026, has passed).",
        ),
        ("one-day", "next", 1, 1, (), "Ranked 1. Planned to start in Jan–Mar 2027."),
        ("done1", "skipped", None, None, (), "Left out: it is done."),
        ("gone", "skipped", None, None, (), "Left out: it was stopped."),
        (
            "newbie",
            "skipped",
            None,
            None,
            (),
            "Left out: it is a proposal that is not scored yet, so it is not ranked, and it has "
            "no planned dates.",
        ),
    ]
    assert [(i.id, i.name, i.status, i.rank) for i in p.items][4:6] == [
        ("one-day", "One day", "proposed", 1),
        ("done1", "Done one", "done", 5),
    ]
    one_day = p.items[4]
    assert (one_day.start, one_day.end) == (date(2027, 1, 1), date(2027, 3, 31))
    assert [(q.index, q.label, q.start, q.end) for q in p.quarters] == [
        (0, "Oct–Dec 2026", date(2026, 10, 1), date(2026, 12, 31)),
        (1, "Jan–Mar 2027", date(2027, 1, 1), date(2027, 3, 31)),
    ]
    # effort: Late 4 in its one quarter, Open 3 over two, One day 2 in one; no effort is none
    assert [(q.running, q.starting, q.effort) for q in p.quarters] == [
        (("old", "open", "today", "late"), ("old", "open", "today", "late"), 5.5),
        (("open", "one-day"), ("one-day",), 3.5),
    ]


def test_work_in_progress_exactly_at_capacity_is_not_reported(tmp_path: Path) -> None:
    files = {f"w{n}": initiative(f"W{n}", status="in-progress", scores={"v": n}) for n in range(2)}
    p = plan(make_repo(tmp_path, files, ONE, capacity(2)), TODAY)
    assert p.problems == []
    assert items(p)[0] == (
        "w1",
        "now",
        0,
        0,
        (),
        "In progress: runs until Oct–Dec 2026 (no end date: 1 quarter assumed).",
    )


def test_too_much_in_progress_finding_in_full(tmp_path: Path) -> None:
    files = {f"w{n}": initiative(f"W{n}", status="in-progress", scores={"v": n}) for n in range(3)}
    p = plan(make_repo(tmp_path, files, ONE, capacity(2)), TODAY)
    assert p.problems == [
        Finding(
            "Q003",
            "plan-capacity",
            "warning",
            "strategy.yaml",
            8,  # `capacity:`, after the six lines of scoring
            1,
            "3 initiatives are in progress but the capacity is 2; nothing new can start until "
            "enough of them finish",
            "Pause or stop some work in progress, or raise `capacity: concurrent_initiatives` if "
            "the organisation really can run more.",
        )
    ]


def test_blocked_work_and_loops_in_full(tmp_path: Path) -> None:
    files = {
        "ghost-child": initiative("Ghost child", depends_on=["ghost"], scores={"v": 9}),
        "self": initiative("Self", depends_on=["self"], scores={"v": 8}),
        "a": initiative("A", depends_on=["b"], scores={"v": 7}),
        "b": initiative("B", depends_on=["a"], scores={"v": 6}),
        # waits for D (planned) and A (in a loop): A is what holds it up
        "c": initiative("C", depends_on=["d", "a"], scores={"v": 5}),
        "d": initiative("D", scores={"v": 4}),
        # a planned start in this very quarter holds nothing up
        "soon": initiative("Soon", start="2026-10-01", scores={"v": 3}),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(9)), TODAY)
    assert items(p) == [
        ("d", "now", 0, 0, (), "Ranked 6. A place is free now."),
        ("soon", "now", 0, 0, (), "Ranked 7. A place is free now."),
        (
            "ghost-child",
            "blocked",
            None,
            None,
            (),
            "Blocked: depends on `ghost`, which is not a known initiative (or its file has "
            "errors).",
        ),
        (
            "self",
            "blocked",
            None,
            None,
            ("self",),
            "Blocked: part of a dependency loop (“Self” → “Self”).",
        ),
        (
            "a",
            "blocked",
            None,
            None,
            ("b",),
            "Blocked: part of a dependency loop (“A” → “B” → “A”).",
        ),
        (
            "b",
            "blocked",
            None,
            None,
            ("a",),
            "Blocked: part of a dependency loop (“A” → “B” → “A”).",
        ),
        (
            "c",
            "blocked",
            None,
            None,
            ("d", "a"),
            "Blocked: waits for “A”, which cannot start (a dependency loop).",
        ),
    ]

    def loop(ident: str, chain: str, nxt: str) -> Finding:
        return Finding(
            "D001",
            "dependency-cycle",
            "error",
            f"initiatives/{ident}.yaml",
            3,
            1,
            f"these initiatives wait for each other in a loop: {chain}; none of them can start, "
            "so they are left out of the plan",
            f"Remove one of the links, for example `{nxt}` from the `depends_on` of `{ident}`, "
            "or split the work so that one part can go first.",
        )

    assert p.problems == [
        loop("a", "`a` → `b` → `a`", "b"),
        loop("self", "`self` → `self`", "self"),
    ]


def test_no_capacity_and_no_ranking_findings_in_full(tmp_path: Path) -> None:
    files = {"x": initiative("X", scores={"v": 1}), "new": initiative("New", status="proposed")}
    p = plan(make_repo(tmp_path, files, "scoring:\n  model: weighted\n"), TODAY)
    assert p.problems == [
        Finding(
            "Q001",
            "scoring-config",
            "warning",
            "strategy.yaml",
            None,
            None,
            "the initiatives cannot be ranked (the scoring configuration has errors), so the "
            "plan takes them in name order",
            "Run `digistrat score` to see what to fix in `scoring:`.",
        ),
        Finding(
            "Q003",
            "plan-capacity",
            "warning",
            "strategy.yaml",
            None,
            None,
            "strategy.yaml does not say how many initiatives can run at once, so the plan starts "
            "everything as soon as its dependencies allow",
            "Add `capacity: concurrent_initiatives: <number>` (§10: how much bandwidth does your "
            "organisation have?).",
        ),
    ]
    # nothing can be ranked, so the unscored proposal is planned like the rest, by name
    assert [(i.id, i.bucket, i.rank) for i in p.items] == [("new", "now", None), ("x", "now", None)]


@pytest.mark.parametrize(("written", "quarters"), [(0, 2), (1, 1), (2, 2), (40, 40), (41, 2)])
def test_plan_duration_is_read_even_when_the_scoring_has_errors(
    tmp_path: Path, written: int, quarters: int
) -> None:
    """With errors in `scoring:` the options are not checked, so the plan reads plan-duration
    itself and keeps it only from 1 to 40 (the option's range), else 2."""
    scoring = f"scoring:\n  model: weighted\n  options:\n    plan-duration: {written}\n"
    files = {"x": initiative("X", status="in-progress")}
    p = plan(make_repo(tmp_path, files, scoring, capacity(1)), TODAY)
    [item] = p.items
    assert (item.first, item.last) == (0, quarters - 1)


def test_when_nothing_is_scored_every_proposal_is_planned_by_name(tmp_path: Path) -> None:
    """Unscored proposals are left out only while others are ranked: when none is, each is
    planned, by name (and one place is "the one place", not "all 1 places")."""
    files = {"b": initiative("B", status="proposed"), "a": initiative("A", status="proposed")}
    p = plan(make_repo(tmp_path, files, ONE, capacity(1)), TODAY)
    assert items(p) == [
        ("a", "now", 0, 0, (), "Not ranked. A place is free now."),
        (
            "b",
            "next",
            1,
            1,
            (),
            "Not ranked. Capacity full in Oct–Dec 2026 (the one place is taken).",
        ),
    ]


def test_a_strategy_that_cannot_be_read_still_gives_a_plan(tmp_path: Path) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: [not, text]\n",
            "initiatives/x.yaml": initiative("X", scores={"v": 1}),
        },
    )
    repo = load(tmp_path)
    assert repo.strategy is None
    p = plan(repo, TODAY)
    assert (p.capacity, p.effort_per_quarter) == (None, None)
    assert items(p) == [("x", "now", 0, 1, (), "Not ranked. A place is free now.")]
    assert [f.code for f in p.problems] == ["Q001", "Q003"]


def test_the_plan_says_which_model_ranked_it(tmp_path: Path) -> None:
    files = {"x": initiative("X", effort=1, scores={"reach": 1, "impact": 1, "confidence": 1})}
    p = plan(make_repo(tmp_path, files, "scoring:\n  model: rice\n", capacity(1)), TODAY)
    assert p.model == "rice"


def test_items_are_listed_by_bucket_then_quarter_with_work_in_progress_first(
    tmp_path: Path,
) -> None:
    files = {
        "new": initiative("New", scores={"v": 90}),
        "wip": initiative("Wip", status="in-progress", scores={"v": 10}),
        # a third of a point of effort a quarter, shown to six places
        "third": initiative(
            "Third", start="2027-07-01", end="2028-03-31", effort=1, scores={"v": 50}
        ),
        "old": initiative("Old", status="done", scores={"v": 99}),
        "orphan": initiative("Orphan", depends_on=["nowhere"], scores={"v": 1}),
        "after-old": initiative("After old", depends_on=["old"], scores={"v": 40}),
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(5)), TODAY)
    assert [(i.id, i.bucket, i.first, i.waits_for) for i in p.items] == [
        ("wip", "now", 0, ()),  # in progress before new work of the same quarter
        ("new", "now", 0, ()),
        ("after-old", "now", 0, ()),  # a done prerequisite is not waited for
        ("third", "later", 3, ()),
        ("orphan", "blocked", None, ()),  # blocked before skipped, whatever the rank
        ("old", "skipped", None, ()),
    ]
    # the quarters between (nothing runs in them) use no effort
    assert [(q.index, q.running, q.effort) for q in p.quarters] == [
        (0, ("wip", "new", "after-old"), 0.0),
        (1, (), 0.0),
        (2, (), 0.0),
        (3, ("third",), 0.333333),
        (4, ("third",), 0.333333),
        (5, ("third",), 0.333333),
    ]


def test_nothing_to_plan_has_no_quarters(tmp_path: Path) -> None:
    files = {"old": initiative("Old", status="done", scores={"v": 1})}
    p = plan(make_repo(tmp_path, files, ONE, capacity(1)), TODAY)
    assert p.quarters == [] and [i.bucket for i in p.items] == ["skipped"]


@pytest.mark.parametrize("size", [10, 11])
def test_a_long_loop_is_named_in_full_up_to_ten_then_cut(tmp_path: Path, size: int) -> None:
    names = [f"i{n:02}" for n in range(size)]
    files = {
        n: initiative(n.upper(), depends_on=[names[(k + 1) % size]], scores={"v": k})
        for k, n in enumerate(names)
    }
    p = plan(make_repo(tmp_path, files, ONE, capacity(1)), TODAY)
    [problem] = p.problems
    chain = " → ".join(f"`{n}`" for n in names)
    if size == 10:
        assert f"loop: {chain} → `i00`; none" in problem.message
    else:
        cut = " → ".join(f"`{n}`" for n in names[:10])
        assert f"loop: {cut} … and 1 more; none" in problem.message
