"""Property-based fuzzing: whatever the input, a clear result or clear findings, never a crash.

Three sources of input: YAML text assembled from tricky tokens, structured YAML documents
(anchors, tags, flow and block styles, odd scalars), and mutations of the real example files
(byte flips, deleted and duplicated lines, changed indentation, inserted tokens, truncation).
Whole repositories are fuzzed too: the example repository with some files replaced.

The default profile is quick enough for CI. For a long run::

    DIGISTRAT_FUZZ=long .venv/bin/pytest tests/test_fuzz.py -q     (or: bash scripts/fuzz.sh)
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digistrat.checker import run as run_checks
from digistrat.cli import main
from digistrat.config import ConfigError
from digistrat.loader import load
from digistrat.render import OutputError, RenderError, render
from digistrat.scoring import plan, score
from digistrat.yamlio import Loaded, load_bytes, load_text

EXAMPLE = Path(__file__).parent.parent / "examples" / "riverside"
TODAY = date(2026, 6, 1)
_EXAMPLES = {
    p.relative_to(EXAMPLE).as_posix(): p.read_bytes() for p in sorted(EXAMPLE.rglob("*.yaml"))
}

_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
LONG = os.environ.get("DIGISTRAT_FUZZ") == "long"
LONG_EXAMPLES = int(os.environ.get("DIGISTRAT_FUZZ_EXAMPLES", "4000"))
# This module's own settings, applied to each of its tests (never loaded as a profile: that
# would change every other module's property tests too).
FUZZ = settings(
    max_examples=LONG_EXAMPLES if LONG else 200,
    deadline=None,
    suppress_health_check=_HEALTH,
    print_blob=LONG,
)
WHOLE = settings(FUZZ, max_examples=max(LONG_EXAMPLES // 10, 10) if LONG else 10)

# --- YAML text strategies -------------------------------------------------------------------

TOKENS = [
    "a", "name", "id", "kind", "status", "progress", "needs", "-", "- ", ": ", ":", "?", "? ",
    ",", "[", "]", "{", "}", "#", " #", "&a ", "*a", "&b ", "*b", "<<: ",
    "!!python/object:os.system ",
    "!!binary ", "!custom ", "!!str ", "!!map ", "!!set ", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n",
    "---\n", "...\n", "|", "|-\n", ">", ">+\n", "'", '"', "\\", "\\x00", "\\u00e9", "\t",
    "\n", "\n  ", "\n    ", "\r\n", "\r", " ", "  ", "no", "on", "yes", "~", "null", "true",
    "1e3", "010", "0x1F", "0o17", "-5", "1" + "0" * 120, ".nan", "-.inf", "2026-13-45",
    "2026-03-31", "1:30", "@", "`", "%", "é", "漢字", "\u200b", "\ufeff", "\x85", "\x07",
    "\u2028", "😀", "../", "con", "<script>alert(1)</script>", "javascript:alert(1)",
]  # fmt: skip

token_soup = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map(
    "".join
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["no", "on", "010", "1e3", "2026-13-45", "~", "", "- x", "a: b", "#"]),
)
documents: st.SearchStrategy[Any] = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.text(max_size=10), st.integers()), children, max_size=5),
    ),
    max_leaves=30,
)


@st.composite
def structured_yaml(draw: st.DrawFn) -> str:
    """A document dumped by PyYAML in a random style, then optionally decorated."""
    import yaml

    data = draw(documents)
    flow = draw(st.sampled_from([None, True, False]))
    indent = draw(st.integers(min_value=2, max_value=6))
    text = yaml.safe_dump(data, default_flow_style=flow, indent=indent, allow_unicode=True)
    decoration = draw(st.sampled_from(["", "anchor", "tag", "crlf", "bom", "comment"]))
    if decoration == "anchor" and ":" in text:
        text = "base: &base {x: 1}\n" + text.replace(": ", ": *base #", 1)
    elif decoration == "tag":
        text = text.replace(": ", ": !!python/object/apply:os.system ", 1)
    elif decoration == "crlf":
        text = text.replace("\n", "\r\n")
    elif decoration == "bom":
        text = "\ufeff" + text
    elif decoration == "comment":
        text = "# digistrat: ignore\n" + text
    return text


@st.composite
def mutated_example(draw: st.DrawFn) -> tuple[str, bytes]:
    """(path, bytes) of an example file after a few random mutations."""
    rel = draw(st.sampled_from(sorted(_EXAMPLES)))
    raw = bytearray(_EXAMPLES[rel])
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        how = draw(
            st.sampled_from(["flip", "delete-line", "dup-line", "indent", "insert", "truncate"])
        )
        if not raw:
            break
        if how == "flip":
            at = draw(st.integers(min_value=0, max_value=len(raw) - 1))
            raw[at] ^= 1 << draw(st.integers(min_value=0, max_value=7))
        elif how in ("delete-line", "dup-line", "indent"):
            lines = bytes(raw).split(b"\n")
            at = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            if how == "delete-line":
                del lines[at]
            elif how == "dup-line":
                lines.insert(at, lines[at])
            else:
                shift = draw(st.sampled_from([b" ", b"  ", b"\t", b"    "]))
                lines[at] = shift + lines[at] if draw(st.booleans()) else lines[at].lstrip()
            raw = bytearray(b"\n".join(lines))
        elif how == "insert":
            at = draw(st.integers(min_value=0, max_value=len(raw)))
            raw[at:at] = draw(st.sampled_from(TOKENS)).encode("utf-8", "surrogatepass")
        else:
            raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
    return rel, bytes(raw)


def assert_well_formed(loaded: Loaded) -> None:
    assert isinstance(loaded, Loaded)
    for problem in loaded.problems:
        assert problem.kind in {"syntax", "duplicate-key", "unsafe", "limit", "encoding"}
        assert problem.message and problem.hint
        assert problem.line is None or problem.line >= 1
        assert problem.column is None or problem.column >= 1
    if loaded.data is None:
        return
    # Whatever loaded is plain data: no objects from tags, no cycles from aliases.
    stack = [loaded.data]
    seen = 0
    while stack:
        item = stack.pop()
        seen += 1
        assert seen < 1_000_000
        assert isinstance(item, (dict, list, str, int, float, bool, type(None)))
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


# --- properties ---------------------------------------------------------------------------


@FUZZ
@given(token_soup)
def test_token_soup_never_crashes(text: str) -> None:
    assert_well_formed(load_text(text))


@FUZZ
@given(structured_yaml())
def test_structured_documents_never_crash(text: str) -> None:
    assert_well_formed(load_text(text))


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    assert_well_formed(load_bytes(raw))


@FUZZ
@given(mutated_example())
def test_mutated_example_files_never_crash(case: tuple[str, bytes]) -> None:
    _, raw = case
    assert_well_formed(load_bytes(raw))


_file_contents = st.one_of(
    mutated_example().map(lambda c: c[1]),
    structured_yaml().map(lambda t: t.encode("utf-8", "surrogatepass")),
    token_soup.map(lambda t: t.encode("utf-8", "surrogatepass")),
)
_targets = st.one_of(
    st.sampled_from(sorted(_EXAMPLES)),
    st.tuples(
        st.sampled_from(["services", "users", "initiatives", "commitments"]),
        st.sampled_from(["new", "Upper", "con", "a b", "x.y", "-", "é", "nested/deep"]),
    ).map(lambda t: f"{t[0]}/{t[1]}.yaml"),
)


@WHOLE
@given(st.dictionaries(_targets, _file_contents, min_size=1, max_size=3))
def test_whole_repositories_never_crash(changes: dict[str, bytes]) -> None:
    """The example repository with files replaced: load, check, score, plan, render and the
    check command all cope."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(EXAMPLE, root)
        for rel, raw in changes.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(raw)
        repo = load(root)
        for finding in repo.findings:
            assert finding.path and finding.message
        try:
            result = run_checks(repo, TODAY)
        except ConfigError:
            return  # a bad `check:` block: the CLI reports it with exit code 2
        for finding in result.findings:
            assert finding.path and finding.message
            assert finding.code != "Z002", finding.message  # a rule crashed (caught, but a bug)
        score(repo)
        plan(repo, TODAY)
        with contextlib.suppress(OutputError, RenderError):  # clear refusals: exit code 1
            render(repo, Path(tmp) / "site", TODAY)
        code, output = _cli(["check", "--format", "json", str(root)])
        assert code in (0, 1, 2) and "Traceback" not in output and "internal error" not in output


