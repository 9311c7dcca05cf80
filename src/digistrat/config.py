"""The ``check:`` block of strategy.yaml (plus command-line flags), validated and resolved.

Rules are named by code or name anywhere; everything is resolved to codes here, so the checker
only deals with codes. A mistake in this block is a configuration error (exit code 2), reported
with its line, because silently ignoring it would hide findings.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from digistrat.findings import Severity
from digistrat.loader import STRATEGY_FILE, Repository
from digistrat.models.strategy import CheckConfig
from digistrat.validation import explain, locate


class ConfigError(Exception):
    """The rule configuration cannot be used; the message says where and why."""


@dataclass(slots=True)
class Config:
    """Resolved rule configuration: everything by rule code."""

    select: set[str] | None = None
    """Only these codes run (None: all)."""
    ignore: set[str] = field(default_factory=set)
    severity: dict[str, Severity] = field(default_factory=dict)
    per_path_ignores: list[tuple[str, set[str]]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)

    def enabled(self, code: str) -> bool:
        if code in self.ignore:
            return False
        return self.select is None or code in self.select

    def severity_of(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


def _where(data: Any, *loc: str | int) -> str:
    pos = locate(data, loc, key=True) if data is not None else None
    return f"{STRATEGY_FILE}:{pos[0]}" if pos else STRATEGY_FILE


def _resolve(name: str, where: str, what: str) -> str:
    from digistrat.rules import find, suggest

    rule = find(str(name))
    if rule is None:
        close = suggest(str(name))
        hint = f" Did you mean `{close}`?" if close else " See `digistrat rules` for the list."
        raise ConfigError(f"{where}: {what} names `{name}`, which is not a rule.{hint}")
    return rule.code


def _codes(names: Iterable[str], where: str, what: str) -> set[str]:
    return {_resolve(n, where, what) for n in names}


def known_options() -> dict[str, Any]:
    """Every option of every rule, with its default."""
    from digistrat.rules import all_rules

    found: dict[str, Any] = {}
    for rule in all_rules():
        found.update(rule.options)
    return found


FRACTIONAL_OPTIONS = frozenset(
    {
        "behind-tolerance",
        "max-horizon-years",
        "min-horizon-years",
        "max-category-share",
        "max-exemplar-months",
    }
)
"""Number options with a whole-number default that may still take a fraction (a rule uses them
as a float). Every other number option with a whole-number default must be a whole number."""


def _check_option(name: str, value: Any, default: Any, where: str) -> None:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"{where}: the option `{name}` should be {expected}, not {value!r}.")

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise bad("true or false")
    elif isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise bad("a number")
        if not math.isfinite(value) or abs(value) > 1_000_000:  # rules count and add days
            raise bad("a number no larger than a million")
        if value < 0:
            raise bad("zero or more")
        if isinstance(default, int) and name not in FRACTIONAL_OPTIONS and value != int(value):
            raise bad("a whole number")  # a rule counts with it: 7.5 would be cut to 7
    elif isinstance(default, (list, tuple)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("a list of words or phrases")
    elif isinstance(default, str) and not isinstance(value, str):
        raise bad("text")


def load_config(
    repo: Repository,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> Config:
    """The configuration from strategy.yaml's ``check:`` block, with command-line flags on top.

    ``select`` from the command line replaces the file's ``select``; ``ignore`` adds to it.
    """
    source = repo.files.get(STRATEGY_FILE)
    data = source.data if source is not None else None
    raw = data.get("check") if isinstance(data, dict) else None
    config = Config()
    if raw is not None:
        try:
            parsed = CheckConfig.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors(include_url=False)[0]
            loc = [s for s in err["loc"] if isinstance(s, (str, int))]
            where = _where(data, "check", *loc)
            message, hint = explain(CheckConfig, err)
            message = message.replace("this file", "`check`", 1)
            if hint and not hint.endswith((".", "?")):
                hint += "."
            raise ConfigError(
                f"{where}: in the `check:` block, {message}. {hint} ".rstrip()
                + " See “Configuration” in the commands reference (docs/commands.md)."
            ) from None
        if parsed.select:
            config.select = _codes(parsed.select, _where(data, "check", "select"), "`select`")
        config.ignore = _codes(parsed.ignore, _where(data, "check", "ignore"), "`ignore`")
        for name, level in parsed.severity.items():
            code = _resolve(name, _where(data, "check", "severity", name), "`severity`")
            config.severity[code] = level
        for glob, names in parsed.per_path_ignores.items():
            where = _where(data, "check", "per_path_ignores", glob)
            config.per_path_ignores.append((glob, _codes(names, where, "`per_path_ignores`")))
        known = known_options()
        for name, value in parsed.options.items():
            where = _where(data, "check", "options", name)
            if name not in known:
                close = difflib.get_close_matches(name, sorted(known), n=1)
                hint = f" Did you mean `{close[0]}`?" if close else ""
                raise ConfigError(f"{where}: `{name}` is not a rule option.{hint}")
            _check_option(name, value, known[name], where)
            config.options[name] = value
    if select:
        config.select = _codes(select, "--select", "`--select`")
    if ignore:
        config.ignore |= _codes(ignore, "--ignore", "`--ignore`")
    return config
