from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from digistrat import loader, parallel
from digistrat.loader import RepositoryNotFound, find_root, load
from digistrat.models import KINDS
from digistrat.repository import DROPPED
from digistrat.scaffold import scaffold

from helpers import build_tree

TODAY = date(2026, 11, 26)


@pytest.fixture
def repo_dir(tmp_path: Path) -> Path:
    """A valid repository made by `init`."""
    scaffold(tmp_path, today=TODAY)
    return tmp_path


def codes(findings: list) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.path, f.line) for f in findings]


def test_init_output_loads_cleanly(repo_dir: Path) -> None:
    repo = load(repo_dir)
    assert repo.findings == []
    assert repo.strategy is not None
    assert set(repo.services) == {"example-service"}
    assert set(repo.users) == {"example-users"}
    assert set(repo.initiatives) == {"example-initiative"}
    assert set(repo.commitments) == {"example-commitment"}


def test_root_is_found_from_a_subfolder(repo_dir: Path) -> None:
    assert find_root(repo_dir / "services") == repo_dir.resolve()
    assert load(repo_dir / "services" / "example-service.yaml").root == repo_dir.resolve()


def test_no_strategy_yaml_anywhere(tmp_path: Path) -> None:
    with pytest.raises(RepositoryNotFound, match="digistrat init"):
        load(tmp_path)


def test_six_different_problems_are_all_reported_at_once(repo_dir: Path) -> None:
    """Misspelt key, wrong type, bad date, duplicate id, dangling reference, syntax error."""
    service = repo_dir / "services/example-service.yaml"
    service.write_text(service.read_text().replace("\nteam:", "\nteem:"))
    initiative = repo_dir / "initiatives/example-initiative.yaml"
    initiative.write_text(initiative.read_text().replace("effort: 3", "effort: lots"))
    commitment = repo_dir / "commitments/example-commitment.yaml"
    text = commitment.read_text()
    text = text.replace("  - example-initiative", "  - no-such-initiative")
    commitment.write_text(
        "\n".join(
            "due: 2027-13-45" if line.startswith("due:") else line for line in text.splitlines()
        )
    )
    build_tree(
        repo_dir,
        {
            "users/second.yaml": "id: example-users\nname: Again\nkind: staff\n",
            "services/broken.yaml": "name: [unclosed\nkind: care\n",
        },
    )
    repo = load(repo_dir)
    found = {(f.code, f.path) for f in repo.findings}
    assert found == {
        ("F002", "services/example-service.yaml"),  # teem
        ("F002", "initiatives/example-initiative.yaml"),  # lots
        ("F002", "commitments/example-commitment.yaml"),  # 2027-13-45
        ("F004", "users/second.yaml"),
        ("F005", "commitments/example-commitment.yaml"),
        ("F001", "services/broken.yaml"),
    }
    assert all(f.line is not None for f in repo.findings)
    by_message = {f.message: f for f in repo.findings}
    teem = next(f for m, f in by_message.items() if "teem" in m)
    assert teem.hint == "Did you mean `team`?"
    bad_date = next(f for m, f in by_message.items() if "2027-13-45" in m)
    assert "2026-03-31" in bad_date.hint


