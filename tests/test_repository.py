"""What the loaded repository keeps of each file, and reading a file again on demand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat import checker
from digistrat.loader import load
from digistrat.references import reference_lists
from digistrat.repository import DROPPED
from digistrat.scaffold import scaffold

TODAY = date(2026, 11, 26)

SERVICE = "services/example-service.yaml"


def _repo(tmp_path: Path) -> Path:
    """The repository `init` writes: valid, so loading it reads no file a second time."""
    scaffold(tmp_path, today=TODAY)
    return tmp_path


def test_entry_trees_are_let_go_and_read_again_with_positions(tmp_path: Path) -> None:
    repo = load(_repo(tmp_path))
    assert repo.findings == []
    source = repo.files[SERVICE]
    assert source.kept is DROPPED
    assert repo.files["strategy.yaml"].kept is not DROPPED  # the settings file is kept
    assert source.texts is not None and "Replace with their role" in source.texts
    assert repo.where("services", "example-service", "users", 0) == (SERVICE, 27, 5)
    assert source.kept is not DROPPED  # read once, then kept
    assert source.data["owner"]["role"] == "Replace with their role"


def test_references_are_checked_without_the_trees(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    service = root / SERVICE
    service.write_text(service.read_text().replace("- example-users ", "- carers "))
    repo = load(root)
    unknown = [f for f in repo.findings if f.code == "F005"]
    assert [(f.path, f.line, f.column) for f in unknown] == [(SERVICE, 27, 5)]
    assert "`carers`" in unknown[0].message


def test_a_file_changed_after_loading_is_not_misread(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    repo = load(root)
    (root / SERVICE).write_text("name: Something else entirely\n")
    assert repo.files[SERVICE].data is None
    assert repo.where("services", "example-service", "users", 0) == (SERVICE, None, None)
    result = checker.run(repo, TODAY)  # placeholders still reported, at the file, no error
    texts = [f for f in result.findings if f.path == SERVICE]
    assert texts and {(f.code, f.line) for f in texts} == {("T005", None)}


def test_a_file_deleted_after_loading_is_not_misread(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    repo = load(root)
    (root / SERVICE).unlink()
    assert repo.files[SERVICE].data is None


def test_reference_lists_keep_only_references_and_ids() -> None:
    data = {
        "name": "x",
        "needs": ["a/b", 3, {"id": "c"}],
        "services": "not a list",
        "scoring": {"criteria": [{"id": "value", "weight": 3}, "odd"]},
    }
    assert reference_lists("initiatives", data) == {"needs": ["a/b", None, {"id": "c"}]}
    assert reference_lists("strategy", {"scoring": data["scoring"]}) == {
        "scoring": {"criteria": [{"id": "value"}, "odd"]}
    }
    assert reference_lists("users", None) == {}


def test_a_linked_entry_is_read_again_through_its_link(tmp_path: Path) -> None:
    root = _repo(tmp_path)
    (root / "library").mkdir()
    (root / SERVICE).rename(root / "library/service.yaml")
    (root / SERVICE).symlink_to(root / "library/service.yaml")
    repo = load(root)
    source = repo.files[SERVICE]
    assert source.target == str((root / "library/service.yaml").resolve())
    assert repo.where("services", "example-service", "users", 0) == (SERVICE, 27, 5)
    plain = repo.files["users/example-users.yaml"]
    assert plain.target is None and plain.root == repo.files["strategy.yaml"].root
