"""Hostile text in every field is published as text: no markup, no script, no template code."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from render_sample import SAMPLE

from digistrat.loader import load
from digistrat.render import produce

from helpers import build_tree

TODAY = date(2026, 11, 26)
PAYLOAD = (
    '<script>alert(1)</script> "><img src=x onerror=alert(2)> '
    "[click](javascript:alert(3)) <a href='javascript:alert(4)'>x</a> "
    "{{ 7 * 7 }} {% raw %} ${7*7} <svg onload=alert(5)>"
)
HOSTILE_TERM = "<b onmouseover=alert(6)>x</b>"
SHORT_PAYLOAD = '<i onclick="alert`7`">r</i>'
TEXT_KEYS = {
    "organisation", "title", "mission", "name", "role", "meaning", "alignment", "what", "why",
    "impact", "risk", "mitigation", "description", "statement", "outcome", "metric", "source",
    "summary", "note", "change", "unit", "team", "audience",
}  # fmt: skip


def _poison(text: str) -> str:
    """Replace every free-text value of a sample file with the payload (as a YAML string)."""
    quoted = json.dumps(PAYLOAD)
    out = []
    for line in text.splitlines():
        out.append(
            re.sub(
                r"(?P<key>\b(?:" + "|".join(sorted(TEXT_KEYS)) + r")): (?P<value>[^,}\n]+)",
                lambda m: (
                    m[0]
                    if re.fullmatch(r"[a-z-]+", m["value"].strip())  # a choice, such as `high`
                    else f"{m['key']}: {quoted}"
                ),
                line,
            )
        )
    return "\n".join(out) + "\n"


@pytest.fixture
def poisoned(tmp_path: Path) -> Path:
    files = {path: _poison(text) for path, text in SAMPLE.items()}
    files["strategy.yaml"] += "\n        " + "\n        ".join(
        [
            "decisions:",
            f"  - decision: {json.dumps(PAYLOAD)}",
            "constraints:",
            f"  - {{kind: funding, description: {json.dumps(PAYLOAD)}}}",
            "glossary:",  # explained in the text where a page first uses the term
            f"  onerror: {json.dumps(PAYLOAD)}",  # long: the term links to the glossary page
            f"  raw: {json.dumps(SHORT_PAYLOAD)}",  # short: in brackets after the term
            f"  {json.dumps(HOSTILE_TERM)}: {json.dumps(PAYLOAD)}",
        ]
    )
    return build_tree(tmp_path / "repo", files)


class _Audit(HTMLParser):
    """Collects every tag and attribute that could run code or load something."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe", "object", "embed", "base", "form"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}")
            unsafe = re.match(r"\s*(javascript|vbscript|data):", value or "", re.I)
            if name in ("href", "src", "xlink:href") and unsafe:
                self.bad.append(f"{tag} {name}={value}")


def test_the_payload_reached_the_repository(poisoned: Path) -> None:
    repo = load(poisoned)
    assert not repo.findings, repo.findings
    assert repo.strategy is not None and repo.strategy.mission == PAYLOAD
    assert repo.services["appointments"].name == PAYLOAD
    assert repo.users["patients"].needs[0].statement == PAYLOAD


def test_html_outputs_show_the_payload_as_text(poisoned: Path) -> None:
    files = produce(load(poisoned), TODAY)
    html = {p: d.decode() for p, d in files.items() if p.endswith(".html")}
    assert len(html) > 10
    for path, text in html.items():
        audit = _Audit()
        audit.feed(text)
        assert audit.bad == [], path
    index = html["index.html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index
    assert "{{ 7 * 7 }}" in index
    assert "{% raw %}" in index
    service = html["services/appointments.html"]
    assert "&lt;img src=x onerror=alert(2)&gt;" in service
    short = "&lt;i onclick=&#34;alert`7`&#34;&gt;r&lt;/i&gt;"
    assert f'<abbr title="{short}">raw</abbr> ({short})' in index
    assert '<a class="term" href="glossary.html#term-onerror">onerror</a>' in index
    glossary = html["glossary.html"]
    assert "<dfn>&lt;b onmouseover=alert(6)&gt;x&lt;/b&gt;</dfn>" in glossary


def test_markdown_document_shows_the_payload_as_text(poisoned: Path) -> None:
    md = produce(load(poisoned), TODAY, ("document",))["strategy.md"].decode()
    assert "<script" not in md
    assert "<img" not in md and "<svg" not in md and "<a " not in md
    assert not re.search(r"(?<!\\)\]\(\s*javascript:", md, re.I)
    assert "&lt;script\\>alert(1)&lt;/script\\>" in md
    assert "{{ 7 \\* 7 }}" in md


def test_charts_escape_names(poisoned: Path) -> None:
    files = produce(load(poisoned), TODAY, ("site",))
    services = files["services/index.html"].decode()
    svg = services[services.index("<svg") : services.rindex("</svg>")]
    assert "<script" not in svg and "<img" not in svg
