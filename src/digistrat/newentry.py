"""The text of a new entry (``digistrat new``): a commented template, filled in from options.

A new entry claims nothing it has not been told: an initiative starts as a proposal, with no
scores, no exemplar flag and no dates, so it is neither ranked nor planned until someone scores
it; a commitment has no measure or due date until one is given; a service has no numbers. The
examples stay in comments. The values given as options are written as YAML scalars that read
back exactly as given (quotes, colons, ``#`` and line breaks included); the caller validates
the whole file with the model before writing anything.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import date

from digistrat.resources import templates_dir

FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("services", "users", "initiatives"),
    "statement": ("commitments",),
    "description": ("services", "users", "initiatives"),
    "outcome": ("commitments",),
    "owner": ("services", "initiatives", "commitments"),
    "owner_role": ("services", "initiatives", "commitments"),
    "function": ("services", "initiatives", "commitments"),
    "category": ("initiatives",),
    "due": ("commitments",),
}
"""Each value ``new`` takes as an option → the kinds of entry that have it."""

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,'()&/-]*")
_SHOWN = 8  # ids listed in a comment as the ones that exist


class NewEntryProblem(ValueError):
    """An option value that cannot be used for this kind of entry."""


def yaml_string(text: str) -> str:
    """``text`` as a YAML scalar that reads back as exactly ``text``, a string.

    Plain when that is unambiguous; otherwise double-quoted with JSON escapes (a JSON string
    is a YAML double-quoted scalar), every character that is not printable escaped so that
    no line break of any kind (U+2028, U+0085 …) reaches the file raw."""
    if _PLAIN.fullmatch(text) and text == text.strip() and not _looks_special(text):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in quoted)


def _looks_special(text: str) -> bool:
    """Plain words YAML would read as something other than a string."""
    return text.lower() in {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def values_for(folder: str, given: Mapping[str, str | None]) -> dict[str, str]:
    """The option values given for a ``folder`` entry, as YAML scalars.

    Raises :class:`NewEntryProblem` for an option this kind has not, or a bad date."""
    out: dict[str, str] = {}
    for key, value in given.items():
        if value is None:
            continue
        option = "--" + key.replace("_", "-")
        kinds = FIELDS.get(key)
        if kinds is None:
            raise NewEntryProblem(f"{option} is not a value `new` can set.")
        if folder not in kinds:
            hint = " (a commitment has a --statement instead)" if key == "name" else ""
            raise NewEntryProblem(
                f"{option} is for {', '.join(kinds)} only, not {folder}{hint}; nothing was written."
            )
        if key == "due":
            try:
                out[key] = date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                raise NewEntryProblem(
                    f"--due `{value}` is not a date; write it like 2027-03-31."
                ) from None
        else:
            out[key] = yaml_string(value)
    return out


def render(
    folder: str,
    given: Mapping[str, str | None],
    *,
    criteria: Sequence[str] = (),
    known: Mapping[str, set[str]] | None = None,
) -> str:
    """The new entry's text: the ``templates/new/<folder>.yaml`` template with ``given``.

    ``criteria``: the scoring criteria ids in strategy.yaml (shown in the scores example);
    ``known``: ids that exist, by kind, a few of which are named in comments as examples."""
    from jinja2 import Environment, StrictUndefined

    template = templates_dir() / "new" / f"{folder}.yaml"
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    env.filters["pad"] = lambda text, width: text.ljust(width - 1) + " "  # before a comment
    existing = dict.fromkeys(("needs", "services", "objectives", "initiatives", "users"), "") | {
        kind: ", ".join(sorted(ids)[:_SHOWN]) + (", …" if len(ids) > _SHOWN else "")
        for kind, ids in (known or {}).items()
        if ids
    }
    return env.from_string(template.read_text(encoding="utf-8")).render(
        v={key: None for key in FIELDS} | values_for(folder, given),
        criteria=list(criteria) or ["patient-benefit", "staff-benefit", "financial-benefit"],
        existing=existing,
    )
