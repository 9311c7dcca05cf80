"""Safe, fast YAML reading that remembers where every key and item came from.

Parsing goes through libyaml (PyYAML's C parser) when it is available: it is an order of
magnitude faster than a pure-Python parser. Construction is our own, deliberately small:

* YAML 1.2 core scalars only: ``no``, ``on`` and ``yes`` stay text, ``010`` is ten, ``1e3`` is a
  number, and dates stay text so that the models can say what a bad one should look like;
* no explicit tags (``!!python/object`` and friends are refused, not constructed);
* duplicate keys are reported, not silently overwritten;
* limits on file size, nesting depth and alias expansion, so no input can hang or exhaust memory.

Mappings load as :class:`YMap` and sequences as :class:`YSeq`: plain ``dict`` and ``list``
subclasses that also carry 1-based (line, column) positions, used to point findings at the line.
Comment-preserving write-back is a different job and uses ruamel.yaml (see ``digistrat.edit``).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from digistrat.yamlio.fast import _ANCHOR, _FastLoader, _Limit, _Unusual
from digistrat.yamlio.general import HAVE_LIBYAML, _Loader
from digistrat.yamlio.nodes import (
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_NODES,
    Loaded,
    Pos,
    YamlProblem,
    YMap,
    YSeq,
)

__all__ = [
    "HAVE_LIBYAML",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "MAX_INT_DIGITS",
    "MAX_NODES",
    "Loaded",
    "Pos",
    "YMap",
    "YSeq",
    "YamlProblem",
    "decode",
    "load_bytes",
    "load_text",
    "too_big",
]


def _read_document(text: str) -> tuple[Any, list[YamlProblem], bool]:
    """(data, problems, within limits) of one document; YAML errors propagate."""
    if HAVE_LIBYAML and not ("&" in text and _ANCHOR.search(text)):
        fast = _FastLoader(text)
        try:
            return fast.get_single_data(), fast.problems, True
        except _Limit:
            return None, [*fast.problems, _too_many_values()], True
        except _Unusual:
            pass
        finally:
            fast.dispose()
    loader = _Loader(text)
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data, list(loader.problems), False


def decode(raw: bytes) -> tuple[str | None, YamlProblem | None]:
    """Bytes to text: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, YamlProblem(
                "encoding", "the file starts like UTF-16 text but is not", _SAVE_UTF8
            )
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if b"\x00" in raw:
        return None, YamlProblem(
            "encoding",
            "this looks like a binary file, not YAML text",
            "Replace it with a text file.",
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, YamlProblem(
            "encoding", "the file is not valid UTF-8 text", _SAVE_UTF8, line, None
        )


_SAVE_UTF8 = "Save the file with UTF-8 encoding (most editors offer it under 'Save as')."

_SYNTAX_HINTS = (
    ("'\\t'", "YAML does not allow tab characters for indentation: use spaces instead."),
    (
        "mapping values are not allowed",
        "A value seems to contain a colon followed by a space: "
        "put the whole value in quotes, or check the indentation of this line.",
    ),
    ("could not find expected ':'", "A key is missing its colon, or a line is indented wrongly."),
    ("did not find expected key", "Check that this line lines up with the keys above it."),
    ("did not find expected '-' indicator", "List items must line up: check the indentation."),
    (
        "found undefined alias",
        "An alias (`*name`) refers to an anchor (`&name`) that does not exist.",
    ),
    ("found unexpected end of stream", "A quote or bracket is opened but never closed."),
    (
        "flow sequence",
        "A `[` list is not closed with `]`, or holds a `key: value`: close it, or quote the text.",
    ),
    ("flow mapping", "A `{` block is not closed with `}`: close it, or quote the text."),
    ("while scanning a quoted scalar", "A quote is opened but never closed."),
    (
        "found character that cannot start any token",
        "A value starts with a character YAML "
        "reserves (such as `@` or a backtick): put the value in quotes.",
    ),
    (
        "expected <document start>",
        "The file has text YAML cannot read at the top level: check the indentation of this line.",
    ),
)


def _syntax_hint(problem: str) -> str:
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return hint
    return "Check the indentation and quoting near this line; an online YAML checker can help."


_TAB_HINT = "YAML does not allow tab characters for indentation: use spaces instead."


def _is_tab(text: str, mark: Any) -> bool:
    """Whether the error mark sits on a tab (libyaml's message does not say so)."""
    if mark is None:
        return False
    lines = text.split("\n", mark.line + 1)
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1] == "\t"


def _nesting_ok(text: str) -> bool:
    """Cheap guard for pathological flow nesting (``[[[[…``): scan events only when suspicious."""
    if text.count("[") + text.count("{") < 4 * MAX_DEPTH and len(text) < 64 * 1024:
        return True
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader if HAVE_LIBYAML else yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return False
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:  # libyaml stops very deep flow nesting itself
        return "nesting depth" not in str(exc)  # other errors: reported by the real parse
    return True


