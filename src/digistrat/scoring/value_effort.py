"""Value against effort: the weighted total is the value, the initiative's ``effort`` the
effort, and each initiative falls in one of four quadrants (§10 "Think about value and effort").
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.scoring.config import Config, exact
from digistrat.scoring.weighted import Evaluated, Sums, evaluate_one, missing_finding

NAME = "value-effort"
FORMULA = """\
value-effort: value against effort, in four quadrants.
  value  = the weighted total (as in the weighted model), in %
  effort = the initiative's `effort`
  high value: value >= value-threshold   (option; default: the median value)
  low effort: effort <= effort-threshold (option; default: the median effort)
    quick win = high value, low effort      big bet   = high value, high effort
    fill-in   = low value, low effort       money pit = low value, high effort
  Ranked by quadrant in that order (quick wins first), then by value (highest first), then
  by effort (lowest first)."""

QUADRANTS = ("quick-win", "big-bet", "fill-in", "money-pit")
"""The quadrants, best first."""
LABELS = {
    "quick-win": "Quick win",
    "big-bet": "Big bet",
    "fill-in": "Fill-in",
    "money-pit": "Money pit",
}


def quadrant(value: Fraction, effort: Fraction, value_at: Fraction, effort_at: Fraction) -> str:
    """The quadrant of one initiative, given the two thresholds."""
    high = value >= value_at
    low = effort <= effort_at
    if high:
        return "quick-win" if low else "big-bet"
    return "fill-in" if low else "money-pit"


def evaluate(repo: Repository, config: Config) -> tuple[list[Evaluated], dict[str, float]]:
    """Value, effort and quadrant of every initiative, and the thresholds used."""
    out: list[Evaluated] = []
    efforts: dict[str, Fraction] = {}
    sums: Sums = {}
    for ident, ini in sorted(repo.initiatives.items()):
        ev = evaluate_one(repo, config, ident, ini, sums)
        ev.value = ev.total
        if ini.effort is None:
            ev.problems.append(_no_effort(repo, ident))
            ev.missing = (*ev.missing, "effort")
            ev.total = None
        else:
            efforts[ident] = exact(ini.effort)
        out.append(ev)
    known = [ev for ev in out if ev.total is not None]
    options = dict(config.options)
    value_at = _threshold(
        options, "value-threshold", [ev.value for ev in known if ev.value is not None]
    )
    effort_at = _threshold(options, "effort-threshold", [efforts[ev.id] for ev in known])
    for ev in known:
        assert ev.value is not None  # known rows have both value and effort
        ev.quadrant = quadrant(ev.value, efforts[ev.id], value_at, effort_at)
    options["value-threshold"] = float(value_at)
    options["effort-threshold"] = float(effort_at)
    return out, options


def sort_key(ev: Evaluated, effort: float | None) -> tuple[int, Fraction, float]:
    """Quadrant first (quick wins first), then higher value, then lower effort."""
    assert ev.quadrant is not None and ev.value is not None
    return (QUADRANTS.index(ev.quadrant), -ev.value, effort or 0.0)


def _threshold(options: dict[str, float], name: str, values: list[Fraction]) -> Fraction:
    if name in options:
        return exact(options[name])
    return median(values) if values else Fraction(0)


def median(values: list[Fraction]) -> Fraction:
    """The median, exactly as ``statistics.median`` gives it, sorting each distinct value
    once: initiatives share totals and efforts, and fractions compare slowly (at 4,000
    initiatives the two medians took half of the model's time)."""
    counts = Counter(values)
    n = len(values)
    low, high = (n - 1) // 2, n // 2  # the middle one, or the two middle ones
    found: list[Fraction] = []
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        while len(found) < 2 and (low, high)[len(found)] < seen:
            found.append(value)
        if len(found) == 2:
            break
    return Fraction(found[0] + found[1], 2)


def _no_effort(repo: Repository, ident: str) -> Finding:
    f = missing_finding(repo, ident, ["effort"], "value-effort")
    path, line, col = repo.where("initiatives", ident, "effort")
    return Finding(
        f.code,
        f.name,
        f.severity,
        path,
        line,
        col,
        f"`{ident}` has no `effort`, so it cannot be placed on the value/effort matrix",
        "Add `effort: <number>` (for example person-months, or points from 1 to 10).",
    )
