"""Text is still a placeholder: example text from `digistrat init`, or TODO, TBC, TBD.

The guide warns against cookie-cutter strategies (§1 Cookie-cutter): learn from others, but
write for your own organisation, system and users. A strategy that still says "Replace with
…" somewhere, or "TBC" where an owner or a date should be, is not finished, and a reader
cannot tell which parts are real. This rule reads every text value of every file and reports:

* text still as written by ``digistrat init`` or ``digistrat new`` (their example files'
  "Replace with …" text), or an example sentence from those files copied word for word;
* fill-in-the-blank brackets such as ``<your name>`` or ``[insert date]``;
* a placeholder marker as a whole word, in any capitals: TODO, TBC, TBD, FIXME, XXX or "lorem
  ipsum".

Options:

* ``placeholder-markers``: the markers looked for. Setting it replaces the default list.

Failing example::

    # initiatives/online-booking.yaml
    owner:
      name: TBC
      function: clinical

Passing example::

    # initiatives/online-booking.yaml
    owner:
      name: Dr Asha Patel
      function: clinical
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import yaml

from digistrat import prose
from digistrat.prose.wordlists import PLACEHOLDER_MARKERS
from digistrat.resources import templates_dir
from digistrat.rules.base import Check, Context, Violation

CODE = "T005"
NAME = "placeholder-text"
SEVERITY = "warning"
SECTION = "§1 Cookie-cutter"
SEVERITY_BASIS = (
    "§1 names “cookie-cutter” as a sign of a bad strategy, but recognising placeholder text is "
    "a heuristic that can be wrong."
)
QUESTIONS = (1,)
OPTIONS: dict[str, object] = {"placeholder-markers": list(PLACEHOLDER_MARKERS)}

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}")
_QUOTED_EXAMPLE = re.compile(r"[\"“]([^\"”]{12,200})[\"”]")


def _unjinja(match: re.Match[str]) -> str:
    return "x" if match.group(0).startswith("{{") else ""


def _template_texts(folder: Path) -> tuple[frozenset[str], frozenset[str]]:
    """The placeholders ("Replace with …") and quoted example sentences of the init files."""
    placeholders: set[str] = set()
    examples: set[str] = set()
    for path in sorted(folder.rglob("*.yaml")):
        try:
            # A value ({{ … }}) becomes a word; a block tag ({% if … %}) on its own line, nothing.
            text = _JINJA.sub(_unjinja, path.read_text(encoding="utf-8"))
            data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        for _, text in prose.text_values(data):
            if text.lower().startswith("replace"):
                placeholders.add(prose.normalised(text))
                examples.update(prose.normalised(m) for m in _QUOTED_EXAMPLE.findall(text))
    return frozenset(placeholders), frozenset(examples)


@cache
def init_texts() -> tuple[frozenset[str], frozenset[str]]:
    """What ``digistrat init`` writes that a user is meant to replace (read once per run)."""
    try:
        return _template_texts(templates_dir() / "init")
    except FileNotFoundError:
        return frozenset(), frozenset()


@lru_cache(maxsize=8)
def _quick_test(markers: tuple[str, ...]) -> tuple[tuple[str, ...], re.Pattern[str]]:
    """What every placeholder has, once lower-cased: one of the pieces, or one of the
    beginnings after any spaces and opening quotes (a pattern for the start of a value)."""
    placeholders, examples = init_texts()
    pieces = tuple({m.lower() for m in markers} | {"<", "["})
    starts = sorted({text[:12] for text in placeholders | examples} | {"replace"})
    begins = "|".join(re.escape(start) for start in starts)
    return pieces, re.compile(f"[ \t\n\"'“]*+(?:{begins})")


def _candidates(text: prose.RepositoryText, markers: tuple[str, ...]) -> set[int]:
    """The values that might be placeholders (plain substring searches over all the text at
    once, much faster than a regular expression per value); these are then looked at
    closely."""
    pieces, begins = _quick_test(markers)
    return text.containing(pieces, lower=True) | text.beginning(begins, lower=True)


def _quote(text: str) -> str:
    words = text.split()
    return "“" + " ".join(words[:6]) + (" …”" if len(words) > 6 else "”")


def check(ctx: Context) -> Check:
    markers = prose.terms_option(
        ctx.option("placeholder-markers", PLACEHOLDER_MARKERS), PLACEHOLDER_MARKERS
    )
    placeholders, examples = init_texts()
    text = prose.shared_text(ctx.repo, ctx.shared)
    for value in text.found(_candidates(text, markers)):
        folded = prose.normalised(value.text)
        written = "`digistrat init` or `digistrat new`"
        if folded in placeholders:
            problem = f"is still example text that {written} wrote ({_quote(value.text)})"
        elif folded in examples:
            problem = f"copies an example sentence from {written} ({_quote(value.text)})"
        else:
            found = prose.placeholder(value.text, markers)
            if found is None:
                continue
            problem = f"still contains the placeholder “{found}”"
        yield Violation(
            value.kind,
            value.ident,
            text.locate(value),
            f"this text {problem}",
            "Replace it with your own words, written for your organisation and its users. If "
            "nobody knows the answer yet, say who will find out and by when.",
        )
