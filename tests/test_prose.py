"""The text analysis behind the text rules: hits, and the near-misses that must not hit."""

from __future__ import annotations

import re
import time
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digistrat import prose
from digistrat.loader import load
from digistrat.prose import fields
from digistrat.prose.wordlists import (
    DELIVERY_VERBS,
    HYPE_TECH,
    JARGON_WORDS,
    PLACEHOLDER_MARKERS,
    SOLUTION_VERBS,
    SYSTEM_WORDS,
    VAGUE_WORDS,
)
from digistrat.yamlio import load_bytes

from helpers import build_tree

# --- word lists -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We will improve care", ["improve"]),
        ("Improvements to booking", ["Improvements"]),
        ("an improved service", ["improved"]),
        ("World class care", ["World class"]),
        ("world-class, seamless care", ["world-class", "seamless"]),
        ("optimized and optimised flows", ["optimized", "optimised"]),
        ("a transformational programme", ["transformational"]),
        ("Streamlining referrals", ["Streamlining"]),
        ("state of the art theatres", ["state of the art"]),
    ],
)
def test_vague_words_found_with_their_endings(text: str, expected: list[str]) -> None:
    assert prose.find_terms(text, VAGUE_WORDS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "improvised music",  # not an ending of "improve"
        "a transformer on the ward",
        "enhancer sequences",
        "seams of the tent",
        "edge of the site",
        "the classical approach",
    ],
)
def test_vague_words_near_misses(text: str) -> None:
    assert prose.find_terms(text, VAGUE_WORDS) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AI-powered triage", ["AI"]),
        ("Use AI to read scans", ["AI"]),
        ("LLMs for letters", ["LLMs"]),
        ("a GenAI pilot", ["GenAI"]),
        ("Generative AI for notes", ["Generative AI"]),
        ("machine-learning model", ["machine-learning"]),
        ("Artificial Intelligence", ["Artificial Intelligence"]),
        ("robotic process automation (RPA)", ["robotic process automation", "RPA"]),
        ("a blockchain for consent", ["blockchain"]),
        ("digital twins of wards", ["digital twins"]),
        ("Smart Hospital IoT Platform", ["IoT"]),
    ],
)
def test_hype_terms_found(text: str, expected: list[str]) -> None:
    assert prose.find_terms(text, HYPE_TECH) == expected


@pytest.mark.parametrize(
    ("text", "affirmed"),
    [
        ("no AI is involved", []),
        ("Consent without blockchain.", []),
        ("We will not use RPA.", []),
        ("We won't be using any AI", []),
        ("A rules-based tool, not AI-driven.", []),
        ("Never machine learning, rather than AI.", []),
        ("No robotic process automation (RPA) here.", []),
        ("An AI triage pilot", ["AI"]),
        ("Not only AI but also blockchain", ["AI", "blockchain"]),
        ("No more paper. AI reads the scans.", ["AI"]),
        ("Staff, not managers, choose the AI tools.", ["AI"]),
        ("We do not doubt that the team will, in time, try AI.", ["AI"]),
    ],
)
def test_negated_terms_are_not_affirmed(text: str, affirmed: list[str]) -> None:
    assert prose.find_terms(text, HYPE_TECH, affirmed=True) == affirmed
    assert prose.find_terms(text, HYPE_TECH)  # without affirmed=True, every use counts


def test_negation_reads_a_bounded_stretch() -> None:
    text = "no " + "x" * 100 + " AI"
    assert prose.negated("no AI", 3)
    assert not prose.negated(text, len(text) - 2)  # a hundred characters back is too far


@pytest.mark.parametrize(
    "text",
    [
        "maintain the supply CHAIN",  # AI inside words
        "Said and Aidan",
        "Ai Weiwei's exhibition",  # case-sensitive acronym
        "harpa concert hall",  # RPA inside a word
        "a quantum leap in care",  # only quantum computing counts
        "5 ml of saline",  # ML needs its capitals
        "digital twinning towns",
        "a chain of pharmacies",
    ],
)
def test_hype_terms_near_misses(text: str) -> None:
    assert prose.find_terms(text, HYPE_TECH) == []


