"""Nothing injected: every text field of the example repository replaced by an attack, rendered,
and the HTML parsed to prove none of it became markup, a script, a link target or a request.

The render helper tests escaping field by field; this is the cross-check over everything.
"""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_cases import HOSTILE_TEXT, MARK, poisoned_copy

from digistrat.loader import load

render_module = pytest.importorskip("digistrat.render")

EXAMPLE = Path(__file__).parent.parent.parent / "examples" / "riverside"
TODAY = date(2026, 6, 1)
PAYLOADS = HOSTILE_TEXT
RESOURCE_TAGS = {"img", "script", "link", "iframe", "source", "video", "audio", "object", "embed"}


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = poisoned_copy(EXAMPLE, tmp_path_factory.mktemp("xss") / "repo")
    repo = load(root)
    assert not [f for f in repo.findings if f.severity == "error"], repo.findings[:5]
    out = root.parent / "site"
    render_module.render(repo, out, TODAY)
    return out


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            # as a browser reads a URL: control characters and spaces inside are ignored
            text = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>: an event handler attribute")
            if name in ("href", "src", "action", "formaction", "xlink:href", "srcset") and (
                text.startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.problems.append(f"<{tag} {name}={value!r}>: a script link")
            if (
                tag in RESOURCE_TAGS
                and name in ("src", "href")
                and (text.startswith(("http:", "https:", "//")))
            ):
                self.problems.append(f"<{tag} {name}={value!r}>: a network request")
            if name == "style" and "url(" in text and ("//" in text or "http" in text):
                self.problems.append(f"<{tag} style={value!r}>: a network request from CSS")
        if tag in ("iframe", "object", "embed"):
            self.problems.append(f"<{tag}>: embedded content")
        if tag == "script":
            self.in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and MARK in data:
            self.problems.append("content inside a <script> element")


def test_payloads_reached_the_output(poisoned_site: Path) -> None:
    """Sanity: the attack text is in the site (as text), so the checks below mean something."""
    html = "".join(p.read_text(errors="replace") for p in poisoned_site.rglob("*.html"))
    assert html.count(MARK) > 50


def test_no_payload_became_markup(poisoned_site: Path) -> None:
    problems: list[str] = []
    for page in sorted(poisoned_site.rglob("*.htm*")) + sorted(poisoned_site.rglob("*.svg")):
        collector = _Collector()
        collector.feed(page.read_text(errors="replace"))
        problems += [f"{page.relative_to(poisoned_site)}: {p}" for p in collector.problems]
    assert not problems, "\n".join(problems[:20])


def test_stylesheets_make_no_requests(poisoned_site: Path) -> None:
    for css in poisoned_site.rglob("*.css"):
        text = css.read_text()
        assert MARK not in text
        assert "@import" not in text and "url(http" not in text and "url(//" not in text


def test_everything_written_stays_in_the_output_folder(poisoned_site: Path) -> None:
    real = poisoned_site.resolve()
    for written in poisoned_site.rglob("*"):
        assert written.resolve().is_relative_to(real)
        assert not written.is_symlink()
