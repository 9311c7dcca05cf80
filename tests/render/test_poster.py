"""The poster's layout (:mod:`digistrat.render.poster`): measuring text, cutting it, and choosing
what fits one A3 page. The page itself is printed in Chromium in ``test_print.py``."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from oversized import oversized
from render_sample import SAMPLE

from digistrat.loader import load
from digistrat.render import context, priorities, produce
from digistrat.render.poster import (
    CAPS,
    HEIGHT,
    MISSION_LINES,
    MISSION_ROOM,
    SIZES,
    SPARE,
    Poster,
    clip,
    lines,
    plan,
    shorten,
    width,
)

from helpers import build_tree

TODAY = date(2026, 11, 26)


def _plan(root: Path, tree: dict[str, str]) -> Poster:
    repo = load(build_tree(root, tree))
    site = context.build(repo, lambda: priorities.build(repo, TODAY), TODAY)
    return plan(site)


# --- measuring --------------------------------------------------------------------------------


def test_width_uses_the_glyph_widths_of_dejavu_sans() -> None:
    # "i" is 278 thousandths of an em, "m" 974; at 72 pt an em is 25.4 mm.
    assert width("i", 72) == pytest.approx(0.278 * 25.4)
    assert width("m", 72) == pytest.approx(0.974 * 25.4)
    assert width("m", 72, bold=True) > width("m", 72)
    assert width("漢", 72) == pytest.approx(25.4)  # wide characters take a whole em


def test_lines_wrap_exactly_at_the_column_edge() -> None:
    two = "mmmm mmmm"
    room = width(two, 14)
    assert lines(two, room, 14) == 1  # at the edge: one line
    assert lines(two, room - 0.01, 14) == 2  # just short of it: two
    assert lines(two, room + 50, 14) == 1
    assert lines("", 100, 14) == 0


def test_a_word_wider_than_the_column_is_broken_across_lines() -> None:
    word = "m" * 30
    assert lines(word, width(word, 14) / 3 + 0.01, 14) == 3


# --- cutting ----------------------------------------------------------------------------------


def test_text_that_fits_is_left_whole() -> None:
    assert shorten("  Two  words. ", lambda s: True) == "Two words."


def test_whole_sentences_are_kept_before_any_word_is_cut() -> None:
    text = "First sentence here. Second one is longer than that. Third."
    assert (
        shorten(text, lambda s: len(s) <= 52)
        == "First sentence here. Second one is longer than that."
    )
    assert shorten(text, lambda s: len(s) <= 51) == "First sentence here."
    assert shorten(text, lambda s: len(s) <= 20) == "First sentence here."


def test_a_sentence_too_long_is_cut_at_a_word_with_an_ellipsis() -> None:
    text = "One long sentence, with a clause, that never ends"
    assert shorten(text, lambda s: len(s) <= 20) == "One long sentence…"  # comma dropped
    assert shorten(text, lambda s: len(s) <= 9) == "One long…"
    assert shorten(text, lambda s: len(s) <= 8) == "One…"


def test_a_single_word_too_long_is_cut_only_when_nothing_else_can_be() -> None:
    assert shorten("Supercalifragilistic", lambda s: len(s) <= 6) == "Super…"


def test_clip_keeps_to_the_lines_it_is_given() -> None:
    text = "word " * 200
    for most in (1, 2, 3):
        cut = clip(text, 100, 14, most)
        assert lines(cut, 100, 14) == most and cut.endswith("…")


# --- choosing what fits -----------------------------------------------------------------------


def test_a_small_strategy_shows_everything_with_nothing_said_to_be_missing(tmp_path: Path) -> None:
    poster = _plan(tmp_path / "repo", SAMPLE)
    for block in poster.blocks.values():
        assert block.more == 0, block.key
    assert [i.words for i in poster.blocks["commitments"].visible] == [
        "Patients can change a community appointment online at any time."
    ]
    assert [i.when for i in poster.blocks["commitments"].visible] == ["By 31 March 2027"]
    assert poster.footer == [
        "Read the full strategy: https://example.org/digital",
        "Questions? Contact Sam Okafor, Chief Digital Officer.",
    ]
    assert poster.title_size == SIZES.title[0] and poster.mission_size == SIZES.mission[0]


MET = """
statement: Staff log in within ten seconds.
owner: {name: Ria Shah, function: operational}
due: 2027-06-30
status: met
progress:
  - {date: 2026-02-01, note: Half the wards., value: 20}
  - {date: 2026-08-14, note: Every ward., value: 8}
