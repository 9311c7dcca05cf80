"""One voice for everything digistrat publishes: dates, money, measured values and counts.

The site, the markdown document, the poster and the board paper all write these the same way,
through the jinja filters registered in :mod:`digistrat.render.env` and through the board
paper's Python code:

* dates in prose as people write them: ``31 March 2027`` (:func:`longdate`);
* money with its sign in front and pence when there are any: ``£1.45``, ``£0.70``, ``£12,000``
  (:func:`money`, :func:`quantity`);
* a change from a baseline to a target with an arrow: ``£1.45 → £0.70``, ``5% → 40%``
  (:func:`change`);
* counts with the right plural: ``1 initiative``, ``2 initiatives``, ``no initiatives``
  (:func:`count`), never ``initiative(s)``.

A missing value is written as an en dash (``–``), the way the site's tables show it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

MISSING = "–"
CURRENCIES = ("£", "$", "€")

_IRREGULAR = {
    "person": "people",
    "child": "children",
    "entry": "entries",
    "priority": "priorities",
    "is": "are",
    "has": "have",
    "was": "were",
    "does": "do",
}


@lru_cache(maxsize=4096)
def longdate(day: date | None) -> str:
    """A date as people write it: ``31 March 2027`` (``1 January 2027``, no leading zero)."""
    return MISSING if day is None else f"{day.day} {day:%B %Y}"


def _number(value: float, places: int | None = None) -> str:
    """``12,000``, ``2.5``, ``0.75``: thousands separated, no trailing zeros."""
    if places is not None:
        return f"{value:,.{places}f}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _pence(*values: float | None) -> bool:
    """Whether any of the amounts has pence (then all of them are shown with two places)."""
    return any(v is not None and not float(v).is_integer() for v in values)


def money(value: float | None, sign: str = "£", pence: bool | None = None) -> str:
    """An amount of money: ``£0.70``, ``£1.45``, ``£12,000`` (``£12,000.50`` with pence).

    ``pence`` forces two decimal places on or off (used to write a pair of amounts alike)."""
    if value is None:
        return MISSING
    places = 2 if (pence if pence is not None else _pence(value)) else 0
    minus = "-" if value < 0 else ""
    return f"{minus}{sign}{_number(abs(value), places)}"


def quantity(value: float | None, unit: str | None = None, pence: bool | None = None) -> str:
    """A measured value with its unit: ``40%``, ``40% of calls``, ``£0.70``, ``3 days``."""
    if value is None:
        return MISSING
    if unit in CURRENCIES:
        return money(value, unit, pence)
    number = _number(value)
    if not unit:
        return number
    if unit.startswith("%"):
        return f"{number}{unit}"
    return f"{number} {unit}"


def change(baseline: float | None, target: float | None, unit: str | None = None) -> str:
    """From a baseline to a target: ``£1.45 → £0.70``, ``5% → 40%``, ``– → 40%``."""
    pence = _pence(baseline, target) if unit in CURRENCIES else None
    return f"{quantity(baseline, unit, pence)} → {quantity(target, unit, pence)}"


def plural(n: int, one: str, many: str | None = None) -> str:
    """The word that goes with ``n``: ``initiative`` for 1, ``initiatives`` otherwise."""
    if n == 1:
        return one
    if many is not None:
        return many
    if one in _IRREGULAR:
        return _IRREGULAR[one]
    if one.endswith(("s", "sh", "ch", "x")):
        return one + "es"
    if one.endswith("y") and one[-2:-1] not in ("a", "e", "o", "u"):
        return one[:-1] + "ies"
    return one + "s"


def count(n: int, one: str, many: str | None = None, zero: str | None = "no") -> str:
    """``1 initiative``, ``2 initiatives``, ``no initiatives`` (``zero=None``: ``0 initiatives``).

    Only the last word of ``one`` is made plural: ``count(3, "user need")`` is
    ``3 user needs``."""
    if many is None and " " in one:
        head, _, last = one.rpartition(" ")
        many = f"{head} {plural(n, last)}"
    word = plural(n, one, many)
    if n == 0 and zero is not None:
        return f"{zero} {word}"
    return f"{n:,} {word}"


_VERBS = {"has": "have", "is": "are", "was": "were", "does": "do"}


def _verb(word: str) -> str | None:
    """The plural form of a verb in the present tense (``names`` → ``name``), or None if the
    word does not look like one."""
    if word in _VERBS:
        return _VERBS[word]
    if not word.isalpha() or not word.endswith("s") or word.endswith("ss") or len(word) < 4:
        return None
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def counted(sentence: str, n: int) -> str | None:
    """A one-line summary about one thing told of ``n``: ``A user need has no evidence behind
    it.`` for 7 is ``7 user needs have no evidence behind them.`` None when the sentence is not
    of the simple form ``A <thing> <verb> …`` this can rewrite safely (the caller then gives the
    count some other way)."""
    text = sentence.strip()
    words = text.rstrip(".").split(" ")
    if n == 1 or len(words) < 3 or words[0] not in ("A", "An"):
        return None
    for k in range(2, min(len(words), 6)):
        subject = words[1:k]
        if any(not w.replace("-", "").isalpha() or w in ("a", "an", "the") for w in subject):
            return None  # possessives, brackets, a second noun: too easy to get wrong
        verb = _verb(words[k])
        if verb is None:
            continue
        rest = words[k + 1 :]
        if "it" in rest[:-1] or "It" in rest:
            return None  # "how much it could gain": the pronoun would need to change too
        rest = ["their" if w == "its" else w for w in rest]
        if rest and rest[-1] == "it":
            rest[-1] = "them"
        noun = " ".join(subject)
        return " ".join([count(n, noun), verb, *rest]) + "."
    return None


def listing(items: Sequence[str], conjunction: str = "and") -> str:
    """``a``, ``a and b``, ``a, b and c``: a short list in a sentence."""
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


SHORTLIST = 10
"""How many items a message names before it says how many more there are."""


def shortlist(
    items: Sequence[str],
    limit: int = SHORTLIST,
    conjunction: str = "and",
    separator: str = ", ",
) -> str:
    """A list in a sentence that stays short however many items there are: up to ``limit``
    written out (``a, b and c``), otherwise the first ``limit`` and how many more:
    ``a, b, c … and 1,118 more``.

    ``separator`` joins the items written out (``" → "`` for a chain; no conjunction then)."""
    words = [str(i) for i in items]
    if len(words) <= limit:
        return listing(words, conjunction) if separator == ", " else separator.join(words)
    return f"{separator.join(words[:limit])} … and {len(words) - limit:,} more"


def filters() -> dict[str, object]:
    """The jinja filters every template uses for dates, money, values and counts."""
    return {
        "longdate": longdate,
        "money": money,
        "with_unit": quantity,
        "change": change,
        "count": count,
        "plural": plural,
        "listing": listing,
    }


__all__ = [
    "change",
    "count",
    "counted",
    "filters",
    "listing",
    "longdate",
    "money",
    "plural",
    "quantity",
    "shortlist",
]
