"""What a rule is, and what it gets to look at.

A rule is one module in this package with:

* a module docstring that is its documentation: the first line is a one-line summary; then why
  it matters (in plain English, citing the guide section); then a ``Failing example::`` and a
  ``Passing example::`` block, each a small file tree (``# path/to/file.yaml`` comment lines
  start each file) laid over the shared baseline repository in :mod:`digistrat.rules.examples`
  (top-level keys of a file replace the baseline's; ``# path.yaml (removed)`` deletes a file);
  the contract test loads both and checks that the rule fires on one and not on the other;
* ``CODE`` (permanent, e.g. ``"M001"``), ``NAME`` (kebab-case), ``SEVERITY``, ``SECTION``
  (e.g. ``"§2 Q2 Mission"``), ``QUESTIONS`` (exactly one board question of §2,
  1 to 10: the one the rule informs most, e.g. ``(6,)``; the board paper lists each finding
  under that question only), ``OPTIONS`` (option name → default, documented in the docstring);
* ``SEVERITY_BASIS``: one sentence naming the guide's wording, with its section, that justifies
  ``SEVERITY``: **error** only where the guide is unambiguous (a sign of a bad strategy in §1, a
  criterion every commitment meets in §11, or "must", "critical", "essential") or the data
  contradicts itself; **warning** where the guide says "a good approach" or "worthwhile", where a
  number is a judgement, and for every heuristic (text analysis); **info** for advice;
* optionally ``APPLIES_TO``: the organisation kinds (``strategy.yaml`` ``organisation_kind``)
  the rule applies to, e.g. ``("nhs-trust", "integrated-care-board")``; absent means every
  kind. The checker skips the rule for other kinds;
* ``check(ctx)`` yielding :class:`Violation` values.

Rules must be linear in the size of the repository: anything several rules need (which needs
are addressed, the dependency graph…) is computed once per run in :mod:`digistrat.rules.index`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from digistrat.findings import Severity
from digistrat.loader import Repository


@dataclass(frozen=True, slots=True)
class Violation:
    """What a rule found, and where: ``kind`` and ``ident`` name the entity ("strategy",
    "strategy" for strategy.yaml), ``loc`` the field inside it (empty for the whole file)."""

    kind: str
    ident: str
    loc: tuple[str | int, ...]
    message: str
    hint: str = ""


@dataclass(slots=True)
class Context:
    """Everything a rule may look at. ``today`` is injected so that results are reproducible.

    ``options`` holds this rule's options (defaults merged with ``check: options:``);
    ``shared`` is one dictionary for the whole run, where :mod:`digistrat.rules.index` keeps
    what it computed once.
    """

    repo: Repository
    today: date
    options: dict[str, Any] = field(default_factory=dict)
    shared: dict[str, Any] = field(default_factory=dict)

    def option(self, name: str, default: Any) -> Any:
        return self.options.get(name, default)


Check = Iterator[Violation]
__all__ = ["Check", "Context", "Severity", "Violation"]
