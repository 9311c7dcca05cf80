from __future__ import annotations

import pytest
from pydantic import ValidationError

from digistrat.models import Initiative, Service, UserGroup
from digistrat.validation import explain, findings_from, locate
from digistrat.yamlio import load_text


def messages(model: type, text: str) -> list[tuple[int | None, str, str]]:
    data = load_text(text).data
    try:
        model.model_validate(data)
    except ValidationError as exc:
        return [(f.line, f.message, f.hint) for f in findings_from(model, exc, data, "x.yaml")]
    return []


def test_misspelt_key_suggests_the_real_one() -> None:
    [(line, message, hint)] = messages(Service, "name: A\nkind: care\nownr:\n  name: B\n")
    assert line == 3 and message == "unknown key `ownr`" and hint == "Did you mean `owner`?"


def test_misspelt_nested_key_suggests_from_the_nested_model() -> None:
    text = "name: A\nkind: care\nowner:\n  name: B\n  fuction: clinical\n"
    found = messages(Service, text)
    assert (5, "unknown key `fuction`", "Did you mean `function`?") in found


def test_unknown_key_with_no_close_match_lists_the_allowed_keys() -> None:
    [(_, _, hint)] = messages(Service, "name: A\nkind: care\nzzz: 1\n")
    assert hint.startswith("Allowed keys here:") and "`owner`" in hint


def test_bad_choice_suggests_the_closest_option() -> None:
    [(line, message, hint)] = messages(Initiative, "name: A\ncategory: improv\n")
    assert line == 2 and "`improv`" in message and hint == "Did you mean `improve`?"


def test_missing_field_is_reported_at_the_block_with_its_meaning() -> None:
    [(line, message, hint)] = messages(UserGroup, "name: A\n")
    assert line == 1
    assert message.startswith("`kind` is required")
    assert hint == "Add `kind:` here."


def test_bad_date_deep_in_a_list() -> None:
    text = """name: A
kind: patient
needs:
  - id: n
    statement: s
    priority: high
    evidence:
      - source: interview
        date: 31/03/2026
        summary: x
"""
    [(line, message, hint)] = messages(UserGroup, text)
    assert line == 9
    assert (
        message
        == "`needs` → item 1 → `evidence` → item 1 → `date`: `31/03/2026` is not a valid date"
    )
    assert "2026-03-31" in hint


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("name: A\ncategory: improve\neffort: lots\n", "expected a number"),
        ("name: A\ncategory: improve\nexemplar: maybe\n", "expected true or false"),
        ("name: A\ncategory: improve\nneeds: patients/book\n", "expected a list"),
        ("name: A\ncategory: improve\nowner: Dr Smith\n", "expected a block"),
        ("name: A\ncategory: improve\nservices: [Booking Service]\n", "not a valid id"),
        ("name: A\ncategory: improve\neffort: .nan\n", "not infinity or NaN"),
        ("name: A\ncategory: improve\neffort: -3\n", "must be at least 0, got -3"),
        ("name: ''\ncategory: improve\n", "is empty"),
        ("name: [a, b]\ncategory: improve\n", "expected text"),
    ],
)
def test_plain_english_messages(text: str, fragment: str) -> None:
    found = messages(Initiative, text)
    assert len(found) == 1
    assert fragment in found[0][1]
    assert found[0][0] is not None


_I = "name: A\ncategory: improve\n"


@pytest.mark.parametrize(
    ("model", "text", "message", "hint"),
    [
        # the values where a JSON Schema and pydantic's lax mode used to disagree
        (
            Initiative,
            _I + 'effort: "3"\n',
            'expected a number, got the text "3" (in quotes)',
            "Remove the quotes: they make it text. Write 3 on its own.",
        ),
        (
            Initiative,
            _I + "exemplar: yes\n",
            "expected true or false, got the word `yes`",
            "YAML 1.2, where yes, no, on and off are words",
        ),
        (
            Initiative,
            _I + "exemplar: 'false'\n",
            'got the text "false" (in quotes)',
            "Write false on its own.",
        ),
        (
            Initiative,
            _I + "exemplar: ~\n",
            "expected true or false, got `nothing`",
            "Write `true` or `false`.",
        ),
        (Initiative, _I + "start: 2027\n", "`2027` is a year, not a date", "Add the month and day"),
        (
            Initiative,
            _I + "start: 2027-02-30\n",
            "`2027-02-30` is not a day in the calendar",
            "Check the month and the day",
        ),
        (Initiative, _I + "start: 2027-03-31T09:00:00\n", "is not a valid date", "without a time"),
        (
            Initiative,
            _I + "start: 1700006400\n",
            "`1700006400` is not a valid date",
            "year-month-day",
        ),
        (Initiative, _I + 'start: ""\n', "`start` is empty", "or remove the key"),
        (Initiative, _I + "status: ~\n", "`status` is empty", "Use one of: proposed,"),
        (
            Initiative,
            _I + "effort: -0.5\n",
            "`effort` must be at least 0, got -0.5",
            "Correct the number.",
        ),
        (
            UserGroup,
            "name: A\nkind: patient\nsize: 12.5\n",
            "expected a whole number, got 12.5",
            "Write a whole number",
        ),
        (
            UserGroup,
            "name: A\nkind: patient\nsize: '12'\n",
            'expected a whole number, got the text "12"',
            "Remove the quotes",
        ),
        (
            Service,
            "name: 2027\nkind: care\n",
            "expected text, got the number 2027",
            'put it in quotes, like "2027"',
        ),
        (
            Service,
            f"name: {'x' * 301}\nkind: care\n",
            "too long (at most 300 characters)",
            "Shorten it.",
        ),
    ],
)
def test_the_message_says_what_to_write_instead(
    model: type, text: str, message: str, hint: str
) -> None:
    [(line, said, hinted)] = messages(model, text)
    assert message in said and hint in hinted, (said, hinted)
    field = said.split("`")[1]
    assert line is not None and text.splitlines()[line - 1].startswith(f"{field}:")


def test_locate_falls_back_to_the_nearest_enclosing_position() -> None:
    data = load_text("a:\n  b:\n    c: 1\n").data
    assert locate(data, ("a", "b", "c")) == (3, 8)
    assert locate(data, ("a", "b", "missing")) == (2, 3)
    assert locate(data, ("a", "b", "c"), key=True) == (3, 5)


def test_explain_never_fails_on_an_unknown_error_type() -> None:
    message, _ = explain(Service, {"type": "brand_new", "loc": ("x",), "msg": "Odd", "input": 1})  # type: ignore[typeddict-item]
    assert message == "`x`: Odd"


def test_a_measure_without_its_framework_suggests_the_full_reference() -> None:
    found = messages(Initiative, "name: A\ncategory: improve\nserves: [improve-care]\n")
    [(line, message, hint)] = found
    assert line == 3 and "`improve-care` is not a framework measure" in message
    assert hint.startswith("Did you mean `wgll:improve-care`? ")
    [(_, _, hint)] = messages(Initiative, "name: A\ncategory: improve\nserves: [no-such]\n")
    assert hint.startswith("Write a framework's id")  # no guess when nothing matches


def test_a_space_after_the_colon_is_explained() -> None:
    text = "name: A\ncategory: improve\nserves:\n  - wgll: improve-care\n"
    [(line, message, hint)] = messages(Initiative, text)
    assert line == 4 and "because of the space after the colon" in message
    assert hint.startswith("Write `wgll:improve-care` with no space after the colon")