def test_dangling_references_of_every_kind(tmp_path: Path) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": """
                organisation: T
                title: S
                objectives:
                  - id: safe
                    title: Safe care
            """,
            "users/patients.yaml": """
                name: Patients
                kind: patient
                needs:
                  - id: book
                    statement: I need to book
                    priority: high
            """,
            "services/booking.yaml": "name: Booking\nkind: transaction\nusers: [patient]\n",
            "initiatives/a.yaml": """
                name: A
                category: improve
                needs: [patients/book, patients/nope]
                services: [booking, bookings]
                objectives: [unsafe]
                depends_on: [b]
            """,
            "commitments/c.yaml": "statement: Better\ninitiatives: [a, z]\n",
        },
    )
    repo = load(tmp_path)
    refs = sorted((f.path, f.line, f.message) for f in repo.findings if f.code == "F005")
    assert refs == [
        ("commitments/c.yaml", 2, "`z` is not a known initiative"),
        ("initiatives/a.yaml", 3, "`patients/nope` is not a known user need (`group/need`)"),
        ("initiatives/a.yaml", 4, "`bookings` is not a known service"),
        ("initiatives/a.yaml", 5, "`unsafe` is not a known objective in strategy.yaml"),
        ("initiatives/a.yaml", 6, "`b` is not a known initiative"),
        ("services/booking.yaml", 3, "`patient` is not a known user group"),
    ]
    service_ref = next(f for f in repo.findings if f.path == "services/booking.yaml")
    assert service_ref.hint == "Did you mean `patients`?"


def test_references_to_an_invalid_entity_are_not_reported_twice(tmp_path: Path) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: T\ntitle: S\n",
            "initiatives/a.yaml": "name: A\ncategory: sideways\n",
            "commitments/c.yaml": "statement: Better\ninitiatives: [a]\n",
        },
    )
    assert codes(load(tmp_path).findings) == [("F002", "initiatives/a.yaml", 2)]


def test_references_to_an_unreadable_file_point_at_it_as_a_knock_on(tmp_path: Path) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: T\ntitle: S\n",
            "services/epr.yaml": 'name: "unclosed\n',
            "users/staff.yaml": "name: [oops\n",
            "initiatives/a.yaml": "name: A\ncategory: improve\nservices: [epr, eprr]\n"
            "needs: [staff/log-in-once]\n",
        },
    )
    found = load(tmp_path).findings
    assert codes(found) == [
        ("F005", "initiatives/a.yaml", 3),
        ("F005", "initiatives/a.yaml", 3),
        ("F005", "initiatives/a.yaml", 4),
        ("F001", "services/epr.yaml", 1),
        ("F001", "users/staff.yaml", 1),
    ]
    epr, typo, need = found[:3]
    assert epr.severity == "info" and "services/epr.yaml, which could not be read" in epr.message
    assert "Fix the problem reported in services/epr.yaml" in epr.hint
    assert typo.severity == "error" and "not a known service" in typo.message  # a real typo
    assert need.severity == "info" and "users/staff.yaml" in need.message


def test_duplicate_ids_inside_lists(tmp_path: Path) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": """
                organisation: T
                title: S
                objectives:
                  - {id: a, title: One}
                  - {id: a, title: Two}
            """,
        },
    )
    [finding] = load(tmp_path).findings
    assert (finding.code, finding.line) == ("F004", 5)


@pytest.mark.parametrize("name", ["Bad Name.yaml", "UPPER.yaml", "con.yaml", "a_b.yaml"])
def test_unusable_file_names(tmp_path: Path, name: str) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: T\ntitle: S\n",
            f"services/{name}": "name: X\nkind: care\n",
        },
    )
    [finding] = load(tmp_path).findings
    assert finding.code == "F009" and finding.path == f"services/{name}"


def test_given_id_overrides_the_file_name(tmp_path: Path) -> None:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: T\ntitle: S\n",
            "services/x.yaml": "id: booking\nname: X\nkind: care\n",
        },
    )
    repo = load(tmp_path)
    assert list(repo.services) == ["booking"]
    assert repo.path_of("services", "booking") == "services/x.yaml"


@pytest.mark.parametrize(
    ("content", "expected"),
    [("", "empty"), ("- a\n- b\n", "a list"), ("just text\n", "a single value")],
)
def test_a_file_that_is_not_a_mapping(tmp_path: Path, content: str, expected: str) -> None:
    build_tree(
        tmp_path, {"strategy.yaml": "organisation: T\ntitle: S\n", "services/x.yaml": content}
    )
    [finding] = load(tmp_path).findings
    assert finding.code == "F008" and expected in finding.message


def test_symlink_outside_the_repository_is_refused(tmp_path: Path) -> None:
    outside = build_tree(tmp_path / "outside", {"secret.yaml": "name: X\nkind: care\n"})
    repo_dir = build_tree(tmp_path / "repo", {"strategy.yaml": "organisation: T\ntitle: S\n"})
    (repo_dir / "services").mkdir()
    (repo_dir / "services/linked.yaml").symlink_to(outside / "secret.yaml")
    [finding] = load(repo_dir).findings
    assert finding.code == "F010" and "outside the repository" in finding.message


def test_where_locates_nested_fields(repo_dir: Path) -> None:
    repo = load(repo_dir)
    path, line, _ = repo.where("initiatives", "example-initiative", "owner", "function")
    assert path == "initiatives/example-initiative.yaml"
    assert (repo_dir / path).read_text().splitlines()[line - 1].strip().startswith("function:")


def _snapshot(repo: Any) -> tuple[Any, ...]:
    files = [
        (s.path, s.digest, s.target, s.directives, s.texts, s.coded, dict(s.refs))
        for s in repo.files.values()
    ]
    stores = [list(repo.entities(kind).items()) for kind in KINDS]
    return (repo.findings, files, stores, repo.paths, repo.declared, repo.strategy)


def test_sharing_the_files_with_a_second_process_changes_nothing(
    repo_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files read by a forked process come back exactly as if read here, in the same order:
    problems, ids used twice (the first file keeps it), links, bad names, comments."""
    service = (repo_dir / "services/example-service.yaml").read_text()
    for i in range(40):
        text = service.replace("example-service", f"service-{i}")
        if i % 7 == 0:
            text += "\nunknown_key: 1\n"
        if i % 9 == 0:
            text = text.replace("  - example-users", "  - nobody-at-all")
        (repo_dir / f"services/service-{i:02}.yaml").write_text(text)
    (repo_dir / "services/zz-broken.yaml").write_text("name: [unclosed\n")
    (repo_dir / "services/Bad Name.yaml").write_text(service)
    (repo_dir / "services/zz-same-id.yaml").write_text("id: service-03\n" + service)
    (repo_dir / "services/zz-link.yaml").symlink_to(repo_dir / "services/service-05.yaml")
    (repo_dir / "services/zz-noted.yaml").write_text(
        service.replace("example-service", "noted") + "# digistrat: ignore[T005] later\n"
    )
    monkeypatch.setenv("DIGISTRAT_PROCESSES", "1")
    alone = _snapshot(load(repo_dir))
    monkeypatch.delenv("DIGISTRAT_PROCESSES")
    monkeypatch.setattr(parallel, "MIN_ITEMS", 0)
    monkeypatch.setattr(parallel, "CHUNK", 5)
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    readers = repo_dir.parent / "readers"
    real = loader._read_entry

    here, ready = str(os.getpid()), []

    def slowly(*args: Any) -> Any:  # this process reads only once the other one has begun
        with readers.open("a", encoding="utf-8") as noted:
            noted.write(f"{os.getpid()}\n")
        for _ in range(0 if ready else 6000):  # a hang guard of a minute, not a timing bet
            if set(readers.read_text(encoding="utf-8").split()) - {here}:
                ready.append(True)
                break
            time.sleep(0.01)
        return real(*args)

    monkeypatch.setattr(loader, "_read_entry", slowly)
    shared = load(repo_dir)
    pids = set(readers.read_text(encoding="utf-8").split())
    assert str(os.getpid()) in pids and len(pids) == 2  # the files really were shared
    assert _snapshot(shared) == alone
    assert {f.code for f in shared.findings} >= {"F001", "F002", "F004", "F005", "F009"}
    late = [f for f in shared.findings if f.path == "services/service-35.yaml"]  # likely read there
    assert [(f.code, f.line) for f in late] == [("F002", late[0].line)] and late[0].line
    assert shared.files["services/service-30.yaml"].kept is DROPPED  # the marker came back as one
    assert shared.where("services", "service-30", "users", 0)[1:] == (27, 5)


