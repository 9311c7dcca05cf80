"""The jinja environment's shortcuts give what jinja and markupsafe would have given."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import UndefinedError
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


def test_undefined_values_still_fail() -> None:
    with pytest.raises(UndefinedError):
        html_environment(None).from_string("{{ missing }}").render()
