from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat.loader import load
from digistrat.scaffold import plan, scaffold

TODAY = date(2026, 11, 26)


def test_init_writes_every_kind_and_the_supporting_files(tmp_path: Path) -> None:
    result = scaffold(tmp_path, organisation="Riverside NHS Trust", today=TODAY)
    assert result.skipped == []
    for rel in [
        "strategy.yaml",
        "services/example-service.yaml",
        "users/example-users.yaml",
        "initiatives/example-initiative.yaml",
        "commitments/example-commitment.yaml",
        "README.md",
        ".github/workflows/digistrat.yml",
        ".pre-commit-config.yaml",
        ".vscode/settings.json",
        ".digistrat/schemas/strategy.schema.json",
    ]:
        assert rel in result.written
        assert (tmp_path / rel).is_file()
    text = (tmp_path / "strategy.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=.digistrat/schemas/strategy")
    assert "organisation: Riverside NHS Trust" in text


def test_scaffolded_dates_fit_a_horizon_around_today(tmp_path: Path) -> None:
    scaffold(tmp_path, today=TODAY)
    strategy = load(tmp_path).strategy
    assert strategy is not None and strategy.horizon is not None
    assert strategy.horizon.start == date(2026, 4, 1)
    assert strategy.horizon.end == date(2029, 3, 31)
    commitment = load(tmp_path).commitments["example-commitment"]
    assert commitment.due is not None and TODAY < commitment.due <= strategy.horizon.end


def test_init_twice_changes_nothing(tmp_path: Path) -> None:
    import pytest

    from digistrat.scaffold import AlreadyARepository

    scaffold(tmp_path, today=TODAY)
    (tmp_path / "strategy.yaml").write_text("organisation: Mine\ntitle: Edited\n")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(AlreadyARepository, match=r"strategy\.yaml"):
        scaffold(tmp_path, today=TODAY)
    assert {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == before


def test_init_in_a_repository_brings_back_no_deleted_example(tmp_path: Path) -> None:
    import pytest

    from digistrat.scaffold import AlreadyARepository

    scaffold(tmp_path, today=TODAY)
    (tmp_path / "services/example-service.yaml").unlink()
    (tmp_path / "README.md").unlink()
    with pytest.raises(AlreadyARepository):
        scaffold(tmp_path, today=TODAY)
    assert not (tmp_path / "services/example-service.yaml").exists()
    assert not (tmp_path / "README.md").exists()


def test_init_fills_in_only_missing_files_and_force_replaces(tmp_path: Path) -> None:
    """Without a strategy.yaml it is not a strategy repository yet: init adds what is missing
    and keeps what is there; --force replaces its own files."""
    (tmp_path / "README.md").write_text("mine\n")
    result = scaffold(tmp_path, today=TODAY)
    assert "README.md" in result.skipped and "strategy.yaml" in result.written
    assert (tmp_path / "README.md").read_text() == "mine\n"
    (tmp_path / "strategy.yaml").write_text("mine\n")
    forced = scaffold(tmp_path, today=TODAY, force=True)
    assert "strategy.yaml" in forced.written and "README.md" in forced.written
    assert (tmp_path / "strategy.yaml").read_text() != "mine\n"


def test_init_never_deletes_other_files(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me")
    scaffold(tmp_path, today=TODAY, force=True)
    assert (tmp_path / "notes.txt").read_text() == "keep me"


def test_plan_is_deterministic_for_a_given_day() -> None:
    assert plan("T", TODAY) == plan("T", TODAY)
    assert plan("T", TODAY) != plan("T", date(2027, 6, 1))


def test_the_scaffold_passes_every_rule_except_its_own_placeholders(tmp_path: Path) -> None:
    """A new repository must pass CI at once; the only findings ask to replace example text."""
    from digistrat.checker import run

    scaffold(tmp_path, today=TODAY)
    findings = run(load(tmp_path), TODAY).findings
    assert findings, "the placeholder rule should point at the example text"
    assert {f.code for f in findings} == {"T005"}
    assert all(f.severity == "warning" for f in findings)


def test_init_states_the_organisation_kind(tmp_path: Path) -> None:
    scaffold(tmp_path, today=TODAY)
    strategy = load(tmp_path).strategy
    assert strategy is not None and strategy.organisation_kind == "nhs-trust"
    assert strategy.system is not None


def test_a_council_gets_no_integrated_care_system_and_still_passes(tmp_path: Path) -> None:
    from digistrat.checker import run

    scaffold(tmp_path, organisation="Riverside Borough Council", today=TODAY, kind="council")
    repo = load(tmp_path)
    assert repo.findings == []
    assert repo.strategy is not None and repo.strategy.organisation_kind == "council"
    assert repo.strategy.system is None
    assert {f.code for f in run(repo, TODAY).findings} == {"T005"}


def test_every_kind_scaffolds_a_valid_repository(tmp_path: Path) -> None:
    from digistrat.models.strategy import KIND_NAMES

    for kind in KIND_NAMES:
        scaffold(tmp_path / kind, today=TODAY, kind=kind)
        repo = load(tmp_path / kind)
        assert repo.findings == [], kind
        assert repo.strategy is not None and repo.strategy.organisation_kind == kind


def test_an_unknown_kind_is_refused() -> None:
    import pytest

    with pytest.raises(ValueError, match="organisation kind"):
        plan("X", TODAY, "hospital")


def test_a_new_gitignore_ignores_the_rendered_site(tmp_path: Path) -> None:
    result = scaffold(tmp_path, today=TODAY)
    assert result.gitignore == "written"
    assert "/site/" in (tmp_path / ".gitignore").read_text().splitlines()
    assert ".gitignore" not in plan("T", TODAY)  # never part of what --force replaces


def test_an_existing_gitignore_keeps_every_byte_and_gains_the_line(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"*.pyc\r\nsecrets/")  # no final newline, CRLF
    assert scaffold(tmp_path, today=TODAY).gitignore == "appended"
    assert (tmp_path / ".gitignore").read_bytes() == b"*.pyc\r\nsecrets/\r\n/site/\r\n"


def test_a_gitignore_that_already_ignores_site_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_bytes(b"site/\n# mine\n")
    assert scaffold(tmp_path, today=TODAY, force=True).gitignore == "kept"
    assert (tmp_path / ".gitignore").read_bytes() == b"site/\n# mine\n"
