"""yaml-rs's quick reading gives exactly what ``load_bytes`` gives, or leaves the file to it."""

from __future__ import annotations

import random
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from digistrat import loader
from digistrat.loader import load
from digistrat.scaffold import scaffold
from digistrat.yamlio import load_bytes, quick
from digistrat.yamlio.quick import quick_load

from helpers import build_tree

TODAY = date(2026, 11, 26)

pytestmark = pytest.mark.skipif(not quick.HAVE_YAML_RS, reason="yaml-rs is not installed")

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted(
    text
    for folder in ("examples", "src/digistrat", "templates")
    for p in (ROOT / folder).rglob("*.yaml")
    if "{%" not in (text := p.read_text(encoding="utf-8"))  # a jinja template is not YAML
)


def canon(value: Any) -> Any:
    """Values with their exact types (1 and 1.0 and True differ), order kept."""
    if isinstance(value, dict):
        return ("map", [(canon(k), canon(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [canon(v) for v in value])
    return (type(value).__name__, repr(value))


def agrees(text: str) -> bool:
    """yaml-rs took the file and read it as ``load_bytes`` does, or left it to it."""
    raw = text.encode("utf-8", "surrogatepass")
    quickly = quick_load(raw)
    if quickly is None:
        return True
    slowly = load_bytes(raw)
    return not slowly.problems and canon(quickly.data) == canon(slowly.data)


def test_the_bundled_files_are_read_quickly_and_the_same() -> None:
    raws = [text.encode("utf-8") for text in CORPUS]
    taken = [quick_load(raw) for raw in raws]
    assert len(CORPUS) > 50
    assert sum(t is not None for t in taken) >= 0.9 * len(CORPUS)  # the quick path is used
    for raw, got in zip(raws, taken, strict=True):
        if got is not None:
            assert canon(got.data) == canon(load_bytes(raw).data)


# What is put into files: YAML's own punctuation and the values the two parsers might read
# differently (numbers, special words, escapes, unusual characters).
PIECES = [
    *["\n", " ", "  ", "- ", ": ", ":", "#", " #", "'", '"', "|", ">", "|-", ">+", "|2"],
    *["[", "]", "{", "}", ",", "\\", "\\n", "\\x41", "\\N", "~", "null", "true", "NO", "yes"],
    *["1e3", "0.5", ".5", "-", "+1", "010", "0o7", "0x1F", "1_0", "0b1", "12:30", "2024-01-02"],
    *[".inf", ".nan", "\r\n", "\t", "\u00e9", "\U0001f600", "\u00a0", "\u2028", "\x85"],
    *["\ufeff", "\x07", "x", "key: value\n", "\n  ", "\n    - ", "? ", "*a", "&a ", "!t "],
    *["%", "---", "...", "<<: ", "=", "@", "`", "\\\n", "'\n'", '"\n  "', "a: |\n  ", "\n\n"],
]


def mutants(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        text = rng.choice(CORPUS)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(text) + 1)
            roll = rng.random()
            if roll < 0.6:
                text = text[:at] + rng.choice(PIECES) + text[at:]
            elif roll < 0.8:
                text = text[:at] + text[at + rng.randint(1, 8) :]
            else:
                other = rng.randrange(len(text) + 1)
                text = text[:at] + text[min(at, other) : max(at, other)][:40] + text[at:]
        out.append(text)
    return out


WORDS = ["a", "x y", "it's", "é", "no", "1", "1.5", "-2", "null", "~", "true", "#", "a #b"]
WORDS += ["", "--", "- x", "a:b", "\\", '"', "'", "12:30", ".5", "1e3", ",", "why?", "*", "|", ">"]


def scalar(rng: random.Random, indent: int) -> str:
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 4)))
    kind = rng.randrange(6)
    if kind == 0:
        return words
    if kind == 1:
        return "'" + words.replace("'", "''") + "'"
    if kind == 2:
        escape = rng.choice(["", "\\n", "\\t", "\\x41", "\\u00e9", "\\\\", '\\"', "\\N", "\\_"])
        return '"' + words.replace("\\", "\\\\").replace('"', '\\"') + escape + '"'
    if kind == 3:  # a block scalar, lines perhaps blank or indented further
        lines = [
            "" if rng.random() < 0.2 else " " * (indent + 2 + rng.choice([0, 0, 1, 2])) + words
            for _ in range(rng.randint(0, 4))
        ]
        return rng.choice(["|", ">", "|-", ">-", "|+", ">+", "|2", ">1"]) + "\n" + "\n".join(lines)
    if kind == 4:  # over several lines, perhaps with blank ones
        quote = rng.choice(["", "'", '"'])
        gap = "\n" + rng.choice(["", "\n"]) + " " * (indent + 2)
        return quote + gap.join(rng.choice(WORDS[:5]) for _ in range(rng.randint(1, 3))) + quote
    if rng.random() < 0.2:  # inline: the whole file goes to load_bytes
        return rng.choice(["[a, b]", "[]", "{}", "{a: 1, b: [c]}", "[1, 'x', \"y\"]"])
    return words + rng.choice(["", " # c", ":"])


def document(rng: random.Random, indent: int = 0, depth: int = 0) -> str:
    lines = []
    for key in rng.sample(["id", "name", "b b", "'q'", '"d"', "1", "true", "null", "e-f"], 3):
        pad, roll = " " * indent, rng.random()
        if depth < 3 and roll < 0.25:
            lines += [f"{pad}{key}:", document(rng, indent + 2, depth + 1)]
        elif depth < 3 and roll < 0.4:
            lines.append(f"{pad}{key}:")
            for _ in range(rng.randint(1, 3)):
                lines.append(f"{pad}{rng.choice(['', '  '])}- {scalar(rng, indent + 2)}")
        else:
            lines.append(f"{pad}{key}: {scalar(rng, indent)}{rng.choice(['', ' # c'])}")
    return "\n".join(lines)


