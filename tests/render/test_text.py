"""Markdown from text fields: formatting kept, HTML and unsafe links never passed through."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digistrat.render.text import md_block, md_cell, md_escape, md_inline, plain, safe_link


def test_markdown_formatting_is_kept() -> None:
    assert md_block("We *will* do it.\n\n- one\n- two") == (
        "<p>We <em>will</em> do it.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>"
    )
    assert md_inline("see [the plan](https://example.org/plan)") == (
        'see <a href="https://example.org/plan">the plan</a>'
    )


def test_raw_html_is_shown_as_text() -> None:
    html = md_block('<script>alert(1)</script><img src=x onerror="alert(2)">')
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ],
)
def test_unsafe_links_are_not_made(link: str) -> None:
    html = md_inline(f"[click]({link})")
    assert "<a" not in html
    assert not safe_link(link)


@pytest.mark.parametrize(
    "link", ["https://example.org", "http://x.org/a?b#c", "mailto:a@b.org", "#top", "page.html"]
)
def test_safe_links_are_made(link: str) -> None:
    assert safe_link(link)
    assert "<a href=" in md_inline(f"[x]({link})")


def test_images_are_never_loaded() -> None:
    assert "<img" not in md_block("![tracker](https://example.org/pixel.gif)")


def test_plain_strips_markup() -> None:
    assert plain("We *will* fix [it](https://x.org) & <b>that</b>") == (
        "We will fix it & <b>that</b>"
    )


def test_markdown_document_escaping() -> None:
    assert md_escape("<script>x</script> &amp; [a](javascript:y)") == (
        "&lt;script\\>x&lt;/script\\> &amp;amp; \\[a\\](javascript:y)"
    )
    assert md_cell("a | b\nc") == "a \\| b c"
    assert md_cell(None) == "–"


@pytest.mark.parametrize(
    "text",
    [
        "Hello world.",
        'He said "hi" and it\'s fine.',
        "Line one\nline two",
        "We cut 40% of calls (from 1,200 to 700); £4.50 per use.",
        "A - B / C ? D : E",
        "ends here \nand here",
        "a\n-b",
        "1. first",
        "*emphasis* and _this_",
        "    indented code",
        "Heading\n===",
        "see http://x.org now",
    ],
)
def test_fast_path_matches_the_markdown_parser(text: str) -> None:
    from digistrat.render.text import _MD

    assert md_block(text) == _MD.render(text).strip()
    assert md_inline(text) == _MD.renderInline(" ".join(text.split()))


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (40, "%", "40%"),
        (2.5, "%", "2.5%"),
        (0.7, "£", "£0.70"),
        (1200, "£", "£1,200"),
        (3, "days", "3 days"),
        (12000, None, "12,000"),
        (None, "%", "–"),
    ],
)
def test_values_are_written_with_their_units(
    value: float | None, unit: str | None, shown: str
) -> None:
    from digistrat.render.text import with_unit

    assert with_unit(value, unit) == shown


ALLOWED = {"p", "em", "strong", "a", "ul", "ol", "li", "code", "pre", "blockquote", "hr", "br"}
ALLOWED |= {f"h{n}" for n in range(1, 7)}


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("<>&\"'[]()!:/ \n*_`#-=ajvscriptonerrorimg=x1.")),
        max_size=80,
    )
)
def test_any_text_gives_only_harmless_markup(text: str) -> None:
    for html in (md_block(text), md_inline(text)):
        for tag, attrs in _tags(str(html)):
            assert tag in ALLOWED, html
            for name, value in attrs:
                assert name in ("href", "title", "start"), html
                if name == "href":
                    assert safe_link(value or ""), html
    assert "<" not in md_escape(text).replace("&lt;", "")
