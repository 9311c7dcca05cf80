"""How digistrat's own templates are compiled: dots and calls as plain Python.

jinja compiles ``{{ service.name }}`` to ``environment.getattr(service, "name")`` and
``{{ ln.link(x) }}`` to ``context.call(ln.link, x)``: a Python function call for every dot and
every call in a template, so that any template may read a dictionary's keys with a dot, get an
undefined value where an attribute is missing, and call functions that want jinja's context
passed in. digistrat's own templates do none of that, and those two calls were a tenth of the
time of an entity page. Compiled by :class:`OwnCodeGenerator`, ``service.name`` is
``(service).name`` and ``ln.link(x)`` is ``(ln.link)(*(), x)``, as Python would write them.

What changes for a template compiled this way:

- a missing attribute raises ``AttributeError`` at once (a bug in the template, which the
  render reports as an internal error) instead of giving an undefined value; an undefined
  name still raises jinja's ``UndefinedError``, as it did;
- a dot never falls back to a dictionary key: write ``d["key"]`` or ``d.get("key")``;
- functions are called as they are: nothing marked ``pass_context`` (or ``pass_environment``)
  may be called from these templates (filters, which jinja calls its own way, may be).

It is used only for digistrat's own templates, in the unsandboxed environments of
:mod:`digistrat.render.env`. A repository with templates of its own renders in jinja's sandbox,
compiled by jinja's own generator, so the sandbox sees every attribute and every call.
"""

from __future__ import annotations

import keyword
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame, optimizeconst


def _plain_attribute(name: str) -> bool:
    """Whether ``name`` can follow a dot in Python source (``class`` cannot, say)."""
    return name.isidentifier() and not keyword.iskeyword(name)


class OwnCodeGenerator(CodeGenerator):
    """jinja's code generator with direct attribute look-ups and calls (see the module)."""

    revision = 1
    """Part of the template cache's fingerprint: raise it whenever the code made changes."""

    def _plain(self) -> bool:
        return not (self.environment.sandboxed or self.environment.is_async)

    @optimizeconst
    def visit_Getattr(self, node: nodes.Getattr, frame: Frame) -> None:
        if not (self._plain() and _plain_attribute(node.attr)):
            super().visit_Getattr(node, frame)
            return
        self.write("(")
        self.visit(node.node, frame)
        self.write(f").{node.attr}")

    @optimizeconst
    def visit_Call(self, node: nodes.Call, frame: Frame, forward_caller: bool = False) -> None:
        if forward_caller or not self._plain():  # a {% call %} block passes `caller` on
            super().visit_Call(node, frame, forward_caller=forward_caller)
            return
        self.write("(")
        self.visit(node.node, frame)
        self.write(")(*()")  # `signature` writes ", argument" for each argument
        self.signature(node, frame)
        self.write(")")


def revision(generator: Any) -> str:
    """A code generator class as the cache's fingerprint names it."""
    name = f"{getattr(generator, '__module__', '')}.{getattr(generator, '__qualname__', '')}"
    return f"{name}#{getattr(generator, 'revision', 0)}"
