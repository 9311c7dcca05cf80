"""Regression tests for crashes and hangs found by the hostile corpus and the fuzzer.

Each test names the input that used to break digistrat and what happened.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from digistrat.loader import RepositoryNotFound, load, read_limited
from digistrat.yamlio import MAX_FILE_BYTES, YamlProblem, load_text

from helpers import build_tree

STRATEGY = """\
organisation: Example Trust
title: Digital strategy
"""


def _codes(repo_path: Path) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.path, f.line) for f in load(repo_path).findings]


@pytest.mark.parametrize(
    "text",
    [
        "- " * 3000 + "x\n",  # block nesting on one line: libyaml's own depth error
        "? " * 5000 + "x\n",
        "[" * 2000 + "]" * 2000,
    ],
    ids=["dashes", "question-marks", "deep-flow"],
)
def test_libyaml_depth_error_is_the_nesting_limit_not_a_crash(text: str) -> None:
    # Used to raise ScannerError ("exceeded maximum nesting depth") out of load().
    loaded = load_text(text)
    assert loaded.data is None
    assert [p.kind for p in loaded.problems] == ["limit"]
    assert "levels deep" in loaded.problems[0].message


def test_an_alias_inside_its_own_anchor_is_refused() -> None:
    # `&a [*a]` built a list containing itself: anything walking the data would loop forever.
    loaded = load_text("name: &a [*a]\n")
    assert loaded.data is None
    assert loaded.problems[0].kind == "limit"


def test_a_bad_merge_key_is_a_syntax_problem_with_a_useful_hint() -> None:
    loaded = load_text("a: &a 1\nb:\n  <<: *a\n")
    problem = loaded.problems[0]
    assert problem.kind == "syntax" and problem.line is not None
    assert "<<: *defaults" in problem.hint


def test_a_control_character_is_located_exactly() -> None:
    loaded = load_text("a: 1\nb: x\x07y\n")
    problem = loaded.problems[0]
    assert (problem.line, problem.column) == (2, 5)
    assert "code 7" in problem.message


def test_a_named_pipe_called_yaml_does_not_hang(tmp_path: Path) -> None:
    # Reading a FIFO used to block forever waiting for a writer.
    build_tree(tmp_path, {"strategy.yaml": STRATEGY})
    (tmp_path / "services").mkdir()
    os.mkfifo(tmp_path / "services" / "pipe.yaml")
    assert ("F010", "services/pipe.yaml", None) in _codes(tmp_path)


def test_a_symlink_loop_is_a_finding(tmp_path: Path) -> None:
    # Path.resolve() raised RuntimeError("Symlink loop"), which escaped load().
    build_tree(tmp_path, {"strategy.yaml": STRATEGY})
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "loop.yaml").symlink_to("loop.yaml")
    found = [f for f in load(tmp_path).findings if f.path == "services/loop.yaml"]
    assert [f.code for f in found] == ["F010"]
    assert "loop" in found[0].message


def test_a_huge_file_is_refused_by_size_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:  # sparse: 50 MB on paper, nothing on disk
        handle.truncate(50 * 1024 * 1024)
    result = read_limited(big)
    assert isinstance(result, YamlProblem)
    assert "50.0 MiB" in result.message


def test_a_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    edge = tmp_path / "edge.yaml"
    edge.write_bytes(b"#" * MAX_FILE_BYTES)
    result = read_limited(edge)
    assert isinstance(result, bytes) and len(result) == MAX_FILE_BYTES


@pytest.mark.parametrize("kind", ["folder", "loop"])
def test_strategy_yaml_that_is_not_a_file_is_named(tmp_path: Path, kind: str) -> None:
    # Used to say "No strategy.yaml found", which is confusing when there is one.
    target = tmp_path / "strategy.yaml"
    if kind == "folder":
        target.mkdir()
    else:
        target.symlink_to("strategy.yaml")
    with pytest.raises(RepositoryNotFound, match=r"strategy\.yaml is not a readable file"):
        load(tmp_path)


@pytest.mark.parametrize("key", ["1", "true", "~", ".nan"])
def test_keys_that_are_not_words_get_a_plain_message(tmp_path: Path, key: str) -> None:
    build_tree(tmp_path, {"strategy.yaml": STRATEGY + f"{key}: x\n"})
    messages = [f.message for f in load(tmp_path).findings]
    assert any("is not a usable key" in m for m in messages), messages


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_unreadable_strategy_is_a_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tests run as root here, so chmod 000 would still be readable: simulate the refusal.
    build_tree(tmp_path, {"strategy.yaml": STRATEGY})
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if str(path).endswith("strategy.yaml"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    found = load(tmp_path).findings
    assert [(f.code, f.path) for f in found] == [("F010", "strategy.yaml")]
    assert "Permission denied" in found[0].message


@pytest.mark.parametrize(
    "text",
    ["!!map a", "!!seq a", "!!int abc", "!!float x", "!!bool maybe", "a: !!str [x]"],
)
def test_a_standard_tag_on_the_wrong_value_is_refused(text: str) -> None:
    # Found by tests/test_fuzz.py: `!!map a` raised ValueError, `!!int abc` ValueError,
    # `!!bool maybe` KeyError, all out of load_text().
    loaded = load_text(text)
    assert loaded.data is None
    assert [p.kind for p in loaded.problems] == ["unsafe"]
    assert "does not fit" in loaded.problems[0].message


def test_standard_tags_on_fitting_values_still_load() -> None:
    loaded = load_text("a: !!int 5\nb: !!float 1\nc: !!bool true\nd: !!str 010\n")
    assert loaded.data == {"a": 5, "b": 1.0, "c": True, "d": "010"}


def test_one_file_with_thousands_of_problems_is_summarised(tmp_path: Path) -> None:
    # 20,000 unknown keys made 20,000 findings: `check` took a minute to print them.
    wrong = "".join(f"k{i}: {i}\n" for i in range(20_000))
    dup = "".join("a: 1\n" for _ in range(5_000))
    build_tree(tmp_path, {"strategy.yaml": STRATEGY, "services/x.yaml": wrong, "users/y.yaml": dup})
    found = load(tmp_path).findings
    for path in ("services/x.yaml", "users/y.yaml"):
        mine = [f for f in found if f.path == path]
        assert len(mine) <= 60, len(mine)
        assert any("more problems of this kind" in f.message for f in mine)


def test_a_long_run_of_full_stops_is_counted_quickly() -> None:
    # Found by the long-text corpus: the sentence regex was quadratic on "....": a 20,000
    # character run (allowed in a text field) took five seconds per field.
    import time

    from digistrat.prose.match import sentence_count

    # 200,000 characters: linear takes milliseconds, the old quadratic pattern would take
    # minutes. The bound is a generous hang guard, not a speed target (benchmarks/ measure).
    started = time.perf_counter()
    assert sentence_count("." * 200_000 + " Then more.") == 2
    assert time.perf_counter() - started < 60


@pytest.mark.parametrize("value", [".inf", ".nan", "1e308", "-.inf"])
def test_infinite_or_absurd_options_are_configuration_errors(tmp_path: Path, value: str) -> None:
    # Found by tests/test_fuzz.py: `plan-duration: .inf` crashed `score` (int(inf)), and
    # `max-commitments: .inf` / `review-grace-days: 1e308` made rules stop with Z002.
    from digistrat.checker import run
    from digistrat.clock import today
    from digistrat.config import ConfigError
    from digistrat.scoring import score

    build_tree(
        tmp_path,
        {
            "strategy.yaml": STRATEGY
            + f"scoring:\n  options: {{plan-duration: {value}}}\n"
            + f"check:\n  options: {{max-commitments: {value}}}\n",
        },
    )
    repo = load(tmp_path)
    assert score(repo).errors  # reported, not raised
    with pytest.raises(ConfigError, match="max-commitments"):
        run(repo, today())


def test_many_duplicate_keys_are_found_in_linear_time() -> None:
    # Each duplicate re-scanned every earlier key: 420,000 copies of `a: 1` (2 MiB) ran for
    # over 12 minutes. Now one index per mapping with duplicates.
    import time

    # 100,000 copies (a file may hold 200,000 values): under two seconds when linear, about
    # 40 s when quadratic on an idle machine. The bound is only a hang guard, not a speed
    # target (benchmarks/ measure speed): with load average 13 on two cores the linear version
    # took 21 s (a random-order run of the suite, 2 December 2026), so it allows 120 s.
    started = time.perf_counter()
    loaded = load_text("a: 1\n" * 100_000)
    assert len(loaded.problems) == 99_999
    assert loaded.problems[-1].message.endswith("(first on line 1)")
    assert time.perf_counter() - started < 120


def test_too_many_values_without_anchors_is_refused_without_a_second_parse() -> None:
    # Over 200,000 values and no anchors: the limit is final, no slow general constructor.
    loaded = load_text("- x\n" * 210_000)
    assert loaded.data is None
    assert [p.kind for p in loaded.problems] == ["limit"]
