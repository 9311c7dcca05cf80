"""Text from the strategy written into markdown output: ``strategy.md`` and
``digistrat score --format markdown``.

Two kinds of field:

- **Markdown fields** (the ones the site renders as markdown: descriptions, the mission,
  meanings, outcomes, notes, statements, reasons…) keep their emphasis, code and links, with
  exactly the site's rules: the same parser (:data:`digistrat.render.text._MD`: no HTML, no
  images, links only to the web, e-mail or a place in the page). The text is parsed, then
  written back out as markdown from what the parser kept, so nothing the site would drop
  survives: an image becomes a link, ``<b>`` shows as text, a ``javascript:`` link as text.
- **Everything else** (names, titles, units, sources, owners…) is plain text: every character
  markdown or HTML would read as formatting is escaped, so ``*fast*`` shows with its stars and
  ``[x](y)`` is not a link.

Either way the result is one line (a heading, a list item or a table cell can hold no more), so
nothing from the data can start a heading, a list, a quote or a code block, and no HTML tag or
image can appear. :func:`cell` also escapes ``|`` for tables (GitHub splits cells on a pipe even
inside code).
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.token import Token

_SPECIAL = re.compile(r"([\\`*_\[\]#|~>])")
_ENTITY_LIKE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_LIST_NUMBER = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _not_a_block(text: str) -> str:
    """``text`` unable to start a list or a setext underline if it opens a line (``#``, ``>``,
    backticks and ``*`` are escaped everywhere already)."""
    if text[:1] in ("-", "+", "="):
        return "\\" + text
    return _LIST_NUMBER.sub(r"\1\\\2", text, count=1)


def _one_line(text: Any) -> str:
    return _CONTROL.sub("\ufffd", " ".join(str(text).split()))


def _escape(text: str) -> str:
    """Escape text already on one line (no line-start handling)."""
    text = _ENTITY_LIKE.sub("&amp;", text)
    text = _SPECIAL.sub(r"\\\1", text).replace("<", "&lt;")
    if text.endswith("!"):  # "!" followed by a link written after it would make an image
        text = text[:-1] + "\\!"
    return text


def escape(text: Any) -> str:
    """Plain text as markdown that shows exactly that text, on one line."""
    if text is None:
        return ""
    out = _escape(_one_line(text))
    return _not_a_block(out)


def code(content: str) -> str:
    """``content`` as a code span, fenced with more backticks than it holds."""
    content = _one_line(content)
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") or not content.strip() else ""
    return f"{fence}{pad}{content}{pad}{fence}"


def _href(url: str) -> str:
    return url.replace("\\", "%5C").replace("(", "%28").replace(")", "%29").replace(" ", "%20")


def _inline(tokens: list[Token]) -> str:
    out: list[str] = []
    targets: list[str] = []
    for tok in tokens:
        if tok.type in ("text", "text_special"):
            out.append(_escape(tok.content))
        elif tok.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif tok.type == "code_inline":
            out.append(code(tok.content))
        elif tok.type in ("em_open", "em_close"):
            out.append("*")
        elif tok.type in ("strong_open", "strong_close"):
            out.append("**")
        elif tok.type == "link_open":
            if out and out[-1].endswith("!") and not out[-1].endswith("\\!"):
                out[-1] = out[-1][:-1] + "\\!"
            out.append("[")
            targets.append(_href(str(tok.attrGet("href") or "")))
        elif tok.type == "link_close":
            out.append(f"]({targets.pop()})" if targets else "\\]")
        else:  # anything else the parser might make: shown as its text
            out.append(_escape(tok.content))
    return "".join(out)


def markdown(text: Any) -> str:
    """A markdown field as safe markdown on one line, sanitised as the site sanitises it."""
    if text is None or text == "":
        return ""
    from digistrat.render.text import _MD

    source = _one_line(text)
    tokens = _MD.parseInline(source)
    children = tokens[0].children if tokens and tokens[0].children else []
    out = _inline(children)
    return _not_a_block(out)


def cell(text: Any, *, is_markdown: bool = False) -> str:
    """One table cell: escaped (or sanitised markdown), one line, pipes escaped; ``–`` if
    empty."""
    if text is None or text == "":
        return "–"
    out = markdown(text) if is_markdown else escape(text)
    return re.sub(r"(?<!\\)\|", r"\\|", out)
