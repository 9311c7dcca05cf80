"""Plain-English text analysis for the text rules: pure functions over strings.

Prose linters are mostly disliked for their false alarms, so everything here is deliberately
narrow: whole words only, a small number of well-chosen terms, acronyms matched by their exact
capitals, and quoted passages (someone else's words) left out of word-list checks. Patterns are
compiled once per word list and cached, and every function is a single pass over its text, so a
repository of ten thousand entities is checked in well under a second.

Nothing in this module reads files or knows about rules: it takes text and returns data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# --- matching word lists --------------------------------------------------------------------

_WORD_CHAR = r"[^\W_]"  # a letter or digit


def _inflected(token: str) -> str:
    """A regex for ``token`` and its common English endings (improve → improved, improvement)."""
    t = re.escape(token)
    if not token.isalpha() or len(token) < 4:
        return t + "(?:s|es)?"
    if token.endswith(("ise", "ize")):
        return re.escape(token[:-3]) + "i[sz](?:e|es|ed|ing|ation|ations)"
    if token.endswith("e"):
        return re.escape(token[:-1]) + "(?:e|es|ed|ing|ement|ements|ation|ations|ative)"
    if token.endswith("y"):
        return re.escape(token[:-1]) + "(?:y|ies)"
    return t + "(?:s|es|ed|ing|ment|ments|ation|ations|ational|ative|ly|ally)?"


def _term(term: str) -> str:
    """One term as a regex: capitalised acronyms exactly, other words case-insensitively."""
    term = term.strip()
    if _is_exact(term):
        return re.escape(term) + "s?"
    tokens = re.split(r"([\s-]+)", term.lower())
    out: list[str] = []
    for i, tok in enumerate(tokens):
        if i % 2:  # a separator: a space or a hyphen, written either way
            out.append(r"[\s-]?" if "-" in tok else r"[\s-]+")
        elif i == len(tokens) - 1:
            out.append(_inflected(tok))
        else:
            out.append(re.escape(tok))
    return "(?i:" + "".join(out) + ")"


@lru_cache(maxsize=64)
def terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """A compiled pattern matching any of ``terms`` as whole words (``None`` for no terms).

    Lower-case terms match case-insensitively and with their common endings ("improve" also
    matches "improved" and "improvement"; "optimise" also "optimize"). Terms with two or more
    capitals ("AI", "RPA") match only as written, optionally plural ("LLMs").
    """
    parts = sorted({_term(t) for t in terms if t and t.strip()}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(rf"(?<!{_WORD_CHAR})(?:{'|'.join(parts)})(?!{_WORD_CHAR})")


def _is_exact(term: str) -> bool:
    return sum(c.isupper() for c in term) >= 2 and " " not in term


def _stem(term: str) -> str:
    """A lower-case piece of text that every match of ``term`` contains: the longest of its
    words (the last one without the endings :func:`_inflected` may change), so that a term
    such as "low-hanging fruit" is looked for as "hanging", not as "low" (in "follow")."""
    tokens = [t for t in re.split(r"[\s-]+", term.lower()) if t]
    if not tokens:
        return ""
    last = tokens[-1]
    if last.isalpha() and len(last) >= 4:
        if last.endswith(("ise", "ize")):
            last = last[:-3] + "i"  # optimise, optimize: "optimi"
        elif last.endswith(("e", "y")):
            last = last[:-1]
    return max([*tokens[:-1], last], key=len)


@lru_cache(maxsize=64)
def stems(terms: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(lower-case stems, exact acronyms) for a quick test before the full pattern."""
    terms = tuple(t.strip() for t in terms if t and t.strip())
    exact = tuple(sorted({t for t in terms if _is_exact(t)}))
    lower = tuple(sorted({_stem(t) for t in terms if not _is_exact(t)}))
    return lower, exact


