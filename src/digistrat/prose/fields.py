"""Where the text rules look: the text values of every file, with their locations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digistrat.loader import Repository

Loc = tuple[str | int, ...]

NOT_PROSE = frozenset(
    {
        "id",
        "kind",
        "function",
        "owner",
        "role",
        "unit",
        "source",
        "technology",
        "systems",
        "published_at",
        "organisation",
        "status",
        "phase",
        "type",
        "category",
        "voices",
        "cadence",
        "frequency",
        "area",
        "date",
        "when",
        "due",
        "start",
        "end",
        "measured_on",
        "baseline_date",
        "last_reviewed",
        "switch_off",
        "until",
        "likelihood",
    }
)
"""Keys whose values are codes, people and their roles, names of systems or dates rather than
sentences someone reads: acronyms and jargon are not looked for there. (References to other
entries are lists of ids, found by their form: see :func:`is_identifier`.)"""

SETTINGS = frozenset({"check", "scoring"})
"""Top-level keys of strategy.yaml holding digistrat's own settings, never strategy text."""


@dataclass(frozen=True, slots=True)
class TextValue:
    """One text value of a file: the entity it belongs to, where it is, and the text."""

    kind: str
    ident: str
    loc: Loc
    text: str


def text_values(
    data: Any, skip: frozenset[str] = frozenset(), loc: Loc = ()
) -> Iterator[tuple[Loc, str]]:
    """Every text value in loaded YAML with its location (keys and list indexes), in file
    order; keys in ``skip`` are not entered, at any depth."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, (str, int)) and key not in skip:
                yield from text_values(value, skip, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from text_values(value, skip, (*loc, i))


def entities_in_order(repo: Repository) -> Iterator[tuple[str, str, Any]]:
    """``(kind, ident, raw YAML)`` of every entry that loaded: strategy.yaml first, then the
    other files in path order, so that "the first use" of a word is stable between runs."""
    located = sorted(repo.paths.items(), key=lambda item: (item[0][0] != "strategy", item[1]))
    for (kind, ident), path in located:
        source = repo.files.get(path)
        if source is not None:
            yield kind, ident, source.data


def repository_text(
    repo: Repository,
    skip: frozenset[str] = frozenset(),
    wanted: Callable[[str], object] | None = None,
) -> list[TextValue]:
    """The text values of the repository (digistrat's own settings excluded), in order.

    ``wanted`` is a cheap test of the text (a compiled pattern's ``search``, say): only values
    that pass it are returned. Nothing is allocated for the others, which keeps a scan of ten
    thousand files fast (allocating a record per value makes the garbage collector walk the
    whole loaded repository again and again).
    """
    out: list[TextValue] = []
    path: list[str | int] = []

    def visit(node: Any, kind: str, ident: str) -> None:
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, str):
                if (wanted is None or wanted(value)) and key not in skip:
                    path.append(key)
                    out.append(TextValue(kind, ident, tuple(path), value))
                    path.pop()
            elif isinstance(value, (dict, list)) and key not in skip:
                path.append(key)
                visit(value, kind, ident)
                path.pop()

    for kind, ident, data in entities_in_order(repo):
        if isinstance(data, dict):
            if kind == "strategy":
                data = {k: v for k, v in data.items() if k not in SETTINGS}
            visit(data, kind, ident)
    return out


_IDENTIFIER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?")


def is_identifier(text: str) -> bool:
    """Whether ``text`` is an id or a reference (``online-booking``, ``outpatients/know-when``)
    or a one-word code such as a status, rather than words someone reads."""
    return _IDENTIFIER.fullmatch(text) is not None


def terms_option(value: Any, default: tuple[str, ...]) -> tuple[str, ...]:
    """A word-list option as a tuple of non-empty strings; a single string is a list of one,
    anything unusable falls back to ``default``."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return default
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def int_option(value: Any, default: int) -> int:
    """A whole-number option; anything that is not a positive whole number gives ``default``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 1:
        return default
    return int(value)