def test_windows_line_breaks_are_read_quickly_and_the_same() -> None:
    """YAML reads a carriage return and line feed as one line break, wherever it is."""
    texts = [text.replace("\n", "\r\n") for text in CORPUS]
    assert sum(quick_load(t.encode()) is not None for t in texts) >= 0.9 * len(texts)
    assert [t for t in texts if not agrees(t)] == []
    assert agrees('a: "one\r\n  two"\r\nb: |\r\n  three\r\n\r\n  four\r\n')


def test_mutated_files_are_read_the_same_or_left_to_load_bytes() -> None:
    texts = mutants(seed=1, count=3000)
    texts += [t.replace("\n", "\r\n") for t in mutants(seed=3, count=1000)]
    assert sum(quick_load(t.encode("utf-8", "surrogatepass")) is not None for t in texts) > 800
    assert [t for t in texts if not agrees(t)] == []


def test_generated_files_are_read_the_same_or_left_to_load_bytes() -> None:
    rng = random.Random(2)
    texts = [document(rng) + "\n" for _ in range(3000)]
    assert sum(quick_load(t.encode()) is not None for t in texts) > 600
    assert [t for t in texts if not agrees(t)] == []


@pytest.mark.parametrize(
    "text",
    [
        "a: 1_000\n",  # yaml-rs: a number
        "a: 0b101\n",
        "a: 0X1F\n",
        "a: -0x1\n",
        "a: " + "9" * 120 + "\n",  # load_bytes: too long a number
        "? [a]\n: x\n",  # a complex key
        "[a, b]: c\n",
        "a: {{ today }}\n",
        "a: 1\n---\nb: 2\n",  # two documents
        "%YAML 1.2\n---\na: 1\n",
        "a: !foo x\n",  # a tag
        "a: &x 1\nb: *x\n",  # an anchor
        "<<: {b: 1}\n",  # a merge key
        "a: <<\n",
        "owner:\n  : name\n",  # an empty key
        ".nan: a\n.nan: b\n",  # keys that are not equal to themselves
        "k: [x:]\n",  # inline lists and blocks: yaml-rs reads these, libyaml refuses them
        "k: {x: |}\n",
        "k: {x: :1}\n",
        "k: [a, b]\n",  # (every inline list or block goes to load_bytes)
        "k: 9._\n",  # yaml-rs: a number
        "k: _.5\n",
        "a: x\u2028y\n",  # a line separator: libyaml breaks the line there
        "a: x\x85y\n",
        "\ufeffa: 1\n",
        "a:\tb\n",
        "a: 1\rb: 2\n",  # a carriage return alone
        "a: |\n",  # an empty block scalar at the end
        "a: >\n\n\n",
        "|\nname: x\n",  # a block scalar as the whole document
        "a: 1",  # no line break at the end
        "- " * 50_000 + "x\n",  # far too deep (yaml-rs would crash the process)
        "[" * 100_000 + "\n",
        "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 80)) + " " * 80 + "k: 1\n",
    ],
)
def test_what_the_parsers_read_differently_goes_to_load_bytes(text: str) -> None:
    assert quick_load(text.encode("utf-8")) is None


def test_a_file_too_big_for_the_quick_path_goes_to_load_bytes() -> None:
    text = "items:\n" + "".join(f"  - item {i}\n" for i in range(8000))
    assert len(text) > quick.MAX_QUICK_CHARS
    assert quick_load(text.encode()) is None


def test_not_utf8_goes_to_load_bytes() -> None:
    assert quick_load("a: é\n".encode("latin-1")) is None
    assert quick_load("a: 1\n".encode("utf-16")) is None


def findings_of(root: Path) -> list[tuple[str, str, int | None, int | None, str]]:
    return [(f.code, f.path, f.line, f.column, f.message) for f in load(root).findings]


def test_findings_in_files_read_quickly_point_at_the_same_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file read without positions is read again for them when something is wrong with it:
    wrong values, a wrong type, a duplicate id."""
    scaffold(tmp_path, today=TODAY)
    service = (tmp_path / "services" / "example-service.yaml").read_text(encoding="utf-8")
    build_tree(
        tmp_path,
        {
            "services/bad.yaml": "name: Bad\nkind: teleport\nowner:\n  name: A\n  role: 7\n",
            "services/twin.yaml": "# the same id\n\nid: example-service\n" + service,
            "users/list.yaml": "- a\n- b\n",
        },
    )
    for name in ("bad", "twin"):  # both are read quickly
        assert quick_load((tmp_path / "services" / f"{name}.yaml").read_bytes()) is not None
    quickly = findings_of(tmp_path)
    monkeypatch.setattr(loader, "quick_load", lambda raw: None)
    slowly = findings_of(tmp_path)
    assert quickly == slowly
    where = {(code, path): line for code, path, line, _, _ in quickly}
    assert where[("F004", "services/twin.yaml")] == 3  # the duplicate id, on its line
    assert any(path == "services/bad.yaml" and line == 2 for _, path, line, _, _ in quickly)


def test_the_example_loads_the_same_with_and_without_yaml_rs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(ROOT / "examples" / "riverside", tmp_path / "r")
    with_rs = load(tmp_path / "r")
    monkeypatch.setattr(quick, "_loads", None)
    without = load(tmp_path / "r")
    assert [f.sort_key for f in with_rs.findings] == [f.sort_key for f in without.findings]
    for kind in ("services", "users", "initiatives", "commitments"):
        assert with_rs.entities(kind) == without.entities(kind)
