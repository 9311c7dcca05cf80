"""Nothing injected into the markdown outputs: the corpus that attacks the site
(:data:`hostile_cases.HOSTILE_TEXT`) is written into every text field of the example repository,
``strategy.md`` and ``digistrat score --format markdown`` are rendered, and each is parsed with
markdown-it-py (HTML switched on and tables, as GitHub reads it) to prove that

- the document has exactly the structure (headings, lists, tables, paragraphs) that the same
  repository with harmless text gives: no heading, list, quote, code block or table cell came
  from the data;
- no image, no HTML and no unsafe link appears, and links come only from fields the site renders
  as markdown, pointing where the site's links may point.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hostile_cases import HOSTILE_TEXT, MARK, poisoned_copy
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from digistrat.cli import app
from digistrat.loader import load
from digistrat.render import produce
from digistrat.render.text import safe_link

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "riverside"
TODAY = date(2026, 6, 1)
READER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
"""How a git host reads the file: raw HTML allowed (then sanitised by the host), tables."""


def _document(root: Path) -> str:
    return produce(load(root), TODAY, ("document",))["strategy.md"].decode()


def _score(root: Path) -> str:
    done = CliRunner().invoke(app, ["score", str(root), "--format", "markdown"])
    assert done.exit_code == 0, done.output
    return done.output


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example repository poisoned, and the same with harmless text at the same places."""
    top = tmp_path_factory.mktemp("md")
    return {
        "hostile": poisoned_copy(EXAMPLE, top / "hostile"),
        "harmless": poisoned_copy(EXAMPLE, top / "harmless", [MARK]),
    }


def _structure(tokens: list[Token]) -> list[tuple[str, str, int]]:
    return [(t.type, t.tag, t.level) for t in tokens if t.type != "inline"]


def _inline(tokens: list[Token]) -> list[Token]:
    return [c for t in tokens if t.type == "inline" for c in t.children or []]


def _problems(text: str) -> list[str]:
    tokens = READER.parse(text)
    found: list[str] = []
    for t in tokens:
        if t.type == "html_block":
            found.append(f"HTML block: {t.content[:60]!r}")
        if t.type in ("code_block", "fence"):
            found.append(f"code block: {t.content[:60]!r}")
        if t.type == "blockquote_open":
            found.append("a quote")
    for c in _inline(tokens):
        if c.type == "image":
            found.append(f"image: {c.attrGet('src')!r}")
        if c.type == "html_inline":
            found.append(f"HTML: {c.content!r}")
        if c.type == "link_open" and not safe_link(str(c.attrGet("href"))):
            found.append(f"unsafe link: {c.attrGet('href')!r}")
    return found


@pytest.mark.parametrize("output", ["document", "score"])
def test_payloads_reached_the_output(twins: dict[str, Path], output: str) -> None:
    text = (_document if output == "document" else _score)(twins["hostile"])
    assert text.count(MARK) > (50 if output == "document" else 5)


@pytest.mark.parametrize("output", ["document", "score"])
def test_structure_comes_from_the_template_only(twins: dict[str, Path], output: str) -> None:
    make = _document if output == "document" else _score
    hostile, harmless = make(twins["hostile"]), make(twins["harmless"])
    assert _structure(READER.parse(hostile)) == _structure(READER.parse(harmless))


@pytest.mark.parametrize("output", ["document", "score"])
def test_no_image_html_or_unsafe_link(twins: dict[str, Path], output: str) -> None:
    text = (_document if output == "document" else _score)(twins["hostile"])
    assert _problems(text) == []


def test_links_only_from_markdown_fields(twins: dict[str, Path]) -> None:
    """The payload ``[x](https://evil.example/…)`` is a link where the site makes it one (a
    markdown field) and text elsewhere: the document has no more such links than the site."""

    document = _document(twins["hostile"])
    links = [
        c.attrGet("href")
        for c in _inline(READER.parse(document))
        if c.type == "link_open" and "evil.example" in str(c.attrGet("href"))
    ]
    site = produce(load(twins["hostile"]), TODAY, ("site",))
    site_links: set[Any] = set()
    for name, data in site.items():
        if name.endswith(".html"):
            html = data.decode()
            site_links |= {h for h in _hrefs(html) if "evil.example" in h}
    assert set(links) <= site_links
    score = _score(twins["hostile"])
    assert not [c for c in _inline(READER.parse(score)) if c.type == "link_open"]


def _hrefs(html: str) -> list[str]:
    import re

    return re.findall(r'href="([^"]*)"', html)


def test_the_corpus_has_markdown_attacks() -> None:
    assert any(p.startswith("# ") for p in HOSTILE_TEXT)
    assert any("![" in p for p in HOSTILE_TEXT)
    assert any("|" in p for p in HOSTILE_TEXT)
