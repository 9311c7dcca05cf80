"""The system rules: an explicit, sorted list of modules (see :mod:`.base`)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

_NAMES: tuple[str, ...] = (
    "y002_shared_priority_unworked",
    "y003_shared_service_plans_conflict",
    "y004_joint_work_candidate",
    "y005_unknown_system_reference",
    "y006_waiting_on_system_work",
)
"""Every system rule module, in code order."""

MODULES: tuple[ModuleType, ...] = tuple(
    import_module(f"digistrat.system.rules.{name}") for name in _NAMES
)
