"""What ``render`` says it left out: entry files that could not be used, and why."""

from __future__ import annotations

from pathlib import Path

from digistrat.leftout import LeftOut, left_out, summary
from digistrat.loader import load

from helpers import build_tree

SERVICE = (
    "name: Booking\nkind: transaction\n"
    "owner: {name: Jo Bloggs, role: Lead, function: operational}\n"
)


def _repo(tmp_path: Path, files: dict[str, str | bytes]) -> list[LeftOut]:
    tree = {"strategy.yaml": "organisation: Example Trust\n", **files}
    return left_out(load(build_tree(tmp_path, tree)))


def test_every_kind_of_unusable_file_is_named_with_its_reason(tmp_path: Path) -> None:
    found = _repo(
        tmp_path,
        {
            "services/booking.yaml": SERVICE,
            "services/unreadable.yaml": "name: [oops\n",
            "services/wrong.yaml": "name: Wrong\ncolour: blue\n",
            "services/Bad Name.yaml": SERVICE,
            "services/later.yaml": "id: booking\n" + SERVICE,
            "services/list.yaml": "- a\n- b\n",
        },
    )
    by_path = {item.path: item for item in found}
    assert sorted(by_path) == [
        "services/Bad Name.yaml",
        "services/later.yaml",
        "services/list.yaml",
        "services/unreadable.yaml",
        "services/wrong.yaml",
    ]
    assert "the YAML cannot be read" in by_path["services/unreadable.yaml"].reason
    assert "is already used by services/booking.yaml" in by_path["services/later.yaml"].reason
    assert "not a usable file name" in by_path["services/Bad Name.yaml"].reason
    wrong = by_path["services/wrong.yaml"].reason
    assert wrong.startswith("it does not match the format: ")
    assert wrong.endswith(", and 1 more problem")  # `kind` missing, then `colour` unknown


def test_a_file_with_only_a_warning_or_a_usable_file_is_not_left_out(tmp_path: Path) -> None:
    assert _repo(tmp_path, {"services/booking.yaml": SERVICE}) == []


def test_strategy_yaml_is_never_listed(tmp_path: Path) -> None:
    repo = load(build_tree(tmp_path, {"strategy.yaml": "organisation: [oops\n"}))
    assert left_out(repo) == []


def _items(n: int) -> list[LeftOut]:
    return [LeftOut(f"services/s{i:02}.yaml", i + 1, "the YAML cannot be read") for i in range(n)]


def test_summary_names_ten_files_in_full() -> None:
    lines = summary(_items(10))
    assert lines[0].startswith("10 files could not be used, so what they hold is left out")
    assert lines[1] == "  services/s00.yaml, line 1: the YAML cannot be read"
    assert len(lines) == 12 and "more" not in "".join(lines)


def test_summary_cuts_the_eleventh_file() -> None:
    lines = summary(_items(11))
    assert lines[-2] == "  … and 1 more"
    assert lines[-3].startswith("  services/s09.yaml")
    assert len(lines) == 13


def test_summary_of_one_file_speaks_of_it_in_the_singular() -> None:
    [head, _, _] = summary(_items(1))
    assert head == "1 file could not be used, so what it holds is left out of what was published:"


def test_nothing_left_out_says_nothing() -> None:
    assert summary([]) == []


def test_a_file_without_a_line_is_named_without_one() -> None:
    assert str(LeftOut("services", None, "it is a file")) == "services: it is a file"