def _expansion_ok(data: Any) -> tuple[bool, int]:
    """Count values as if aliases were expanded (memoised, so linear), and the maximum depth."""
    sizes: dict[int, int] = {}
    depth_max = 0
    stack: list[tuple[Any, int, bool]] = [(data, 1, False)]
    while stack:
        obj, depth, done = stack.pop()
        if not isinstance(obj, (dict, list)):
            continue
        oid = id(obj)
        if done:
            children = obj.values() if isinstance(obj, dict) else obj
            total = 1
            for child in children:
                size = sizes.get(id(child), 1) if isinstance(child, (dict, list)) else 1
                if size < 0:  # an alias to a block that contains it: endless expansion
                    return False, depth_max
                total += size
            sizes[oid] = total
            if total > MAX_NODES:
                return False, depth_max
            continue
        if oid in sizes:
            continue
        depth_max = max(depth_max, depth)
        if depth > MAX_DEPTH:
            return False, depth_max
        sizes[oid] = -1  # in progress: guards against cycles
        stack.append((obj, depth, True))
        children = obj.values() if isinstance(obj, dict) else obj
        for child in children:
            if isinstance(child, (dict, list)) and id(child) not in sizes:
                stack.append((child, depth + 1, False))
    return True, depth_max


def load_text(text: str) -> Loaded:
    """Parse one YAML document; never raises for bad input, returns problems instead."""
    if not _nesting_ok(text):
        return Loaded(None, [_too_deep()])
    try:
        data, problems, within_limits = _read_document(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = str(exc.problem or exc.context or "the YAML could not be read")
        if "maximum nesting depth" in problem:  # libyaml's own limit (about 1,000 levels)
            return Loaded(None, [_too_deep(mark)])
        if isinstance(exc, ConstructorError):
            kind, hint = _constructor_kind(problem)
            return Loaded(None, [_problem(kind, problem, hint, mark)])
        context_mark = exc.context_mark
        hint = _TAB_HINT if _is_tab(text, mark) else _syntax_hint(problem)
        if exc.context and context_mark and mark and context_mark.line != mark.line:
            opened = _OPENED.get(exc.context)
            if opened is not None:  # point where it starts: that is where the fix goes
                problem = f"{opened} (the reader noticed on line {mark.line + 1}: {problem})"
                mark = context_mark
            else:
                problem += f" ({exc.context}, which starts on line {context_mark.line + 1})"
        return Loaded(None, [_problem("syntax", problem, hint, mark)])
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow
        return Loaded(None, [_reader_problem(text, exc)])
    except (RecursionError, MemoryError):
        return Loaded(None, [_too_deep()])
    if not within_limits and not _expansion_ok(data)[0]:
        problems.append(_too_many_values())
        return Loaded(None, problems)
    return Loaded(data, problems)


_OPENED = {
    "while scanning a quoted scalar": "a quoted text starts here and its closing quote is missing",
    "while parsing a flow sequence": "a list in square brackets starts here and its `]` is missing",
    "while parsing a flow mapping": "a block in curly brackets starts here and its `}` is missing",
    "while scanning a simple key": "this line has a key without its colon",
}
"""What libyaml was reading when it met the end of something never closed, in plain words:
the place it started is where the fix goes, not where the reader gave up."""


def _too_many_values() -> YamlProblem:
    return YamlProblem(
        "limit",
        f"the file nests too deeply or expands to more than {MAX_NODES:,} values "
        "(through anchors and aliases)",
        f"Keep nesting under {MAX_DEPTH} levels and avoid aliases that repeat big blocks.",
    )


def _too_deep(mark: Any = None) -> YamlProblem:
    return _problem(
        "limit",
        f"the file nests lists or blocks more than {MAX_DEPTH} levels deep",
        "Flatten the structure: strategy files need only a few levels.",
        mark,
    )


def _constructor_kind(problem: str) -> tuple[str, str]:
    """(kind, hint) for a problem found while building values (after parsing succeeded)."""
    if "too long" in problem:
        return "limit", "Write the number in a shorter form."
    if "is not allowed" in problem or "does not fit" in problem:
        return "unsafe", "digistrat reads plain YAML only: remove the `!tag` and write the value."
    if "merging" in problem:
        return "syntax", "A `<<:` merge key takes an alias to a block, like `<<: *defaults`."
    if "key must be" in problem:
        return "syntax", "Write each key as a plain word followed by a colon, like `name:`."
    return "syntax", _syntax_hint(problem)


def _reader_problem(text: str, exc: yaml.YAMLError) -> YamlProblem:
    """A character the YAML reader refuses (control characters, for instance), with its place."""
    found = _FORBIDDEN_CHAR.search(text)
    if found is None:
        return YamlProblem("syntax", str(exc).splitlines()[0], _syntax_hint(str(exc)))
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    return YamlProblem(
        "syntax",
        f"the file contains an invisible control character (code {ord(found.group())}) "
        "that YAML does not allow",
        "Delete it (it often comes from copying text out of another program), or retype the line.",
        line,
        column,
    )


# Characters outside YAML's printable set (YAML 1.2 §5.1).
_FORBIDDEN_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]"
)


def _problem(kind: str, message: str, hint: str, mark: Any) -> YamlProblem:
    if mark is None:
        return YamlProblem(kind, message, hint)
    return YamlProblem(kind, message, hint, mark.line + 1, mark.column + 1)


def too_big(size: int) -> YamlProblem:
    """The problem for a file over :data:`MAX_FILE_BYTES` (checked before reading it)."""
    return YamlProblem(
        "limit",
        f"the file is {size / 1024 / 1024:.1f} MiB; the limit is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MiB",
        "A strategy file should be short: split it into one file per entity.",
    )


def load_bytes(raw: bytes) -> Loaded:
    """Decode and parse, refusing files over :data:`MAX_FILE_BYTES`."""
    if len(raw) > MAX_FILE_BYTES:
        return Loaded(None, [too_big(len(raw))])
    text, problem = decode(raw)
    if text is None:
        assert problem is not None
        return Loaded(None, [problem])
    return load_text(text)
