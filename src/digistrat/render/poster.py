"""The A3 poster laid out before it is rendered: what fits on one page, and what the rest is.

A poster is read from a corridor (§12 Communicate clearly), so its text is large and it must
stay one A3 page however big the strategy is. Rather than let the browser cut it off, the
poster is measured here: each text is wrapped into lines with the widths of the glyphs of
DejaVu Sans, the widest of the common sans-serif fonts (so any other font takes less room),
and items are taken in turn from each block, most important first, while the page has room.
What does not fit is counted and named ("And 4 more: see ..."), never dropped silently. Long
texts are cut at the end of a sentence where one fits, otherwise at a word with an ellipsis.

The sizes here are the ones the template's stylesheet uses (it reads them from :data:`SIZES`),
so the measure and the page cannot drift apart.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from digistrat.render import text
from digistrat.render.context import Site

PT = 25.4 / 72
"""Millimetres in a typographic point."""

WIDTH, HEIGHT = 273.0, 396.0
"""The printable area of an A3 page (297 x 420 mm) inside the 12 mm margins."""

SPARE = 8.0
"""Millimetres left free at the bottom, for what the measure cannot know (rounding, kerning)."""


@dataclass(frozen=True, slots=True)
class Sizes:
    """Font sizes in points."""

    org: int = 18
    title: tuple[int, ...] = (36, 30, 24)
    """The largest that keeps the title to three lines."""
    mission: tuple[int, ...] = (26, 22, 18, 16)
    """The largest that keeps the mission to four lines; at the smallest, up to
    :data:`MISSION_LINES` lines before a word is cut: the mission is the poster's point."""
    heading: int = 22
    name: int = 16
    body: int = 14


SIZES = Sizes()
"""Font sizes in points. Body text is 14 pt, what a corridor needs on A3; names and headings
are larger. (16 pt was tried: on the riverside example it left room for two commitments and
nothing delivered, a worse poster than smaller type with the promises on it.)"""

MISSION_LINES = 8
"""The most lines the mission may take, at its smallest size, before it is cut."""

LINE = 1.3
"""Line height, as a multiple of the font size (the title's is 1.15)."""

CAPS = {"commitments": 10, "priorities": 5, "delivered": 6, "principles": 8}
"""At most this many items of each block, however much room there is: a poster is a summary."""

# Advance widths of DejaVu Sans and DejaVu Sans Bold for the characters " " to "~", in
# thousandths of an em (read from the fonts' hmtx tables).
_REGULAR = (
    "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 "
    "636 636 636 337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 "
    "748 787 603 787 695 635 611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 "
    "615 352 635 634 278 278 579 278 974 634 612 635 635 411 521 392 634 592 818 592 592 525 636 "
    "337 636 838"
)
_BOLD = (
    "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 "
    "696 696 696 400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 "
    "837 850 733 850 770 720 682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 "
    "678 435 716 712 343 343 665 343 1042 712 687 716 716 493 595 478 712 652 924 645 652 582 712 "
    "365 712 838"
)
_WIDTHS = {
    False: dict(zip(map(chr, range(32, 127)), map(int, _REGULAR.split()), strict=True)),
    True: dict(zip(map(chr, range(32, 127)), map(int, _BOLD.split()), strict=True)),
}


def _glyph(char: str, bold: bool) -> int:
    found = _WIDTHS[bold].get(char)
    if found is not None:
        return found
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1000
    return 780 if bold else 720  # accented letters, dashes, quotes: a wide letter's width


def width(words: str, size: float, bold: bool = False) -> float:
    """How wide ``words`` are in millimetres, set in ``size`` points."""
    return sum(_glyph(c, bold) for c in words) * size * PT / 1000


def lines(words: str, room: float, size: float, bold: bool = False) -> int:
    """How many lines ``words`` take in a column ``room`` mm wide, wrapped at spaces (a word
    wider than the column is broken, as the stylesheet's ``overflow-wrap`` does)."""
    space = width(" ", size, bold)
    count, used = 0, 0.0
    for word in words.split():
        w = width(word, size, bold)
        if count and used + space + w <= room:
            used += space + w
            continue
        count += 1
        if w > room:  # broken across lines
            extra = math.ceil(w / room) - 1
            count += extra
            w -= extra * room
        used = w
    return count