def test_jargon_words() -> None:
    assert prose.find_terms("We will leverage synergies holistically", JARGON_WORDS) == [
        "leverage",
        "synergies",
    ]
    assert prose.find_terms("pick the low hanging fruit", JARGON_WORDS) == ["low hanging fruit"]
    assert prose.find_terms("a leveret and a paradise", JARGON_WORDS) == []
    assert prose.find_terms("a single pane of glass", JARGON_WORDS) == ["single pane of glass"]


def test_user_terms_any_capitals_and_acronyms_exact() -> None:
    assert prose.find_terms("The Metaverse", ["metaverse"]) == ["Metaverse"]
    assert prose.find_terms("the vr headset", ["VR"]) == []
    assert prose.find_terms("the VR headset", ["VR"]) == ["VR"]
    assert prose.find_terms("anything", []) == []
    assert prose.find_terms("anything", ["", "  "]) == []


def test_quoted_passages_are_left_out() -> None:
    text = 'Patients told us: "the old system was seamless". We cut waits.'
    assert prose.find_terms(prose.unquoted(text), VAGUE_WORDS) == []
    assert prose.find_terms(prose.unquoted("“world-class” they said"), VAGUE_WORDS) == []
    assert prose.unquoted("no quotes") == "no quotes"


# --- measurable anchors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "improve take-up by 20%",
        "improve to 90 per cent",
        "by March 2027",
        "halve the waiting time",
        "within two days",
        "at least half of patients",
        "no longer need to phone",
        "improve in 2027/28",
        "improve by May",
        "within a week",
        "in less than one day",
        "as measured by the Friends and Family Test",
    ],
)
def test_anchors(text: str) -> None:
    assert prose.has_anchor(text)


@pytest.mark.parametrize(
    "text",
    [
        "improve care for all",
        "improve access for every patient",
        "we may improve things",  # may, the verb, is not a month
        "a someone and a tone",  # number words only as whole words
        "march forward together",
        "reach HIMSS Stage 7 with Windows 11 and NHS 111",  # numbers that are names
        "improve care as one team",  # "one" is not a quantity here
        "improve outcomes within the trust",  # "within" a place is not a limit
        "more than a website",  # a limit needs a number
    ],
)
def test_no_anchor(text: str) -> None:
    assert not prose.has_anchor(text)


# --- acronyms ---------------------------------------------------------------------------------


def test_acronyms_found() -> None:
    text = "The EPR’s data, the PAS and A&E, NHS111, two GPs and the ICS."
    assert list(prose.acronyms(text)) == ["EPR", "PAS", "A&E", "NHS111", "GP", "ICS"]


@pytest.mark.parametrize(
    "text",
    [
        "Phase II and phase IV",  # roman numerals
        "We will NOT do this",  # emphasis
        "A patient and I",  # single capitals
        "maintain the chain",
        "NHS 111 online",  # a number is not an acronym
        "Covid-19 and Wi-Fi",
        "THIS WHOLE SENTENCE IS SHOUTED AT THE READER FOR NO REASON AT ALL, SADLY FOR EVERYONE",
    ],
)
def test_acronym_near_misses(text: str) -> None:
    found = [a for a in prose.acronyms(text) if a != "NHS"]
    assert found == []


def test_dotted_names_and_compounds_are_read_whole() -> None:
    text = "GOV.UK and NHS.UK pages, the e-RS, non-NHS bodies, the PAS."
    assert list(prose.acronyms(text)) == ["PAS"]


def test_acronym_definitions_with_where_they_start() -> None:
    text = (
        "The PAS is old. The patient administration system (PAS) goes. ICB (integrated care board)"
    )
    found = prose.acronym_definitions(text)
    assert found == {
        "PAS": (16, "patient administration system"),
        "ICB": (62, "integrated care board"),
    }
    assert [at for at, token in prose.acronym_uses(text)] == [4, 51, 62]


def test_acronym_definitions() -> None:
    text = (
        "The Electronic Patient Record (EPR) and PAS (patient administration system); "
        "see also (CQC) and LIMS (LIMS)."
    )
    assert prose.defined_acronyms(text) == {"EPR", "PAS"}
    assert prose.defined_acronyms("no brackets here") == set()
    assert prose.defined_acronyms("electronic patient records (EPRs)") == {"EPR"}