CASE_FOLDS = re.compile(
    "[\u00b5\u0131\u017f\u0307\u0345\u0390\u03b0\u03b2\u03b5\u03b8\u03b9\u03ba"
    "\u03bc\u03c0\u03c1\u03c2\u03c3\u03c6\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1"
    "\u03f5\u0432\u0434\u043e\u0441\u0442\u044a\u0463\u1c80-\u1c88\u1e61\u1e9b"
    "\u1fbe\u1fd3\u1fe3\ua64b\ufb05\ufb06]"
)
"""Lower-case letters that a case-insensitive pattern matches to a different letter than
``str.lower`` gives (the long s "ſ" matches "s", the dotless "ı" and "İ" match "i"…, see
:mod:`re._casefix`), and the combining dot that ``"İ".lower()`` adds: text containing one is
always given to the full pattern, so the quick test never hides a match."""


def might_contain(text: str, terms: tuple[str, ...]) -> bool:
    """A quick test: ``False`` means none of ``terms`` is in ``text`` (plain substring
    searches, many times faster than the full pattern on long text)."""
    lower, exact = stems(terms)
    for stem in exact:
        if stem in text:
            return True
    if lower:
        folded = text.lower()
        if not folded.isascii() and CASE_FOLDS.search(folded):
            return True
        for stem in lower:
            if stem in folded:
                return True
    return False


def find_terms(text: str, terms: Iterable[str], *, affirmed: bool = False) -> list[str]:
    """The terms from ``terms`` used in ``text`` (as written there), in order, without repeats.

    With ``affirmed``, a term the text denies ("no AI is involved", "without blockchain",
    "we will not use RPA", "not AI-driven") is left out: see :func:`negated`."""
    terms = tuple(terms)
    pattern = terms_pattern(terms)
    if pattern is None or not might_contain(text, terms):
        return []
    seen: dict[str, None] = {}
    denied_to = -1  # where the last denied term ends: "no robotic process automation (RPA)"
    for match in pattern.finditer(text):
        if affirmed and (
            negated(text, match.start())
            or (denied_to >= 0 and _RESTATED.fullmatch(text, denied_to, match.start()))
        ):
            denied_to = match.end()
            continue
        seen.setdefault(match.group(0), None)
    return list(seen)


_RESTATED = re.compile(r"\s*\(\s*")
"""Between a term and its acronym in brackets, which is denied with it."""


# A negation at most three words before a term, in the same clause: "no AI", "not AI-driven",
# "we will not use RPA", "without any blockchain", "rather than AI". "Not only" and "not just"
# are not denials.
_NEGATED = re.compile(
    r"(?i:(?<![^\W_])(?:no|not(?!\s+(?:only|just)\b)|never|without|nor|neither|cannot|"
    r"rather\s+than|instead\s+of)|n['’]t)(?:[^\w.;:!?,()]+[\w'’-]+){0,3}[^\w.;:!?,()]+$"
)
_NEGATION_REACH = 60
"""How many characters before a term :func:`negated` reads: a clause's last few words."""


def negated(text: str, start: int) -> bool:
    """Whether the words just before ``text[start:]`` deny it: a "no", "not", "never",
    "without", "rather than" (…) at most three words before, with no clause break between
    (a full stop, comma, semicolon, colon or bracket). Reads a bounded stretch of text, so
    the cost does not grow with the text."""
    return _NEGATED.search(text, max(0, start - _NEGATION_REACH), start) is not None


_QUOTED = re.compile(r"\"[^\"\n]{1,300}\"|“[^”\n]{1,300}”")


def unquoted(text: str) -> str:
    """``text`` without passages in double quotes: quoted words are someone else's, not ours."""
    if '"' not in text and "“" not in text:
        return text
    return _QUOTED.sub(" ", text)


# --- numbers, dates and other measurable anchors --------------------------------------------

_ANCHOR = re.compile(
    r"%|(?<![^\W_])(?i:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|half|halve|halved|double|"
    r"doubled|twice|triple|tripled|third|quarter|zero|per\s+cent|percent|"
    r"(?:within|under|less\s+than|more\s+than|at\s+(?:least|most))\s+(?:an?|one)\s+"
    r"(?:minute|hour|day|working\s+day|week|fortnight|month|year)|"
    r"no\s+longer|"
    r"same[\s-]day|measured\s+by)(?![^\W_])|"
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b"
)
"""Words that pin a promise down. "One" is not among them on its own ("as one team", "one
place" promise nothing measurable), nor "within" ("within the trust"): only a span of time
such as "within a week" or "in less than one day" counts, and "more than", "at least" (…)
only with a number ("more than a website" is not a limit)."""


