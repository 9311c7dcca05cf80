"""The loaded values: mappings and lists that remember where they came from, problems, limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Limits: documented in docs/safety.md ("Limits"). Generous for any real strategy, fatal for abuse.
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000  # values after expanding aliases ("billion laughs" protection)
MAX_INT_DIGITS = 100

Pos = tuple[int, int]


class YMap(dict[Any, Any]):
    """A mapping that remembers its own position and each key's and value's position.

    Positions are stored compactly in ``at`` — key, key line, key column, value line, value
    column, for each key in file order — rather than as two dictionaries of tuples per mapping,
    which took more memory than the data itself. ``keys_at`` and ``values_at`` build those
    dictionaries when first asked (to point a finding at a line) and keep them; a repeated
    key's last place wins. Treat both as read-only.
    """

    __slots__ = ("_keys_at", "_values_at", "at", "pos")

    def __init__(self) -> None:
        super().__init__()
        self.pos: Pos = (1, 1)
        self.at: tuple[Any, ...] = ()

    @property
    def keys_at(self) -> dict[Any, Pos]:
        try:
            return self._keys_at
        except AttributeError:
            self._keys_at: dict[Any, Pos] = self._places(1)
            return self._keys_at

    @property
    def values_at(self) -> dict[Any, Pos]:
        try:
            return self._values_at
        except AttributeError:
            self._values_at: dict[Any, Pos] = self._places(3)
            return self._values_at

    def _places(self, offset: int) -> dict[Any, Pos]:
        """Key → (line, column) read from ``at`` at ``offset`` (1: the key's, 3: the value's)."""
        at = self.at
        return {at[i]: (at[i + offset], at[i + offset + 1]) for i in range(0, len(at), 5)}


class YSeq(list[Any]):
    """A sequence that remembers its own position and each item's position (stored flat in
    ``at``: line, column of each item; ``items_at`` gives them as pairs, built when first
    asked)."""

    __slots__ = ("_items_at", "at", "pos")

    def __init__(self) -> None:
        super().__init__()
        self.pos: Pos = (1, 1)
        self.at: tuple[int, ...] = ()

    @property
    def items_at(self) -> list[Pos]:
        try:
            return self._items_at
        except AttributeError:
            at = self.at
            self._items_at: list[Pos] = [(at[i], at[i + 1]) for i in range(0, len(at), 2)]
            return self._items_at


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Why a file could not be read; ``kind`` is one of: syntax, duplicate-key, unsafe, limit,
    encoding."""

    kind: str
    message: str
    hint: str
    line: int | None = None
    column: int | None = None


@dataclass(slots=True)
class Loaded:
    data: Any
    problems: list[YamlProblem] = field(default_factory=list)


def _duplicate_key(key: Any, first_line: int, at: Pos) -> YamlProblem:
    return YamlProblem(
        "duplicate-key",
        f"the key `{key}` appears twice in the same block (first on line {first_line})",
        "Keep one of them: with both, one would silently replace the other.",
        at[0],
        at[1],
    )