def height(words: str, room: float, size: float, bold: bool = False, line: float = LINE) -> float:
    """Millimetres of page that ``words`` take."""
    return lines(words, room, size, bold) * size * line * PT if words else 0.0


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(A-Z0-9])")


def _most(count: int, fits: Callable[[int], bool]) -> int:
    """The largest ``n`` in ``0..count`` with ``fits(n)`` (0 if none), for a ``fits`` that holds
    up to some ``n`` and not after: a binary search, so a 20,000-character text is measured a
    few times over, not once per word or letter."""
    low, high = 0, count
    while low < high:
        mid = (low + high + 1) // 2
        if fits(mid):
            low = mid
        else:
            high = mid - 1
    return low


def shorten(words: str, fits: Callable[[str], bool]) -> str:
    """``words`` as they are if they fit; else as many whole sentences as fit; else cut at a word
    with an ellipsis (the only way a sentence is ever cut)."""
    words = " ".join(words.split())
    if fits(words):
        return words
    sentences = _SENTENCE_END.split(words)
    n = _most(len(sentences) - 1, lambda n: n > 0 and fits(" ".join(sentences[:n])))
    if n:
        return " ".join(sentences[:n])
    parts = words.split(" ")
    n = _most(len(parts), lambda n: n > 0 and fits(_ellipsis(parts[:n])))
    if n:
        return _ellipsis(parts[:n])
    first = parts[0]  # not even one word: its first letters
    n = _most(len(first), lambda n: n > 0 and fits(first[:n] + "…"))
    return first[: max(n, 1)] + "…"


def _ellipsis(parts: Sequence[str]) -> str:
    return " ".join(parts).rstrip(",;:–—-( ") + "…"


def clip(words: str, room: float, size: float, most: int, bold: bool = False) -> str:
    """``words`` cut (see :func:`shorten`) to at most ``most`` lines."""
    return shorten(words, lambda s: lines(s, room, size, bold) <= most)


# --- what the poster shows ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a block: a name in bold, words, and a date line."""

    name: str = ""
    words: str = ""
    when: str = ""


@dataclass(slots=True)
class Block:
    """A titled part of the poster: the items that fit, and how many more there are."""

    key: str
    heading: str
    noun: tuple[str, str]
    """What the items are, singular and plural, to say how many did not fit."""
    items: list[Item]
    """The first items, as many as may be shown (:data:`CAPS`)."""
    count: int = 0
    """How many there are in all."""
    room: float = 0.0
    """How wide the block is, in millimetres."""
    shown: int = 0
    more_text: str = ""

    @property
    def more(self) -> int:
        return self.count - self.shown

    @property
    def visible(self) -> list[Item]:
        return self.items[: self.shown]


@dataclass(slots=True)
class Poster:
    """Everything the poster template shows, already made to fit one A3 page."""

    organisation: str
    title: str
    title_size: int
    mission: str
    mission_size: int
    blocks: dict[str, Block]
    footer: list[str] = field(default_factory=list)
    used: float = 0.0
    """Millimetres of the page the measure expects the poster to fill (at most
    :data:`HEIGHT` - :data:`SPARE`)."""
    sizes: Sizes = SIZES


HEADER_ROOM = WIDTH - 20  # the banner's padding
MISSION_ROOM = HEADER_ROOM - 2.2 - 6  # its rule and indent
COLUMN = (WIDTH - 10) / 2  # two columns, 10 mm apart
PRIORITY_ROOM = COLUMN - 11  # the list's numbers
PRINCIPLE_ROOM = COLUMN - 8  # the boxes' padding
CARD_ROOM = (WIDTH - 6) / 2 - 1.1 - 8  # two cards a row, 6 mm apart; border and padding


def _line(size: float) -> float:
    return size * LINE * PT


