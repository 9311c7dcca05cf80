"""WSJF (weighted shortest job first): cost of delay ÷ job size.

Cost of delay is business value + time criticality + risk reduction, each in the initiative's
``scores``; the job size is the initiative's ``effort``.
"""

from __future__ import annotations

from digistrat.loader import Repository
from digistrat.scoring.result import Column
from digistrat.scoring.rice import read_inputs
from digistrat.scoring.weighted import Evaluated

NAME = "wsjf"
FORMULA = """\
wsjf: weighted shortest job first, cost of delay / job size.
  business-value   = scores: business-value     relative value, e.g. 1 to 20
  time-criticality = scores: time-criticality   how much value decays if we wait
  risk-reduction   = scores: risk-reduction     risk reduced or opportunity enabled
  job size         = effort                     the initiative's effort
  cost of delay = business-value + time-criticality + risk-reduction
  score = cost of delay / job size; higher is better."""

INPUTS = (
    Column("business-value", "Business value"),
    Column("time-criticality", "Time criticality"),
    Column("risk-reduction", "Risk reduction"),
)


def evaluate(repo: Repository) -> list[Evaluated]:
    """The WSJF score of every initiative."""
    out = []
    for ident, ini in sorted(repo.initiatives.items()):
        v, _, ev = read_inputs(repo, ident, ini, INPUTS, NAME)
        if not ev.missing and v["effort"] != 0:
            delay = v["business-value"] + v["time-criticality"] + v["risk-reduction"]
            ev.total = delay / v["effort"]
        out.append(ev)
    return out
