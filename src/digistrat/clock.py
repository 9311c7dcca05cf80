"""Today's date, overridable for reproducible runs with ``DIGISTRAT_TODAY=YYYY-MM-DD``."""

from __future__ import annotations

import os
from datetime import date

EARLIEST, LATEST = date(1900, 1, 1), date(2200, 12, 31)
"""The dates digistrat works with: every date in a strategy file, and today, lie between."""


class BadToday(ValueError):
    """``DIGISTRAT_TODAY`` is set but is not a date."""


def today() -> date:
    value = os.environ.get("DIGISTRAT_TODAY", "").strip()
    if not value:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadToday(
            f"DIGISTRAT_TODAY is set to {value!r}, which is not a date like 2026-03-31"
        ) from None
    if not EARLIEST <= day <= LATEST:
        raise BadToday(
            f"DIGISTRAT_TODAY is set to {value!r}, outside the dates digistrat accepts "
            f"({EARLIEST.isoformat()} to {LATEST.isoformat()})"
        )
    return day
