"""The system rules: an explicit, sorted list of modules (see :mod:`.base`)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

_NAMES: tuple[str, ...] = (
    "g001_shared_priority_unworked",
    "g002_shared_service_plans_conflict",
    "g003_joint_work_candidate",
    "g004_unknown_system_reference",
    "g005_waiting_on_system_work",
)
"""Every system rule module, in code order."""

MODULES: tuple[ModuleType, ...] = tuple(
    import_module(f"digistrat.system.rules.{name}") for name in _NAMES
)
