"""``digistrat --version`` answers without importing the command line."""

from __future__ import annotations

import subprocess
import sys

from digistrat import __version__


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