_NUMBER = re.compile(r"\d+")
_NAMED_BY_NUMBER = re.compile(
    r"(?i:stage|phase|level|tier|band|version|release|step|type|windows|office|web|nhs)\s*$"
)


def has_anchor(text: str) -> bool:
    """Whether ``text`` pins itself down with a number, date, proportion or limit.

    A number that is part of a name ("Stage 7", "Windows 11", "NHS 111") does not count."""
    if _ANCHOR.search(text):
        return True
    for match in _NUMBER.finditer(text):
        start = match.start()
        if not _NAMED_BY_NUMBER.search(text[max(0, start - 12) : start]):
            return True
    return False


# --- acronyms ---------------------------------------------------------------------------------

# A dotted name ("GOV.UK", "NHS.UK") is one token, and so is a compound such as "e-RS" or
# "non-NHS": neither is split into acronyms.
_ACRONYM = re.compile(
    r"(?<![\w&'’.])(?<![^\W_]-)([A-Z][A-Z0-9&]*[A-Z0-9])((?:\.[^\W_]+)+)?(?:s|['’]s)?"
    r"(?![\w&'’])"
)
_ROMAN = re.compile(r"^[IVX]+$")
_LOWER_RUN = re.compile(r"[a-z]{3}")
_SHOUTED = frozenset(
    [
        "ALL",
        "AND",
        "ARE",
        "BUT",
        "FOR",
        "MUST",
        "NEVER",
        "NEW",
        "NO",
        "NOT",
        "NOW",
        "ONE",
        "ONLY",
        "OR",
        "THE",
        "TO",
        "TWO",
        "WE",
        "WILL",
        "YES",
    ]
)
_IN_BRACKETS = re.compile(r"\(\s*([A-Z][A-Z0-9&]*[A-Z0-9])s?\s*\)")
_PLAIN_WORD = re.compile(r"(?<![\w'’])[A-Za-z][\w'’&-]*")
_CLAUSE_END = re.compile(r".*[();:.!?]", re.DOTALL)
_BEFORE_WORDS = re.compile(r"(?<![\w&])([A-Z][A-Z0-9&]*[A-Z0-9])s?\s*\(([^()]{3,150})\)")


def _is_acronym(token: str) -> bool:
    letters = sum(c.isalpha() for c in token)
    return (
        2 <= len(token.replace("&", "")) <= 6
        and letters >= 2
        and token not in _SHOUTED
        and not _ROMAN.match(token)
    )


def acronyms(text: str) -> Iterator[str]:
    """Each acronym used in ``text`` (``EPR``, ``A&E``, ``PAS``; plural ``EPRs`` as ``EPR``).

    Whole tokens of two to six capitals (digits allowed after the first letter), so ``AI`` is
    not found in ``CHAIN`` or ``maintain``. Long text with no lower-case word (a shouted
    heading) and roman numerals are ignored.
    """
    for _, token in acronym_uses(text):
        yield token


def acronym_uses(text: str) -> Iterator[tuple[int, str]]:
    """Each acronym of :func:`acronyms` with where it starts in ``text``. A dotted name such
    as "GOV.UK" is read whole, and is a name rather than an acronym."""
    if len(text) > 40 and not _LOWER_RUN.search(text):
        return  # a shouted heading, not acronyms
    for match in _ACRONYM.finditer(text):
        token = match.group(1)
        if match.group(2) is None and _is_acronym(token):
            yield match.start(), token


def defined_acronyms(text: str) -> set[str]:
    """Acronyms that ``text`` spells out, as ``Full Name (ACR)`` or ``ACR (Full Name)``."""
    return set(acronym_definitions(text))


