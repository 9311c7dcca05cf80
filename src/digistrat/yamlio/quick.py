"""The quickest path: plain entry files read by yaml-rs, without positions.

yaml-rs (a YAML 1.2 parser written in Rust) reads a typical strategy file about ten times
faster than libyaml and our walk over its nodes together, but it says nothing of where each
value came from. Positions are only needed for the few files something is wrong with, and
those can be read again (:attr:`digistrat.repository.SourceFile.data` does). So an entry file
is read here first, and by :func:`digistrat.yamlio.load_bytes` only when positions are wanted.

It must give exactly what :func:`~digistrat.yamlio.load_bytes` gives, or nothing. The two
parsers differ on a few things, each found by comparing them on hundreds of thousands of
generated and mutated files: anchors, tags, merge keys, several documents, tabs and other
unusual characters, complex or empty keys, not-a-number keys, numbers such as ``0x1F``,
``1_000`` or ``9._``, nesting deeper than our limit, block scalars at the top or empty at the
very end, and lists or blocks written inline (``[a, b]``, ``{a: 1}``), where yaml-rs accepts
much that libyaml refuses. A file with anything of the kind is left to ``load_bytes``
(:func:`plain`), as is a file yaml-rs refuses, which ``load_bytes`` then explains.
``tests/test_yamlio_quick.py`` keeps comparing them. Without yaml-rs installed, every file
goes to ``load_bytes``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from digistrat.yamlio.nodes import Loaded

# yaml-rs allocates with mimalloc, which by default commits its first arena up front: 8 MiB
# more memory for nothing here (files are parsed one at a time, each in well under 1 MiB).
# mimalloc reads its options from the environment when the library is loaded.
os.environ.setdefault("MIMALLOC_ARENA_EAGER_COMMIT", "0")

_loads: Callable[..., Any] | None
try:
    from yaml_rs import loads as _loads
except ImportError:  # pragma: no cover - yaml-rs is a dependency; digistrat works without it
    _loads = None

HAVE_YAML_RS = _loads is not None

MAX_QUICK_CHARS = 64 * 1024
"""Longer files are left to ``load_bytes`` (with two characters a value at least, this keeps
a file far below :data:`~digistrat.yamlio.MAX_NODES`). Nesting stays within
:data:`~digistrat.yamlio.MAX_DEPTH` (64) too: without inline lists and blocks, a value nests
only by being indented further, and indentation is kept under 24 (:data:`_LINE_START`)."""
# Each check is one quick scan. Bytes first, with every digit and dot made ``0``, every control
# character (tabs and carriage returns too) ``\x00``, and the letters of ``0x``, ``0o`` and
# ``0b`` ``x``: then plain substring tests find them.
_TABLE = bytes(
    0
    if (b < 0x20 and b != 0x0A) or b == 0x7F
    else ord("0")
    if 0x30 <= b <= 0x39 or b == 0x2E
    else ord("x")
    if chr(b) in "xXoObB"
    else b
    for b in range(256)
)
_IN_BYTES = (
    b"\x00",  # a tab, a carriage return or another control character
    b"0x",  # numbers the parsers read differently: 0x1F, 0o17, 0b101 ...
    b"0_",  # ... and 1_000, 9._ or _.5
    b"_0",
    b"0" * 90,  # a number too long to read
)
_IN_TEXT = (
    "<<",  # a merge key
    ".nan",  # not a number, never equal to itself: two such keys are two keys to yaml-rs
    ".NaN",
    ".NAN",
)
_LINE_START = re.compile(
    r"\n(?:[ -]*:(?: |\n)"  # an empty key
    r"|[ -]{24}"  # deep nesting (see MAX_QUICK_CHARS)
    r"|---|\.\.\.|%"  # document markers and directives: perhaps several documents
    r"|[|>])"  # a block scalar as the whole document
)
_COMMA_COLON = re.compile(r", *:")
_NOT_ASCII_ODD = re.compile("[\x80-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
"""Outside ASCII: NEL, the line and paragraph separators, a BOM, what is not a character."""
_BLOCK_AT_END = re.compile(r"[|>][-+0-9]* *(?:#.*)?$")
"""A last line that starts a block scalar: empty at the end of a file, yaml-rs reads a line
break into it that libyaml (rightly) does not."""


def plain(raw: bytes, text: str) -> bool:
    """Whether a file (its bytes and their text) has none of what yaml-rs and
    ``load_bytes`` read differently."""
    if len(text) > MAX_QUICK_CHARS or (text and text[-1] != "\n"):
        return False
    if "[" in text or "{" in text:  # a list or block written inline, where yaml-rs is lenient
        return False
    mapped = raw.translate(_TABLE)
    if any(part in mapped for part in _IN_BYTES) or any(part in text for part in _IN_TEXT):
        return False
    if not text.isascii() and _NOT_ASCII_ODD.search(text):
        return False
    if _LINE_START.search(text) or _LINE_START.match("\n" + text[:64]):
        return False
    if _COMMA_COLON.search(text) or _BLOCK_AT_END.search(text.rstrip(" \n").rpartition("\n")[2]):
        return False
    return not any(_at_token_start(text, mark) for mark in "!&?")


def _at_token_start(text: str, mark: str) -> bool:
    """Whether ``mark`` (``!`` a tag, ``&`` an anchor, ``?`` a complex key) is somewhere a
    value could start: first, or after a space, a line break or a flow indicator."""
    at = text.find(mark)
    while at != -1:
        if at == 0 or text[at - 1] in " \n[]{},":
            return True
        at = text.find(mark, at + 1)
    return False


def quick_load(raw: bytes) -> Loaded | None:
    """The values of a plain UTF-8 file as ``load_bytes`` would give them, but as plain
    ``dict`` and ``list`` without positions; None if the file must go to ``load_bytes``."""
    if _loads is None:
        return None
    if b"\r\n" in raw:  # Windows line breaks: YAML reads each as one line feed, anywhere
        raw = raw.replace(b"\r\n", b"\n")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not plain(raw, text):
        return None
    try:
        data: Any = _loads(text, parse_datetime=False)
    except Exception:  # whatever it refuses, load_bytes reads and explains
        return None
    return Loaded(data, [])
