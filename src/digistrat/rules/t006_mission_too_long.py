"""The mission is too long to remember: more than one sentence, or more than 30 words.

The guide asks whether the strategy has a succinct mission that is understood across the
organisation (§2 Q2): a simple, clear message that everyone on the board recognises and staff
repeat, such as "the work from anywhere trust". A mission of several sentences or a long list
of aims will not be remembered, let alone repeated. This rule counts the words and sentences
of ``mission`` in strategy.yaml (abbreviations such as "e.g." do not end a sentence). A mission
of a dozen words or fewer is never too long, however it is punctuated: "Digital by default.
Human by choice." is a fine slogan. A missing mission is reported by its own rule.

Options:

* ``mission-max-words``: the most words a mission may have (default 30).
* ``mission-max-sentences``: the most sentences it may have (default 1).

Failing example::

    # strategy.yaml
    mission: >-
      We will put patients first. We will give staff the tools they need, join up care with our
      partners across the system, and use data to make better decisions about the services we
      provide to our communities every day.

Passing example::

    # strategy.yaml
    mission: Patients and staff can get what they need from us online, first time.
"""

from __future__ import annotations

from digistrat import prose
from digistrat.rules.base import Check, Context, Violation

CODE = "T006"
NAME = "mission-too-long"
SEVERITY = "warning"
SECTION = "§2 Q2 Succinct mission"
SEVERITY_BASIS = (
    "§2 Q2 asks for a succinct mission but sets no length, so the limit is a judgement."
)
QUESTIONS = (2,)
OPTIONS: dict[str, object] = {"mission-max-words": 30, "mission-max-sentences": 1}

_SLOGAN_WORDS = 12
"""A mission this short is memorable however many full stops it has."""


def check(ctx: Context) -> Check:
    strategy = ctx.repo.strategy
    if strategy is None or not strategy.mission:
        return
    max_words = prose.int_option(ctx.option("mission-max-words", 30), 30)
    max_sentences = prose.int_option(ctx.option("mission-max-sentences", 1), 1)
    words = prose.word_count(strategy.mission)
    sentences = prose.sentence_count(strategy.mission)
    problems: list[str] = []
    if sentences > max_sentences and words > _SLOGAN_WORDS:
        problems.append(f"{sentences} sentences")
    if words > max_words:
        problems.append(f"{words} words")
    if not problems:
        return
    limit = f"one sentence of at most {max_words} words"
    if max_sentences != 1:
        limit = f"at most {max_sentences} sentences and {max_words} words"
    yield Violation(
        "strategy",
        "strategy",
        ("mission",),
        f"the mission has {' and '.join(problems)}: too long for everyone to remember "
        f"and repeat (aim for {limit})",
        "Keep the one idea you want every member of staff to repeat, in plain words, and "
        "move the rest to the principles, objectives or commitments.",
    )
