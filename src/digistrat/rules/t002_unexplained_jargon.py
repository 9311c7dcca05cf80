"""Text uses an acronym that is never spelled out, or management jargon.

A strategy only works if it is understood across the organisation (§2 Q2), and commitments
should be meaningful to everyone, without insider jargon (§11 Set actions, Tangible). Board
members, patients and most staff do not know what a PAS, an LIMS or "leveraging synergies"
means. This rule reads the sentences of every file (not ids, dates, roles, units, data sources
or technology tags) and reports:

* an acronym (two to six capitals, such as ``PAS`` or ``LIMS``) that is spelled out nowhere in
  the repository, once in each file, where the file first uses it (so the warning shows in the
  file being changed). Spelling it out once anywhere is enough, either as "patient
  administration system (PAS)" or as "PAS (patient administration system)";
* each use of a jargon phrase such as "synergy", "paradigm", "leverage" or "single
  pane of glass".

Quoted passages (someone else's words in double quotes) are not searched for jargon.

Options:

* ``acronyms-allowed``: acronyms every reader knows, in addition to the built-in ones (NHS, GP,
  A&E, UK, IT, CEO, COVID, ID, SMS, PDF, PC, TV, OK). Matched with their exact capitals.
* ``jargon-words``: the jargon looked for (whole words, any capitals, usual endings). Setting
  it replaces the default list.

Failing example::

    # initiatives/online-booking.yaml
    description: Connect the PAS to the booking portal to leverage synergies.

Passing example::

    # initiatives/online-booking.yaml
    description: >-
      Connect the patient administration system (PAS) to the booking portal, so that a change
      made online shows up straight away for the booking team.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digistrat import prose
from digistrat.prose.wordlists import ACRONYMS_ALLOWED, JARGON_WORDS
from digistrat.rules.base import Check, Context, Violation

CODE = "T002"
NAME = "unexplained-jargon"
SEVERITY = "warning"
SECTION = "§11 Set actions (Tangible: no insider jargon); §2 Q2 Mission understood by all"
SEVERITY_BASIS = (
    "§11 says not to use insider jargon, but telling jargon from plain words is a heuristic "
    "that can be wrong."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {
    "acronyms-allowed": [],
    "jargon-words": list(JARGON_WORDS),
}


_CAPITALS = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]")


@dataclass(slots=True)
class _FirstUse:
    value: prose.FoundText
    count: int = 1


def check(ctx: Context) -> Check:
    extra = prose.terms_option(ctx.option("acronyms-allowed", ()), ())
    allowed = frozenset(ACRONYMS_ALLOWED) | frozenset(extra)
    jargon = prose.terms_option(ctx.option("jargon-words", JARGON_WORDS), JARGON_WORDS)

    # One pass over the files: definitions count wherever they are, uses only in sentences.
    # Only values with two capitals in a row (a possible acronym) or a piece of a jargon term
    # can give a finding; the others are never located.
    text = prose.shared_text(ctx.repo, ctx.shared)
    candidates = text.found(text.matching(_CAPITALS) | text.might_contain(jargon))
    defined: set[str] = set()
    for value in candidates:
        if "(" in value.text:
            defined |= prose.defined_acronyms(value.text)

    first_use: dict[tuple[str, str, str], _FirstUse] = {}
    for value in candidates:
        if not value.prose or prose.is_identifier(value.text):
            continue
        for token in prose.acronyms(value.text):
            if token in defined or prose.is_allowed_acronym(token, allowed):
                continue
            key = (value.kind, value.ident, token)
            seen = first_use.get(key)
            if seen is None:
                first_use[key] = _FirstUse(value)
            else:
                seen.count += 1
        found = prose.find_terms(prose.unquoted(value.text), jargon)
        if found:
            quoted = ", ".join(f"“{w}”" for w in found)
            yield Violation(
                value.kind,
                value.ident,
                text.locate(value),
                f"this text uses jargon ({quoted}) that readers outside the digital team "
                "would have to translate",
                "Say plainly what will happen and for whom, for example “use” instead of "
                "“leverage”, or “working together” instead of “synergy”.",
            )
    for (_, _, token), use in first_use.items():
        more = f" (and {use.count - 1} more time{'s' if use.count > 2 else ''} in this file)"
        yield Violation(
            use.value.kind,
            use.value.ident,
            text.locate(use.value),
            f"the acronym “{token}” is used here{more if use.count > 1 else ''} but is never "
            "spelled out anywhere in the strategy",
            f"Write it out in full once, like “full name ({token})”, or use plain words. If "
            "every reader knows it, add it to `acronyms-allowed` under `check: options:` in "
            "strategy.yaml.",
        )
