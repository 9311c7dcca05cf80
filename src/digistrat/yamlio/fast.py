"""The fast path: one direct walk over libyaml's nodes for plain files."""

from __future__ import annotations

import operator
import re
import sys
from typing import Any

from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from digistrat.yamlio.general import _Constructor, _Parser, _Resolver
from digistrat.yamlio.nodes import (
    MAX_DEPTH,
    MAX_NODES,
    Pos,
    YamlProblem,
    YMap,
    YSeq,
    _duplicate_key,
)

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

    # ... and these, around every node, for a resolver that looks at where a node is: ours
    # does not, so they do nothing, as functions written in C (not being methods, they are
    # called as they are): 1.2 million Python calls fewer at 10,000 files.
    descend_resolver = operator.is_  # (parent, index) -> a bool nobody reads
    ascend_resolver = tuple  # () -> the empty tuple, made once by Python

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
