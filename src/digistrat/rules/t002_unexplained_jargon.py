"""Text uses an acronym that it does not spell out where readers meet it, or management jargon.

A strategy only works if it is understood across the organisation (§2 Q2), and commitments
should be meaningful to everyone, without insider jargon (§11 Set actions, Tangible). Board
members, patients and most staff do not know what a PIFU, an OPEL level or "leveraging
synergies" means. This rule reads the sentences of every file (not ids, dates, roles, units,
data sources or technology tags) and reports:

* an acronym (two to six capitals, such as ``PIFU`` or ``OPEL``) that a file uses without
  spelling it out at its first use there, once per file, where the file first uses it. Each
  file becomes a page of the published strategy, and a reader who lands on that page meets the
  acronym there: spelling it out in another file does not help them. Write the full name at the
  first use, as "patient-initiated follow-up (PIFU)" or "PIFU (patient-initiated follow-up)",
  or add the term to ``glossary:`` in strategy.yaml, which the published site explains on
  every page. Acronyms in everyday use in the NHS and UK public sector (CQC, ICB, ED, EPR,
  NEWS2, DSPT… listed in docs/vocabulary.md) are not reported, and nor are dotted names such
  as GOV.UK or compounds such as e-RS;
* each use of a jargon phrase such as "synergy", "paradigm", "leverage" or "single
  pane of glass".

Quoted passages (someone else's words in double quotes) are not searched for jargon.

Options:

* ``acronyms-allowed``: more acronyms every reader knows, in addition to the everyday
  vocabulary. Matched with their exact capitals.
* ``jargon-words``: the jargon looked for (whole words, any capitals, usual endings). Setting
  it replaces the default list.

Failing example::

    # initiatives/online-booking.yaml
    description: Offer PIFU in the booking portal to leverage synergies.

Passing example::

    # initiatives/online-booking.yaml
    description: >-
      Offer patient-initiated follow-up (PIFU) in the booking portal, so that patients book a
      follow-up when they need one rather than on a fixed date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from digistrat import prose
from digistrat.prose.vocabulary import VOCABULARY
from digistrat.prose.wordlists import JARGON_WORDS, PLACEHOLDER_MARKERS
from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import shortlist

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
    later: bool
    """Whether the file spells the acronym out, but only after this first use."""
    count: int = 1


def _known(ctx: Context, extra: Iterable[str]) -> frozenset[str]:
    """Acronyms no file has to spell out: the vocabulary, the glossary and the option; and
    T005's placeholder markers (TODO, TBC…): one unfinished text, one finding."""
    strategy = ctx.repo.strategy
    glossary = strategy.glossary if strategy is not None else {}
    markers = frozenset(m for m in PLACEHOLDER_MARKERS if m.isupper())
    return frozenset(VOCABULARY) | frozenset(glossary) | frozenset(extra) | markers


def check(ctx: Context) -> Check:
    extra = prose.terms_option(ctx.option("acronyms-allowed", ()), ())
    known = _known(ctx, extra)
    jargon = prose.terms_option(ctx.option("jargon-words", JARGON_WORDS), JARGON_WORDS)

    # One pass over the files, value after value in file order. Only values with two capitals
    # in a row (a possible acronym) or a piece of a jargon term can give a finding; the others
    # are never located. A spelling-out counts from where it is, to the end of its file.
    text = prose.shared_text(ctx.repo, ctx.shared)
    candidates = text.found(text.matching(_CAPITALS) | text.might_contain(jargon))
    first_use: dict[tuple[str, str, str], _FirstUse] = {}
    spelled: dict[str, tuple[str, str]] = {}  # acronym -> (ident of a file spelling it, name)
    entry: tuple[str, str] | None = None
    explained: set[str] = set()
    for value in candidates:
        if (value.kind, value.ident) != entry:
            entry, explained = (value.kind, value.ident), set()
        definitions = prose.acronym_definitions(value.text) if "(" in value.text else {}
        for acronym, (_, words) in definitions.items():
            spelled.setdefault(acronym, (value.ident, words))
        if value.prose and not prose.is_identifier(value.text):
            for at, token in prose.acronym_uses(value.text):
                if token in explained or prose.is_allowed_acronym(token, known):
                    continue
                key = (value.kind, value.ident, token)
                seen = first_use.get(key)
                if token in definitions and at >= definitions[token][0]:
                    explained.add(token)  # spelled out here: uses from now on are explained
                elif seen is not None:
                    seen.count += 1
                else:
                    first_use[key] = _FirstUse(value, later=False)
            found = prose.find_terms(prose.unquoted(value.text), jargon)
            if found:
                quoted = shortlist([f"“{w}”" for w in found])
                yield Violation(
                    value.kind,
                    value.ident,
                    text.locate(value),
                    f"this text uses jargon ({quoted}) that readers outside the digital team "
                    "would have to translate",
                    "Say plainly what will happen and for whom, for example “use” instead of "
                    "“leverage”, or “working together” instead of “synergy”.",
                )
        for acronym in definitions:
            explained.add(acronym)
            use = first_use.get((value.kind, value.ident, acronym))
            if use is not None:
                use.later = True
    for (_, _, token), use in first_use.items():
        yield _violation(text, token, use, spelled.get(token))


def _violation(
    text: prose.RepositoryText,
    token: str,
    use: _FirstUse,
    spelled: tuple[str, str] | None,
) -> Violation:
    more = ""
    if use.count > 1:
        more = f" (and {use.count - 1} more time{'s' if use.count > 2 else ''} in this file)"
    if use.later:
        message = (
            f"the acronym “{token}” is used here{more} before this file spells it out: a "
            "reader meets it first here"
        )
    else:
        message = f"the acronym “{token}” is used here{more} but this file never spells it out"
    name = "full name" if spelled is None else spelled[1]
    hint = (
        f"Write it out at its first use, like “{name} ({token})”, or add `{token}: {name}` "
        "under `glossary:` in strategy.yaml, so that every page of the published strategy "
        "explains it."
    )
    if spelled is not None and not use.later:
        message += f" (`{spelled[0]}` spells it out as “{spelled[1]}”)"
    return Violation(use.value.kind, use.value.ident, text.locate(use.value), message, hint)
