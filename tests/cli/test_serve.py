"""`digistrat serve` as a user runs it: a port in use, no repository, Ctrl-C."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

from helpers import command_env

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "riverside"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-11-26"),
    )


def test_serve_on_a_port_in_use_says_so_and_writes_nothing(tmp_path: Path) -> None:
    repo = Path(shutil.copytree(EXAMPLE, tmp_path / "r"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run("serve", str(repo), "--port", str(port), cwd=tmp_path)
    assert done.returncode == 1
    assert f"port {port} on 127.0.0.1 is already in use" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (repo / "site").exists()


def test_serve_outside_a_repository_says_where_it_looked(tmp_path: Path) -> None:
    done = run("serve", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 1 and "No strategy.yaml found" in done.stderr


def test_serve_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    repo = Path(shutil.copytree(EXAMPLE, tmp_path / "r"))
    with subprocess.Popen(
        [sys.executable, "-m", "digistrat", "serve", str(repo), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-11-26", COLUMNS="200"),
    ) as server:
        assert server.stdout is not None
        first = server.stdout.readline()  # waits until the site is served
        assert first.startswith("Serving r at http://127.0.0.1:"), first
        server.send_signal(signal.SIGINT)
        out, err = server.communicate(timeout=60)
    assert server.returncode == 0, err
    assert "Stopped serving." in out
    assert "Traceback" not in err and "interrupted" not in err