def acronym_definitions(text: str) -> dict[str, tuple[int, str]]:
    """Each acronym that ``text`` spells out, with where the first such spelling starts (the
    full name's first word, or the acronym before its brackets) and the full name as
    written: a use of the acronym from there on is explained."""
    if "(" not in text:
        return {}
    found: dict[str, tuple[int, str]] = {}
    for match in _IN_BRACKETS.finditer(text):
        acronym = match.group(1)
        begin = max(0, match.start() - 80)
        before = text[begin : match.start()]
        clause = _CLAUSE_END.match(before)
        if clause is not None:
            begin, before = begin + clause.end(), before[clause.end() :]
        words = _spelled_by(acronym, before, last=True)
        if words is not None and acronym not in found:
            found[acronym] = (begin + len(before) - len(before.lstrip()), words)
    for match in _BEFORE_WORDS.finditer(text):
        acronym = match.group(1)
        if _spells(acronym, match.group(2)):
            start = match.start(1)
            if acronym not in found or start < found[acronym][0]:
                found[acronym] = (start, " ".join(match.group(2).split()))
    return found


def _spells(acronym: str, words: str, *, last: bool = False) -> bool:
    """Whether ``words`` (the last few of them, with ``last``) could spell out ``acronym``:
    one of them starts with its first letter, and they are not all capitals."""
    return _spelled_by(acronym, words, last=last) is not None


def _spelled_by(acronym: str, words: str, *, last: bool = False) -> str | None:
    """The part of ``words`` that spells out ``acronym`` (see :func:`_spells`), from the
    first word starting with its first letter; ``None`` if they cannot."""
    plain = [m for m in _PLAIN_WORD.finditer(words) if not m.group(0).isupper()]
    if last:
        plain = plain[-(len(acronym) + 3) :]
    first = acronym[0].lower()
    for m in plain:
        if m.group(0)[0].lower() == first:
            return " ".join(words[m.start() :].split())
    return None


def is_allowed_acronym(token: str, allowed: frozenset[str]) -> bool:
    """Whether ``token`` is known to every reader: in ``allowed``, also with a number after it
    (``NHS111``)."""
    return token in allowed or token.rstrip("0123456789") in allowed


# --- sentences and words ------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['’.&-][^\W_]+)*")
# The look-behind starts a match only at the first mark of a run ("...."): without it a long
# run of dots is tried from every position, which is quadratic.
_SENTENCE_END = re.compile(r"(?<![.!?])[.!?]+[\"'’”)]*\s+(?=[\"'‘“(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "st",
        "no",
        "vs",
        "approx",
        "inc",
        "ltd",
        "co",
        "nos",
        "fig",
    ]
)


def word_count(text: str) -> int:
    """Number of words (``A&E``, ``e-mail`` and ``don't`` are one word each)."""
    return len(_WORD.findall(text))


def sentence_count(text: str) -> int:
    """Number of sentences: full stops, question and exclamation marks followed by a new
    sentence; abbreviations such as ``e.g.`` and ``Dr.`` do not end one."""
    text = text.strip()
    if not text:
        return 0
    ends = 0
    for match in _SENTENCE_END.finditer(text):
        start = match.start()
        word = text[text.rfind(" ", 0, start) + 1 : start]
        if word.lower().rstrip(".") not in _ABBREVIATIONS:
            ends += 1
    return ends + 1


# --- solution-phrased statements ------------------------------------------------------------------

_LEAD_IN = (
    r"(?:(?:by|in|within|over|during|before|from|this|next|throughout)\b[^,.;:]{0,40},\s*)?"
    r"(?:(?:we|the\s+\w+(?:\s+\w+)?|our\s+\w+(?:\s+\w+)?)\s+"
    r"(?:will|shall|are\s+going\s+to|plan\s+to|aim\s+to|intend\s+to|commit\s+to|is\s+going\s+to)"
    r"\s+|we'll\s+|we’ll\s+|to\s+)?(?:\w+ly\s+)?"
)


def _verb_forms(verb: str) -> str:
    """``roll out`` → roll(s) out / roll-out / rollout; ``implement`` → implement /
    implementation (of)."""
    words = verb.lower().split()
    head = re.escape(words[0])
    rest = "".join(r"[\s-]?" + re.escape(w) for w in words[1:])
    stem = re.escape(words[0][:-1]) if words[0].endswith("e") else head
    nouns = rf"(?:{head}s?|{stem}(?:ation|ement|ment|ion))"
    return rf"(?:(?:{head}|{stem}ing){rest}(?:\s+(?:of|to|with))?|{nouns}{rest}\s+(?:of|to))"


