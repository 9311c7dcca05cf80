"""Terms explained where a page first uses them: the strategy's glossary and the everyday
vocabulary (:mod:`digistrat.prose.vocabulary`).

On each page of the site, the first use of a known term in the main content is written as
``<abbr title="meaning">CQC</abbr> (meaning)``: the meaning is in the text itself, so that every
reader gets it, whether they use a mouse, a keyboard or a screen reader (a ``title`` alone
shows only on hovering with a mouse). A use the author already explains, as "Care Quality
Commission (CQC)" or "CQC (Care Quality Commission)", counts as the first use and is left as
it is. Terms every reader knows (NHS, GP, A&E…) are never explained.

Works on the rendered, escaped HTML of a page: only text between tags is changed, and only in
``<main>``, outside links, headings, code and the like; what is added is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from markupsafe import escape

from digistrat.prose.vocabulary import KNOWN_TO_ALL, VOCABULARY

_TAG = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)
_SKIPPED = frozenset(
    {
        "a",
        "abbr",
        "button",
        "code",
        "dfn",
        "dt",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "kbd",
        "pre",
        "samp",
        "script",
        "select",
        "style",
        "svg",
        "textarea",
        "title",
    }
)
"""Elements whose text is never changed: links, headings, code, terms being defined…"""
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")


def site_terms(glossary: Mapping[str, str]) -> dict[str, str]:
    """Term → meaning for the site: the everyday vocabulary but the terms every reader knows,
    with the strategy's own glossary added (its meanings win)."""
    terms = {t: m for t, m in VOCABULARY.items() if t not in KNOWN_TO_ALL}
    terms.update(glossary)
    return terms


class Explainer:
    """Explains the terms of one site, page after page (the pattern is compiled once)."""

    def __init__(self, terms: Mapping[str, str]) -> None:
        self.meanings: dict[str, str] = {}
        """Term as escaped HTML (words case-folded) → meaning."""
        parts: list[str] = []
        for term in sorted(terms, key=len, reverse=True):
            meaning = " ".join(str(terms[term]).split())
            if not term.strip() or not meaning:
                continue
            html = str(escape(term))  # as the page has it: "R&amp;D"
            if any(c.islower() for c in term):  # a word or a name: any capitals
                parts.append(f"(?i:{re.escape(html)})")
                self.meanings.setdefault(html.casefold(), meaning)
            else:  # an acronym: its capitals, perhaps plural
                parts.append(f"{re.escape(html)}(?:s|&#39;s)?")
                self.meanings.setdefault(html, meaning)
        self.pattern = (
            re.compile(rf"(?<![\w&;.-])(?:{'|'.join(parts)})(?![\w-]|\.\w|&amp;)")
            if parts
            else None
        )

    def _meaning(self, found: str) -> tuple[str, str] | None:
        """(term as written, meaning) of a match: the term without a plural ending."""
        for term in (found, found.removesuffix("&#39;s"), found.removesuffix("s")):
            meaning = self.meanings.get(term) or self.meanings.get(term.casefold())
            if meaning is not None:
                return term, meaning
        return None

    def explain(self, html: str) -> str:
        """``html`` with each known term explained at its first use in ``<main>``."""
        if self.pattern is None:
            return html
        start = html.find("<main")
        end = html.rfind("</main>")
        if start < 0 or end < start:
            return html
        seen: set[str] = set()
        out: list[str] = [html[:start]]
        depth = 0  # how many skipped elements the text is inside
        at = start
        for tag in _TAG.finditer(html, start, end):
            if tag.start() > at:
                text = html[at : tag.start()]
                out.append(self._explain_text(text, seen) if depth == 0 else text)
            out.append(tag.group(0))
            at = tag.end()
            name = _TAG_NAME.match(tag.group(0))
            if name is not None and name.group(1).lower() in _SKIPPED:
                if tag.group(0).startswith("</"):
                    depth = max(0, depth - 1)
                elif not tag.group(0).endswith("/>"):
                    depth += 1
        out.append(self._explain_text(html[at:end], seen) if depth == 0 else html[at:end])
        out.append(html[end:])
        return "".join(out)

    def _explain_text(self, text: str, seen: set[str]) -> str:
        assert self.pattern is not None
        if not text.strip():
            return text
        out: list[str] = []
        at = 0
        for match in self.pattern.finditer(text):
            found = self._meaning(match.group(0))
            if found is None:
                continue
            term, meaning = found
            key = term.casefold()
            if key in seen:
                continue
            seen.add(key)
            before = text[max(0, match.start() - 3) : match.start()].rstrip()
            after = text[match.end() : match.end() + 3].lstrip()
            if before.endswith("(") or after.startswith("("):
                continue  # the author explains it here: "Care Quality Commission (CQC)"
            title = escape(meaning)
            out.append(text[at : match.start()])
            out.append(f'<abbr title="{title}">{match.group(0)}</abbr> ({title})')
            at = match.end()
        if not out:
            return text
        out.append(text[at:])
        return "".join(out)
