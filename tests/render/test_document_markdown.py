"""strategy.md: plain fields show exactly what was written; markdown fields keep what the site
keeps. Checked by parsing the document with markdown-it-py as a git host would read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from digistrat.loader import load
from digistrat.render import produce
from digistrat.render.mdout import cell, escape, markdown
from digistrat.rules.examples import EXAMPLE_TODAY, materialise

READER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def document(tmp_path: Path, block: str) -> str:
    root = materialise(tmp_path / "repo", block)
    return produce(load(root), EXAMPLE_TODAY, ("document",))["strategy.md"].decode()


def inline(text: str) -> list[Token]:
    return [c for t in READER.parse(text) if t.type == "inline" for c in t.children or []]


def kinds(text: str) -> set[str]:
    return {c.type for c in inline(text)}


def headings(text: str) -> list[str]:
    tokens = READER.parse(text)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]


NAME = "Fast *booking* [x](https://evil.example/) ![px](https://tracker.example/p.gif) <b>b</b>"


def test_a_plain_field_is_shown_as_written(tmp_path: Path) -> None:
    md = document(tmp_path, f"# initiatives/online-booking.yaml\nname: {json.dumps(NAME)}\n")
    row = next(line for line in md.splitlines() if "Fast" in line and line.startswith("|"))
    found = kinds(row)
    assert not found & {"em_open", "link_open", "image", "html_inline"}, row
    shown = "".join(c.content for c in inline(row) if c.type == "text")
    assert "Fast *booking* [x](https://evil.example/) ![px](https://tracker.example/p.gif)" in shown


@pytest.mark.parametrize(
    ("block", "opening"),
    [
        ("# strategy.yaml\nprinciples:\n  - name: {v}\n    meaning: Plain.\n", "1. "),
        ("# strategy.yaml\nnot_doing:\n  - what: {v}\n    why: Plain.\n", "- "),
        ("# strategy.yaml\norganisation: {v}\n", "*"),
    ],
)
def test_plain_fields_outside_tables(tmp_path: Path, block: str, opening: str) -> None:
    md = document(tmp_path, block.format(v=json.dumps(NAME)))
    line = next(line for line in md.splitlines() if "Fast" in line and line.startswith(opening))
    found = [c.type for c in inline(line)]
    assert found.count("em_open") + found.count("strong_open") <= 1, line  # the template's own
    assert not {"link_open", "image", "html_inline"} & set(found), line


def test_a_markdown_field_keeps_emphasis_and_safe_links_only(tmp_path: Path) -> None:
    outcome = (
        "Fewer *missed* visits, see [the plan](https://example.org/plan) "
        "![px](https://tracker.example/p.gif) <img src=x>"
    )
    md = document(tmp_path, f"# commitments/rebook-online.yaml\noutcome: {json.dumps(outcome)}\n")
    line = next(line for line in md.splitlines() if line.startswith("Fewer"))
    tokens = inline(line)
    assert {"em_open", "link_open"} <= {c.type for c in tokens}
    assert not {"image", "html_inline"} & {c.type for c in tokens}
    hrefs = [c.attrGet("href") for c in tokens if c.type == "link_open"]
    # the image is a link to the picture, as on the site, never an image fetched on display
    assert hrefs == ["https://example.org/plan", "https://tracker.example/p.gif"]


def test_a_heading_in_an_outcome_is_text(tmp_path: Path) -> None:
    outcome = "# Not a heading\n\n## Nor this\n\n- nor a list"
    md = document(tmp_path, f"# commitments/rebook-online.yaml\noutcome: {json.dumps(outcome)}\n")
    assert "Not a heading" not in " ".join(headings(md))
    assert "Nor this" not in " ".join(headings(md))
    assert "\\# Not a heading \\#\\# Nor this - nor a list" in md


def test_an_indicator_unit_cannot_break_the_table(tmp_path: Path) -> None:
    block = (
        "# strategy.yaml\nindicators:\n  - name: Booked | online\n    kind: take-up\n"
        '    baseline: 20\n    target: 60\n    due: 2029-03-31\n    unit: " % | x\\n| y"\n'
    )
    md = document(tmp_path, block)
    rows: list[list[str]] = []
    tokens = READER.parse(md)
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            rows.append([])
        if t.type in ("th_open", "td_open"):
            rows[-1].append(tokens[i + 1].content)
    table = next(r for r in rows if r and r[0] == "Indicator")
    start = rows.index(table)
    assert rows[start + 1] == ["Booked | online", "20% | x | y", "60% | x | y", "–"]


def test_a_commitment_statement_heading_stays_one_heading(tmp_path: Path) -> None:
    statement = "Rebook online #1 ## fast\n# second"
    md = document(
        tmp_path, f"# commitments/rebook-online.yaml\nstatement: {json.dumps(statement)}\n"
    )
    found = [h for h in headings(md) if "Rebook" in h]
    assert len(found) == 1 and "second" in found[0]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain words", "plain words"),
        (
            "*a* _b_ `c` [d](e) #f |g ~h~ <i> &amp; \\",
            "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\#f \\|g \\~h\\~ &lt;i\\> &amp;amp; \\\\",
        ),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("1. item", "1\\. item"),
        ("2) item", "2\\) item"),
        ("1.5 units", "1.5 units"),
        ("line\nbreak\r\n\ttab", "line break tab"),
        ("wow!", "wow\\!"),
        ("bell\x07", "bell\ufffd"),
        (None, ""),
    ],
)
def test_escape(raw: str | None, shown: str) -> None:
    assert escape(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("*a* **b** `c`", "*a* **b** `c`"),
        ("[d](<https://e.org/x y>)", "[d](https://e.org/x%20y)"),
        ("[d](https://e.org/x y)", "\\[d\\](https://e.org/x y)"),
        ("[d](javascript:alert(1))", "\\[d\\](javascript:alert(1))"),
        ("![i](https://p.example/i.gif)", "\\![i](https://p.example/i.gif)"),
        ("<b>x</b>", "&lt;b\\>x&lt;/b\\>"),
        ("# h", "\\# h"),
        ("- a\n- b", "\\- a - b"),
        ("`a`b`` c", "`a`b\\`\\` c"),
        ("``a`b`` c", "``a`b`` c"),
        ("[a `]` b](https://x.org)", "[a `]` b](https://x.org)"),
        ("[p](https://x.org/a_(b))", "[p](https://x.org/a_%28b%29)"),
    ],
)
def test_markdown(raw: str, shown: str) -> None:
    assert markdown(raw) == shown


def test_cell() -> None:
    assert cell("a | b\nc") == "a \\| b c"
    assert cell("`x|y`", is_markdown=True) == "`x\\|y`"
    assert cell("") == cell(None) == "–"