@lru_cache(maxsize=16)
def solution_pattern(verbs: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern for a statement that opens with delivering a solution: "Implement …",
    "We will roll out …", "Deployment of …", "By 2027, we will procure …"."""
    forms = sorted({_verb_forms(v) for v in verbs if v.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(rf"^\s*{_LEAD_IN}(?P<verb>{'|'.join(forms)})(?![^\W_])", re.IGNORECASE)


_PASSIVE = (
    r"^\s*(?:[\w&’'-]+\s+){0,5}?[\w&’'-]+\s+(?:will|shall|is\s+going\s+to|are\s+going\s+to)"
    r"\s+(?P<verb>be\s+(?:fully\s+)?(?:implemented|rolled\s+out|deployed|procured|installed|"
    r"launched|upgraded|migrated|bought|purchased|live))\b"
)
_PASSIVE_RE = re.compile(_PASSIVE, re.IGNORECASE)


# The object of a general verb ends where a new clause starts: in "Develop staff skills so the
# new system works" the system is not what is developed.
_NOT_CLAUSE = r"(?!(?i:so|that|because|when|while|after|before|until|which|who|where|using)\s)"


@lru_cache(maxsize=16)
def delivery_pattern(verbs: tuple[str, ...], things: tuple[str, ...]) -> re.Pattern[str] | None:
    """A pattern for a statement that opens with a general verb whose object, within a few
    words, is a system: "Deliver a new electronic patient record", "Introduce a portal"."""
    heads = sorted(
        {r"[\s-]?".join(map(re.escape, v.lower().split())) for v in verbs if v.strip()},
        key=len,
        reverse=True,
    )
    things_re = terms_pattern(things)
    if not heads or things_re is None:
        return None
    return re.compile(
        rf"^\s*(?i:{_LEAD_IN})(?P<verb>(?i:{'|'.join(heads)}))\s+(?:{_NOT_CLAUSE}[\w&’'-]+\s+){{0,4}}?"
        rf"(?P<thing>{things_re.pattern})"
    )


def solution_phrasing(
    text: str,
    verbs: Iterable[str],
    delivery_verbs: Iterable[str] = (),
    systems: Iterable[str] = (),
) -> str | None:
    """What a statement built around delivering a solution opens with: a solution verb
    ("implement", "roll out"), a general verb with a system as its object ("introduce … portal"),
    or a passive "The new X will be deployed". ``None`` for an outcome phrasing such as
    "Patients can book online" or "Staff re-enter less data after we implement X"."""
    pattern = solution_pattern(tuple(verbs))
    match = pattern.match(text) if pattern is not None else None
    if match is None:
        match = _PASSIVE_RE.match(text)
    if match is not None:
        return " ".join(match.group("verb").split()).lower()
    general = delivery_pattern(tuple(delivery_verbs), tuple(systems))
    found = general.match(text) if general is not None else None
    if found is None:
        return None
    return f"{' '.join(found.group('verb').split()).lower()} … {found.group('thing')}"


# --- placeholders ---------------------------------------------------------------------------------

_FILL_IN = re.compile(r"[<\[]\s*(?:your|insert|enter|add)\b[^>\]\n]{0,60}[>\]]", re.IGNORECASE)
_REPLACE_ME = re.compile(r"^\s*replace\s+(?:this\s+|me\s+)?with\b", re.IGNORECASE)


def placeholder(text: str, markers: Iterable[str]) -> str | None:
    """The placeholder in ``text``, if any: "Replace with …", "<your name>", or a marker such
    as TODO or TBC (whole words, any case)."""
    if _REPLACE_ME.match(text):
        return " ".join(text.split()[:3]) + " …"
    fill = _FILL_IN.search(text)
    if fill:
        return fill.group(0)
    pattern = _markers_pattern(tuple(markers))
    found = pattern.search(text) if pattern is not None else None
    return found.group(0) if found else None


@lru_cache(maxsize=16)
def _markers_pattern(markers: tuple[str, ...]) -> re.Pattern[str] | None:
    words = sorted({re.escape(m.strip()) for m in markers if m.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(words)})(?![^\W_])", re.IGNORECASE)


def normalised(text: str) -> str:
    """``text`` folded for comparing: lower case, single spaces, no closing full stop."""
    return " ".join(text.lower().split()).strip("\"'“”").rstrip(".").strip()
