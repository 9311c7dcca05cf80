"""Catalogue entries for the system rules (codes G001 on), run by ``check`` on a system
repository only (see :mod:`digistrat.system.rules`). Their documentation is their module's
docstring, as for every rule; ``digistrat explain G001`` reads it."""

from __future__ import annotations

from dataclasses import replace

from digistrat.rules.catalogue import RuleInfo, documented
from digistrat.system.rules import MODULES

SYSTEM: list[RuleInfo] = [
    replace(
        documented(
            m.CODE,
            m.NAME,
            m.SEVERITY,
            m.SECTION,
            m.__doc__ or "",
            "system",
            tuple(m.QUESTIONS),
            m.SEVERITY_BASIS,
        ),
        options=dict(m.OPTIONS),
    )
    for m in MODULES
]
"""One entry per system rule, in code order."""
