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
from bisect import bisect_right
from collections.abc import Mapping
from typing import Any

from markupsafe import escape

from digistrat.prose.vocabulary import KNOWN_TO_ALL, VOCABULARY

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
_WORD_BEFORE = re.compile(r"[\w&;.-]")
_SKIPPED_TAG = re.compile(rf"<(/?)(?i:{'|'.join(sorted(_SKIPPED))})(?=[\s/>])[^>]*>")


def site_terms(glossary: Mapping[str, str]) -> dict[str, str]:
    """Term → meaning for the site: the everyday vocabulary but the terms every reader knows,
    with the strategy's own glossary added (its meanings win)."""
    terms = {t: m for t, m in VOCABULARY.items() if t not in KNOWN_TO_ALL}
    terms.update(glossary)
    return terms


def glossary_entries(glossary: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(anchor, term, meaning) of each term of the strategy's glossary, in alphabetical order,
    for the glossary page; each anchor is unique (``term-virtual-ward``)."""
    out: list[tuple[str, str, str]] = []
    used: set[str] = set()
    for term in sorted(glossary, key=lambda t: (t.casefold(), t)):
        slug = "term-" + (_NOT_SLUG.sub("-", term.casefold()).strip("-") or "x")
        anchor, n = slug, 1
        while anchor in used:
            n += 1
            anchor = f"{slug}-{n}"
        used.add(anchor)
        out.append((anchor, term, glossary[term]))
    return out


class Explainer:
    """Explains the terms of one site, page after page (the pattern is compiled once)."""

    def __init__(self, terms: Mapping[str, str], anchors: Mapping[str, str] | None = None) -> None:
        self.meanings: dict[str, str] = {}
        """Term as escaped HTML (words case-folded) → meaning."""
        self.anchors: dict[str, str] = {}
        """Term as in :attr:`meanings` → its anchor on the glossary page, for the terms there."""
        spellings: list[str] = []
        for term in terms:
            meaning = " ".join(str(terms[term]).split())
            if not term.strip() or not meaning:
                continue
            html = str(escape(term))  # as the page has it: "R&amp;D"
            if any(c.islower() for c in term):  # a word or a name: as written, or capitalised
                spellings += {html, html[:1].upper() + html[1:], html[:1].lower() + html[1:]}
                key = html.casefold()
            else:  # an acronym: its capitals, perhaps plural
                spellings += [html, html + "s", html + "&#39;s"]
                key = html
            self.meanings.setdefault(key, meaning)
            if anchors and term in anchors:
                self.anchors.setdefault(key, anchors[term])
        # One alternative per first character, and so on (a trie): the regular expression
        # engine tries a handful of characters at each place rather than every term, four
        # times faster. What comes before a match is tested in Python (see :meth:`explain`).
        self.pattern = re.compile(rf"{_trie(spellings)}(?![\w-]|\.\w|&amp;)") if spellings else None

    def _meaning(self, found: str) -> tuple[str, str] | None:
        """(key of the term in :attr:`meanings`, meaning) of a match: the term without a
        plural ending."""
        for term in (found, found.removesuffix("&#39;s"), found.removesuffix("s")):
            for key in (term, term.casefold()):
                meaning = self.meanings.get(key)
                if meaning is not None:
                    return key, meaning
        return None

    def _explained(self, written: str, key: str, meaning: str, root: str) -> str:
        """The first use of a term, explained: the meaning in brackets after it when it is
        short enough to read in the flow of a sentence (the full meaning, or the words that
        spell out an acronym, "ICB (integrated care board)"); otherwise, for a term of the
        glossary, a link to its entry on the glossary page."""
        title = escape(meaning)
        inline = _flat(meaning)
        if len(inline) > _INLINE:
            inline = _flat(_SPELLED.split(meaning, 1)[0])
            anchor = self.anchors.get(key)
            if len(inline) > _INLINE and anchor is not None:
                return f'<a class="term" href="{root}glossary.html#{anchor}">{written}</a>'
        return f'<abbr title="{title}">{written}</abbr> ({escape(inline)})'

    def explain(self, html: str, root: str = "") -> str:
        """``html`` with each known term explained at its first use in ``<main>`` (``root``:
        the way from the page to the top of the site, for links to the glossary page).

        The terms are looked for in the whole of ``<main>`` at once (one scan in C); only
        where one is found is it worked out whether that place is text, outside any skipped
        element: most pages have a few terms and hundreds of tags."""
        if self.pattern is None:
            return html
        start = html.find("<main")
        end = html.rfind("</main>")
        if start < 0 or end < start:
            return html
        seen: set[str] = set()
        skips: tuple[list[int], list[int]] | None = None
        out: list[str] = []
        at = 0
        for match in self.pattern.finditer(html, start, end):
            found = self._meaning(match.group(0))
            if found is None:
                continue
            key = found[0]
            if key in seen:
                continue
            where = match.start()
            if _WORD_BEFORE.match(html, where - 1) if where else False:
                continue  # inside a word: "xCQC"
            if html.rfind("<", start, where) > html.rfind(">", start, where):
                continue  # inside a tag: an attribute's value
            if skips is None:
                skips = _skipped_regions(html, start, end)
            places, depths = skips
            i = bisect_right(places, where) - 1
            if i >= 0 and depths[i] > 0:
                continue  # in a link, a heading, code…
            seen.add(key)
            before = html[max(0, where - 3) : where].rstrip()
            after = html[match.end() : match.end() + 3].lstrip()
            if before.endswith("(") or after.startswith("("):
                continue  # the author explains it here: "Care Quality Commission (CQC)"
            out.append(html[at:where])
            out.append(self._explained(match.group(0), key, found[1], root))
            at = match.end()
        if not out:
            return html
        out.append(html[at:])
        return "".join(out)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_INLINE = 60
"""The longest meaning put in brackets in the text (in characters); a longer one is cut to
the words that spell out the acronym, or linked to on the glossary page."""
_SPELLED = re.compile(r":\s| \(|, (?:a|an|the|which|who|used|where|now|before|with)\b")
"""Where the words that spell out an acronym end and an explanation starts: "integrated care
board, the NHS body that plans…", "PAS: patient administration system"."""
_ASIDE = re.compile(r"\s*\(([^()]*)\)")


def _flat(meaning: str) -> str:
    """A meaning to put in brackets in the text: its own brackets become commas, so that
    "ED (emergency department, A&E)" does not nest "(emergency department (A&E))"."""
    return _ASIDE.sub(r", \1", meaning) if "(" in meaning else meaning


def _trie(words: list[str]) -> str:
    """A regular expression matching any of ``words``, the longest first where one starts
    another, as nested alternatives sharing their beginnings."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alternatives = [re.escape(char) + build(node[char]) for char in sorted(node) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _skipped_regions(html: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Where each start or end tag of a skipped element is, and how many skipped elements
    the text after it is inside."""
    places: list[int] = []
    depths: list[int] = []
    depth = 0
    for tag in _SKIPPED_TAG.finditer(html, start, end):
        if tag.group(1):
            depth = max(0, depth - 1)
        elif not tag.group(0).endswith("/>"):
            depth += 1
        places.append(tag.start())
        depths.append(depth)
    return places, depths
