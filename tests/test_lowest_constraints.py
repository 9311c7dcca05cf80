"""scripts/lowest_constraints.py: pip constraints for the "lowest" CI job (in ci.yml)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "lowest_constraints.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("lowest_constraints", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


lowest = _script()  # its tomllib is tomli on Python 3.10


@pytest.mark.parametrize(
    ("requirement", "expected"),
    [
        ("typer>=0.16", ("typer", "0.16")),
        ("yaml-rs>=0.1.6,<0.2", ("yaml-rs", "0.1.6")),
        ("mutmut >= 3.3, < 4", ("mutmut", "3.3")),
        ("ruamel.yaml>=0.18", ("ruamel.yaml", "0.18")),
        ("uvicorn[standard]>=0.30", ("uvicorn", "0.30")),
        ("exact==1.2.3", ("exact", "1.2.3")),
        ("compatible~=2.1", ("compatible", "2.1")),
        ("tomli>=2.0; python_version < '3.11'", ("tomli", "2.0")),
        ("pkg<3,>=1.5", ("pkg", "1.5")),
    ],
)
def test_the_lower_bound_of_a_requirement(requirement: str, expected: tuple[str, str]) -> None:
    assert lowest.lower_bound(requirement) == expected


@pytest.mark.parametrize("requirement", ["jinja2", "jinja2<4", "jinja2>3.1", "jinja2!=3.1.0"])
def test_a_requirement_without_a_lower_bound_is_refused(requirement: str) -> None:
    # ">3.1" has no lowest version to install either
    with pytest.raises(lowest.NoLowerBound, match="no lower bound"):
        lowest.lower_bound(requirement)


def _pyproject(dependencies: list[str], **extras: list[str]) -> dict[str, Any]:
    return {"project": {"dependencies": dependencies, "optional-dependencies": extras}}


def test_constraints_pin_the_runtime_and_the_named_extras_only() -> None:
    project = _pyproject(["b>=2", "A_b>=1.0"], test=["pytest>=8"], docs=["mkdocs>=1.6"])
    assert lowest.constraints(project, []) == ["a-b==1.0", "b==2"]
    assert lowest.constraints(project, ["test"]) == ["a-b==1.0", "b==2", "pytest==8"]
    with pytest.raises(KeyError, match="no such extra"):
        lowest.constraints(project, ["tests"])


def test_one_package_with_two_lower_bounds_is_refused() -> None:
    project = _pyproject(["weasyprint>=62"], pdf=["weasyprint>=61"])
    assert lowest.constraints(project, []) == ["weasyprint==62"]
    with pytest.raises(lowest.NoLowerBound, match="two different lower bounds"):
        lowest.constraints(project, ["pdf"])


def test_every_dependency_of_digistrat_has_a_lower_bound() -> None:
    project = lowest.tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = list(project["project"]["optional-dependencies"])
    pins = lowest.constraints(project, extras)
    names = {pin.split("==")[0] for pin in pins}
    assert {"pydantic", "typer", "jinja2", "ruamel-yaml", "pyyaml"} <= names


def test_the_script_prints_constraints_pip_can_read() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "test"], capture_output=True, text=True, check=True
    )
    lines = [line for line in done.stdout.splitlines() if not line.startswith("#")]
    assert lines and all(line.count("==") == 1 and " " not in line for line in lines)
    assert any(line.startswith("pytest==") for line in lines)
    refused = subprocess.run(
        [sys.executable, str(SCRIPT), "nonsense"], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 1 and "no such extra" in refused.stderr


def test_the_lowest_job_installs_those_constraints_on_the_oldest_python() -> None:
    flow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    job = flow["jobs"]["lowest"]
    oldest = lowest.tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "requires-python"
    ]
    python = next(s["with"]["python-version"] for s in job["steps"] if "with" in s)
    assert oldest == f">={python}"
    script = "\n".join(s.get("run", "") for s in job["steps"])
    assert "scripts/lowest_constraints.py test" in script
    assert "-c lowest.txt -e '.[test]'" in script
    assert "pytest" in script


def test_third_party_actions_are_pinned_by_commit() -> None:
    for flow in (ROOT / ".github/workflows").glob("*.yml"):
        for job in yaml.safe_load(flow.read_text(encoding="utf-8"))["jobs"].values():
            for step in job["steps"]:
                uses = step.get("uses", "")
                if uses:
                    ref = uses.split("@", 1)[1]
                    assert len(ref) == 40 and int(ref, 16) >= 0, f"{flow.name}: {uses}"
