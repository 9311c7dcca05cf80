"""Text from the strategy, made safe for output: markdown to HTML and escaping for markdown.

Text fields may use markdown (emphasis, lists, links). Raw HTML is never passed through, images
are switched off (a published page must make no network request), and links are kept only when
they point at the web, an e-mail address or a place in the page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_SAFE_SCHEME = re.compile(r"^(?:https?:|mailto:|#|/|\./|\.\./|[^:/?#]*(?:[/?#]|$))", re.I)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def safe_link(url: str) -> bool:
    """Whether a link target may be published: web, e-mail, in-page or relative links only."""
    cleaned = _CONTROL.sub("", url)
    return bool(_SAFE_SCHEME.match(cleaned))


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = safe_link  # type: ignore[method-assign]
    return md


_MD = _parser()


_PLAIN = re.compile(r"[^*_\[\]`<>&!\\#~|=\t\r]*")
_LINE_START = re.compile(r"^(?:\s|[-+]|\d)", re.M)


def _plain_paragraph(text: str) -> bool:
    """True for ordinary prose that markdown would turn into one untouched paragraph."""
    return (
        "\n\n" not in text
        and " \n" not in text
        and text == text.strip()
        and _PLAIN.fullmatch(text) is not None
        and _LINE_START.search(text) is None
    )


@lru_cache(maxsize=4096)
def _block(text: str) -> str:
    if _plain_paragraph(text):  # the common case, 50 times faster than parsing
        return "<p>" + text.replace('"', "&quot;") + "</p>"
    rendered: str = _MD.render(text)
    return rendered.strip()


@lru_cache(maxsize=8192)
def _inline(text: str) -> str:
    if _PLAIN.fullmatch(text) is not None:
        return " ".join(text.split()).replace('"', "&quot;")
    rendered: str = _MD.renderInline(" ".join(text.split()))
    return rendered


def safe(html: str) -> Markup:
    """``Markup(html)`` for a plain ``str`` already safe as HTML, without the checks markupsafe
    makes on every value (they cost more than the small pieces digistrat's helpers make)."""
    return str.__new__(Markup, html)


def md_block(text: Any) -> Markup:
    """Markdown text as HTML paragraphs and lists (nothing for an empty value)."""
    if text is None or text == "":
        return safe("")
    return safe(_block(str(text)))


def md_inline(text: Any) -> Markup:
    """Markdown text as inline HTML (emphasis and links), for table cells and headings."""
    if text is None or text == "":
        return safe("")
    return safe(_inline(str(text)))


def plain(text: Any) -> str:
    """Markdown text reduced to plain words, for SVG labels and the poster's short lines."""
    if text is None:
        return ""
    html = _inline(str(text))
    if "<" not in html and "&" not in html:
        return html  # no tags to strip, no entities to decode
    stripped = re.sub(r"<[^>]*>", "", html)
    return Markup(stripped).unescape()


# --- numbers and labels -----------------------------------------------------------------------

_KEEP_HYPHENS = {"re-prioritisation": "re-prioritisation", "take-up": "take-up"}


def with_unit(value: float | None, unit: str | None) -> str:
    """A measured value with its unit: ``40%``, ``£0.70``, ``3 days`` (``–`` if missing).

    Kept for templates and code written against it; see :func:`digistrat.voice.quantity`.
    """
    from digistrat.voice import quantity

    return quantity(value, unit)


def words(value: object) -> str:
    """A choice such as ``in-progress`` written as words: ``in progress``."""
    text = str(value)
    return _KEEP_HYPHENS.get(text, text.replace("-", " "))


# --- escaping for the markdown document (see digistrat.render.mdout) -------------------------

_RUNS = re.compile(r"\s+")


def md_escape(text: Any) -> str:
    """Plain text for the markdown document: every markdown and HTML character escaped, on one
    line (see :func:`digistrat.render.mdout.escape`)."""
    from digistrat.render import mdout

    return mdout.escape(text)


def md_finalize(value: Any) -> Any:
    """Jinja ``finalize`` for markdown templates: every value not already made safe by a filter
    is escaped as plain text; spacing around it is kept, line breaks become spaces."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    from digistrat.render import mdout

    text = str(value)
    if not text.strip():
        return _RUNS.sub(" ", text)
    lead = " " if text[0].isspace() else ""
    tail = " " if text[-1].isspace() else ""
    return lead + mdout.escape(text) + tail


def md_cell(value: Any) -> Markup:
    """One markdown table cell of plain text: escaped, on one line, with pipes escaped."""
    from digistrat.render import mdout

    return safe(mdout.cell(value))


__all__ = ["escape", "md_block", "md_cell", "md_escape", "md_finalize", "md_inline", "plain"]
