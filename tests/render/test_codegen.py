"""digistrat's own templates compile dots and calls to plain Python; user templates do not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jinja2 import Environment, UndefinedError, pass_context
from jinja2.sandbox import SecurityError

from digistrat.render import cache
from digistrat.render.codegen import OwnCodeGenerator
from digistrat.render.env import html_environment, markdown_environment


class _Thing:
    label = "<b>"

    def method(self, x: int, *, plus: int = 0) -> int:
        return x + 1 + plus

    def _secret(self) -> str:
        return "unsafe"


def _source(env: Environment, text: str) -> str:
    return str(env.compile(text, raw=True))


def test_our_templates_use_plain_attribute_lookups_and_calls() -> None:
    code = _source(html_environment(None), "{{ thing.method(1) }}")
    assert "environment.getattr" not in code
    assert "context.call" not in code
    assert ".method)(*(), 1)" in code


@pytest.mark.parametrize("make", [html_environment, markdown_environment])
def test_direct_calls_give_what_jinja_gives(make: Any) -> None:
    text = (
        "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}"
        "{{ thing.method(1) }} {{ thing.method(1, plus=2) }} {{ thing.method(*[3]) }} "
        "{{ thing.method(**{'x': 4}) }} {{ {'a': 1}.get('a') }} {{ twice('z') }} "
        "{% for i in [1, 2] %}{{ thing.method(i) }}{% endfor %} {{ thing.label }} "
        "{{ [thing][0].label|length }} {{ range(3)|list|length }}"
    )
    ours = make(None)
    assert ours.code_generator_class is OwnCodeGenerator
    plain = Environment(autoescape=ours.autoescape, finalize=ours.finalize)
    values = {"thing": _Thing()}
    expected = plain.from_string(text).render(values)
    assert ours.from_string(text).render(values) == expected
    assert expected.startswith("2 4 4 5 1 zz 23 ")


def test_call_blocks_still_pass_caller() -> None:
    text = "{% macro box() %}[{{ caller() }}]{% endmacro %}{% call box() %}in{% endcall %}"
    assert html_environment(None).from_string(text).render() == "[in]"


def test_a_keyword_attribute_is_looked_up_as_jinja_does() -> None:
    thing = _Thing()
    setattr(thing, "class", "kept")  # a keyword: no other way to name it
    assert html_environment(None).from_string("{{ thing.class }}").render(thing=thing) == "kept"


def test_mistakes_in_our_templates_fail_loudly() -> None:
    env = html_environment(None)
    with pytest.raises(AttributeError):
        env.from_string("{{ thing.missing }}").render(thing=_Thing())
    with pytest.raises(AttributeError):  # a dot is not a dictionary key here
        env.from_string("{{ d.key }}").render(d={"key": 1})
    with pytest.raises(UndefinedError):
        env.from_string("{{ nothing.at_all }}").render()


def test_no_global_of_ours_wants_the_context() -> None:
    """Direct calls pass nothing extra: a global marked ``pass_context`` would get its
    arguments wrong, so none may be added to our environments."""
    for env in (html_environment(None), markdown_environment(None)):
        for name, value in env.globals.items():
            assert getattr(value, "jinja_pass_arg", None) is None, name


def test_user_templates_are_compiled_by_jinja_and_sandboxed(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir(parents=True)
    env = html_environment(tmp_path)
    assert env.code_generator_class is not OwnCodeGenerator
    assert "environment.getattr" in _source(env, "{{ thing.label }}")

    @pass_context
    def name(context: Any) -> str:
        return str(context["who"])

    template = env.from_string("{{ d.key }} {{ name() }} {{ thing.missing is undefined }}")
    assert template.render(d={"key": 1}, name=name, who="me", thing=_Thing()) == "1 me True"
    with pytest.raises(SecurityError):
        env.from_string("{{ thing._secret() }}").render(thing=_Thing())


def test_the_template_cache_tells_the_generators_apart(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir(parents=True)
    ours, sandboxed = html_environment(None), html_environment(tmp_path)
    assert cache.fingerprint(ours) != cache.fingerprint(sandboxed)
    before = cache.fingerprint(ours)
    OwnCodeGenerator.revision += 1
    try:
        assert cache.fingerprint(html_environment(None)) != before
    finally:
        OwnCodeGenerator.revision -= 1
