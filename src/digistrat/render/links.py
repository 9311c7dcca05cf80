"""Links between pages, and the small tags the pages show, as fast Python helpers.

A page at ``services/x.html`` links to ``../initiatives/y.html``: every link is relative, so the
site works from ``file://`` and from any web folder. A link is only made to a page this render
produces; otherwise the name is shown as plain text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from digistrat.render.context import Site
from digistrat.render.text import plain, safe

_SPECIAL = re.compile("[&<>'\"]")


def e(value: object) -> str:
    """HTML-escaped text, exactly as markupsafe escapes it (markup already marked safe is
    kept), without making a ``Markup`` object of every piece."""
    if type(value) is not str:
        html = getattr(value, "__html__", None)
        if html is not None:
            return str(html())
        value = str(value)
    if _SPECIAL.search(value) is None:
        return value
    return str(escape(value))


def tag(value: object, kind: str = "") -> Markup:
    """A coloured label whose words carry the meaning (never colour alone)."""
    if type(value) is str and type(kind) is str:  # a handful of statuses, on every page
        return _tag(value, kind)
    return _tag.__wrapped__(str(value), kind)


@lru_cache(maxsize=1024)
def _tag(text: str, kind: str) -> Markup:
    css, words = e(kind or text), e(text.replace("-", " "))
    return safe(f'<strong class="tag tag--{css}">{words}</strong>')


class Linker:
    """Links from pages one ``root`` away from the top of the site (``../`` for a page in a
    folder). Shared by all such pages: each link is made once and remembered, since the same
    services, needs and initiatives are linked from page after page."""

    __slots__ = ("_made", "_site_pages", "root", "site")

    def __init__(self, site: Site, root: str) -> None:
        self.site = site
        self.root = root
        self._site_pages = "site" in site.pages
        self._made: dict[tuple[object, ...], Markup] = {}

    def href(self, kind: str, ident: str) -> str:
        if kind == "objective":
            return f"{self.root}context.html#objective-{ident}"
        return f"{self.root}{kind}/{ident}.html"

    def link(self, kind: str, ident: str, text: object) -> Markup:
        key = (kind, ident, text, type(text))  # markup and plain text alike are not the same
        try:
            return self._made[key]
        except KeyError:
            made = self._made[key] = self._link(kind, ident, text)
        except TypeError:  # text that cannot be a key (from a repository's own template)
            return self._link(kind, ident, text)
        return made

    def _link(self, kind: str, ident: str, text: object) -> Markup:
        if kind == "objective":
            linked = self._site_pages and ident in self.site.objectives
        else:
            linked = self.site.has_page(kind, ident)
        if not linked:
            return escape(text)
        return safe(f'<a href="{e(self.href(kind, ident))}">{e(text)}</a>')

    def initiative(self, ident: str) -> Markup:
        found = self.site.initiatives.get(ident)
        return self.link("initiatives", ident, found.name if found else ident)

    def need(self, ref: str) -> Markup:
        try:
            return self._made[("need", ref)]
        except KeyError:
            made = self._made[("need", ref)] = self._need(ref)
        return made

    def _need(self, ref: str) -> Markup:
        found = self.site.needs.get(ref)
        if found is None:
            return escape(ref)
        statement = plain(found.need.statement)
        if not self.site.has_page("users", found.group_id):
            return escape(f"{statement} ({found.group_name})")
        href = e(f"{self.href('users', found.group_id)}#need-{found.need.id}")
        group = e(found.group_name)
        return safe(f'<a href="{href}">{e(statement)}</a> <span class="muted">({group})</span>')
