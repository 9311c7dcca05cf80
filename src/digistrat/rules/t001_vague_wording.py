"""A promise uses vague words such as "improve", "better" or "world-class" with nothing measurable.

The guide lists vagueness as a sign of a bad digital strategy (§1 Vague): a strategy should set
clear, measurable objectives, and its commitments should be tangible rather than vague
aspirations (§11 Set actions). Words like "improve", "better", "enhance", "transform",
"seamless" or "world-class" sound like progress but cannot be checked: nobody can tell in a
year whether they came true. This rule reads the mission, the objectives and each commitment's
statement and outcome. It stays quiet when the same text pins the promise down with a number, a
date, a proportion or a limit ("improve ... to 90%", "within two days", "by March 2027"), when
it names how it is measured ("as measured by the Friends and Family Test"). A commitment's
``measure:`` does not make up for a vague statement: the statement is what the poster and the
site show, on its own. "One" ("as one team") and "within" ("within the trust") are not
limits. A mission is a short message everyone can repeat (§2 Q2), so for the mission the
finding asks for plain words about what will change, not for a number or a date.

An objective with a ``source:`` is quoted from the organisation's own strategy: those are the
organisation's words, which digital serves, not promises the digital strategy makes, so they
are not reported.

Options:

* ``vague-words``: the words looked for (each also matches its usual endings, so "improve"
  covers "improved" and "improvement", and "-ise" words their "-ize" spelling). Setting it
  replaces the default list.

Failing example::

    # commitments/rebook-online.yaml
    statement: We will improve the booking experience for patients.

Passing example::

    # commitments/rebook-online.yaml
    statement: Patients can change an appointment online in under five minutes by March 2027.
"""

from __future__ import annotations

from collections.abc import Iterator

from digistrat import prose
from digistrat.prose.wordlists import VAGUE_WORDS
from digistrat.rules.base import Check, Context, Violation
from digistrat.voice import shortlist

CODE = "T001"
NAME = "vague-wording"
SEVERITY = "warning"
SECTION = "§1 Vague; §11 Set actions (Tangible, Measurable)"
SEVERITY_BASIS = (
    "§1 names “vague” as a sign of a bad strategy, but telling vague wording from plain wording "
    "is a heuristic that can be wrong."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {"vague-words": list(VAGUE_WORDS)}

_WHAT = {
    "mission": "the mission",
    "objectives": "the objective",
    "statement": "the commitment `{}`",
    "outcome": "the outcome of commitment `{}`",
}


def _fields(ctx: Context) -> Iterator[tuple[str, str, tuple[str | int, ...], str]]:
    """(kind, ident, location, text) of every field this rule reads: not the objectives quoted
    from the organisation's own strategy."""
    strategy = ctx.repo.strategy
    if strategy is not None:
        if strategy.mission:
            yield "strategy", "strategy", ("mission",), strategy.mission
        for i, objective in enumerate(strategy.objectives):
            if objective.source is None:
                yield "strategy", "strategy", ("objectives", i, "title"), objective.title
    for ident, commitment in ctx.repo.commitments.items():
        yield "commitments", ident, ("statement",), commitment.statement
        if commitment.outcome:
            yield "commitments", ident, ("outcome",), commitment.outcome


def check(ctx: Context) -> Check:
    words = prose.terms_option(ctx.option("vague-words", VAGUE_WORDS), VAGUE_WORDS)
    for kind, ident, loc, text in _fields(ctx):
        own_words = prose.unquoted(text)
        found = prose.find_terms(own_words, words)
        if not found or prose.has_anchor(own_words):
            continue
        quoted = shortlist([f"“{w.lower()}”" for w in found])
        if loc == ("mission",):
            # A mission is a short message everyone repeats (§2 Q2), not a measurable promise:
            # asking it for a number or a date would be wrong advice.
            yield Violation(
                kind,
                ident,
                loc,
                f"the mission uses vague wording ({quoted}) that does not say what will be "
                "different",
                "Say in a few plain words what will change for patients or staff, something "
                "people can picture and repeat, like the guide's “work from anywhere trust”; "
                "leave numbers and dates to the commitments.",
            )
            continue
        yield Violation(
            kind,
            ident,
            loc,
            f"{_WHAT[str(loc[0])].format(ident)} uses vague wording ({quoted}) with no "
            "number, date or limit to show when it has come true",
            "Say what will be different and by how much or by when, for example “Patients "
            "wait no more than 2 days for …” or “… by March 2027”; or replace the word with "
            "the concrete change you mean.",
        )