def test_allowed_acronyms_with_numbers() -> None:
    allowed = frozenset({"NHS"})
    assert prose.is_allowed_acronym("NHS", allowed)
    assert prose.is_allowed_acronym("NHS111", allowed)
    assert not prose.is_allowed_acronym("PAS", allowed)


# --- words and sentences ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "sentences"),
    [
        ("Patients and staff can get what they need online, first time.", 11, 1),
        ("Patients first. Staff second.", 4, 2),
        ("Care closer to home, e.g. in clinics. Every time!", 9, 2),
        ("Led by Dr. Patel and St. Mary's team.", 8, 1),
        ("One trust: A&E, e-mail and don't count once each", 9, 1),
        ("Why? Because.", 2, 2),
        ("Work from anywhere", 3, 1),
        ("  ", 0, 0),
    ],
)
def test_words_and_sentences(text: str, words: int, sentences: int) -> None:
    assert prose.word_count(text) == words
    assert prose.sentence_count(text) == sentences


# --- solution phrasing --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Implement a new EPR", "implement"),
        ("We will roll out Wi-Fi to every ward", "roll out"),
        ("Roll-out of e-prescribing", "roll-out of"),
        ("Rollout of laptops to community nurses", "rollout of"),
        ("By March 2027, we will deploy a patient portal", "deploy"),
        ("The trust will procure a new PAS", "procure"),
        ("Successfully implement the EPR", "implement"),
        ("Procurement of a new PAS", "procurement of"),
        ("Migration to the cloud", "migration to"),
        ("Go live with e-prescribing", "go live with"),
        ("Upgrade to Windows 11", "upgrade to"),
        ("Installing kiosks in clinics", "installing"),
        ("The new EPR will be live by 2027", "be live"),
        ("Wi-Fi will be installed on every ward", "be installed"),
        ("To launch a patient app", "launch"),
    ],
)
def test_solution_phrasing(text: str, verb: str) -> None:
    assert prose.solution_phrasing(text, SOLUTION_VERBS) == verb


@pytest.mark.parametrize(
    "text",
    [
        "Patients can book their appointments online",
        "Staff spend less time re-entering data after we implement the new EPR",
        "Staff spend less time because the EPR will be implemented",
        "Implementation teams include nurses and porters",
        "Nurses on every ward see the roll out of observations as a time saver",
        "Every ward has working Wi-Fi, so staff can use tablets at the bedside",
        "Procurement teams save 3 days per contract",
        "Patients launching the app see their letters first",
        "Deployed staff can see the rota on their phones",
    ],
)
def test_outcome_phrasing_passes(text: str) -> None:
    assert prose.solution_phrasing(text, SOLUTION_VERBS) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Deliver a new EPR", "deliver … EPR"),
        ("Create apps", "create … apps"),
        ("Set up a data lake", "set up … data lake"),
        ("The trust will provide an app for booking", "provide … app"),
    ],
)
def test_general_verb_with_a_system(text: str, found: str) -> None:
    assert prose.solution_phrasing(text, SOLUTION_VERBS, DELIVERY_VERBS, SYSTEM_WORDS) == found


@pytest.mark.parametrize(
    "text",
    [
        "Deliver care at home",
        "Deliver an application form online",  # app is a whole word only
        "Provide care closer to home using the new app",  # the app is not the object
        "Develop staff skills so the new system works",
        "Replace the pas de deux",  # PAS needs its capitals
    ],
)
def test_general_verb_near_misses(text: str) -> None:
    assert prose.solution_phrasing(text, SOLUTION_VERBS, DELIVERY_VERBS, SYSTEM_WORDS) is None


def test_solution_phrasing_with_no_verbs_still_sees_passive() -> None:
    assert prose.solution_phrasing("Implement X", []) is None
    assert prose.solution_phrasing("The portal will be deployed", []) == "be deployed"


