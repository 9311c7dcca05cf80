"""The jinja environment's shortcuts give what jinja and markupsafe would have given."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, UndefinedError
from markupsafe import Markup, escape

from digistrat.render.env import html_environment
from digistrat.render.links import e
from digistrat.render.text import safe


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.integers(), st.floats(allow_nan=False), st.none()))
def test_escaping_is_markupsafes(value: Any) -> None:
    assert e(value) == str(escape(value))


def test_markup_is_kept_as_it_is() -> None:
    assert e(Markup("<b>bold</b>")) == "<b>bold</b>"
    assert e("<b>'&\"</b>") == "&lt;b&gt;&#39;&amp;&#34;&lt;/b&gt;"
    made = safe("<i>x</i>")
    assert isinstance(made, Markup) and made == Markup("<i>x</i>")


class _Html:
    def __html__(self) -> str:
        return "<em>ok</em>"


_TEMPLATE = (
    "{{ v }}|{{ v ~ '&' }}|{% set b %}<{{ v }}>{% endset %}{{ b }}|"
    "{% macro m(x) %}[{{ x }}]{% endmacro %}{{ m(v) }}|{{ v|e }}|{{ [v]|join(',') }}|"
    "{% filter upper %}{{ v }}{% endfilter %}|{% autoescape false %}{{ v }}{% endautoescape %}"
)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text().map(Markup),
        st.integers(),
        st.none(),
        st.just(_Html()),
        st.sampled_from(["<script>", "a & b", "'\"", Markup("<b>&amp;</b>")]),
    )
)
def test_our_templates_escape_exactly_as_jinja_does(value: Any) -> None:
    """Output escaped by ``links.e`` (our templates) is jinja's own autoescaped output."""
    ours = html_environment(None).from_string(_TEMPLATE)
    plain = Environment(autoescape=True).from_string(_TEMPLATE)
    assert type(ours).__name__ == "_Template"
    assert ours.render(v=value) == plain.render(v=value)


def test_undefined_values_still_fail() -> None:
    with pytest.raises(UndefinedError):
        html_environment(None).from_string("{{ missing }}").render()
