"""digistrat's templates run in jinja's own environment; a repository's own in its sandbox."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import UndefinedError, pass_context
from jinja2.compiler import CodeGenerator
from jinja2.sandbox import SecurityError

from digistrat.render import cache
from digistrat.render.env import html_environment, markdown_environment


class _Thing:
    label = "<b>"

    def _secret(self) -> str:
        return "unsafe"


@pytest.mark.parametrize("make", [html_environment, markdown_environment])
def test_our_templates_use_jinjas_own_compiler(make: Any) -> None:
    """No subclass of jinja's private code generator: a jinja release cannot break a render."""
    assert make(None).code_generator_class is CodeGenerator


def test_mistakes_in_our_templates_fail_loudly() -> None:
    env = html_environment(None)
    with pytest.raises(UndefinedError):
        env.from_string("{{ thing.missing.deeper }}").render(thing=_Thing())
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing.at_all }}").render()


def test_user_templates_are_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir(parents=True)
    env = html_environment(tmp_path)

    @pass_context
    def name(context: Any) -> str:
        return str(context["who"])

    template = env.from_string("{{ d.key }} {{ name() }} {{ thing.missing is undefined }}")
    assert template.render(d={"key": 1}, name=name, who="me", thing=_Thing()) == "1 me True"
    with pytest.raises(SecurityError):
        env.from_string("{{ thing._secret() }}").render(thing=_Thing())


def test_the_template_cache_tells_the_environments_apart(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir(parents=True)
    ours, sandboxed = html_environment(None), html_environment(tmp_path)
    assert cache.fingerprint(ours) != cache.fingerprint(sandboxed)
    assert cache.fingerprint(ours) != cache.fingerprint(markdown_environment(None))
