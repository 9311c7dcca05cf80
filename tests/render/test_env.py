"""The jinja environment's shortcuts give what jinja and markupsafe would have given."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from jinja2 import pass_context, pass_environment
from markupsafe import Markup, escape

from digistrat.render.env import html_environment
from digistrat.render.links import e
from digistrat.render.text import safe


@given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.none()))
def test_escaping_is_markupsafes(value: Any) -> None:
    assert e(value) == str(escape(value))


def test_markup_is_kept_as_it_is() -> None:
    assert e(Markup("<b>bold</b>")) == "<b>bold</b>"
    assert e("<b>'&\"</b>") == "&lt;b&gt;&#39;&amp;&#34;&lt;/b&gt;"
    made = safe("<i>x</i>")
    assert isinstance(made, Markup) and made == Markup("<i>x</i>")


def test_calls_still_pass_context_and_environment_when_asked() -> None:
    env = html_environment(None)

    @pass_context
    def page(context: Any) -> str:
        return str(context["name"])

    @pass_environment
    def auto(environment: Any) -> bool:
        return bool(environment.autoescape)

    def stops() -> None:
        raise StopIteration

    class Thing:
        def method(self, x: int) -> int:
            return x + 1

    env.globals.update(page=page, auto=auto, stops=stops)
    template = env.from_string(
        "{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}"
        "{{ page() }} {{ auto() }} {{ thing.method(1) }} {{ {'a': 1}.get('a') }} "
        "{{ twice('<') }} {% for i in [1] %}{{ page() }}{% endfor %} [{{ stops() is undefined }}]"
    )
    out = template.render(name="<n>", thing=Thing())
    assert out == "&lt;n&gt; True 2 1 &lt;&lt; &lt;n&gt; [True]"
