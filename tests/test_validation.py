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
        ("name: A\ncategory: improve\neffort: -3\n", "greater than or equal to 0"),
        ("name: ''\ncategory: improve\n", "is empty"),
        ("name: [a, b]\ncategory: improve\n", "expected text"),
    ],
)
def test_plain_english_messages(text: str, fragment: str) -> None:
    found = messages(Initiative, text)
    assert len(found) == 1
    assert fragment in found[0][1]
    assert found[0][0] is not None


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
