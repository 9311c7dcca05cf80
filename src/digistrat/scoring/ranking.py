"""Rank initiatives with one model: run the model, order the results, number them.

Order is stable: the model's result (best first), then the initiative's name, then its id.
Initiatives whose result is missing come last, unranked.
"""

from __future__ import annotations

import math
import sys
from collections import Counter
from fractions import Fraction
from typing import Any

from digistrat.loader import Repository
from digistrat.scoring import rice, value_effort, weighted, wsjf
from digistrat.scoring.config import Config, read
from digistrat.scoring.result import Column, Ranking, Row
from digistrat.scoring.weighted import Evaluated

FORMULAS: dict[str, str] = {
    weighted.NAME: weighted.FORMULA,
    value_effort.NAME: value_effort.FORMULA,
    rice.NAME: rice.FORMULA,
    wsjf.NAME: wsjf.FORMULA,
}
"""Each model's formula in plain words, for ``digistrat score --explain``."""

MODEL_INPUT_KEYS = frozenset(c.id for c in (*rice.INPUTS, *wsjf.INPUTS))
"""Keys under an initiative's ``scores`` that the RICE and WSJF models read."""


def score(repo: Repository, model: str | None = None) -> Ranking:
    """Rank the repository's initiatives with ``model`` (default: ``scoring.model``).

    Never raises for bad content: configuration problems are in ``Ranking.errors`` (and the
    rows are then empty), problems with initiatives' scores in ``Ranking.problems``.
    """
    config = read(repo, model)
    return rank(repo, config)


def rank(repo: Repository, config: Config) -> Ranking:
    """Rank with an already-read configuration."""
    unit = "%" if config.model in ("weighted", "value-effort") else ""
    columns = _columns(config)
    if config.errors:
        return Ranking(config.model, columns, [], unit, errors=list(config.errors))
    options = dict(config.options)
    if config.model == "weighted":
        evaluated = weighted.evaluate(repo, config)
    elif config.model == "value-effort":
        evaluated, options = value_effort.evaluate(repo, config)
    elif config.model == "rice":
        evaluated = rice.evaluate(repo)
    else:
        evaluated = wsjf.evaluate(repo)
    rows = _order(repo, config.model, evaluated)
    problems = sorted((p for ev in evaluated for p in ev.problems), key=lambda f: f.sort_key)
    return Ranking(config.model, columns, rows, unit, problems=problems, options=options)


def _columns(config: Config) -> list[Column]:
    if config.model == "rice":
        return list(rice.INPUTS)
    if config.model == "wsjf":
        return list(wsjf.INPUTS)
    return weighted.columns(config)


def _order(repo: Repository, model: str, evaluated: list[Evaluated]) -> list[Row]:
    known = [ev for ev in evaluated if ev.total is not None]
    unknown = [ev for ev in evaluated if ev.total is None]

    def merit(ev: Evaluated) -> tuple[Any, ...]:
        if model == "value-effort":
            return value_effort.sort_key(ev, repo.initiatives[ev.id].effort)
        assert ev.total is not None
        return (-ev.total,)

    def name(ev: Evaluated) -> tuple[str, str]:
        return (repo.initiatives[ev.id].name.casefold(), ev.id)

    merits = {ev.id: merit(ev) for ev in known}
    # Each distinct merit replaced by its place among them: exact fractions compare slowly,
    # and many initiatives share a total.
    place = {m: n for n, m in enumerate(sorted(set(merits.values())))}
    known.sort(key=lambda ev: (place[merits[ev.id]], name(ev)))
    unknown.sort(key=name)
    counts = Counter(place[m] for m in merits.values())
    rows = []
    for position, ev in enumerate(known + unknown, 1):
        ini = repo.initiatives[ev.id]
        has_total = ev.total is not None
        rows.append(
            Row(
                id=ev.id,
                name=ini.name,
                rank=position if has_total else None,
                total=_float(ev.total),
                contributions=ev.contributions,
                category=ini.category,
                type=ini.type,
                status=ini.status,
                effort=ini.effort,
                value=_float(ev.value),
                quadrant=ev.quadrant,
                tied=has_total and counts[place[merits[ev.id]]] > 1,
                missing=ev.missing,
            )
        )
    return rows


def _float(value: Fraction | None) -> float | None:
    """``value`` as a float; beyond a float's range (inputs are bounded, so only a bug could
    get there) the largest float of its sign rather than an internal error."""
    if value is None:
        return None
    try:
        return float(value)
    except OverflowError:
        return math.copysign(sys.float_info.max, value)
