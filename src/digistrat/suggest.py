"""'Did you mean …?': the closest known name to a misspelt one, fast on long lists.

The answer is exactly ``difflib.get_close_matches(word, sorted(names), n=1, cutoff=0.6)``, but
``difflib`` compares the word with every name in full; against thousands of ids, a single
misspelt reference cost a tenth of a second, and a repository with many took minutes. Here each
name's letter counts are computed once, names are tried best upper bound first, and the search
stops as soon as no remaining name can beat the best match found.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from difflib import SequenceMatcher

CUTOFF = 0.6


class Suggester:
    """The closest of a fixed set of names to any word (answers are remembered)."""

    def __init__(self, names: Iterable[str], cutoff: float = CUTOFF) -> None:
        self.cutoff = cutoff
        self._names = [(name, len(name), Counter(name)) for name in sorted(set(names))]
        self._answers: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if word not in self._answers:
            self._answers[word] = self._search(word)
        return self._answers[word]

    def _search(self, word: str) -> str | None:
        cutoff, size, letters = self.cutoff, len(word), Counter(word)
        bounds: list[tuple[float, str]] = []
        for name, length, counts in self._names:
            total = length + size
            if not total:  # two empty strings: difflib calls them identical
                bounds.append((1.0, name))
                continue
            if 2.0 * min(length, size) / total < cutoff:  # difflib's real_quick_ratio
                continue
            shared = sum(min(n, counts[c]) for c, n in letters.items() if c in counts)
            bound = 2.0 * shared / total  # difflib's quick_ratio: never below the ratio
            if bound >= cutoff:
                bounds.append((bound, name))
        bounds.sort(reverse=True)
        best: tuple[float, str] | None = None
        matcher = SequenceMatcher()
        matcher.set_seq2(word)
        for bound, name in bounds:
            if best is not None and bound < best[0]:
                break  # no remaining name can match better
            matcher.set_seq1(name)
            score = matcher.ratio()
            if score >= cutoff and (best is None or (score, name) > best):
                best = (score, name)  # ties go to the greater name, as in difflib
        return best[1] if best else None


def closest(word: str, names: Iterable[str], cutoff: float = CUTOFF) -> str | None:
    """The name most like ``word`` (at least ``cutoff`` alike), or ``None``."""
    return Suggester(names, cutoff).closest(word)
