"""The benchmark generator writes valid, deterministic trees, and defects that are found."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from digistrat.checker import run
from digistrat.loader import load

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def gen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("digistrat_bench_generate", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while building the class
    spec.loader.exec_module(module)
    return module


def tree(gen: ModuleType, out: Path, *args: str) -> Path:
    assert gen.main(["--out", str(out), *args]) == 0
    return out


def all_bytes(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_small_tree_loads_with_no_findings(gen: ModuleType, tmp_path: Path) -> None:
    root = tree(gen, tmp_path / "t", "--entities", "50", "--seed", "3")
    repo = load(root)
    assert repo.findings == []
    assert repo.strategy is not None
    assert (len(repo.services), len(repo.users)) == (15, 5)
    assert (len(repo.initiatives), len(repo.commitments)) == (20, 10)
    needs = [n for group in repo.users.values() for n in group.needs]
    assert 3 * 5 <= len(needs) <= 6 * 5
    # cross-referenced: every kind of reference is used somewhere
    assert any(i.needs and i.services and i.objectives for i in repo.initiatives.values())
    assert all(c.initiatives for c in repo.commitments.values())
    assert all(s.users for s in repo.services.values())


def test_files_carry_comments_like_init(gen: ModuleType, tmp_path: Path) -> None:
    root = tree(gen, tmp_path / "t", "--entities", "20")
    text = next((root / "services").iterdir()).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "  # " in text or "   # " in text


def test_same_seed_same_bytes_other_seed_differs(gen: ModuleType, tmp_path: Path) -> None:
    a = all_bytes(tree(gen, tmp_path / "a", "--entities", "60", "--seed", "7"))
    b = all_bytes(tree(gen, tmp_path / "b", "--entities", "60", "--seed", "7"))
    c = all_bytes(tree(gen, tmp_path / "c", "--entities", "60", "--seed", "8"))
    assert a == b
    assert a != c


def test_every_defective_file_gets_a_finding(gen: ModuleType) -> None:
    files = gen.build(200, 5)
    manifest = gen.add_defects(files, 0.05, 5)
    assert len(manifest) == 10
    assert set(manifest.values()) == set(gen.DEFECT_KINDS)


def test_defect_variant_yields_findings_in_each_defective_file(
    gen: ModuleType, tmp_path: Path
) -> None:
    files = gen.build(80, 2)
    manifest = gen.add_defects(files, 0.1, 2)
    root = tmp_path / "bad"
    gen.write(files, root)
    repo = load(root)
    flagged = {f.path for f in repo.findings}
    assert set(manifest) <= flagged
    codes = {f.code for f in repo.findings}
    assert {"F001", "F002"} <= codes  # syntax errors and schema errors (dates, unknown keys)
    assert "F005" in codes  # dangling references


def test_refuses_to_overwrite_a_folder_it_did_not_make(gen: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(SystemExit):
        gen.main(["--out", str(tmp_path), "--entities", "10", "--force"])
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_clean_tree_has_next_to_no_rule_findings(gen: ModuleType, tmp_path: Path) -> None:
    root = tree(gen, tmp_path / "t", "--entities", "400", "--seed", "4")
    report = run(load(root), gen.TODAY)
    # a few plans pushed a quarter past their dates (R004, R005); nothing else but C006
    assert len(report.findings) <= 4
    assert {f.code for f in report.findings} <= {"C006", "R004", "R005"}


def test_messy_variant_gives_each_messy_file_a_rule_finding_and_stays_valid(
    gen: ModuleType, tmp_path: Path
) -> None:
    files = gen.build(300, 6)
    manifest = gen.add_mess(files, 0.3, 6)
    assert len(manifest) == 90
    assert set(manifest.values()) == {k for kinds in gen.MESS_KINDS.values() for k in kinds}
    root = tmp_path / "messy"
    gen.write(files, root)
    assert load(root).findings == []  # valid: only the rules have something to say
    report = run(load(root), gen.TODAY)
    flagged = {f.path for f in report.findings}
    assert set(manifest) <= flagged
