"""Text is trimmed once, before validation, and the models keep the strings that were loaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from digistrat.loader import load
from digistrat.models import Service
from digistrat.models.common import WHITESPACE, trim_text
from digistrat.scaffold import scaffold

SERVICE = "services/example-service.yaml"


def test_trim_text_trims_every_text_value_in_place() -> None:
    data = {"a": "  x\n", "b": ["\u3000y\u00a0", {"c": "\tz"}], "d": 3, "e": "kept"}
    kept = data["e"]
    assert trim_text(data) is data
    assert data == {"a": "x", "b": ["y", {"c": "z"}], "d": 3, "e": "kept"}
    assert data["e"] is kept  # unchanged text is not copied
    assert trim_text(None) is None and trim_text(" x ") == " x "  # only inside blocks and lists


def test_white_space_is_unicode_white_space_only() -> None:
    """The same characters pydantic trimmed before (Rust's ``trim``): not the control
    characters that Python's ``str.isspace`` also counts."""
    assert trim_text(["\x1cx\x1f"]) == ["\x1cx\x1f"]
    assert all(c.isspace() for c in WHITESPACE)
    assert trim_text(["\u2028\u2009x\x85"]) == ["x"]


def test_loading_trims_text_and_shares_the_strings(tmp_path: Path) -> None:
    scaffold(tmp_path)
    path = tmp_path / SERVICE
    text = path.read_text().replace("name: Replace", 'name: "   Replace', 1)
    text = text.replace("such as Outpatient appointment booking", 'such as booking \\t\\n"', 1)
    path.write_text(text)
    repo = load(tmp_path)
    assert repo.findings == []
    service = repo.services["example-service"]
    assert service.name == "Replace with the service's name, such as booking"
    texts = repo.files[SERVICE].texts
    assert texts is not None
    assert any(t is service.name for t in texts)  # one copy, not two
    assert any(t is service.description for t in texts)


def test_text_of_only_spaces_is_still_empty(tmp_path: Path) -> None:
    scaffold(tmp_path)
    path = tmp_path / SERVICE
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("name:"))
    lines[at] = "name: '   '"
    path.write_text("\n".join(lines) + "\n")
    repo = load(tmp_path)
    assert "example-service" not in repo.services
    assert [(f.code, f.path, f.line) for f in repo.findings] == [("F002", SERVICE, at + 1)]


def test_the_models_take_trimmed_text() -> None:
    with pytest.raises(ValidationError):
        Service.model_validate({"id": "x", "name": ""})
