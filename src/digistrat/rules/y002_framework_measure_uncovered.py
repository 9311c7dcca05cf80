"""A measure of a framework the strategy answers to has no funded initiative serving it.

NHS bodies report against NHS England's *What Good Looks Like* and councils against the *Local
Digital Declaration*; the guide asks boards to align the strategy with the expectations the
system and NHS England set (§5, §2 board question 8). Objectives, initiatives and commitments
say which framework measures they serve (``serves: [wgll:safe-practice]``); this rule lists
each measure of a framework in use that no initiative serves, and each one served only by
initiatives not yet approved (``proposed``), so not funded. Stopped initiatives serve nothing.
An initiative serves a measure it names, the measures of the objectives it serves, and those
of the commitments it delivers.

A framework is in use when ``frameworks:`` in strategy.yaml names it, or when any entry serves
one of its measures. One that is only the default for the organisation kind, and that nothing
serves yet, is shown on the site's framework page but not reported here: mapping a strategy
onto a framework is a choice. Leaving a measure uncovered can be deliberate too (say so under
``not_doing:``), so this is advice.

Failing example::

    # strategy.yaml
    frameworks: [ldd]
    objectives:
      - id: shorter-waits
        title: Cut waiting times for planned care
        kind: clinical
        serves: [ldd:redesign-services, ldd:fix-our-plumbing, ldd:digital-leadership]

Passing example::

    # strategy.yaml
    frameworks: [ldd]
    objectives:
      - id: shorter-waits
        title: Cut waiting times for planned care
        kind: clinical
        serves:
          - ldd:redesign-services
          - ldd:fix-our-plumbing
          - ldd:share-information-safely
          - ldd:digital-leadership
          - ldd:open-culture
"""

from __future__ import annotations

from digistrat.frameworks import available, chosen, coverage
from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import unusable
from digistrat.voice import listing

CODE = "Y002"
NAME = "framework-measure-uncovered"
SEVERITY = "info"
SECTION = "§5 Understand the system context; §2 Q8"
SEVERITY_BASIS = (
    "§5 lists NHS England's expectations as work to align with system partners, not a fixed "
    "requirement, and a measure left uncovered may be a deliberate choice (§10), so this is "
    "advice."
)
QUESTIONS = (8,)
OPTIONS: dict[str, object] = {}


def _in_use(ctx: Context) -> list[str]:
    repo = ctx.repo
    strategy = repo.strategy
    if strategy is None:
        return []
    named = {
        ref.partition(":")[0]
        for entries in (strategy.objectives, repo.initiatives.values(), repo.commitments.values())
        for entry in entries
        for ref in entry.serves
    }
    explicit = strategy.frameworks is not None
    return [f for f in chosen(repo) if explicit or f in named]


def _where(ctx: Context, framework: str, index: int) -> tuple[str, str, tuple[str | int, ...]]:
    """Where a measure's finding points: the measure in the repository's own framework file,
    else the framework's name in ``frameworks:``, else strategy.yaml."""
    if framework in ctx.repo.frameworks:
        return "frameworks", framework, ("measures", index, "id")
    strategy = ctx.repo.strategy
    if strategy is not None and strategy.frameworks:
        return "strategy", "strategy", ("frameworks", strategy.frameworks.index(framework))
    return "strategy", "strategy", ()


def check(ctx: Context) -> Check:
    if unusable(ctx, "initiatives") or unusable(ctx, "commitments"):
        return  # what the unreadable files serve is unknown
    known = available(ctx.repo)
    for framework in _in_use(ctx):
        name = known[framework].name
        for i, m in enumerate(coverage(ctx.repo, framework).measures):
            kind, ident, loc = _where(ctx, framework, i)
            if m.state == "uncovered":
                yield Violation(
                    kind,
                    ident,
                    loc,
                    f"no initiative serves the {name} measure “{m.measure.name}” (`{m.ref}`)",
                    f"Add `{m.ref}` to `serves:` in the initiatives, objectives or commitments "
                    "that work towards it; if leaving it aside is a deliberate choice, record why "
                    "under `not_doing:`.",
                )
            elif m.state == "unfunded":
                names = listing([f"`{i}`" for i in m.initiatives])
                yield Violation(
                    kind,
                    ident,
                    loc,
                    f"the {name} measure “{m.measure.name}” (`{m.ref}`) is served only by "
                    f"work not yet approved: {names}",
                    "Ask the board to approve one of these initiatives, or say in the strategy "
                    "how the measure will be met without it.",
                )
