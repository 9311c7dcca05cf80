"""File and folder names that are not UTF-8 (a byte like 0xff in the name) are shown escaped,
as ``\\xff``, in every output format: never an internal error, never invalid UTF-8 written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from digistrat.findings import Finding, printable
from digistrat.scaffold import scaffold

from helpers import command_env

BAD_FILE = b"services/bad\xff.yaml"
BAD_FOLDER = b"commitments/\xfe/good.yaml"
SHOWN = ("services/bad\\xff.yaml", "commitments/\\xfe/good.yaml")


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("names") / "repo"
    scaffold(root, today=date(2026, 11, 26))
    base = os.fsencode(root)
    try:
        os.rename(base + b"/services/example-service.yaml", base + b"/" + BAD_FILE)
        os.mkdir(base + b"/commitments/\xfe")
    except (OSError, UnicodeError):
        pytest.skip("this file system only allows UTF-8 names")
    os.rename(base + b"/commitments/example-commitment.yaml", base + b"/" + BAD_FOLDER)
    return root


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        timeout=120,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-11-26"),
    )
    assert b"Traceback" not in result.stderr, result.stderr
    assert b"digistrat: internal error" not in result.stdout + result.stderr, result.stderr
    return result


def _text(raw: bytes) -> str:
    return raw.decode("utf-8")  # raises if invalid UTF-8 was written


def test_printable_escapes_only_what_cannot_be_encoded() -> None:
    assert printable("ok-é.yaml") == "ok-é.yaml"
    assert printable(os.fsdecode(b"bad\xff.yaml")) == "bad\\xff.yaml"
    assert printable("\ud800") == "\\ud800"
    finding = Finding("F009", "bad-file-name", "error", "a/\udcff.yaml", None, None, "`\udcff`")
    assert (finding.path, finding.message) == ("a/\\xff.yaml", "`\\xff`")


@pytest.mark.parametrize("fmt", ["human", "concise", "github"])
def test_text_formats(repo: Path, fmt: str) -> None:
    result = _run("check", "--format", fmt, str(repo))
    assert result.returncode == 1
    out = _text(result.stdout)
    assert all(shown in out for shown in SHOWN)


@pytest.mark.parametrize("fmt", ["json", "gitlab", "sarif"])
def test_json_formats(repo: Path, fmt: str) -> None:
    result = _run("check", "--format", fmt, str(repo))
    assert result.returncode == 1
    text = _text(result.stdout)
    json.loads(text)
    names = [shown.rsplit("/", 1)[-1] if fmt == "sarif" else shown for shown in SHOWN]
    assert all(json.dumps(name)[1:-1] in text for name in names)


def test_junit(repo: Path) -> None:
    result = _run("check", "--format", "junit", str(repo))
    assert result.returncode == 1
    text = _text(result.stdout)
    ET.fromstring(text)
    assert all(shown in text for shown in SHOWN)


def test_check_output_file(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    _run("check", "--format", "json", "--output", str(out), str(repo))
    paths = {f["path"] for f in json.loads(_text(out.read_bytes()))["findings"]}
    assert set(SHOWN) <= paths


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_score_formats(repo: Path, fmt: str) -> None:
    result = _run("score", "--format", fmt, str(repo))
    _text(result.stdout)
    _text(result.stderr)
    if fmt == "json":
        json.loads(result.stdout)


def test_score_plan_json(repo: Path) -> None:
    json.loads(_text(_run("score", "--plan", "--format", "json", str(repo)).stdout))


def test_render(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = _run("render", str(repo), "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    pages = {p.name: _text(p.read_bytes()) for p in out.rglob("*") if p.is_file()}
    assert pages
    assert any(SHOWN[0] in page for page in pages.values())
