"""What ``digistrat score`` shows, assembled from the parts: ranking, filters, portfolio mix,
robustness and the problems to report. Pure; the CLI prints."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.models import Initiative
from digistrat.scoring.config import OPTIONS, option_problem, read
from digistrat.scoring.plan import __doc__ as PLAN_DOC
from digistrat.scoring.portfolio import Portfolio, portfolio
from digistrat.scoring.ranking import FORMULAS, rank
from digistrat.scoring.result import Ranking, Row
from digistrat.scoring.robustness import Robustness, robustness
from digistrat.scoring.robustness import __doc__ as ROBUSTNESS_DOC

STATUSES = tuple(Initiative.model_fields["status"].annotation.__args__)  # type: ignore[union-attr]
CATEGORIES = tuple(Initiative.model_fields["category"].annotation.__args__)  # type: ignore[union-attr]


class UsageProblem(ValueError):
    """A command-line value that cannot be used (an unknown status, a band out of range)."""


@dataclass(slots=True)
class View:
    ranking: Ranking
    rows: list[Row]
    """The rows shown, after the filters (ranks stay those of the full ranking)."""
    mix: Portfolio
    robustness: Robustness | None
    notes: list[Finding] = field(default_factory=list)
    """Loader errors in strategy.yaml or initiative files: those initiatives are left out."""

    @property
    def problems(self) -> list[Finding]:
        return [*self.ranking.problems, *self.notes]


def split(values: Sequence[str] | None, allowed: Sequence[str], what: str) -> set[str]:
    """``--status a,b --status c`` → {a, b, c}, each checked against ``allowed``."""
    chosen = {v.strip() for value in values or () for v in value.split(",") if v.strip()}
    unknown = sorted(chosen - set(allowed))
    if unknown:
        raise UsageProblem(
            f"unknown {what} {', '.join(f'`{u}`' for u in unknown)}; choose from: "
            + ", ".join(allowed)
        )
    return chosen


def _number(name: str, value: float | None, default: float) -> float:
    if value is None:
        return default
    problem = option_problem(OPTIONS[name], value, f"--{name}")
    if problem:
        raise UsageProblem(problem)
    return float(value)


def build(
    repo: Repository,
    model: str | None = None,
    statuses: Sequence[str] | None = None,
    categories: Sequence[str] | None = None,
    band: float | None = None,
    top: int | None = None,
) -> View:
    """Rank, filter and assess; raises :class:`UsageProblem` for a bad command-line value."""
    wanted_status = split(statuses, STATUSES, "status")
    wanted_category = split(categories, CATEGORIES, "category")
    config = read(repo, model)
    ranking = rank(repo, config)
    rows = [
        r
        for r in ranking.rows
        if (not wanted_status or r.status in wanted_status)
        and (not wanted_category or r.category in wanted_category)
    ]
    rb = None
    if not ranking.errors and ranking.model == "weighted":
        rb = robustness(
            ranking,
            _number("band", band, config.options.get("band", 10.0)),
            int(_number("top", top, config.options.get("top", 5.0))),
        )
    notes = [
        f
        for f in repo.findings
        if f.severity == "error"
        and (f.path == "strategy.yaml" or f.path.startswith("initiatives/"))
        and (ranking.errors or f.path != "strategy.yaml" or repo.strategy is not None)
    ]
    return View(ranking, rows, portfolio(rows), rb, notes)


def explain() -> str:
    """Every model's formula, the options, the robustness method and the plan algorithm."""
    parts = [FORMULAS[m] for m in FORMULAS]
    options = "\n".join(
        f"  {o.name}: {o.doc}" + (f" Default {o.default:g}." if o.default is not None else "")
        for o in OPTIONS.values()
    )
    parts.append(
        "options, under `scoring: options:` in strategy.yaml (--band and --top override):\n"
        + options
    )
    parts.append("robustness (weighted model):\n" + _indent(ROBUSTNESS_DOC))
    parts.append("plan (digistrat score --plan):\n" + _indent(PLAN_DOC))
    return "\n\n".join(parts) + "\n"


def _indent(doc: str | None) -> str:
    text = (doc or "").replace("``", "").replace("**", "")
    lines = text.strip().splitlines()[1:]
    return "\n".join(("  " + line) if line.strip() else "" for line in lines).strip("\n")
