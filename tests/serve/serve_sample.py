"""What the serve tests share: the example repository they copy, and the day they run on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "riverside"
TODAY = date(2026, 11, 1)
