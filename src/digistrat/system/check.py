"""``check`` on a system repository: the system's own strategy, every member, the system rules.

Each member is loaded, checked with its own configuration (its strategy.yaml ``check:`` block,
with the command line's ``--select`` and ``--ignore`` on top) and summarised
(:mod:`digistrat.system.summary`); then its repository is let go, so memory is bounded by the
largest member. Members are checked in parallel, one process per core (on Linux; with
``DIGISTRAT_PROCESSES=1`` everything runs in this process). A member that cannot be fetched,
read or checked becomes a finding at its entry in system.yaml, and the others are still
checked. The result is an ordinary :class:`~digistrat.checker.CheckResult`, so every report
format works unchanged; member findings' paths start with the member's label.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from digistrat import findings as F
from digistrat.checker import CheckResult, run
from digistrat.config import Config, ConfigError, load_config
from digistrat.findings import Finding
from digistrat.loader import Repository, load
from digistrat.parallel import FORK_IS_SAFE, cores
from digistrat.rules import all_rules
from digistrat.system.members import Layout, Place, read_layout
from digistrat.system.rules import MODULES
from digistrat.system.rules.base import SystemContext
from digistrat.system.summary import MemberView, relabel, summarise
from digistrat.system.where import Where


@dataclass(slots=True)
class SystemResult:
    """What ``check`` found over a whole system."""

    result: CheckResult
    """Every finding: the system's own, system.yaml's, each member's and the system rules'."""
    system: Repository
    members: list[MemberView] = field(default_factory=list)
    """Every member listed in system.yaml, in its order (unavailable ones too)."""
    layout: Layout | None = None


@dataclass(slots=True)
class _Job:
    place: Place
    today: date
    select: Sequence[str] | None
    ignore: Sequence[str] | None
    shared: frozenset[str] = frozenset()
    """The ids of the system's shared services."""


def _board(result: CheckResult) -> dict[int, str]:
    from digistrat.render.assurance import Withheld, verdicts

    rules = all_rules()
    questions = {r.code: tuple(r.questions) for r in rules if r.origin != "system"}
    summaries = {r.code: r.summary for r in rules}
    found = verdicts(
        result.findings,
        questions,
        summaries,
        Withheld(list(result.switched_off), list(result.withheld)),
        {},
        {},
    )
    return {q: v.status for q, v in found.items()}


def _view(place: Place) -> MemberView:
    member = place.member
    return MemberView(
        id=member.id,
        name=member.name or member.id,
        label=place.label,
        site=member.site,
        named=member.name is not None,
        entry=Where("system.yaml", place.line, place.column),
        available=place.root is not None,
        problem=place.problem,
    )


def check_member(job: _Job) -> tuple[MemberView, list[Finding]]:
    """Load, check and summarise one member; never raises (a failure becomes a finding)."""
    place = job.place
    view = _view(place)
    assert place.root is not None
    try:
        repo = load(place.root)
        findings: list[Finding] = []
        try:
            config = load_config(repo, select=job.select, ignore=job.ignore)
        except ConfigError as exc:
            config = Config()
            findings.append(
                F.make(
                    F.SCHEMA,
                    "strategy.yaml",
                    None,
                    None,
                    f"the `check:` settings cannot be used, so every rule ran: {exc}",
                )
            )
        result = run(repo, job.today, config)
        findings.extend(result.findings)
        summarise(view, repo, result, _board(result), job.shared)
        return view, relabel(findings, place.label)
    except Exception as exc:  # a bug, or a member the loader could not cope with
        view.available = False
        view.problem = f"it could not be checked ({type(exc).__name__}: {exc})"
        return view, [
            F.make(
                F.MEMBER_UNAVAILABLE,
                "system.yaml",
                place.line,
                place.column,
                f"the member `{place.member.id}` cannot be read: {view.problem}",
                "This may be a bug in digistrat: please report it. The other members are "
                "still checked.",
            )
        ]


def _processes(count: int) -> int:
    if os.environ.get("DIGISTRAT_PROCESSES", "").strip() == "1" or not FORK_IS_SAFE:
        return 1
    return max(1, min(cores(), count))


def _one_core() -> None:
    """In a worker: the cores are already shared out one member per worker, so the loader
    does not fork a second process of its own (see :mod:`digistrat.parallel`)."""
    os.environ["DIGISTRAT_PROCESSES"] = "1"


def checked_members(
    jobs: list[_Job], processes: int | None = None
) -> Iterator[tuple[MemberView, list[Finding]]]:
    """Each member checked, in order; in parallel processes when there are several cores."""
    workers = processes if processes is not None else _processes(len(jobs))
    if workers <= 1 or len(jobs) <= 1:
        yield from map(check_member, jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_one_core) as pool:
        yield from pool.map(check_member, jobs)


def check_system(
    system: Repository,
    today: date,
    config: Config | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    fetch: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> SystemResult:
    """Check the system repository ``system`` (already loaded) and all its members.

    Raises only :class:`ConfigError`, for a bad ``check:`` block of the system's own
    strategy.yaml."""
    if config is None:
        config = load_config(system, select=select, ignore=ignore)
    own = run(system, today, config)
    if config.enabled("G001"):  # G001 tells which shared priorities nobody works on, across
        # the members: the system's own initiatives need not serve each one (I003).
        own.findings = [f for f in own.findings if f.code != "I003"]
    layout = read_layout(system.root, fetch=fetch)
    findings: list[Finding] = [*own.findings, *layout.findings]
    views: list[MemberView] = []
    shared = frozenset(system.services)
    jobs = [_Job(p, today, select, ignore, shared) for p in layout.places if p.root is not None]
    done = iter(checked_members(jobs))
    for n, place in enumerate(layout.places):
        if place.root is None:
            views.append(_view(place))
            continue
        view, found = next(done)
        views.append(view)
        findings.extend(found)
        if progress is not None:
            progress(n + 1, len(layout.places))
    available = [v for v in views if v.available]
    findings.extend(system_findings(system, available, today, config))
    rules = [r for r in all_rules() if r.origin == "system" and config.enabled(r.code)]
    result = CheckResult(
        root=system.root,
        findings=findings,
        rules_run=[*own.rules_run, *rules],
        suppressed=own.suppressed,
        files_checked=own.files_checked + sum(v.files for v in available),
        withheld=own.withheld,
        switched_off=own.switched_off,
    )
    return SystemResult(result, system, views, layout)


def system_findings(
    system: Repository, members: list[MemberView], today: date, config: Config
) -> list[Finding]:
    """The system rules' findings over the members' summaries."""
    out: list[Finding] = []
    for module in MODULES:
        code = module.CODE
        if not config.enabled(code):
            continue
        options = {k: config.options.get(k, v) for k, v in module.OPTIONS.items()}
        ctx = SystemContext(system, members, today, options)
        severity = config.severity_of(code, module.SEVERITY)
        try:
            for v in module.check(ctx):
                w = v.where
                out.append(
                    Finding(
                        code, module.NAME, severity, w.path, w.line, w.column, v.message, v.hint
                    )
                )
        except Exception as exc:  # a bug in a rule must not hide every other finding
            out.append(
                Finding(
                    "Z002",
                    "internal-error",
                    "error",
                    "system.yaml",
                    None,
                    None,
                    f"the system rule {code} ({module.NAME}) stopped with an internal error "
                    f"({type(exc).__name__}: {exc}); its results are missing",
                    "This is a bug in digistrat, not in your strategy: please report it.",
                )
            )
    return out
