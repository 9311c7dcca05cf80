"""A commitment's measure counts an output or activity rather than an outcome for users.

Good commitments are outcome-focused and measurable: "What will change for your users?" (§11
Set actions), and good strategy focuses on outcomes for patients and staff more than on
technical change (§1 "IT-driven"). A measure such as "number of systems deployed", "go-live of
the EPR", "staff trained" or "modules implemented" shows that work was done, not that anything
improved: it can be met while patients and staff see no difference. Measure the change the
work should bring instead: "% of patients who ...", an average wait, time saved per shift.

The rule reads the measure's ``metric``. Words that always describe delivery (go-live,
milestones, per cent complete, "number of" systems, devices or licences, in production) are
reported; words that usually do (deployed, implemented, installed, rolled out, migrated,
downloads, trained) are reported unless the metric also names an outcome (a wait, time, days,
satisfaction, errors, harm, complaints, cost per use and the like).

Failing example::

    # commitments/rebook-online.yaml
    measure:
      metric: Booking modules implemented
      unit: modules
      baseline: 0
      baseline_date: 2026-03-31
      target: 4
      source: Project plan

Passing example::

    # commitments/rebook-online.yaml
    measure:
      metric: Appointment changes made online by patients
      unit: "%"
      baseline: 0
      baseline_date: 2026-03-31
      target: 50
      source: Booking system monthly report
"""

from __future__ import annotations

import re

from digistrat.rules.base import Check, Context, Violation

CODE = "C010"
NAME = "measure-not-outcome"
SEVERITY = "warning"
SEVERITY_BASIS = (
    "§11 asks for outcome-focused, measurable commitments, but telling an output from an "
    "outcome in a few words is a heuristic, so it needs judgement."
)
SECTION = "§11 Set actions (Outcome-focused, Measurable); §1 IT-driven"
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}

_TECH = (
    r"systems|modules|devices|laptops|tablets|licen[cs]es|servers|bots|apps|features|releases"
    r"|interfaces|integrations|dashboards|workstations|kiosks|screens|sites\s+live"
)
_ALWAYS = re.compile(
    r"\b(?:go(?:es|ne)?[- ]?lives?|went[- ]live|live\s+dates?|milestones?|in\s+production"
    r"|(?:\d+\s*)?(?:per\s?cent|%)\s+complete\b|completion\s+of\s+(?:the\s+)?"
    r"(?:project|programme|build|implementation|roll[- ]?out)"
    r"|projects?\s+(?:completed|delivered|closed)|sprints?|story\s+points"
    rf"|(?:number|no\.?|count)\s+of\s+(?:\w+\s+)?(?:{_TECH}))(?!\w)",
    re.IGNORECASE,
)
_USUALLY = re.compile(
    r"\b(?:deploy(?:ed|ments?)?|implement(?:ed|ations?)|install(?:ed|s|ations?)"
    r"|roll(?:ed)?[- ]?outs?|rolled\s+out|procure(?:d|ment)|migrat(?:ed|ions?)|upgraded"
    r"|launch(?:ed|es)|downloads?|downloaded|trained|training\s+(?:sessions?|courses?"
    r"|completed|completion|delivered|attended))\b",
    re.IGNORECASE,
)
_OUTCOME = re.compile(
    r"\b(?:wait(?:s|ing)?|time|times|minutes|hours|days|weeks|satisf\w*|harms?|errors?"
    r"|incidents?|readmi\w*|complaints?|experience|cost\s+per|length\s+of\s+stay|mortality"
    r"|falls|deteriorat\w*|missed\s+appointments?|did\s+not\s+attend|outcomes?)\b",
    re.IGNORECASE,
)


def output_words(metric: str) -> str | None:
    """The words that make ``metric`` read as an output or activity, if any."""
    found = _ALWAYS.search(metric)
    if found is None and not _OUTCOME.search(metric):
        found = _USUALLY.search(metric)
    return found.group(0) if found else None


def check(ctx: Context) -> Check:
    for ident, com in ctx.repo.commitments.items():
        if com.measure is None:
            continue
        words = output_words(com.measure.metric)
        if words is None:
            continue
        yield Violation(
            "commitments",
            ident,
            ("measure", "metric"),
            f"the measure of `{ident}`, “{com.measure.metric}”, counts work done (“{words}”) "
            "rather than what changes for patients or staff",
            "Measure the change the work should bring, for example “% of patients who ...”, "
            "an average wait or time saved per shift; keep delivery milestones such as "
            "go-live in the initiative's dates.",
        )