def _cli(args: list[str]) -> tuple[int, str]:
    """Run the real entry point in-process: (exit code, stdout + stderr)."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    err = io.StringIO()
    argv, sys.argv = sys.argv, ["digistrat", *args]
    code: Any = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.argv = argv
    out.flush()
    text = out.buffer.getvalue().decode("utf-8", "replace")
    return (code if isinstance(code, int) else 1 if code else 0), text + err.getvalue()


def _option_names() -> list[str]:
    from digistrat.config import known_options

    return sorted(known_options())


_option_values = st.one_of(
    scalars,
    st.lists(scalars, max_size=3),
    st.sampled_from(
        [0, -1, 1, 10**6, 10**30, 0.5, "", "abc", [], {}, None, True, math.inf, -math.inf, math.nan]
    ),
)
_settings_blocks = st.fixed_dictionaries(
    {},
    optional={
        "select": st.lists(st.sampled_from(["F001", "T005", "*", "", "x", "placeholder-text"])),
        "ignore": st.lists(st.sampled_from(["F002", "K", "[", "../", "Q001"])),
        "severity": st.dictionaries(
            st.sampled_from(["T005", "F001", "x", ""]),
            st.sampled_from(["error", "warning", "info", "fatal", 1]),
            max_size=3,
        ),
        "per_path_ignores": st.dictionaries(
            st.sampled_from(["services/*", "[", "**", "../*"]),
            st.lists(st.sampled_from(["F002", "*", "T005"]), max_size=2),
            max_size=2,
        ),
        "options": st.dictionaries(
            st.sampled_from([*_option_names(), "unknown"]), _option_values, max_size=4
        ),
    },
)
_scoring_blocks = st.fixed_dictionaries(
    {},
    optional={
        "model": st.sampled_from(["weighted", "value-effort", "rice", "wsjf", "nope"]),
        "options": st.dictionaries(
            st.sampled_from(["plan-duration", "reach", "confidence", "unknown"]),
            _option_values,
            max_size=3,
        ),
        "criteria": st.lists(
            st.fixed_dictionaries(
                {
                    "id": st.sampled_from(["patient-benefit", "cost", "x", "UPPER"]),
                    "label": st.just("L"),
                    "weight": st.one_of(st.floats(allow_nan=False), st.integers()),
                    "max": st.one_of(st.floats(allow_nan=False), st.integers()),
                },
                optional={"min": st.one_of(st.floats(allow_nan=False), st.integers())},
            ),
            max_size=3,
        ),
    },
)


@WHOLE
@given(_settings_blocks, _scoring_blocks)
def test_hostile_settings_never_crash(check: dict[str, Any], scoring: dict[str, Any]) -> None:
    """strategy.yaml's `check` and `scoring` blocks filled with nonsense: a clear answer."""
    import yaml

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(EXAMPLE, root)
        data = load_bytes(_EXAMPLES["strategy.yaml"]).data
        data = json.loads(json.dumps(data, default=str))
        data["check"], data["scoring"] = check, scoring
        (root / "strategy.yaml").write_text(yaml.safe_dump(data, allow_unicode=True))
        for args in (["check", "-f", "json", str(root)], ["score", str(root)]):
            code, output = _cli(args)
            assert code in (0, 1, 2) and "internal error" not in output, output[-2000:]
        repo = load(root)
        score(repo)
        plan(repo, TODAY)


@pytest.mark.parametrize("rel", sorted(_EXAMPLES))
def test_every_example_file_loads_cleanly(rel: str) -> None:
    """The mutation corpus starts from valid files (so mutations are meaningful)."""
    loaded = load_bytes(_EXAMPLES[rel])
    assert not loaded.problems and isinstance(loaded.data, dict)
