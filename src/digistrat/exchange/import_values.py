"""Cell values for ``digistrat import``: numbers, dates, text and choices (statuses, categories
…) as written in a spreadsheet, and header text as compared."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal, get_args, get_origin

from digistrat.exchange.cells import unsafe_text
from digistrat.models import Commitment, Initiative, Service
from digistrat.suggest import closest

Kind = Literal["initiatives", "services", "commitments"]


def norm(text: Any) -> str:
    """A header as compared: lower case, words only (``Due-date`` → ``due date``)."""
    return " ".join(re.sub(r"[^0-9a-z%£]+", " ", str(text).casefold().replace("_", " ")).split())


def loose(text: Any) -> str:
    """A criterion's name as compared: as :func:`norm`, and plurals made singular
    (``Patient Benefits`` is the criterion ``Patient benefit``)."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in norm(text).split())


_FRACTION = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:/|out of)\s*(\d+(?:\.\d+)?)\s*$", re.I)
_NUMBER_TEXT = re.compile(r"^\s*[£$€]?\s*(-?[\d,]*\.?\d+)\s*(%|k|m)?\s*$", re.I)


def _number(value: Any) -> float | None:
    """A number from a cell: 8, "8", "8/10" (8), "70%" (70), "£1,200" (1200), "1.2m"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _FRACTION.match(text)
    if m:
        return float(m[1])
    m = _NUMBER_TEXT.match(text)
    if m:
        try:
            number = float(m[1].replace(",", ""))
        except ValueError:
            return None
        suffix = (m[2] or "").lower()
        return number * {"k": 1e3, "m": 1e6}.get(suffix, 1)
    return None


def _out_of(value: Any) -> float | None:
    """The scale of a score written like "8/10" (10), or None."""
    if isinstance(value, str):
        m = _FRACTION.match(value)
        if m:
            return float(m[2])
    return None


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}


def _date(value: Any) -> date | None:
    """A date from a cell: a spreadsheet date, 2027-03-31, 31/03/2027 (UK) or 31 March 2027."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d\d-\d\d", text) else None
    except ValueError:
        return None


def _date_text(value: Any) -> date | None:
    found = _date(value)
    if found or not isinstance(value, str):
        return found
    text = value.strip()
    m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$", text)
        if m and m[2].casefold() in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    except ValueError:
        return None
    return None


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return unsafe_text(" ".join(str(value).split()) if "\n" not in str(value) else str(value))


def _choices(model: type[Any], name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation
    if get_origin(annotation) is Literal:
        return tuple(a for a in get_args(annotation) if isinstance(a, str))
    out: list[str] = []
    for arg in get_args(annotation):
        if get_origin(arg) is Literal:
            out += [a for a in get_args(arg) if isinstance(a, str)]
    return tuple(out)


CHOICES: dict[Kind, dict[str, tuple[str, ...]]] = {
    "initiatives": {
        "category": _choices(Initiative, "category"),
        "type": _choices(Initiative, "type"),
        "status": _choices(Initiative, "status"),
        "function": ("clinical", "operational", "digital", "corporate"),
    },
    "services": {
        "kind": _choices(Service, "kind"),
        "phase": _choices(Service, "phase"),
        "status": _choices(Service, "status"),
        "function": ("clinical", "operational", "digital", "corporate"),
        "opportunity": ("high", "medium", "low"),
    },
    "commitments": {
        "status": _choices(Commitment, "status"),
        "function": ("clinical", "operational", "digital", "corporate"),
    },
}
SYNONYMS = {
    "in progress": "in-progress",
    "underway": "in-progress",
    "complete": "done",
    "completed": "done",
    "cancelled": "stopped",
    "on track": "on-track",
    "green": "on-track",
    "at risk": "at-risk",
    "amber": "at-risk",
    "off track": "off-track",
    "red": "off-track",
    "proposal": "proposed",
}


def _choice(value: str, options: Sequence[str]) -> str | None:
    key = norm(value)
    key = SYNONYMS.get(key, key)
    for option in options:
        if key == norm(option) or key == option:
            return option
    return None


RAG = {"green", "amber", "red", "g", "a", "r", "rag green", "rag amber", "rag red"}
"""RAG ratings: a commitment's status (on track, at risk, off track), not an initiative's."""


def _not_a_choice(
    kind: Kind, name: str, text: str, options: Sequence[str], header: str
) -> tuple[str, str]:
    """Why ``text`` is not one of ``options``, and a hint (with a did-you-mean for a typo)."""
    what = name.replace("_", " ")
    listed = "Use one of: " + ", ".join(options) + "."
    if name == "status" and kind == "initiatives" and norm(text) in RAG:
        return (
            f"`{text}` is a RAG rating, but an initiative's status says where it is in its "
            f"life ({', '.join(options)}), so the row was not imported",
            f"Write one of those instead, or leave the column out with "
            f'--column "{header}=ignore" (a RAG rating belongs to a commitment\'s status: '
            "Green is on-track, Amber at-risk, Red off-track).",
        )
    words = {norm(o): o for o in options} | {
        k: v for k, v in SYNONYMS.items() if v in options and k not in RAG
    }
    close = closest(norm(text), list(words))
    if close is not None:
        return f"`{text}` is not a {what}; did you mean `{words[close]}`?", listed
    return f"`{text}` is not a {what}", listed


_OWNER = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>.+)\)\s*$")
