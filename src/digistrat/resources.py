"""Where the bundled templates are, installed or running from a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def templates_dir() -> Path:
    """The ``templates/`` folder: inside the installed package, else the repository's own."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "digistrat's templates are missing from this installation; reinstall digistrat"
    )
