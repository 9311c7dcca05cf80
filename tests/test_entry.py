"""``digistrat --version`` answers without importing the command line."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from digistrat import __version__
from digistrat.entry import _exit_code

from helpers import build_tree

EXAMPLE = Path(__file__).parents[1] / "examples" / "riverside"


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


def _closed(fd: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``digistrat ARGS`` with file descriptor ``fd`` (1 or 2) closed, as `>&-` does."""
    script = Path(sys.executable).parent / "digistrat"
    command = " ".join(shlex.quote(a) for a in [str(script), *args]) + f" {fd}>&-"
    other = {"stderr": subprocess.PIPE} if fd == 1 else {"stdout": subprocess.PIPE}
    return subprocess.run(["sh", "-c", command], **other)  # type: ignore[call-overload,no-any-return]


def test_a_closed_standard_output_exits_quietly_with_1() -> None:
    for args in (["--version"], ["rules"], ["check", str(EXAMPLE)]):
        result = _closed(1, *args)
        assert result.returncode == 1, args
        assert result.stderr == b"", args  # no traceback, no internal error


def test_a_closed_standard_error_still_answers() -> None:
    result = _closed(2, "check", str(EXAMPLE))
    assert result.returncode == 0
    assert b"Found 0 errors" in result.stdout


def test_text_the_output_cannot_encode_is_escaped(tmp_path: Path) -> None:
    build_tree(tmp_path, {"strategy.yaml": "organisation: Caf\u00e9 \u2713\ntitle: [\n"})
    result = subprocess.run(
        [sys.executable, "-m", "digistrat", "check", str(tmp_path), "--format", "concise"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii", "NO_COLOR": "1"},
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"internal error" not in result.stderr
    assert b"strategy.yaml" in result.stdout
