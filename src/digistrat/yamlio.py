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

import math
import re
import sys
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

_Parser: Any
try:  # libyaml: the fast path (``CParser`` lives in ``yaml._yaml``; ``yaml`` does not export it)
    from yaml._yaml import CParser

    _Parser = CParser
    HAVE_LIBYAML = True
except ImportError:  # pragma: no cover - exercised only where PyYAML was built without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _PureParser(Reader, Scanner, Parser, Composer):
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)

    _Parser = _PureParser
    HAVE_LIBYAML = False

# Limits: documented in the README ("Limits"). Generous for any real strategy, fatal for abuse.
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
            at = self.at
            self._keys_at: dict[Any, Pos] = {
                at[i]: (at[i + 1], at[i + 2]) for i in range(0, len(at), 5)
            }
            return self._keys_at

    @property
    def values_at(self) -> dict[Any, Pos]:
        try:
            return self._values_at
        except AttributeError:
            at = self.at
            self._values_at: dict[Any, Pos] = {
                at[i]: (at[i + 3], at[i + 4]) for i in range(0, len(at), 5)
            }
            return self._values_at


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


def _at(node: Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Resolver(BaseResolver):
    """YAML 1.2 core schema resolution (not YAML 1.1's 'Norway problem')."""


_Resolver.yaml_implicit_resolvers = {}
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


class _Constructor(SafeConstructor):
    """Builds YMap/YSeq/str/int/float/bool/None and nothing else."""

    yaml_constructors: ClassVar[dict[Any, Any]] = {}
    yaml_multi_constructors: ClassVar[dict[Any, Any]] = {}

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[YamlProblem] = []

    def construct_core_int(self, node: ScalarNode) -> int:
        text = str(node.value)
        sign = -1 if text.startswith("-") else 1
        digits = text.lstrip("+-")
        if len(digits) > MAX_INT_DIGITS:
            raise ConstructorError(
                None, None, f"the number is too long ({len(digits)} digits)", node.start_mark
            )
        if digits.startswith("0o"):
            return sign * int(digits[2:], 8)
        if digits.startswith("0x"):
            return sign * int(digits[2:], 16)
        return sign * int(digits, 10)

    def construct_core_float(self, node: ScalarNode) -> float:
        text = str(node.value).lower()
        if text.endswith(".inf"):
            return -math.inf if text.startswith("-") else math.inf
        if text == ".nan":
            return math.nan
        return float(text)

    def construct_core_str(self, node: ScalarNode) -> str:
        return str(node.value)

    def construct_core_map(self, node: MappingNode) -> Any:
        data = YMap()
        data.pos = _at(node)
        yield data
        seen: dict[Any, Pos] = {}
        for key_node, _ in node.value:
            if isinstance(key_node, ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                key = (key_node.tag, key_node.value)
                if key in seen:
                    line, col = _at(key_node)
                    self.problems.append(
                        YamlProblem(
                            "duplicate-key",
                            f"the key `{key_node.value}` appears twice in the same block "
                            f"(first on line {seen[key][0]})",
                            "Keep one of them: with both, one would silently replace the other.",
                            line,
                            col,
                        )
                    )
                else:
                    seen[key] = _at(key_node)
        self.flatten_mapping(node)
        at: list[Any] = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise ConstructorError(
                    None, None, "a key must be a plain word, not a list or block", _mark(key_node)
                )
            key = self.construct_object(key_node, deep=False)
            value = self.construct_object(value_node, deep=False)
            data[key] = value
            at.extend((key, *_at(key_node), *_at(value_node)))
        data.at = tuple(at)

    def construct_core_seq(self, node: SequenceNode) -> Any:
        data = YSeq()
        data.pos = _at(node)
        yield data
        at: list[int] = []
        for item in node.value:
            data.append(self.construct_object(item, deep=False))
            at.extend(_at(item))
        data.at = tuple(at)

    def construct_refused(self, node: Node) -> Any:
        raise ConstructorError(
            None,
            None,
            f"the tag `{str(node.tag).replace('tag:yaml.org,2002:', '!!')}` is not allowed",
            node.start_mark,
        )


def _mark(node: Node) -> Any:
    return node.start_mark


# What each standard tag accepts: an explicit tag on the wrong value (`!!int abc`, `!!map x`,
# `!!bool maybe`) is refused here instead of crashing inside the constructor.
_PATTERNS: dict[str, re.Pattern[str]] = {
    tag: pattern for rules in _Resolver.yaml_implicit_resolvers.values() for tag, pattern in rules
}


def _checked(tag: str, node_class: type[Node], build: Any, *also: str) -> Any:
    patterns = [_PATTERNS[t] for t in (tag, *also) if t in _PATTERNS]

    def construct(self: _Constructor, node: Node) -> Any:
        fits = isinstance(node, node_class) and (
            not patterns or any(p.match(str(node.value)) for p in patterns)
        )
        if not fits:
            raise ConstructorError(
                None,
                None,
                f"the tag `{tag.replace('tag:yaml.org,2002:', '!!')}` does not fit this value",
                node.start_mark,
            )
        return build(self, node)

    return construct


def _bool(self: _Constructor, node: ScalarNode) -> bool:
    return str(node.value).lower() == "true"


_C: Any = _Constructor
_T = "tag:yaml.org,2002:"
_C.add_constructor(_T + "null", _checked(_T + "null", ScalarNode, lambda s, n: None))
_C.add_constructor(_T + "bool", _checked(_T + "bool", ScalarNode, _bool))
_C.add_constructor(_T + "int", _checked(_T + "int", ScalarNode, _C.construct_core_int))
_C.add_constructor(
    _T + "float", _checked(_T + "float", ScalarNode, _C.construct_core_float, _T + "int")
)
_C.add_constructor(_T + "str", _checked(_T + "str", ScalarNode, _C.construct_core_str))
_C.add_constructor(_T + "map", _checked(_T + "map", MappingNode, _C.construct_core_map))
_C.add_constructor(_T + "seq", _checked(_T + "seq", SequenceNode, _C.construct_core_seq))
_C.add_constructor(None, _Constructor.construct_refused)


class _Loader(_Parser, _Constructor, _Resolver):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        _Constructor.__init__(self)
        _Resolver.__init__(self)


# The fast path. The general constructor above is PyYAML's machinery (generators, anchors,
# merge keys, tag dispatch): about half of the time of reading a file. Strategy files use none
# of that, so plain files are built by one direct walk over libyaml's nodes, checking depth and
# size as it goes; anything unusual (anchors, merge keys, explicit tags, non-scalar keys,
# limits reached) falls back to the general constructor, which also reports the problem.
# Both give the same data, positions and problems (tests/test_yamlio_fastpath.py compares them).
_PLAIN = "tag:digistrat:plain"  # our marker for an untagged plain scalar, resolved in the walk
_STR, _MAP, _SEQ = (f"tag:yaml.org,2002:{t}" for t in ("str", "map", "seq"))
_IMPLICIT: dict[str, tuple[tuple[str, Any], ...]] = {
    first: tuple(rules) for first, rules in _Resolver.yaml_implicit_resolvers.items()
}
_ANCHOR = re.compile(r"(?:^|[\s\[{,])&", re.MULTILINE)
_intern = sys.intern
_SHORT = 24  # text this short is interned: 10,000 files hold ~130,000 such values, ~7,000 distinct
_int: Any = _Constructor.construct_core_int
_float: Any = _Constructor.construct_core_float


class _Unusual(Exception):
    """The fast path cannot build this file: use the general constructor."""


class _Limit(_Unusual):
    """Too deep or too many values. Without anchors nothing expands, so this is final: the
    general constructor would only take seconds to reach the same answer."""


class _FastLoader(_Parser):  # type: ignore[misc]
    def __init__(self, stream: str) -> None:
        _Parser.__init__(self, stream)
        self.problems: list[YamlProblem] = []
        self.count = 0
        self.firsts: dict[int, dict[tuple[Any, type], tuple[int, int]]] = {}  # duplicate keys

    # libyaml's composer asks these of every node; tags are resolved in the walk instead
    def resolve(self, kind: Any, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return _PLAIN if implicit[0] else _STR
        return _MAP if kind is MappingNode else _SEQ

    def descend_resolver(self, parent: Any, index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def get_single_data(self) -> Any:
        node = self.get_single_node()
        return None if node is None else self._build(node, 0)

    def _scalar(self, node: Any) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag != _PLAIN:
            raise _Unusual
        value = node.value
        for resolved, pattern in _IMPLICIT.get(value[:1], ()):
            if pattern.match(value):
                if resolved == "tag:yaml.org,2002:int":
                    return _int(self, node)
                if resolved == "tag:yaml.org,2002:float":
                    return _float(self, node)
                if resolved == "tag:yaml.org,2002:bool":
                    return value.lower() == "true"
                if resolved == "tag:yaml.org,2002:null":
                    return None
                raise _Unusual  # a merge key
        return value

    def _build(self, node: Any, depth: int) -> Any:
        cls = node.__class__
        if cls is ScalarNode:
            return self._scalar(node)
        depth += 1
        self.count += 1
        if depth > MAX_DEPTH or self.count > MAX_NODES:
            raise _Limit
        mark = node.start_mark
        if cls is MappingNode and node.tag == _MAP:
            data = YMap()
            data.pos = (mark.line + 1, mark.column + 1)
            at: list[Any] = []
            pairs = node.value
            for index, (key_node, value_node) in enumerate(pairs):
                if key_node.__class__ is not ScalarNode:
                    raise _Unusual
                key = key_node.value
                if key_node.tag == _PLAIN and key[:1] not in _IMPLICIT:
                    key = _intern(key)  # the same few keys in every file: keep one copy
                else:
                    key = self._scalar(key_node)
                    if key.__class__ is str:
                        key = _intern(key)
                km, vm = key_node.start_mark, value_node.start_mark
                if key in data or key != key:  # (NaN is never equal, even to itself)
                    self._duplicate(pairs, index, key, (km.line + 1, km.column + 1))
                if value_node.__class__ is ScalarNode:
                    self.count += 1
                    value = value_node.value
                    if value_node.tag == _STR or (
                        value_node.tag == _PLAIN and value[:1] not in _IMPLICIT
                    ):
                        # text, the common case, without a call; short values (codes, names,
                        # dates) repeat across files: keep one copy of each
                        data[key] = _intern(value) if len(value) <= _SHORT else value
                    else:
                        data[key] = self._scalar(value_node)
                else:
                    data[key] = self._build(value_node, depth)
                at.extend((key, km.line + 1, km.column + 1, vm.line + 1, vm.column + 1))
            data.at = tuple(at)
            if self.count > MAX_NODES:
                raise _Limit
            return data
        if cls is SequenceNode and node.tag == _SEQ:
            seq = YSeq()
            seq.pos = (mark.line + 1, mark.column + 1)
            flat: list[int] = []
            for item in node.value:
                if item.__class__ is ScalarNode:
                    self.count += 1
                    value = item.value
                    if item.tag == _STR or (item.tag == _PLAIN and value[:1] not in _IMPLICIT):
                        seq.append(_intern(value) if len(value) <= _SHORT else value)
                    else:
                        seq.append(self._scalar(item))
                else:
                    seq.append(self._build(item, depth))
                im = item.start_mark
                flat.extend((im.line + 1, im.column + 1))
            seq.at = tuple(flat)
            if self.count > MAX_NODES:
                raise _Limit
            return seq
        raise _Unusual

    def _duplicate(self, pairs: Any, index: int, key: Any, at: Pos) -> None:
        """A key equal to an earlier one: a duplicate if it is the same text resolving to the
        same type (as the general constructor decides); reported against the first one."""
        raw = pairs[index][0].value
        firsts = self.firsts.get(id(pairs))
        if firsts is None:  # once per mapping that has duplicates: linear, not quadratic
            firsts = {}
            for i, (earlier, _) in enumerate(pairs):
                if earlier.__class__ is ScalarNode:
                    ident = (earlier.value, self._scalar(earlier).__class__)
                    firsts.setdefault(ident, (i, earlier.start_mark.line + 1))
            self.firsts[id(pairs)] = firsts
        first = firsts.get((raw, key.__class__))
        if first is not None and first[0] < index:
            self.problems.append(_duplicate_key(raw, first[1], at))


def _duplicate_key(key: Any, first_line: int, at: Pos) -> YamlProblem:
    return YamlProblem(
        "duplicate-key",
        f"the key `{key}` appears twice in the same block (first on line {first_line})",
        "Keep one of them: with both, one would silently replace the other.",
        at[0],
        at[1],
    )


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
        if exc.context and context_mark and mark and context_mark.line != mark.line:
            problem += f" ({exc.context}, which starts on line {context_mark.line + 1})"
        hint = _TAB_HINT if _is_tab(text, mark) else _syntax_hint(problem)
        return Loaded(None, [_problem("syntax", problem, hint, mark)])
    except yaml.YAMLError as exc:  # a ReaderError: a character YAML does not allow
        return Loaded(None, [_reader_problem(text, exc)])
    except (RecursionError, MemoryError):
        return Loaded(None, [_too_deep()])
    if not within_limits and not _expansion_ok(data)[0]:
        problems.append(_too_many_values())
        return Loaded(None, problems)
    return Loaded(data, problems)


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
