"""An owner's name is a team, a code, a placeholder or a job title instead of a person.

Firm commitments need clear ownership (§2 board question 6): one named person the board can
ask about progress. "IT", "the digital team" or "Chief Digital Officer" in the
owner's ``name`` hides who that is, and a team or a post cannot be held to account the way a
person can. This rule reads the owner ``name`` of every service, open initiative, open
commitment and risk, and of the strategy itself. It is a heuristic, so it is a warning, and it
errs towards silence: any ordinary personal name passes ("Dr Priya Shah", "Sam O'Neill",
"Jane Smith-Jones"), as does a name next to its role, set apart by a comma, a bracket or a
dash ("Sam Lee, Chief Digital Officer", "Chief Digital Officer (Sam Lee)"). Otherwise only the
part before the separator is judged. A name is reported when it is:

* a team or department: it contains one of the words team, department, dept, office,
  directorate, division, services, unit, function, committee, board, programme, desk or
  group, or is just one of IT, ICT, IM&T, digital, informatics, estates, finance, procurement,
  HR or PMO, or starts with "the";
* a code: anything with a digit in it, such as ``DIG-01``;
* an abbreviation: a single word of two to six capitals, such as ``EPR``;
* a placeholder: n/a, -, none, unknown, vacant, ?, "to be confirmed" or "to be appointed"
  (TBC, TBD, TODO and the text written by ``digistrat init`` are reported by T005
  ``placeholder-text`` instead, so that one problem gives one finding);
* only a job title: it contains a word of a job title (chief, director, manager, officer,
  executive, head of, lead, deputy, consultant, guardian, or an abbreviation such as CIO, CCIO,
  CNIO, CDO, CEO, COO, CFO, CTO, SIRO or SRO), with no comma, bracket or dash separating a
  person's name from it and no title such as Dr or Ms.

Failing example::

    # initiatives/online-booking.yaml
    owner:
      name: Head of Outpatients
      function: operational

Passing example::

    # initiatives/online-booking.yaml
    owner:
      name: Dr Asha Patel
      role: Head of Outpatients
      function: operational
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from digistrat import prose
from digistrat.models.common import Owner
from digistrat.prose.wordlists import PLACEHOLDER_MARKERS
from digistrat.rules.base import Check, Context, Violation

CODE = "O004"
NAME = "owner-not-a-person"
SEVERITY = "warning"
SECTION = "§2 Q6 Clear ownership"
SEVERITY_BASIS = (
    "§2 Q6 asks for clear ownership, but telling a team name or a job title from a person's "
    "name is a heuristic that can be wrong, so this is a warning."
)
QUESTIONS = (6,)
OPTIONS: dict[str, object] = {}

_TEAM_WORDS = frozenset(
    ("team", "teams", "department", "dept", "office", "directorate", "division", "services",
     "unit", "function", "committee", "board", "programme", "desk", "group")
)  # fmt: skip
_DEPARTMENTS = frozenset(
    ("it", "ict", "im&t", "digital", "informatics", "estates", "finance", "procurement", "hr",
     "pmo")
)  # fmt: skip
_PLACEHOLDERS = frozenset(
    ("n/a", "na", "-", "--", "none", "nobody", "unknown", "vacant", "?", "to be confirmed",
     "to be appointed", "not yet appointed", "not known")
)  # fmt: skip
_ROLE_WORDS = frozenset(
    ("chief", "director", "manager", "officer", "executive", "lead", "deputy", "consultant",
     "guardian")
)  # fmt: skip
_ROLE_ABBREVIATIONS = frozenset(
    ("cio", "ccio", "cnio", "cmio", "cdo", "ceo", "coo", "cfo", "cto", "cno", "siro", "sro",
     "dpo")
)  # fmt: skip
_HONORIFICS = frozenset(
    ("dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "lord", "lady")
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+(?:[&'’-][^\W\d_]+)*|\S")
_SEPARATOR = re.compile(r",|\(|\s[-–—|/]\s")
_ACRONYM = re.compile(r"^[A-Z&]{2,6}$")


def kind_of(name: str) -> str | None:
    """What ``name`` looks like instead of a person (``team``, ``code``, ``abbreviation``,
    ``placeholder`` or ``role``), or None if it may well be a person's name."""
    text = " ".join(name.split())
    low = text.lower().rstrip(".")
    if not low or low in _PLACEHOLDERS or not any(c.isalnum() for c in low):
        return "placeholder"
    if prose.placeholder(text, PLACEHOLDER_MARKERS):
        return None  # T005 (placeholder-text) reports it
    separated = _SEPARATOR.search(text)
    if separated:  # "Sam Lee, Chief Digital Officer" or "Chief Digital Officer (Sam Lee)"
        if any(_names_someone(part) for part in _SEPARATOR.split(text)):
            return None
        return kind_of(text[: separated.start()]) if separated.start() else None
    if any(c.isdigit() for c in text):
        return "code"  # nobody's name has digits in it: DIG-01, Team 3
    words = [w.lower() for w in _WORD.findall(text)]
    if words[0] in _HONORIFICS:
        return None  # Dr, Ms, Professor…: a person
    role = _ROLE_WORDS.intersection(words) or _has_head_of(words)
    if words[-1] in _TEAM_WORDS and not (role and ("of" in words or "for" in words)):
        return "team"
    if low in _DEPARTMENTS or words[0] == "the":
        return "team"
    if _ROLE_ABBREVIATIONS.intersection(words) or role:
        return "role"
    if _TEAM_WORDS.intersection(words):
        return "team"
    if _ACRONYM.match(text):
        return "abbreviation"
    return None


