"""Where the text rules look: the text values of every file, with their locations."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING, Any

from digistrat.models.common import WHITESPACE, trim_text
from digistrat.prose.match import CASE_FOLDS, stems

if TYPE_CHECKING:
    from digistrat.repository import Repository, SourceFile

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


@dataclass(frozen=True, slots=True)
class FoundText:
    """A text value picked out of :class:`RepositoryText` by a quick test, not yet located:
    finding where it is means reading its file again (:meth:`RepositoryText.locate`), which is
    only worth doing for the values that give a finding."""

    index: int
    kind: str
    ident: str
    text: str
    prose: bool
    """``False`` for the value of a key in :data:`NOT_PROSE` (or anything inside one)."""


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


def sources_in_order(repo: Repository) -> Iterator[tuple[str, str, SourceFile]]:
    """``(kind, ident, file)`` of every entry that loaded: strategy.yaml first, then the
    other files in path order, so that "the first use" of a word is stable between runs."""
    located = sorted(repo.paths.items(), key=lambda item: (item[0][0] != "strategy", item[1]))
    for (kind, ident), path in located:
        source = repo.files.get(path)
        if source is not None:
            yield kind, ident, source


def entities_in_order(repo: Repository) -> Iterator[tuple[str, str, Any]]:
    """``(kind, ident, raw YAML)`` of every entry that loaded, in :func:`sources_in_order`."""
    for kind, ident, source in sources_in_order(repo):
        yield kind, ident, source.data


def trimmed_texts(kind: str, data: Any) -> tuple[tuple[str, ...], bytes] | None:
    """Trim every text value of one file's YAML in place (as
    :func:`~digistrat.models.common.trim_text` does, in the same walk) and return them in file
    order (strategy.yaml's settings left out), as the loader keeps them, each with a byte: 1 if
    it is inside a key of :data:`NOT_PROSE`. ``None`` for a file that is not a mapping (which
    no model accepts, so it needs no trimming)."""
    if not isinstance(data, dict):
        return None
    if kind == "strategy":
        trim_text(data)  # its settings too, which are not collected
    out: list[str] = []
    coded = bytearray()
    _trim_and_collect(_without_settings(kind, data), out, coded, False)
    return tuple(out), bytes(coded)


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
                value = value.strip(WHITESPACE)  # as the loader keeps it
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


@lru_cache(maxsize=16)
def _after_separator(pattern: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"{_SEPARATOR}(?:{pattern.pattern})", pattern.flags)


@dataclass(frozen=True, slots=True)
class RepositoryText:
    """Every text value of the repository (digistrat's own settings excluded), walked once.

    Only references to the strings already loaded are kept (no record per value, which would
    make the garbage collector walk the whole loaded repository again and again); the
    location of a value is worked out again, one file at a time, for the values a rule asks
    for. Quick tests over all the text run on the values joined a few thousand at a time into
    one string, so that a test costs a few scans in C rather than a Python call per value.
    """

    entities: list[tuple[str, str, SourceFile]]
    """``(kind, ident, file)`` in the order of :func:`sources_in_order`."""
    texts: list[str]
    """Every text value, entity after entity, each in file order."""
    starts: list[int]
    """Where each entity's values begin in ``texts`` (one more entry, for the end)."""
    coded: bytes
    """For each of ``texts``: 1 if it is inside a key of :data:`NOT_PROSE`, else 0."""

    def _chunks(self, lower: bool) -> Iterator[tuple[int, str, list[int]]]:
        """Consecutive runs of the values, each as (index of its first value, its values
        (lower-cased with ``lower``) joined by NUL characters, where each begins in that
        string). Joined a run at a time and never kept: all the text of 10,000 entries joined
        at once would be two more copies of it in memory."""
        texts = self.texts
        for first in range(0, len(texts), _CHUNK):
            part = texts[first : first + _CHUNK]
            joined = _SEPARATOR.join(part)
            if lower:
                if joined.isascii():  # lower-casing keeps every character where it was
                    joined = joined.lower()
                else:
                    part = [t.lower() for t in part]
                    joined = _SEPARATOR.join(part)
            yield first, joined, list(accumulate(map(add, map(len, part), repeat(1)), initial=0))

    def matching(self, pattern: re.Pattern[str], *, lower: bool = False) -> set[int]:
        """Indexes (into ``texts``) of the values in which ``pattern`` finds a match. The
        pattern must not match an empty string, a NUL character or look around it."""
        found: set[int] = set()
        for first, joined, offsets in self._chunks(lower):
            at = first - 1
            found.update(at + bisect_right(offsets, m.start()) for m in pattern.finditer(joined))
        return found

    def beginning(self, pattern: re.Pattern[str], *, lower: bool = False) -> set[int]:
        """Indexes of the values whose beginning ``pattern`` matches (as ``pattern.match(text)``
        would say; ``lower``: once lower-cased; no inline flags in the pattern). Only the starts
        of values are tried, found by the separator before each: a pattern with a look-behind
        for the separator would be tried at every character of every value."""
        found: set[int] = set()
        anchored = _after_separator(pattern)
        for first, joined, offsets in self._chunks(lower):
            at = first - 1
            for m in anchored.finditer(_SEPARATOR + joined):
                found.add(at + bisect_right(offsets, m.start()))
        return found

    def containing(self, pieces: Iterable[str], *, lower: bool = False) -> set[int]:
        """Indexes of the values that contain one of ``pieces`` (``lower``: once lower-cased,
        as ``piece in text.lower()`` would say)."""
        pieces = tuple(pieces)
        if "" in pieces:
            return set(range(len(self.texts)))
        found: set[int] = set()
        for first, joined, offsets in self._chunks(lower):
            last = len(offsets) - 2
            for piece in pieces:
                at = -1 if _SEPARATOR in piece else joined.find(piece)
                while at >= 0:
                    i = bisect_right(offsets, at) - 1
                    found.add(first + i)
                    at = joined.find(piece, offsets[i + 1]) if i < last else -1
        spanning = [piece for piece in pieces if _SEPARATOR in piece]
        if spanning:
            texts = [t.lower() for t in self.texts] if lower else self.texts
            found.update(i for i, t in enumerate(texts) if any(p in t for p in spanning))
        return found

    def might_contain(self, terms: tuple[str, ...]) -> set[int]:
        """Indexes of the values for which :func:`~digistrat.prose.might_contain` says
        ``True``: the values without them hold none of ``terms``."""
        lower, exact = stems(terms)
        found = self.containing(exact)
        if lower:
            found |= self.containing(lower, lower=True)
            if not all(map(str.isascii, self.texts)):
                found |= self.matching(CASE_FOLDS, lower=True)
        return found

    def found(self, indexes: Iterable[int]) -> list[FoundText]:
        """The values at ``indexes`` (into ``texts``), in order, without their locations."""
        out: list[FoundText] = []
        starts, entities, texts, coded = self.starts, self.entities, self.texts, self.coded
        for i in sorted(set(indexes)):
            kind, ident, _ = entities[bisect_right(starts, i) - 1]
            out.append(FoundText(i, kind, ident, texts[i], not coded[i]))
        return out

    def locate(self, value: FoundText) -> Loc:
        """Where ``value`` is in its file (keys and list indexes)."""
        return self.at([value.index])[0].loc

    def select(self, wanted: Callable[[str], object] | None = None) -> list[TextValue]:
        """The values that pass ``wanted`` (all of them for ``None``), in order: the same as
        :func:`repository_text` with that test."""
        if wanted is None:
            return self.at(range(len(self.texts)))
        return self.at([i for i, text in enumerate(self.texts) if wanted(text)])

    def at(self, indexes: Iterable[int]) -> list[TextValue]:
        """The values at ``indexes`` (into ``texts``), with their locations, in order."""
        out: list[TextValue] = []
        starts = self.starts
        wanted = sorted(set(indexes))
        k = 0
        while k < len(wanted):
            e = bisect_right(starts, wanted[k]) - 1
            end = starts[e + 1]
            lo = k
            while k < len(wanted) and wanted[k] < end:
                k += 1
            kind, ident, source = self.entities[e]
            positions = [i - starts[e] for i in wanted[lo:k]]
            texts = [self.texts[starts[e] + i] for i in positions]
            data = source.data
            located = _located(_without_settings(kind, data), positions) if data else []
            located = [(loc, text.strip(WHITESPACE)) for loc, text in located]  # as loaded
            if [text for _, text in located] != texts:  # the file changed since loading
                located = [((), text) for text in texts]
            out.extend(TextValue(kind, ident, loc, text) for loc, text in located)
        return out


_SHORT = 24
"""Text this short is interned (as :mod:`digistrat.yamlio` does while parsing): 10,000 files
hold ~130,000 such values but only ~7,000 different ones, and the models keep them all."""
_intern = sys.intern
_SEPARATOR = "\x00"
_CHUNK = 512  # values joined at a time: enough for scans to run in C, few enough to stay in cache


def _trim_and_collect(node: Any, out: list[str], coded: bytearray, inside: bool) -> None:
    for key, value in node.items() if isinstance(node, dict) else enumerate(node):
        if isinstance(value, str):
            trimmed = value.strip(WHITESPACE)
            if len(trimmed) <= _SHORT:  # codes, names, dates: the same few in every file
                trimmed = _intern(trimmed)
            if trimmed is not value:
                node[key] = trimmed
            out.append(trimmed)
            coded.append(inside or key in NOT_PROSE)  # (a list index is never in it)
        elif isinstance(value, (dict, list)):
            _trim_and_collect(value, out, coded, inside or key in NOT_PROSE)


def _located(data: Any, positions: list[int]) -> list[tuple[Loc, str]]:
    """The location and text of the text values of ``data`` at ``positions`` (ascending
    indexes in the order :func:`_trim_and_collect` finds them)."""
    out: list[tuple[Loc, str]] = []
    path: list[str | int] = []
    count = 0
    wanted = iter(positions)
    target = next(wanted)

    def visit(node: Any) -> bool:
        nonlocal count, target
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if isinstance(value, str):
                if count == target:
                    out.append(((*path, key), value))
                    target = next(wanted, -1)
                    if target < 0:
                        return True
                count += 1
            elif isinstance(value, (dict, list)):
                path.append(key)
                done = visit(value)
                path.pop()
                if done:
                    return True
        return False

    visit(data)
    return out


def _without_settings(kind: str, data: Any) -> Any:
    if kind == "strategy" and isinstance(data, dict):
        return {k: v for k, v in data.items() if k not in SETTINGS}
    return data


def shared_text(repo: Repository, shared: dict[str, Any]) -> RepositoryText:
    """The repository's text values, walked on first use and kept in ``shared`` (the run's
    ``Context.shared``) for every other text rule of the run."""
    cached = shared.get("prose.text")
    if isinstance(cached, RepositoryText):
        return cached
    entities: list[tuple[str, str, SourceFile]] = []
    texts: list[str] = []
    starts: list[int] = []
    coded: list[bytes] = []
    for kind, ident, source in sources_in_order(repo):
        if source.texts is not None:
            entities.append((kind, ident, source))
            starts.append(len(texts))
            texts.extend(source.texts)
            coded.append(source.coded)
    starts.append(len(texts))
    built = RepositoryText(entities, texts, starts, b"".join(coded))
    shared["prose.text"] = built
    return built


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