# --- placeholders -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Replace with a name", "Replace with a …"),
        ("replace this with one sentence", "replace this with …"),
        ("Replace me with your text", "Replace me with …"),
        ("TODO", "TODO"),
        ("Owner tbc", "tbc"),
        ("Due date TBD.", "TBD"),
        ("Lorem ipsum dolor", "Lorem ipsum"),
        ("Hello <your name>", "<your name>"),
        ("[Insert date]", "[Insert date]"),
        ("XXX", "XXX"),
    ],
)
def test_placeholders(text: str, found: str) -> None:
    assert prose.placeholder(text, PLACEHOLDER_MARKERS) == found


@pytest.mark.parametrize(
    "text",
    [
        "Replacement of paper forms saves 2 hours a week",
        "We will replace fax with email",
        "Replace this fax-based process with online forms",
        "Replace paper with a form",
        "a to-do list for ward clerks",
        "XXL scrubs",
        "Dr Todorov leads it",
        "Give <b>bold</b> advice",
        "Costs (see annex) are shown",
    ],
)
def test_placeholder_near_misses(text: str) -> None:
    assert prose.placeholder(text, PLACEHOLDER_MARKERS) is None


def test_normalised() -> None:
    assert prose.normalised('  "Patients can  Rebook online." ') == "patients can rebook online"


# --- reading YAML -------------------------------------------------------------------------------


def test_text_values_with_locations_and_skips() -> None:
    data = load_bytes(
        b"a: one\nb:\n  - two\n  - id: x\n    role: CIO\n    note: three\nn: 4\n"
    ).data
    assert list(prose.text_values(data, frozenset({"id", "role"}))) == [
        (("a",), "one"),
        (("b", 0), "two"),
        (("b", 1, "note"), "three"),
    ]


def test_options_coerced() -> None:
    assert prose.terms_option(["a", " b ", 3, ""], ("z",)) == ("a", "b")
    assert prose.terms_option("one", ("z",)) == ("one",)
    assert prose.terms_option(None, ("z",)) == ("z",)
    assert prose.int_option(40, 30) == 40
    assert prose.int_option("40", 30) == 30
    assert prose.int_option(True, 30) == 30
    assert prose.int_option(0, 30) == 30


# --- cost ---------------------------------------------------------------------------------------


def test_linear_on_long_text() -> None:
    """Pathological input (long runs without the characters the patterns look for) stays
    fast: no pattern backtracks quadratically."""
    texts = [  # five times the longest text a field may hold: quadratic would take minutes
        "a" * 100_000,
        "A" * 100_000,
        ("Ab " * 35_000) + "(",
        "(" + "x " * 45_000,
        "We will " * 12_500,
        "PAS (" * 20_000,
    ]
    start = time.perf_counter()
    for text in texts:
        prose.find_terms(text, VAGUE_WORDS)
        prose.find_terms(text, HYPE_TECH)
        prose.has_anchor(text)
        list(prose.acronyms(text))
        prose.defined_acronyms(text)
        prose.sentence_count(text)
        prose.solution_phrasing(text, SOLUTION_VERBS)
        prose.placeholder(text, PLACEHOLDER_MARKERS)
    assert time.perf_counter() - start < 60  # a generous hang guard, not a speed target


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_analysed_without_error(text: str) -> None:
    """Whatever people type, analysis returns data and never raises."""
    assert isinstance(prose.find_terms(text, VAGUE_WORDS + HYPE_TECH + JARGON_WORDS), list)
    assert isinstance(prose.has_anchor(text), bool)
    assert all(isinstance(a, str) for a in prose.acronyms(text))
    assert isinstance(prose.defined_acronyms(text), set)
    assert prose.word_count(text) >= 0
    assert prose.sentence_count(text) >= 0
    prose.solution_phrasing(text, SOLUTION_VERBS, DELIVERY_VERBS, SYSTEM_WORDS)
    prose.placeholder(text, PLACEHOLDER_MARKERS)
    prose.normalised(text)
    assert prose.might_contain(text, VAGUE_WORDS) or not prose.find_terms(text, VAGUE_WORDS)


# --- the quick test before the full pattern, and the shared walk of the text ------------------

