"""Tests for :mod:`digistrat.render.pages`: the tidying of the markdown document."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from digistrat.render.pages import tidy_markdown


def regex_tidy(text: str) -> str:
    """The rule as three regular expressions (how it was first written): a blank line before
    and after every heading, runs of blank lines made one, no blank lines at either end."""
    text = re.sub(r"([^\n])\n(#{1,6} )", "\\1\n\n\\2", text)
    text = re.sub(r"^(#{1,6} [^\n]*)\n([^\n])", "\\1\n\n\\2", text, flags=re.M)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def test_headings_get_one_blank_line_around_them() -> None:
    text = "Intro\n# Title\nText\n\n\n\n## Part\n### Sub\nMore\n"
    assert tidy_markdown(text) == "Intro\n\n# Title\n\nText\n\n## Part\n\n### Sub\n\nMore\n"


def test_lines_that_only_look_like_headings_are_left_alone() -> None:
    text = "a\n####### seven\n#nospace\n#\tTab\nb"
    assert tidy_markdown(text) == text + "\n"


def test_whitespace_at_both_ends_is_trimmed() -> None:
    assert tidy_markdown("\n\n  # Not a heading (indented)\ntext  \n\n\n") == (
        "# Not a heading (indented)\ntext\n"
    )


def test_an_empty_heading_is_a_heading_too() -> None:
    # The regular expressions missed the heading after an empty one (their matches overlap).
    assert tidy_markdown("# \n# h\ntext") == "# \n\n# h\n\ntext\n"


LINES = st.lists(
    st.sampled_from(
        ["", "", " ", "text", "# h", "## h2", "####### x", "#", "#x", "\r", "- item", "\t", "#  h"]
    ),
    max_size=30,
)


@settings(max_examples=400, deadline=None)
@given(LINES, st.booleans())
def test_same_as_the_regular_expressions_wherever_headings_have_words(
    lines: list[str], trailing: bool
) -> None:
    text = "\n".join(lines) + ("\n" if trailing else "")
    assert tidy_markdown(text) == regex_tidy(text)
