"""The strategy lists none of the organisation's own objectives.

Digital should be integral to the organisation's strategy, not a bolt-on: the guide asks for a
clear view of how digital helps realise the clinical and operational objectives (§1
"Integrated", §2 board question 1, §4 "Trust strategy"). Listing those objectives lets every
initiative say which of them it serves.

Failing example::

    # strategy.yaml
    objectives: []

Passing example::

    # strategy.yaml
    objectives:
      - id: shorter-waits
        title: Cut waiting times for planned care
        kind: clinical
"""

from __future__ import annotations

from digistrat.rules.base import Check, Context, Violation

CODE = "I001"
NAME = "objectives-missing"
SEVERITY = "error"
SECTION = "§1 Integrated; §4 Trust strategy"
SEVERITY_BASIS = (
    "§4 calls keeping a close connection with the organisation's own strategy “critical”, and "
    "§2 Q1 says you should have a clear vision of how digital realises its objectives."
)
QUESTIONS = (1,)
OPTIONS: dict[str, object] = {}


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or strategy.objectives:
        return
    yield Violation(
        "strategy",
        "strategy",
        ("objectives",),
        "the strategy lists none of the organisation's own objectives",
        "Add `objectives:` with the corporate and clinical objectives digital must serve "
        "(each with an `id` and a `title`), then link initiatives to them.",
    )
