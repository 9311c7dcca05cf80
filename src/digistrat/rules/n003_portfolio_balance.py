"""The open initiatives are not a mixed portfolio: one category dominates, or no experiments.

There is no single right mix, but the guide suggests sorting initiatives into maintain, improve
and transform, each treated differently, and thinking about the split between core initiatives
(tried and tested, likely to succeed, wide impact) and experiments (riskier, with high reward if
they work) (§10 "Mixed portfolios"). A portfolio that is all one category, all core or all
experiments is worth a second look: all core may leave no room to learn what could transform
care; all experiments stakes everything on unproven ideas while the basics wait (§1 "Focuses on
unproven tech"). Only open initiatives (proposed, approved or in progress) count.

Options: ``min-open-initiatives`` (default 4): balance is judged only when at least this many
initiatives are open; ``max-category-share`` (default 80): the highest percentage of open
initiatives one category (maintain, improve or transform) may take.

Failing example::

    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: improve
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
    # initiatives/e-consent.yaml
    name: Consent forms online
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: improve
    status: proposed
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 3, financial-benefit: 3}
    # initiatives/text-reminders.yaml
    name: Text reminders
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
    category: improve
    status: proposed
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 6, staff-benefit: 2, financial-benefit: 3}

Passing example::

    # initiatives/shared-record-viewer.yaml
    name: Shared record viewer
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: transform
    status: approved
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 4, financial-benefit: 2}
    # initiatives/e-consent.yaml
    name: Consent forms online
    owner: {name: Dr Ravi Shah, role: Clinical Lead, function: clinical}
    category: improve
    type: experiment
    status: proposed
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 7, staff-benefit: 3, financial-benefit: 3}
    # initiatives/text-reminders.yaml
    name: Text reminders
    owner: {name: Lee Chan, role: Head of Outpatients, function: operational}
    category: maintain
    status: proposed
    needs: [outpatients/know-when]
    objectives: [shorter-waits]
    scores: {patient-benefit: 6, staff-benefit: 2, financial-benefit: 3}
"""

from __future__ import annotations

from collections import Counter

from digistrat.rules.base import Check, Context, Violation
from digistrat.rules.index import index, unusable

CODE = "N003"
NAME = "portfolio-balance"
SEVERITY = "info"
SEVERITY_BASIS = (
    "§10 says there is no one-size-fits-all mix and that the core/experiment split is "
    "worth thinking about: advice, so info."
)
SECTION = "§10 Make choices (Mixed portfolios)"
QUESTIONS = (5,)
OPTIONS: dict[str, object] = {"min-open-initiatives": 4, "max-category-share": 80}


def _count(n: int) -> str:
    return f"{n} open initiative" if n == 1 else f"{n} open initiatives"


def check(ctx: Context) -> Check:
    if ctx.repo.strategy is None or unusable(ctx, "initiatives"):
        return  # (initiatives that could not be read may change the mix)
    least = int(ctx.option("min-open-initiatives", 4))
    share = float(ctx.option("max-category-share", 80))
    initiatives = list(index(ctx).open.values())
    total = len(initiatives)
    if total == 0 or total < least:
        return
    category, most = Counter(i.category for i in initiatives).most_common(1)[0]
    if most * 100 > share * total:
        which = (
            f"all {_count(total)} are" if most == total else f"{most} of the {_count(total)} are"
        )
        yield Violation(
            "strategy",
            "strategy",
            (),
            f"{which} `{category}` initiatives: the portfolio is not mixed",
            "Check the balance is deliberate: say which work maintains what you have, which "
            "improves it and which transforms it (`category:`), and whether the mix fits your "
            "capacity and where you are starting from.",
        )
    experiments = sum(1 for i in initiatives if i.type == "experiment")
    if experiments == 0:
        yield Violation(
            "strategy",
            "strategy",
            (),
            # `type:` defaults to core, so say what the files show, not what the strategy chose.
            f"none of the {_count(total)} is marked as an experiment",
            "Consider one or two small experiments: riskier ideas that could pay off well, "
            "marked `type: experiment`, so the strategy also learns what could transform care.",
        )
    elif experiments == total:
        yield Violation(
            "strategy",
            "strategy",
            (),
            f"all {_count(total)} are experiments: none is core, tried-and-tested work",
            "Make sure the basics are covered by core initiatives that have worked elsewhere "
            "(`type: core`), and keep experiments to the few you can learn from.",
        )
