"""Small systems for tests: a system repository and members, each the rule examples'
baseline with a few changes laid over it (see :mod:`digistrat.rules.examples`)."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from digistrat.findings import Finding
from digistrat.loader import load
from digistrat.rules.examples import EXAMPLE_TODAY, materialise
from digistrat.system.check import SystemResult, check_system

SHARED = """
# strategy.yaml
organisation: Example Integrated Care Board
organisation_kind: integrated-care-board
objectives:
  - id: shared-care-record
    title: One shared care record
    kind: clinical
"""
"""The system repository's overlay: one shared priority, ``shared-care-record``."""

WORKS_ON_IT = """
# initiatives/online-booking.yaml
shared_priorities: [shared-care-record]
"""
"""A member overlay whose initiative works on the shared priority."""


def make_system(
    root: Path,
    members: dict[str, str],
    system: str = SHARED,
    system_yaml: str | None = None,
) -> Path:
    """Write a system repository at ``root/ics`` with ``members`` (id → overlay) under
    ``members/<id>``; returns the system repository's folder."""
    ics = materialise(root / "ics", textwrap.dedent(system).strip("\n"))
    for ident, overlay in members.items():
        materialise(ics / "members" / ident, textwrap.dedent(overlay).strip("\n"))
    if system_yaml is None:
        entries = "".join(f"  - id: {m}\n    name: {m}\n    path: members/{m}\n" for m in members)
        system_yaml = "members:\n" + entries
    (ics / "system.yaml").write_text(textwrap.dedent(system_yaml).lstrip("\n"), encoding="utf-8")
    return ics


def run_system(ics: Path, today: date = EXAMPLE_TODAY) -> SystemResult:
    return check_system(load(ics), today, fetch=False)


def codes(ics: Path, code: str, today: date = EXAMPLE_TODAY) -> list[Finding]:
    """The findings of one rule code on the system at ``ics``."""
    return [f for f in run_system(ics, today).result.findings if f.code == code]
