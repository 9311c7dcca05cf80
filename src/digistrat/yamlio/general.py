"""The general reader: PyYAML's constructor machinery, narrowed to YAML 1.2 core values.

It handles everything (anchors, aliases, merge keys, explicit tags, which it refuses), and is
used whenever the fast path in :mod:`digistrat.yamlio.fast` declines a file.
"""

from __future__ import annotations

import math
import re
from typing import Any, ClassVar

from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from digistrat.yamlio.nodes import (
    MAX_INT_DIGITS,
    Pos,
    YamlProblem,
    YMap,
    YSeq,
)

_Parser: Any
try:  # libyaml: the fast path (``CParser`` lives in ``yaml._yaml``; ``yaml`` does not export it)
    from yaml._yaml import CParser

    _Parser = CParser
    HAVE_LIBYAML = True
except ImportError:  # tests/test_yamlio.py: where PyYAML has no libyaml, or it moves
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
