"""RICE: reach × impact × confidence ÷ effort.

The inputs live in each initiative's ``scores`` under well-known keys (``reach``, ``impact``,
``confidence``), and the initiative's own ``effort`` is the effort.
"""

from __future__ import annotations

from fractions import Fraction

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.models import Initiative
from digistrat.scoring.config import INPUT, exact
from digistrat.scoring.result import Column, Contribution
from digistrat.scoring.weighted import Evaluated, missing_finding

NAME = "rice"
FORMULA = """\
rice: reach x impact x confidence / effort.
  reach      = scores: reach        people or events affected per period, e.g. 12000
  impact     = scores: impact       e.g. 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal
  confidence = scores: confidence   a percentage: 100 high, 80 medium, 50 low
  effort     = effort               the initiative's effort (person-months or points)
  score = reach x impact x (confidence / 100) / effort; higher is better."""

INPUTS = (
    Column("reach", "Reach"),
    Column("impact", "Impact"),
    Column("confidence", "Confidence (%)", min=0, max=100),
)
EFFORT = Column("effort", "Effort")
MIN_EFFORT = Fraction(1, 1000)
"""The least effort a model divides by: a smaller one (say 1e-308) makes a score too large to
show, and is a typing mistake or the wrong unit."""


def read_inputs(
    repo: Repository, ident: str, ini: Initiative, inputs: tuple[Column, ...], model: str
) -> tuple[dict[str, Fraction], dict[str, Contribution], Evaluated]:
    """The model's inputs from ``scores`` and ``effort``, with problems for missing, negative
    or out-of-range values and for an effort of zero (which cannot divide)."""
    values: dict[str, Fraction] = {}
    parts: dict[str, Contribution] = {}
    ev = Evaluated(ident, None, parts)
    missing: list[str] = []
    for column in (*inputs, EFFORT):
        raw = ini.effort if column is EFFORT else ini.scores.get(column.id)
        if raw is None:
            missing.append(column.id)
            parts[column.id] = Contribution(column.id, column.label, None, None)
            continue
        low = column.min if column.min is not None else 0
        outside = raw < low or (column.max is not None and raw > column.max)
        parts[column.id] = Contribution(column.id, column.label, raw, None, outside)
        values[column.id] = exact(raw)
        if outside:
            scale = f"from {low:g} to {column.max:g}" if column.max is not None else "0 or more"
            ev.problems.append(
                _input(repo, ident, column, f"is {raw:g}; it must be {scale}", model)
            )
    if missing:
        ev.missing = tuple(missing)
        ev.problems.append(missing_finding(repo, ident, missing, model))
    elif values["effort"] == 0:
        ev.problems.append(
            _input(repo, ident, EFFORT, "is 0, and the score divides by effort", model)
        )
    elif values["effort"] < MIN_EFFORT:
        ev.problems.append(
            _input(
                repo,
                ident,
                EFFORT,
                f"is {float(values['effort']):g}, too small to divide by (the least is "
                f"{float(MIN_EFFORT):g}); write efforts in a smaller unit, such as person-days",
                model,
            )
        )
        values["effort"] = Fraction(0)  # no total, as for an effort of 0
    return values, parts, ev


def _input(repo: Repository, ident: str, column: Column, what: str, model: str) -> Finding:
    loc: tuple[str, ...] = ("effort",) if column is EFFORT else ("scores", column.id)
    path, line, col = repo.where("initiatives", ident, *loc)
    where = "`effort`" if column is EFFORT else f"`scores: {column.id}`"
    return Finding(
        INPUT[0],
        INPUT[1],
        "error",
        path,
        line,
        col,
        f"the {model.upper()} input {where} of `{ident}` {what}",
        "Correct the value (see `digistrat score --explain` for what each input means).",
    )


def evaluate(repo: Repository) -> list[Evaluated]:
    """The RICE score of every initiative."""
    out = []
    for ident, ini in sorted(repo.initiatives.items()):
        v, _, ev = read_inputs(repo, ident, ini, INPUTS, NAME)
        if not ev.missing and v["effort"] != 0:
            ev.total = v["reach"] * v["impact"] * v["confidence"] / 100 / v["effort"]
        out.append(ev)
    return out