ALL_TERMS = VAGUE_WORDS + HYPE_TECH + JARGON_WORDS + ("optimise", "Single Sign-On", "AI", "e-mail")


@pytest.mark.parametrize(
    "text", ["follow the flow", "allow staff", "below the line", "a low score", "best care"]
)
def test_quick_test_skips_words_that_only_share_a_short_piece(text: str) -> None:
    """ "low" (of "low-hanging fruit") is not looked for on its own: "follow" is skipped."""
    assert not prose.might_contain(text, JARGON_WORDS)


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("pick the low-hanging fruit", JARGON_WORDS),
        ("LOW HANGING FRUITS", JARGON_WORDS),
        ("optimize the rota", ("optimise",)),
        ("ſynergies", JARGON_WORDS),
        ("data-driven İnsights", JARGON_WORDS),
        ("The KPI", ("KPI",)),
    ],
)
def test_quick_test_lets_every_match_through(text: str, terms: tuple[str, ...]) -> None:
    assert prose.terms_pattern(terms).search(text)  # type: ignore[union-attr]
    assert prose.might_contain(text, terms)


_PIECES = st.sampled_from(
    ["low", "hanging", "fruit", "synerg", "ies", "optimiz", "ſ", "İ", "ı", "K", "-", " ", "AI"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=8).map("".join))
def test_quick_test_never_hides_a_match(text: str) -> None:
    """``might_contain`` is False only where the full pattern finds nothing."""
    pattern = prose.terms_pattern(ALL_TERMS)
    assert pattern is not None
    assert prose.might_contain(text, ALL_TERMS) or pattern.search(text) is None


def _tree(texts: list[str]) -> prose.RepositoryText:
    entities = [
        ("services", f"s{i}", {"name": t, "notes": [t, {"x": t}]}) for i, t in enumerate(texts)
    ]
    flat = [v for t in texts for v in (t, t, t)]
    starts = [3 * i for i in range(len(texts) + 1)]
    return prose.RepositoryText(entities, flat, starts, bytes(len(flat)))  # type: ignore[arg-type]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=12)), max_size=12),
    st.sampled_from([1, 2, 5, 4096]),
)
def test_shared_text_tests_all_values_like_one_at_a_time(texts: list[str], chunk: int) -> None:
    """The quick tests over the joined text give the values the one-at-a-time tests give,
    however many values are joined at a time."""
    shared = _tree(texts)
    with patch.object(fields, "_CHUNK", chunk):
        each = [prose.might_contain(t, ALL_TERMS) for t in shared.texts]
        assert shared.might_contain(ALL_TERMS) == {i for i, hit in enumerate(each) if hit}
        pieces = ("ai", "<", "ſ", "k\x00a")
        folded = {i for i, t in enumerate(shared.texts) if any(p in t.lower() for p in pieces)}
        assert shared.containing(pieces, lower=True) == folded
        exact = {i for i, t in enumerate(shared.texts) if "AI" in t or "-" in t}
        assert shared.containing(("AI", "-")) == exact
        pairs = re.compile("[A-Z]{2}")
        assert shared.matching(pairs) == {i for i, t in enumerate(shared.texts) if pairs.search(t)}
        start = re.compile("[ '“]*+(?:ai|low|k)")
        begins = {i for i, t in enumerate(shared.texts) if start.match(t.lower())}
        assert shared.beginning(start, lower=True) == begins
        assert shared.beginning(re.compile("AI|-")) == {
            i for i, t in enumerate(shared.texts) if t.startswith(("AI", "-"))
        }


def test_shared_text_is_walked_once_and_located_like_repository_text(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": "name: Trust\nmission: Leverage the EPR\ncheck:\n  ignore: [T001]\n",
        },
    )
    repo = load(root)
    shared: dict[str, object] = {}
    text = prose.shared_text(repo, shared)
    assert prose.shared_text(repo, shared) is text
    assert text.select() == prose.repository_text(repo)
    assert text.select(str.isupper) == prose.repository_text(repo, wanted=str.isupper)
    assert [v.loc for v in text.at(text.might_contain(JARGON_WORDS))] == [("mission",)]
