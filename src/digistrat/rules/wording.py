"""How the realism rules write dates and amounts in messages: ``31 March 2027``, ``12%``,
``£0.70``, ``3 days``."""

from __future__ import annotations

from datetime import date


def spoken(day: date) -> str:
    """A date as people write it: ``31 March 2027``."""
    return f"{day.day} {day:%B %Y}"


def amount(value: float, unit: str | None) -> str:
    """A value with its unit, as people write it: ``12%``, ``£0.70``, ``3 days``."""
    number = f"{value:,.6g}"
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    if unit == "£":
        return f"£{value:,.2f}" if value != int(value) else f"£{number}"
    return f"{number} {unit}"
