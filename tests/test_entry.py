"""``digistrat --version`` answers without importing the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from digistrat import __version__
from digistrat.entry import _exit_code

from helpers import build_tree


def test_version_imports_nothing_heavy() -> None:
    code = (
        "import sys, runpy; sys.argv = ['digistrat', '--version']\n"
        "runpy.run_module('digistrat', run_name='__main__')\n"
        "print('LOADED', [m for m in ('typer', 'digistrat.cli') if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout == f"digistrat {__version__}\nLOADED []\n"


def test_other_arguments_reach_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "digistrat", "check", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0
    assert "Usage:" in result.stdout


def test_console_script_exit_codes_and_output_survive_the_fast_exit(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "digistrat"
    ok = subprocess.run([str(script), "--help"], capture_output=True, text=True)
    assert ok.returncode == 0 and "Usage:" in ok.stdout
    usage = subprocess.run([str(script), "check", str(tmp_path / "nowhere")], capture_output=True)
    assert usage.returncode == 2 and b"does not exist" in usage.stderr
    build_tree(tmp_path, {"strategy.yaml": "organisation: Trust\n"})
    found = subprocess.run([str(script), "check", str(tmp_path)], capture_output=True, text=True)
    assert found.returncode == 1 and "title" in found.stdout


def test_exit_codes_map_like_python() -> None:
    assert (_exit_code(None), _exit_code(0), _exit_code(2), _exit_code(256 + 3)) == (0, 0, 2, 3)
