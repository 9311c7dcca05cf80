from __future__ import annotations

import math

import pytest

from digistrat.yamlio import MAX_FILE_BYTES, YMap, YSeq, decode, load_bytes, load_text


def test_positions_are_one_based_for_keys_values_and_items() -> None:
    data = load_text("name: Booking\nusers:\n  - outpatients\n  - carers\n").data
    assert isinstance(data, YMap)
    assert data.keys_at["name"] == (1, 1)
    assert data.values_at["name"] == (1, 7)
    assert isinstance(data["users"], YSeq)
    assert data["users"].items_at == [(3, 5), (4, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("v: no", "no"),
        ("v: on", "on"),
        ("v: yes", "yes"),
        ("v: 010", 10),
        ("v: 0o10", 8),
        ("v: 0x1F", 31),
        ("v: 1e3", 1000.0),
        ("v: 2026-03-31", "2026-03-31"),
        ("v: true", True),
        ("v: ~", None),
        ("v: -5", -5),
    ],
)
def test_yaml_1_2_core_scalars(text: str, expected: object) -> None:
    assert load_text(text).data["v"] == expected


def test_infinity_and_nan_are_read_as_floats_for_the_models_to_reject() -> None:
    data = load_text("a: .inf\nb: -.Inf\nc: .nan\n").data
    assert data["a"] == math.inf and data["b"] == -math.inf and math.isnan(data["c"])


def test_duplicate_keys_are_reported_with_both_lines() -> None:
    loaded = load_text("name: a\nkind: care\nname: b\n")
    [problem] = loaded.problems
    assert problem.kind == "duplicate-key"
    assert (problem.line, problem.column) == (3, 1)
    assert "first on line 1" in problem.message


def test_merge_keys_are_not_duplicates() -> None:
    loaded = load_text("base: &b {x: 1, y: 1}\nm:\n  <<: *b\n  y: 2\n")
    assert loaded.problems == []
    assert loaded.data["m"] == {"x": 1, "y": 2}


@pytest.mark.parametrize(
    "text",
    ["a: !!python/object/apply:os.system ['echo hi']", "a: !!binary aGVsbG8=", "a: !custom x"],
)
def test_explicit_tags_are_refused_not_constructed(text: str) -> None:
    loaded = load_text(text)
    assert loaded.data is None
    [problem] = loaded.problems
    assert problem.kind == "unsafe"
    assert problem.line == 1


def test_syntax_error_points_at_line_and_explains_tabs() -> None:
    [problem] = load_text("a:\n\t- b\n").problems
    assert problem.kind == "syntax" and problem.line == 2
    assert "tab" in problem.hint.lower()


def test_unclosed_bracket_is_found_where_it_started() -> None:
    [problem] = load_text("name: [unclosed\nkind: care\n").problems
    assert (problem.line, problem.column) == (1, 7)
    assert "square brackets starts here" in problem.message and "on line 2" in problem.message


def test_an_unclosed_quote_is_found_where_it_opens_not_where_the_file_ends() -> None:
    text = 'name: x\nowner:\n  name: "Dr Shah\n  role: lead\n' + "note: more\n" * 80
    [problem] = load_text(text).problems
    assert (problem.line, problem.column) == (3, 9)
    assert "closing quote is missing" in problem.message
    assert "on line 85" in problem.message  # where the reader gave up, said as well


def test_a_key_without_its_colon_is_found_on_its_own_line() -> None:
    [problem] = load_text("name: x\nthis line has no colon\nrest: 1\n").problems
    assert problem.line == 2 and "without its colon" in problem.message


def test_a_bad_indent_is_still_found_where_the_reader_noticed_it() -> None:
    [problem] = load_text("a: 1\nb:\n  c: 2\n d: 3\n").problems
    assert problem.line == 4  # not line 1, where the enclosing block starts


def test_billion_laughs_is_refused() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    loaded = load_text("\n".join(lines))
    assert loaded.data is None
    assert loaded.problems[0].kind == "limit"


def test_deep_flow_nesting_is_refused_without_crashing() -> None:
    loaded = load_text("a: " + "[" * 50_000)
    assert loaded.data is None and loaded.problems[0].kind == "limit"


def test_deep_block_nesting_is_refused() -> None:
    text = "".join(f"{'  ' * i}k{i}:\n" for i in range(100)) + "  " * 100 + "x: 1\n"
    loaded = load_text(text)
    assert loaded.data is None and loaded.problems[0].kind == "limit"


def test_huge_integer_is_refused() -> None:
    [problem] = load_text("v: " + "9" * 5000).problems
    assert problem.kind == "limit" and problem.line == 1


def test_oversized_file_is_refused_before_parsing() -> None:
    [problem] = load_bytes(b"a: b\n" * (MAX_FILE_BYTES // 5 + 1)).problems
    assert problem.kind == "limit" and "MiB" in problem.message


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (b"\xef\xbb\xbfa: 1", "a: 1"),
        ("a: é".encode("utf-16"), "a: é"),
        (b"a: 1\r\nb: 2\r\n", "a: 1\r\nb: 2\r\n"),
    ],
)
def test_decode_accepts_utf8_bom_utf16_and_crlf(raw: bytes, text: str) -> None:
    assert decode(raw) == (text, None)


def test_crlf_positions_are_right() -> None:
    data = load_bytes(b"a: 1\r\nb: 2\r\n").data
    assert data.keys_at["b"] == (2, 1)


def test_non_utf8_and_binary_files_are_refused_with_a_line() -> None:
    text, problem = decode(b"a: ok\nb: caf\xe9\n")
    assert text is None and problem is not None
    assert problem.kind == "encoding" and problem.line == 2
    assert decode(b"\x89PNG\r\n\x1a\n\x00\x00")[1] is not None


def test_empty_and_comment_only_files_load_as_nothing() -> None:
    assert load_text("").data is None
    assert load_text("# just a comment\n").data is None


_SAMPLE = (
    "name: Booking  # a comment\n"
    "kind: care\n"
    "due: 2027-03-31\n"
    "flag: yes\n"
    "effort: 010\n"
    "list:\n  - a\n  - {b: [1, 2.5, ~]}\n"
    "name: again\n"
)


def _read_without(module: str) -> str:
    """What the reader makes of ``_SAMPLE`` in a Python where ``module`` cannot be imported."""
    import subprocess
    import sys

    program = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from digistrat.yamlio import HAVE_LIBYAML, load_text\n"
        f"loaded = load_text({_SAMPLE!r})\n"
        "print(HAVE_LIBYAML)\n"
        "print(repr(loaded.data), loaded.data.keys_at, loaded.data.values_at)\n"
        "print([(p.kind, p.line, p.column) for p in loaded.problems])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return done.stdout


def _read_here() -> str:
    loaded = load_text(_SAMPLE)
    data = loaded.data
    assert isinstance(data, YMap)
    return (
        f"{data!r} {data.keys_at} {data.values_at}\n"
        f"{[(p.kind, p.line, p.column) for p in loaded.problems]}\n"
    )


def test_without_libyaml_the_pure_parser_reads_the_same() -> None:
    # libyaml's parser is PyYAML's private module yaml._yaml: where it is missing (or moves),
    # PyYAML's public pure-Python parser reads the same data, positions and problems
    first, rest = _read_without("yaml._yaml").split("\n", 1)
    assert first == "False"
    assert rest == _read_here()
