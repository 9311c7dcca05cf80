"""One voice: dates, money, values and counts are written the same way in every output."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.render import produce
from digistrat.voice import (
    SHORTLIST,
    change,
    count,
    counted,
    listing,
    longdate,
    money,
    plural,
    quantity,
    shortlist,
)

TODAY = date(2026, 11, 26)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
SOURCE = Path(__file__).resolve().parents[2] / "src" / "digistrat"


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2027, 3, 31), "31 March 2027"),
        (date(2027, 1, 1), "1 January 2027"),  # no leading zero
        (date(2026, 12, 31), "31 December 2026"),
        (None, "–"),
    ],
)
def test_dates_are_written_as_people_write_them(day: date | None, shown: str) -> None:
    assert longdate(day) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0.7, "£0.70"),  # never £0.7
        (1.45, "£1.45"),
        (0.05, "£0.05"),
        (1, "£1"),
        (12000, "£12,000"),
        (1234.5, "£1,234.50"),
        (0, "£0"),
        (-2.5, "-£2.50"),
        (None, "–"),
    ],
)
def test_money_has_its_sign_in_front_and_pence_when_there_are_any(
    value: float | None, shown: str
) -> None:
    assert money(value) == shown


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (40, "%", "40%"),
        (40, "% of calls", "40% of calls"),
        (2.5, "%", "2.5%"),
        (0.7, "£", "£0.70"),
        (3, "days", "3 days"),
        (12000, None, "12,000"),
        (0.25, "", "0.25"),
        (None, "%", "–"),
    ],
)
def test_values_are_written_with_their_units(
    value: float | None, unit: str | None, shown: str
) -> None:
    assert quantity(value, unit) == shown


@pytest.mark.parametrize(
    ("baseline", "target", "unit", "shown"),
    [
        (1.45, 0.7, "£", "£1.45 → £0.70"),  # the old board paper said "from 1.45 to 0.7£"
        (2, 0.5, "£", "£2.00 → £0.50"),  # a pair of amounts is written alike
        (12000, 9000, "£", "£12,000 → £9,000"),
        (5, 40, "%", "5% → 40%"),
        (None, 40, "%", "– → 40%"),
        (72, 90, "patients", "72 patients → 90 patients"),
    ],
)
def test_a_change_runs_from_baseline_to_target(
    baseline: float | None, target: float | None, unit: str, shown: str
) -> None:
    assert change(baseline, target, unit) == shown


@pytest.mark.parametrize(
    ("n", "one", "shown"),
    [
        (0, "initiative", "no initiatives"),
        (1, "initiative", "1 initiative"),
        (2, "initiative", "2 initiatives"),
        (1, "user need", "1 user need"),
        (7, "user need", "7 user needs"),
        (2, "priority", "2 priorities"),
        (2, "day", "2 days"),
        (3, "person", "3 people"),
        (2, "business", "2 businesses"),
        (1200, "service", "1,200 services"),
    ],
)
def test_counts_have_the_right_plural(n: int, one: str, shown: str) -> None:
    assert count(n, one) == shown


def test_zero_can_be_written_as_a_number() -> None:
    assert count(0, "file", zero=None) == "0 files"
    assert plural(1, "is") == "is" and plural(2, "is") == "are"
    assert plural(2, "criterion", "criteria") == "criteria"


@pytest.mark.parametrize(
    ("sentence", "n", "shown"),
    [
        ("A user need has no evidence behind it.", 7, "7 user needs have no evidence behind them."),
        ("A user need has no evidence behind it.", 2, "2 user needs have no evidence behind them."),
        ("A user need has no evidence behind it.", 1, None),  # one is told as it is
        (
            "A service is missing some of its key measures.",
            2,
            "2 services are missing some of their key measures.",
        ),
        ("An initiative addresses no user need.", 11, "11 initiatives address no user need."),
        (
            "A score lies outside its criterion's scale.",
            2,
            "2 scores lie outside their criterion's scale.",
        ),
        (
            "A legacy or retiring service has no switch-off date.",
            3,
            "3 legacy or retiring services have no switch-off date.",
        ),
        ("A user group lists no needs.", 2, "2 user groups list no needs."),
        # not rewritten: a possessive, brackets, a pronoun mid-sentence, no article, two nouns
        ("A need's evidence comes only from the usual voices.", 3, None),
        ("A technology service (a tool) has no team looking after it.", 3, None),
        ("A service does not say how much it could gain from digital change.", 3, None),
        ("Text uses an acronym that is never spelled out.", 3, None),
        ("A file or the repository is larger than the limits.", 3, None),
    ],
)
def test_a_summary_of_one_thing_is_told_of_many(sentence: str, n: int, shown: str | None) -> None:
    assert counted(sentence, n) == shown


@pytest.mark.parametrize(
    ("items", "shown"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c")],
)
def test_short_lists_read_as_a_sentence(items: list[str], shown: str) -> None:
    assert listing(items) == shown


def test_a_list_at_the_limit_is_written_out_in_full() -> None:
    items = [f"i{n}" for n in range(SHORTLIST)]
    assert SHORTLIST == 10
    assert shortlist(items) == "i0, i1, i2, i3, i4, i5, i6, i7, i8 and i9"
    assert shortlist(items[:-1]) == listing(items[:-1])


def test_one_more_than_the_limit_is_cut_with_how_many_more() -> None:
    items = [f"i{n}" for n in range(SHORTLIST + 1)]
    assert shortlist(items) == "i0, i1, i2, i3, i4, i5, i6, i7, i8, i9 … and 1 more"


def test_a_long_list_says_how_many_more_with_thousands_separated() -> None:
    items = [f"i{n}" for n in range(1128)]
    text = shortlist(items)
    assert text.endswith("i9 … and 1,118 more")
    assert "i10" not in text


def test_a_chain_is_cut_the_same_way() -> None:
    assert shortlist(["a", "b", "c"], limit=3, separator=" → ") == "a → b → c"
    assert shortlist(["a", "b", "c", "d"], limit=3, separator=" → ") == "a → b → c … and 1 more"


def test_no_template_or_render_code_writes_a_plural_in_brackets() -> None:
    """ "initiative(s)" is how a program talks, not a person."""
    offenders = []
    for path in [*TEMPLATES.rglob("*.*"), *SOURCE.rglob("*.py")]:
        if path.is_relative_to(TEMPLATES / "init"):  # the scaffold's example text
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if (
                re.search(r"[a-z]\(s\)(?=[\s,;:!?'\"]|$)", line)
                and "never" not in line
                and "roll(s)" not in line
            ):
                offenders.append(f"{path.name}:{n}: {line.strip()}")
    assert not offenders, offenders


def test_no_output_shows_an_iso_date_in_prose(sample: Path) -> None:
    files = produce(load(sample), TODAY)
    for name in ("strategy.md", "board.html", "poster.html", "index.html"):
        text = files[name].decode()
        prose = re.sub(r"<[^>]*>", " ", text)  # dates inside attributes are not prose
        assert not re.search(r"\b20\d\d-\d\d-\d\d\b", prose), name