def _names_someone(part: str) -> bool:
    """True if ``part`` has a title such as Dr before a capitalised word ("led by Dr Shah"),
    or, with no team or job-title word in it, two capitalised words ("Sam Lee")."""
    tokens = _WORD.findall(part)
    known = _TEAM_WORDS | _DEPARTMENTS | _ROLE_WORDS | _ROLE_ABBREVIATIONS | {"head", "of"}
    capitalised = [
        t for t in tokens if t[0].isupper() and not t.isupper() and t.lower() not in known
    ]
    titled = any(
        t.lower() in _HONORIFICS and tokens[i + 1 : i + 2] and tokens[i + 1][0].isupper()
        for i, t in enumerate(tokens)
    )
    if titled:
        return True
    lowered = {t.lower() for t in tokens}
    if lowered & (_TEAM_WORDS | _ROLE_WORDS) or _has_head_of([t.lower() for t in tokens]):
        return False  # "Patient Access Team", "Director of Patient Access"
    return len([t for t in capitalised if t.lower() not in _HONORIFICS]) >= 2


def _has_head_of(words: list[str]) -> bool:
    return any(w == "head" and words[i + 1 : i + 2] == ["of"] for i, w in enumerate(words))


_WHAT = {
    "team": "a team or department rather than a person",
    "code": "a code rather than a person's name",
    "placeholder": "a placeholder rather than a person's name",
    "abbreviation": "an abbreviation rather than a person's name",
    "role": "a job title rather than a person's name",
}


def _owners(ctx: Context) -> Iterator[tuple[str, str, tuple[str | int, ...], str, Owner]]:
    """``(kind, ident, loc of the owner, what it owns, owner)`` for every owner to check."""
    repo = ctx.repo
    strategy = repo.strategy
    if strategy is not None:
        if strategy.owner is not None:
            yield "strategy", "strategy", ("owner",), "the strategy", strategy.owner
        for i, risk in enumerate(strategy.risks):
            if risk.owner is not None:
                yield "strategy", "strategy", ("risks", i, "owner"), f"risk {i + 1}", risk.owner
    for ident, service in repo.services.items():
        if service.owner is not None and service.phase != "retired":
            yield "services", ident, ("owner",), f"the service `{ident}`", service.owner
    for ident, ini in repo.initiatives.items():
        if ini.owner is not None and ini.status not in ("done", "stopped"):
            yield "initiatives", ident, ("owner",), f"the initiative `{ident}`", ini.owner
    for ident, com in repo.commitments.items():
        if com.owner is not None and com.status not in ("met", "missed"):
            yield "commitments", ident, ("owner",), f"the commitment `{ident}`", com.owner


def check(ctx: Context) -> Check:
    for kind, ident, loc, what, owner in _owners(ctx):
        found = kind_of(owner.name)
        if found is None:
            continue
        if found == "role" and owner.role is None:
            hint = (
                "Move the job title to `role` and put the name of the person who holds it in "
                f"`name`, for example `name: Priya Shah` and `role: {owner.name.strip()}`."
            )
        else:
            hint = (
                "Put the name of the one person accountable in `name` and their job title in "
                "`role`, for example `name: Priya Shah` and `role: Chief Digital Officer`."
            )
        if found == "placeholder":
            hint += " If nobody has been named yet, say who will name the owner, and by when."
        yield Violation(
            kind,
            ident,
            (*loc, "name"),
            f"the owner of {what} is “{owner.name.strip()}”, {_WHAT[found]}",
            hint,
        )
