"""Prioritisation (§10 Make choices): rank initiatives, test the ranking, plan the work.

Public interface (stable; the website and the CLI use only this):

* ``score(repo, model=None) -> Ranking``: initiatives ranked by the weighted matrix (default),
  value/effort, RICE or WSJF, with each criterion's contribution and every problem found;
* ``plan(repo, today) -> Plan``: what runs now, next and later, quarter by quarter, within
  capacity and dependencies, with the reason for each placement;
* ``robustness(ranking, band, top) -> Robustness``: how far each initiative's rank can move
  when the weights move, and the smallest change of weights that reorders the top;
* ``portfolio(rows) -> Portfolio``: the mix of maintain / improve / transform and core /
  experiment, by count and by share of effort.
"""

from digistrat.scoring.config import MODELS, OPTIONS
from digistrat.scoring.plan import plan
from digistrat.scoring.portfolio import Portfolio, Share, portfolio
from digistrat.scoring.ranking import FORMULAS, MODEL_INPUT_KEYS, score
from digistrat.scoring.result import Column, Contribution, Plan, PlanItem, Quarter, Ranking, Row
from digistrat.scoring.robustness import RankRange, Reorder, Robustness, robustness

__all__ = [
    "FORMULAS",
    "MODELS",
    "MODEL_INPUT_KEYS",
    "OPTIONS",
    "Column",
    "Contribution",
    "Plan",
    "PlanItem",
    "Portfolio",
    "Quarter",
    "RankRange",
    "Ranking",
    "Reorder",
    "Robustness",
    "Row",
    "Share",
    "plan",
    "portfolio",
    "robustness",
    "score",
]