def _longdate(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _plural(n: int, noun: tuple[str, str]) -> str:
    return f"{n} {noun[0] if n == 1 else noun[1]}"


def _more_text(block: Block, address: str | None) -> str:
    """ "And 4 more commitments: see https://...", the address written out if it is short
    enough to read in the narrowest block (so every block of one poster says it the same way),
    else "see the website below", where the footer gives it."""
    said = f"And {block.count} more {block.noun[1]}: see {address}."
    if address and lines(said, COLUMN, SIZES.body, bold=True) <= 2:
        where = f"see {address}"
    elif address:
        where = "see the website below"
    else:
        where = "see the full strategy"
    if block.shown == 0:
        return f"{_plural(block.more, block.noun)}: {where}."
    return (
        f"And {_plural(block.more, ('more ' + block.noun[0], 'more ' + block.noun[1]))}: {where}."
    )


Maker = Callable[[], Item]
"""Makes one item: texts are measured and cut only for the few items a poster can show."""


def _priority(name: str) -> Item:
    return Item(clip(name, PRIORITY_ROOM, SIZES.name, 2, bold=True))


def _priorities(site: Site) -> list[Maker]:
    active = ("proposed", "approved", "in-progress")
    return [partial(_priority, i.name) for i in site.ranked_initiatives() if i.status in active]


def _principle(name: str, meaning: str) -> Item:
    return Item(
        clip(name, PRINCIPLE_ROOM, SIZES.name, 2, bold=True),
        clip(text.plain(meaning), PRINCIPLE_ROOM, SIZES.body, 4),
    )


def _principles(site: Site) -> list[Maker]:
    return [partial(_principle, p.name, p.meaning) for p in site.strategy.principles]


def _card(name: str, words: str, when: str) -> Item:
    return Item(
        clip(name, CARD_ROOM, SIZES.name, 2, bold=True),
        clip(text.plain(words), CARD_ROOM, SIZES.body, 6 if not name else 4),
        when,
    )


def _commitments(site: Site) -> tuple[list[Maker], list[Maker]]:
    """Promises (not yet met), soonest first; and commitments already met, latest first."""
    promised: list[tuple[date, str, Maker]] = []
    met: list[tuple[date, str, Maker]] = []
    far = date.max
    for c in site.commitments.values():
        if c.status == "met":
            on = max((p.date for p in c.progress), default=None)  # the due date may be ahead
            when = f"Delivered {_longdate(on)}" if on else "Delivered"
            met.append((on or date.min, c.statement, partial(_card, "", c.statement, when)))
            continue
        if c.due is None:
            when = ""
        elif c.status == "missed":
            when = f"Not met: it was due {_longdate(c.due)}"
        elif c.due < site.today:  # past its date and not yet met: "By" would read as a promise
            when = f"Not yet met: it was due {_longdate(c.due)}"
        else:
            when = f"By {_longdate(c.due)}"
        promised.append((c.due or far, c.statement, partial(_card, "", c.statement, when)))
    promised.sort(key=lambda t: (t[0], t[1].casefold()))
    met.sort(key=lambda t: (-t[0].toordinal(), t[1].casefold()))
    return [t[2] for t in promised], [t[2] for t in met]


def _delivered(site: Site, met: list[Maker]) -> list[Maker]:
    done = sorted(
        site.strategy.delivered, key=lambda d: (-(d.when or date.min).toordinal(), d.what)
    )
    return met + [
        partial(_card, d.what, d.impact, f"Delivered {_longdate(d.when)}" if d.when else "")
        for d in done
    ]


def _block(
    key: str, heading: str, noun: tuple[str, str], makers: list[Maker], room: float
) -> Block:
    """A block with its first items made (no more than :data:`CAPS` allows)."""
    return Block(key, heading, noun, [m() for m in makers[: CAPS[key]]], len(makers), room)


# --- heights -----------------------------------------------------------------------------------


def _heading_height(words: str, room: float) -> float:
    return 7 + height(words, room, SIZES.heading, bold=True, line=1.2) + 2 + 0.8 + 3


def _more_height(block: Block) -> float:
    return 2 + height(block.more_text, block.room, SIZES.body, bold=True) if block.more else 0.0


def _priority_height(item: Item) -> float:
    return (
        height(item.name, PRIORITY_ROOM, SIZES.name, bold=True)
        + height(item.words, PRIORITY_ROOM, SIZES.body)
        + 3
    )


def _principle_height(item: Item) -> float:
    return (
        1.4
        + 4
        + height(item.name, PRINCIPLE_ROOM, SIZES.name, bold=True)
        + height(item.words, PRINCIPLE_ROOM, SIZES.body)
        + 3
    )


def _card_height(item: Item) -> float:
    return (
        1.1
        + 5
        + height(item.name, CARD_ROOM, SIZES.name, bold=True)
        + height(item.words, CARD_ROOM, SIZES.body)
        + (1 + _line(SIZES.body) if item.when else 0)
    )


def _column_height(block: Block, item_height: Callable[[Item], float]) -> float:
    if not block.items:
        return 0.0
    return (
        _heading_height(block.heading, COLUMN)
        + sum(item_height(i) for i in block.visible)
        + _more_height(block)
    )


def _cards_height(block: Block) -> float:
    if not block.items:
        return 0.0
    shown = block.visible
    rows = [shown[n : n + 2] for n in range(0, len(shown), 2)]
    cards = sum(max(_card_height(i) for i in row) for row in rows) + 6 * (len(rows) - 1)
    return _heading_height(block.heading, WIDTH) + cards + _more_height(block)


def _header_height(poster: Poster) -> float:
    title = height(poster.title, HEADER_ROOM, poster.title_size, bold=True, line=1.15)
    mission = height(poster.mission, MISSION_ROOM, poster.mission_size, bold=True)
    org = height(poster.organisation, HEADER_ROOM, SIZES.org, bold=True)
    return 8 + org + 3 + title + 4 + mission + 9


def _footer_height(poster: Poster) -> float:
    if not poster.footer:
        return 0.0
    return 6 + sum(height(f, WIDTH, SIZES.body) + 2 for f in poster.footer)


def total_height(poster: Poster) -> float:
    """Millimetres the poster takes, as laid out now."""
    b = poster.blocks
    row = max(
        _column_height(b["priorities"], _priority_height),
        _column_height(b["principles"], _principle_height),
    )
    return (
        _header_height(poster)
        + row
        + _cards_height(b["commitments"])
        + _cards_height(b["delivered"])
        + _footer_height(poster)
    )


# --- fitting -----------------------------------------------------------------------------------


def _fit(
    words: str, room: float, sizes: Sequence[int], most: int, last: int | None = None
) -> tuple[str, int]:
    """The largest size at which ``words`` take at most ``most`` lines; else the smallest size,
    at which they may take ``last`` lines (default ``most``), with the words cut to fit."""
    words = " ".join(words.split())
    for size in sizes:
        if lines(words, room, size, bold=True) <= most:
            return words, size
    return clip(words, room, sizes[-1], last or most, bold=True), sizes[-1]


def plan(site: Site) -> Poster:
    """What the poster shows so that it stays one A3 page (see the module's documentation)."""
    s = site.strategy
    address = s.communication.published_at if s.communication else None
    title, title_size = _fit(s.title, HEADER_ROOM, SIZES.title, 3)
    mission, mission_size = _fit(
        text.plain(s.mission), MISSION_ROOM, SIZES.mission, 4, MISSION_LINES
    )
    promised, met = _commitments(site)
    blocks = {
        "commitments": _block(
            "commitments", "What we commit to", ("commitment", "commitments"), promised, WIDTH
        ),
        "priorities": _block(
            "priorities",
            "Our top priorities",
            ("priority", "priorities"),
            _priorities(site),
            COLUMN,
        ),
        "delivered": _block(
            "delivered",
            "What we have delivered",
            ("thing delivered", "things delivered"),
            _delivered(site, met),
            WIDTH,
        ),
        "principles": _block(
            "principles", "Our principles", ("principle", "principles"), _principles(site), COLUMN
        ),
    }
    footer = []
    if address:  # never cut: half an address is no address (300 characters take 4 lines)
        footer.append(f"Read the full strategy: {' '.join(address.split())}")
    if s.owner:
        who = f"{s.owner.name}, {s.owner.role}" if s.owner.role else s.owner.name
        who = shorten(who, lambda w: lines(f"Questions? Contact {w}.", WIDTH, SIZES.body) <= 2)
        footer.append(f"Questions? Contact {who}" + ("" if who.endswith("…") else "."))
    poster = Poster(s.organisation, title, title_size, mission, mission_size, blocks, footer)
    organisation = clip(s.organisation, HEADER_ROOM, SIZES.org, 2, bold=True)
    poster.organisation = organisation
    room = HEIGHT - SPARE
    for block in blocks.values():
        block.more_text = _more_text(block, address)
    growing = [b for b in blocks.values() if b.items]
    while growing:  # one more item for each block in turn, most important first
        for block in list(growing):
            if block.shown >= len(block.items):
                growing.remove(block)
                continue
            block.shown += 1
            block.more_text = _more_text(block, address)
            if total_height(poster) > room:  # heights only grow: this block is full
                block.shown -= 1
                block.more_text = _more_text(block, address)
                growing.remove(block)
    poster.used = total_height(poster)
    return poster
