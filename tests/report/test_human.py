from __future__ import annotations

import re
from pathlib import Path

from digistrat.checker import CheckResult
from digistrat.findings import Finding
from digistrat.report import render


def test_grouped_by_file_with_source_line_why_and_fix(result: CheckResult) -> None:
    text = render("human", result)
    assert "\x1b[" not in text  # no colour unless asked for
    first, second = text.index("commitments/a b,c.yaml"), text.index("\nstrategy.yaml")
    assert first < second
    assert "1:1  error    C001 the commitment has no measure  [commitment-without-measure]" in text
    assert "2 │ principles: []" in text
    assert "fix: Add `principles:`." in text
    assert "why: Good commitments are measurable" in text
    assert "Found 2 errors, 1 warning, 1 note in 2 files (1 suppressed inline)." in text


def test_caret_under_the_column(result: CheckResult) -> None:
    lines = render("human", result).splitlines()
    at = next(i for i, line in enumerate(lines) if "T001" in line)
    source, caret = lines[at + 1], lines[at + 2]
    assert source.endswith("principles: []")
    assert caret.index("^") == source.index("principles: []") + 12


def test_why_is_said_once_per_rule(result: CheckResult) -> None:
    result.findings.append(result.findings[1])
    assert render("human", result).count("why: A strategy cannot detail") == 1


def test_colour_only_when_asked(result: CheckResult) -> None:
    assert "\x1b[" in render("human", result, color=True)


def test_clean(empty: CheckResult) -> None:
    assert render("human", empty).strip() == "No problems found in 3 files."


def test_missing_keys_are_named_not_quoted(result: CheckResult) -> None:
    from dataclasses import replace

    result.findings[1] = replace(result.findings[1], extra={"missing": "principles"})
    text = render("human", result)
    assert "(there is no `principles:` here)" in text
    assert text.count("2 │ principles: []") == 1  # only for the T001 finding on that line


_ANSI = re.compile(r"\x1b\[[0-9;]*m")
MARKUP_LIKE = "[bold]not bold[/] \\[x] [red]x[/red] [link=https://e.org]l[/link] [/]"


def test_coloured_output_without_its_colours_is_the_plain_output(tmp_path: Path) -> None:
    """The plain text is made without rich: it must be exactly what rich shows, less colour,
    for awkward text too (markup-like brackets, control characters, tabs, wide characters)."""
    awkward = f"{MARKUP_LIKE}\tend \x1b[2J\x07 \u2028 表 🙂 \r\nnext"
    (tmp_path / "strategy.yaml").write_text(f"title: '{MARKUP_LIKE}'\n\t{awkward}\n" * 3)
    findings = [
        Finding("T001", "vague-wording", "warning", "strategy.yaml", 1, 8, awkward, awkward),
        Finding("T001", "vague-wording", "error", "strategy.yaml", 2, 300, MARKUP_LIKE),
        Finding("P001", "principles-missing", "info", "strategy.yaml", 3, None, "m", "h"),
        Finding(
            "C001",
            "x",
            "error",
            f"a {MARKUP_LIKE}.yaml",
            None,
            None,
            "m",
            extra={"missing": awkward},
        ),
    ]
    result = CheckResult(root=tmp_path, findings=findings, suppressed=2, files_checked=3)
    plain = render("human", result)
    coloured = render("human", result, color=True)
    assert coloured != plain
    assert _ANSI.sub("", coloured) == plain
    assert "[bold]not bold[/]" in plain  # shown as written, never read as markup
