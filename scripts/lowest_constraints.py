"""Print pip constraints that pin every direct dependency to its lowest allowed version.

    python scripts/lowest_constraints.py [EXTRA ...] > lowest.txt
    python -m pip install -c lowest.txt -e '.[test]'

Reads ``pyproject.toml``: the runtime dependencies and those of each EXTRA named (none by
default). Every one of them must have a lower bound (``>=X`` or ``==X``), because that bound
is what the "lowest" CI job installs and tests; a dependency without one is an error, so a
claim nobody tests cannot be added by accident. Dependencies of dependencies are left to pip
(the newest it allows), as ``uv pip install --resolution lowest-direct`` does.

Runs on Python 3.10 (``tomli`` when ``tomllib`` is missing) and needs nothing else.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

_REQUIREMENT = re.compile(
    r"""^\s*(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*
    (?:\[[^\]]*\])?\s*            # extras
    (?P<specs>[^;]*?)\s*           # version specifiers
    (?:;(?P<marker>.*))?$         # environment marker
    """,
    re.VERBOSE,
)
_LOWER = re.compile(r"(?:>=|==|~=)\s*(?P<version>[0-9][A-Za-z0-9.+!-]*)")


class NoLowerBound(ValueError):
    """A dependency without a lower bound: its lowest version would be untested."""


def lower_bound(requirement: str) -> tuple[str, str]:
    """(name, lowest version) of one requirement string such as ``typer>=0.12``."""
    found = _REQUIREMENT.match(requirement)
    if found is None:
        raise NoLowerBound(f"cannot read the requirement {requirement!r}")
    name = found.group("name")
    bounds = [m.group("version") for m in _LOWER.finditer(found.group("specs"))]
    if not bounds:
        raise NoLowerBound(
            f"{name} has no lower bound ({requirement!r}): give it one, such as "
            f"'{name}>=X.Y', where X.Y is the lowest version the tests pass with"
        )
    if len(bounds) > 1:
        raise NoLowerBound(f"{name} has more than one lower bound ({requirement!r})")
    return name, bounds[0]


def constraints(pyproject: dict[str, Any], extras: list[str]) -> list[str]:
    """``name==lowest`` lines for the runtime dependencies and those of ``extras``."""
    project = pyproject["project"]
    optional = project.get("optional-dependencies", {})
    unknown = [extra for extra in extras if extra not in optional]
    if unknown:
        raise KeyError(f"no such extra in pyproject.toml: {', '.join(unknown)}")
    requirements = list(project.get("dependencies", []))
    for extra in extras:
        requirements += optional[extra]
    pins: dict[str, str] = {}
    for requirement in requirements:
        name, version = lower_bound(requirement)
        key = re.sub(r"[-_.]+", "-", name).lower()  # PEP 503 normalised name
        if pins.setdefault(key, version) != version:
            raise NoLowerBound(f"{name} has two different lower bounds in pyproject.toml")
    return [f"{name}=={version}" for name, version in sorted(pins.items())]


def main(argv: list[str]) -> int:
    root = Path(__file__).resolve().parents[1]
    with open(root / "pyproject.toml", "rb") as file:
        pyproject = tomllib.load(file)
    try:
        lines = constraints(pyproject, argv)
    except (NoLowerBound, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print("# Lowest allowed versions of digistrat's direct dependencies, from pyproject.toml")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