def test_a_read_cache_reads_again_only_changed_files(repo_dir: Path) -> None:
    cache = loader.ReadCache()
    first = load(repo_dir, cache=cache)
    assert cache.read_last == len([key for key in first.paths if key[0] != "strategy"])
    again = load(repo_dir, cache=cache)
    assert cache.read_last == 0
    assert again.paths == first.paths and again.findings == first.findings
    [rel] = [rel for (kind, _), rel in first.paths.items() if kind == "services"][:1]
    path = repo_dir / rel
    path.write_text(path.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
    broken = load(repo_dir, cache=cache)
    assert cache.read_last == 1
    assert any(f.path == rel for f in broken.findings)
    assert broken.findings == load(repo_dir).findings  # the same as loading from scratch
    path.unlink()
    gone = load(repo_dir, cache=cache)
    assert cache.read_last == 0 and rel not in cache.reads
    assert rel not in gone.paths.values()


def test_sharing_field_sets_is_skipped_where_pydantic_keeps_them_elsewhere() -> None:
    from digistrat.loader import _share_field_sets
    from digistrat.models import Service

    first = Service.model_validate({"name": "A", "kind": "care"})
    second = Service.model_validate({"name": "B", "kind": "care"})
    assert _share_field_sets(first).model_fields_set is _share_field_sets(second).model_fields_set
    # a pydantic without the private attribute: nothing is shared, nothing fails
    third = Service.model_validate({"name": "C", "kind": "care"})
    object.__delattr__(third, "__pydantic_fields_set__")
    assert _share_field_sets(third) is third
