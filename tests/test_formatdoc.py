from __future__ import annotations

from pathlib import Path

from digistrat.formatdoc import markdown
from digistrat.models import Initiative

DOC = Path(__file__).resolve().parent.parent / "docs" / "format.md"


def test_docs_format_md_is_up_to_date() -> None:
    """Regenerate with: digistrat schema --format markdown > docs/format.md"""
    assert DOC.read_text(encoding="utf-8") == markdown()


def test_every_field_of_every_kind_appears_with_its_meaning() -> None:
    text = markdown()
    for name, field in Initiative.model_fields.items():
        assert f"| `{name}` |" in text
        assert field.description
    assert "need reference (`group/need`)" in text
    assert "### Owner" in text
