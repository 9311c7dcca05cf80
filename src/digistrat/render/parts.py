"""The small pieces many pages share (owner, lists of initiatives, summary lists, breadcrumbs),
as Python functions: a jinja macro call costs more than the page text it makes.

Templates reach them as ``m`` (``{{ m.owner(service.owner) }}``), the name the macros of
``site/macros.html`` had; that file still offers the same macros for templates importing it.
Every value is escaped here, as jinja would.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup

from digistrat.render.links import Linker, e, tag
from digistrat.render.text import safe


def owner(o: Any) -> Markup:
    """Who owns something: name, role and which lead they are; or that nobody is named."""
    if not o:
        return safe('<span class="muted">No owner named</span>')
    role = f", {e(o.role)}" if o.role else ""
    return safe(f'{e(o.name)}{role} <span class="muted">({e(o.function)} lead)</span>')


def initiative_list(ln: Linker, ids: Iterable[str], empty: str = "None yet.") -> Markup:
    """Initiatives as a list of links, each with its status; ``empty`` if there are none."""
    if not ids:
        return safe(f'<p class="muted">{e(empty)}</p>')
    found = ln.site.initiatives
    items = []
    for ident in ids:
        i = found.get(ident)
        status = f" {tag(i.status)}" if i else ""
        items.append(f"  <li>{ln.initiative(ident)}{status}</li>\n")
    return safe(f'<ul class="list">\n{"".join(items)}</ul>')


def summary_list(rows: Iterable[tuple[Any, Any]]) -> Markup:
    """Key and value pairs, as a description list."""
    body = "".join(
        f'  <div class="summary-list__row"><dt>{e(k)}</dt><dd>{e(v)}</dd></div>\n' for k, v in rows
    )
    return safe(f'<dl class="summary-list">\n{body}</dl>')


def back(root: str, href: str, text: str) -> Markup:
    """Breadcrumbs: home, then the page listing this one."""
    return safe(
        '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>\n'
        f'<li><a href="{e(root)}index.html">Home</a></li>\n'
        f'<li><a href="{e(root)}{e(href)}">{e(text)}</a></li>\n'
        "</ol></nav>"
    )


PARTS = SimpleNamespace(
    owner=owner, initiative_list=initiative_list, summary_list=summary_list, back=back
)
"""What templates see as ``m``."""
