"""A repository's own templates get a time and output budget per page, and every template
error names the template's file and line."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.render import RenderError, budget, produce
from digistrat.render.env import html_environment

from helpers import build_tree

TODAY = date(2026, 11, 26)


def _render_with(sample: Path, footer: str) -> str:
    """Render the site with ``footer`` as the repository's footer; the error message."""
    build_tree(sample, {"templates/site/footer.html": footer})
    with pytest.raises(RenderError) as caught:
        produce(load(sample), TODAY, only=["site"])
    return str(caught.value)


@pytest.mark.parametrize(
    ("footer", "says"),
    [
        ('{{ "x" * 1000000000 }}', "1,000,000,000 characters"),
        ("{{ [1] * 1000000000 }}", "1,000,000,000 characters"),
        ("{{ 3 ** 10000000 }}", "too large a number"),
        ('{{ "x"|center(1000000000) }}', "1,000,000,000 is too large"),
        ('{{ ("x\\n" * 30)|indent(3000000) }}', "93,000,000 characters"),
        ('{{ "ab"|replace("", "x" * 9000)|replace("", "x" * 9000) }}', "characters"),
        ('{{ "%0999999999d"|format(1) }}', "width of 999,999,999"),
        ('{{ "%0999999999d" % 1 }}', "width of 999,999,999"),
        ('{{ "{:>999999999}".format(1) }}', "width of 999,999,999"),
    ],
)
def test_one_expression_cannot_build_a_huge_value(sample: Path, footer: str, says: str) -> None:
    message = _render_with(sample, "ok\n" + footer)
    assert message.startswith("templates/site/footer.html:2: ")
    assert says in message and "rendering stopped" in message


def test_numbers_and_text_within_the_budget_still_work(sample: Path) -> None:
    footer = (
        '{{ "ab" * 3 }}|{{ 2 ** 10 }}|{{ "x"|center(5) }}|{{ "%03d"|format(7) }}|'
        '{{ "{:>4}".format(1) }}|{{ "a-b"|replace("-", "+") }}|{{ "a\nb"|indent(2) }}|'
        "{{ '%d%%' % 5 }}|{% for i in range(3) %}{{ i }}{% endfor %}"
    )
    build_tree(sample, {"templates/site/footer.html": footer})
    page = produce(load(sample), TODAY, only=["site"])["index.html"].decode()
    assert "ababab|1024|  x  |007|   1|a+b|a\n  b|5%|012" in page


def test_the_output_budget_stops_a_page(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "MAX_CHARS", 50_000)
    message = _render_with(sample, "{% for i in range(40000) %}xx{% endfor %}")
    expected = "templates/site/footer.html: the page would be more than 50,000 characters"
    assert message.startswith(expected)


def test_the_output_budget_counts_the_whole_page(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every piece of the largest page is small; together they pass the limit."""
    build_tree(sample, {"templates/site/unused.html": "{{ 1 }}"})  # the sandbox, budgeted
    full = produce(load(sample), TODAY, only=["site"])
    biggest = max(len(data.decode()) for data in full.values())
    monkeypatch.setattr(budget, "MAX_CHARS", biggest)
    produce(load(sample), TODAY, only=["site"])  # exactly at the limit: allowed
    monkeypatch.setattr(budget, "MAX_CHARS", biggest - 1)
    with pytest.raises(RenderError, match="characters long"):
        produce(load(sample), TODAY, only=["site"])


def test_the_time_budget_stops_a_page(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(budget, "SECONDS", 0.0)
    message = _render_with(sample, "a\n{{ s.name }}")
    assert "took longer than 0 seconds" in message
    assert message.startswith("digistrat/site/") or message.startswith("templates/site/")


def test_ranges_are_timed(sample: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nested loops over ``range`` call nothing else: ``range`` itself looks at the clock."""
    (sample / "templates").mkdir()
    env = html_environment(sample / "templates")
    assert isinstance(env, budget.BudgetedSandbox)  # (else the loop below runs for hours)
    monkeypatch.setattr(budget, "SECONDS", 0.0)
    monkeypatch.setattr(budget, "GRACE", 3600.0)  # not the timer: the range
    template = env.from_string(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    with pytest.raises(budget.BudgetExceeded, match="longer than"):
        template.render()


def test_the_timer_stops_a_loop_that_calls_nothing(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A loop over a long list looks at nothing the sandbox sees; the timer stops it. Without
    the timer this loop runs for minutes, so the test fails rather than passing late."""
    (sample / "templates").mkdir()
    env = html_environment(sample / "templates")
    monkeypatch.setattr(budget, "SECONDS", 0.0)
    monkeypatch.setattr(budget, "GRACE", 0.2)
    template = env.from_string("{% for a in big %}{% for b in big %}{% endfor %}{% endfor %}")
    with pytest.raises(budget.BudgetExceeded, match="longer than"):
        template.render(big=list(range(40_000)))


def test_the_budget_starts_again_for_each_page(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (sample / "templates").mkdir()
    env = html_environment(sample / "templates")
    monkeypatch.setattr(budget, "MAX_CHARS", 100)
    template = env.from_string("{{ 'x' * 60 }}")
    assert [len(template.render()) for _ in range(3)] == [60, 60, 60]


def test_other_threads_are_budgeted_without_a_timer(
    sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (sample / "templates").mkdir()
    env = html_environment(sample / "templates")
    monkeypatch.setattr(budget, "SECONDS", 0.0)
    template = env.from_string("{% for i in range(5000) %}{{ i }}{% endfor %}")
    raised: list[BaseException] = []

    def run() -> None:
        try:
            template.render()
        except budget.BudgetExceeded as exc:
            raised.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert len(raised) == 1


def test_our_own_templates_have_no_budget() -> None:
    env = html_environment(None)
    assert not isinstance(env, budget.BudgetedSandbox)


def test_an_error_names_the_template_file_and_line(sample: Path) -> None:
    message = _render_with(sample, "line one\nline two\n{{ s.no_such_field }}")
    assert message.startswith("templates/site/footer.html:3: a template failed: ")
    assert "no_such_field" in message


def test_a_syntax_error_names_the_file_as_the_user_knows_it(sample: Path) -> None:
    message = _render_with(sample, "one\n{% if %}")
    assert message.startswith("the template templates/site/footer.html:2 cannot be read")
    assert str(sample) not in message
