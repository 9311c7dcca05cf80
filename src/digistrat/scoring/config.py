"""The scoring configuration from ``strategy.yaml``: criteria, model and options, checked.

Anything that makes a model unusable (no criteria, a scale whose minimum is not below its
maximum, an option of the wrong kind) becomes a finding with the place to fix it, never an
exception.
"""

from __future__ import annotations

import difflib
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.models.strategy import Criterion

MODELS = ("weighted", "value-effort", "rice", "wsjf")
"""The models ``digistrat score`` offers, in the order they are documented."""

CONFIG = ("Q001", "scoring-config")
"""Code of findings about the scoring configuration itself."""
INPUT = ("Q002", "model-input")
"""Code of findings about an initiative's input that a model cannot use (e.g. effort 0)."""
MISSING = ("D003", "scores-missing")
"""Same code as ``digistrat check`` uses for a missing score."""
OUT_OF_SCALE = ("D004", "score-out-of-scale")
"""Same code as ``digistrat check`` uses for a score outside its scale."""


@dataclass(frozen=True, slots=True)
class Option:
    """A model option under ``scoring: options:`` in strategy.yaml."""

    name: str
    default: float | None
    low: float
    high: float
    integer: bool
    doc: str


OPTIONS: dict[str, Option] = {
    o.name: o
    for o in (
        Option(
            "value-threshold",
            None,
            0,
            100,
            False,
            "value-effort: a weighted total at or above this (in %) counts as high value "
            "(default: the median of the initiatives' totals).",
        ),
        Option(
            "effort-threshold",
            None,
            0,
            1e12,
            False,
            "value-effort: an effort at or below this counts as low effort "
            "(default: the median of the initiatives' efforts).",
        ),
        Option(
            "band",
            10,
            0,
            50,
            False,
            "robustness: how many percentage points each weight may move up or down.",
        ),
        Option(
            "top",
            5,
            1,
            1000,
            True,
            "robustness: how many of the top initiatives to protect from reordering.",
        ),
        Option(
            "plan-duration",
            2,
            1,
            40,
            True,
            "plan: quarters an initiative runs when it has no start and end dates.",
        ),
    )
}


def exact(value: float) -> Fraction:
    """The number as the user wrote it (``0.1`` is one tenth, not its binary neighbour)."""
    return Fraction(repr(float(value)))


@dataclass(slots=True)
class Config:
    """The scoring configuration, checked: ``errors`` is empty when the model can run."""

    model: str
    criteria: list[Criterion]
    weights: dict[str, Fraction]
    """Criterion id → normalised weight, as a fraction of 1."""
    options: dict[str, float]
    errors: list[Finding] = field(default_factory=list)


def _finding(
    repo: Repository, rule: tuple[str, str], loc: tuple[str | int, ...], message: str, hint: str
) -> Finding:
    path, line, col = repo.where("strategy", "strategy", *loc)
    return Finding(rule[0], rule[1], "error", path or "strategy.yaml", line, col, message, hint)


def read(repo: Repository, model: str | None = None) -> Config:
    """Read and check the scoring section of ``strategy.yaml``; ``model`` overrides its model."""
    strategy = repo.strategy
    if strategy is None:
        problem = Finding(
            CONFIG[0],
            CONFIG[1],
            "error",
            "strategy.yaml",
            None,
            None,
            "strategy.yaml could not be read, so there is no scoring configuration",
            "Run `digistrat check` and fix the errors it lists in strategy.yaml.",
        )
        return Config(model or "weighted", [], {}, {}, [problem])
    scoring = strategy.scoring
    chosen = model or scoring.model
    config = Config(chosen, list(scoring.criteria), {}, {})
    if chosen not in MODELS:
        config.errors.append(
            _finding(
                repo,
                CONFIG,
                ("scoring", "model"),
                f"`{chosen}` is not a scoring model",
                "Choose one of: " + ", ".join(MODELS) + ".",
            )
        )
        return config
    if chosen in ("weighted", "value-effort"):
        _check_criteria(repo, config, stated="scoring" in strategy.model_fields_set)
    config.options = _options(repo, scoring.options, config.errors)
    return config


def _check_criteria(repo: Repository, config: Config, stated: bool = True) -> None:
    if not config.criteria:
        config.errors.append(
            _finding(
                repo,
                CONFIG,
                ("scoring",),
                f"the {config.model} model needs criteria, but `scoring: criteria:` is empty"
                if stated
                else "strategy.yaml has no `scoring:` block, so there are no criteria to rank "
                "initiatives by (scoring is optional: `check` does not ask for it)",
                "Add criteria under `scoring: criteria:` in strategy.yaml, each with an id, "
                "a label, a weight and a scale (min and max), e.g. patient benefit, weight 50, "
                "from 0 to 10.",
            )
        )
        return
    for i, c in enumerate(config.criteria):
        if c.min >= c.max:
            config.errors.append(
                _finding(
                    repo,
                    CONFIG,
                    ("scoring", "criteria", i, "max"),
                    f"the criterion `{c.id}` has a scale from {c.min:g} to {c.max:g}: the "
                    "maximum must be above the minimum",
                    f"Set `max` above `min` for `{c.id}` (for example min 0, max 10).",
                )
            )
    total = sum((exact(c.weight) for c in config.criteria), Fraction(0))
    if total > 0:
        config.weights = {c.id: exact(c.weight) / total for c in config.criteria}


def _options(repo: Repository, raw: dict[str, Any], errors: list[Finding]) -> dict[str, float]:
    out: dict[str, float] = {o.name: o.default for o in OPTIONS.values() if o.default is not None}
    for name, value in raw.items():
        option = OPTIONS.get(str(name))
        if option is None:
            close = difflib.get_close_matches(str(name), list(OPTIONS), n=1, cutoff=0.6)
            errors.append(
                _finding(
                    repo,
                    CONFIG,
                    ("scoring", "options", name),
                    f"`{name}` is not a scoring option",
                    f"Did you mean `{close[0]}`?"
                    if close
                    else "The options are: " + ", ".join(OPTIONS) + " (see `digistrat score "
                    "--explain`).",
                )
            )
            continue
        problem = option_problem(option, value)
        if problem:
            errors.append(_finding(repo, CONFIG, ("scoring", "options", name), problem, option.doc))
            continue
        out[option.name] = float(value)
    return out


def option_problem(option: Option, value: Any, label: str = "") -> str | None:
    """Why ``value`` is not acceptable for ``option``, or None; ``label`` names it (default:
    "the option `name`")."""
    label = label or f"the option `{option.name}`"
    number = (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)  # .inf or .nan: int() of them raised
    )
    if not number or (option.integer and float(value) != int(value)):
        kind = "a whole number" if option.integer else "a number"
        return f"{label} must be {kind}, not {value!r}"
    if not option.low <= float(value) <= option.high:
        return f"{label} is {value:g}; it must be from {option.low:g} to {option.high:g}"
    return None