"""
MISSED = """
statement: Every clinic letter sent the same day.
owner: {name: Ria Shah, function: operational}
due: 2026-06-30
status: missed
"""


def test_met_commitments_are_shown_as_delivered_not_as_promises(tmp_path: Path) -> None:
    tree = {**SAMPLE, "commitments/met.yaml": MET, "commitments/missed.yaml": MISSED}
    poster = _plan(tmp_path / "repo", tree)
    promised = poster.blocks["commitments"].visible
    delivered = poster.blocks["delivered"].visible
    assert "Staff log in within ten seconds." not in [i.words for i in promised]
    assert delivered[0].words == "Staff log in within ten seconds."
    assert delivered[0].when == "Delivered 14 August 2026"  # the last progress, not the due date
    assert delivered[1].name == "Wi-Fi in every clinic"  # then what strategy.yaml says
    missed = [i for i in promised if i.words.startswith("Every clinic letter")]
    assert missed[0].when == "Not met: it was due 30 June 2026"
    assert promised[0].when == "Not met: it was due 30 June 2026"  # soonest first


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Poster:
    return _plan(tmp_path_factory.mktemp("big") / "repo", oversized())


def test_an_oversized_strategy_is_chosen_down_to_one_page(big: Poster) -> None:
    assert big.used <= HEIGHT - SPARE
    for block in big.blocks.values():
        assert block.shown <= CAPS[block.key]
        assert block.shown + block.more == block.count
        assert len(block.items) == min(block.count, CAPS[block.key])  # only these are measured
        assert block.more > 0 and str(block.more) in block.more_text  # nothing silently dropped
    assert big.blocks["priorities"].shown >= 1 and big.blocks["commitments"].shown >= 1


def test_every_block_with_hidden_items_points_to_the_full_strategy(big: Poster) -> None:
    for block in big.blocks.values():
        # The address is 235 characters: too long for the line, so it is read in the footer.
        assert block.more_text.endswith(": see the website below."), block.more_text
    assert big.footer[0].startswith("Read the full strategy: https://www.example.org/a-very-long")
    assert big.footer[0].endswith("digital-strategy")  # an address is never cut


def test_a_short_address_is_written_in_the_line_about_the_rest(tmp_path: Path) -> None:
    tree = oversized(initiatives=40, commitments=40)
    tree["strategy.yaml"] = re.sub(
        r"published_at: '[^']*'", "published_at: example.org/ds", tree["strategy.yaml"]
    )
    poster = _plan(tmp_path / "repo", tree)
    block = poster.blocks["commitments"]
    assert block.more_text == f"And {block.more} more commitments: see example.org/ds."


def test_long_texts_are_cut_to_their_lines(big: Poster) -> None:
    assert big.title.endswith("…") and big.title_size == SIZES.title[-1]
    # The mission is cut only between sentences, and only once the smallest size has run out.
    assert big.mission_size == SIZES.mission[-1] and big.mission.endswith(".")
    assert 1 < lines(big.mission, MISSION_ROOM, SIZES.mission[-1], bold=True) <= MISSION_LINES
    assert big.footer[1].startswith("Questions? Contact Owner 0:")


def test_the_poster_shows_what_was_chosen(tmp_path: Path) -> None:
    tree = oversized(initiatives=40, commitments=40)
    repo = load(build_tree(tmp_path / "repo", tree))
    page = produce(repo, TODAY, ("poster",))["poster.html"].decode()
    assert re.search(r'<p class="more">And \d+ more \w+: see the website below\.</p>', page)
    assert page.count('<section aria-labelledby="p-') == 4


def test_text_on_the_poster_is_large_enough_for_a_corridor(tmp_path: Path) -> None:
    page = produce(load(build_tree(tmp_path / "repo", SAMPLE)), TODAY, ("poster",))
    style = page["poster.html"].decode().split("</style>")[0]
    sizes = [float(s) for s in re.findall(r"font-size:\s*([\d.]+)pt", style)]
    assert sizes and min(sizes) >= 14
    assert re.search(r"body \{[^}]*font-size: 14pt", style)
    assert not re.search(r"font-size:\s*[\d.]+(?:px|rem|em|%)", style)  # every size in points
