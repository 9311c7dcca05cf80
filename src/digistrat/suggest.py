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
        self._names = sorted(set(names))
        self._lengths = [len(name) for name in self._names]
        # (letter, n) → the names holding that letter at least n times: the letters a word
        # shares with every name are then counted by C code, a list at a time
        self._holding: dict[tuple[str, int], list[int]] = {}
        for i, name in enumerate(self._names):
            for letter, count in Counter(name).items():
                for n in range(1, count + 1):
                    self._holding.setdefault((letter, n), []).append(i)
        self._answers: dict[str, str | None] = {}

    def closest(self, word: str) -> str | None:
        if word not in self._answers:
            self._answers[word] = self._search(word)
        return self._answers[word]

    def _bounds(self, word: str) -> list[tuple[float, str]]:
        """Each name that might be close enough, with an upper bound of its likeness:
        difflib's ``real_quick_ratio`` (lengths) and ``quick_ratio`` (letters in common)."""
        cutoff, size, names, lengths = self.cutoff, len(word), self._names, self._lengths
        shared: Counter[int] = Counter()
        for letter, count in Counter(word).items():
            for n in range(1, count + 1):
                shared.update(self._holding.get((letter, n), ()))
        everyone = cutoff <= 0  # then even names with no letter in common count
        out: list[tuple[float, str]] = []
        for i in range(len(names)) if everyone else shared:
            total = lengths[i] + size
            if not total:  # two empty strings: difflib calls them identical
                out.append((1.0, names[i]))
                continue
            if 2.0 * min(lengths[i], size) / total < cutoff:
                continue
            bound = 2.0 * shared[i] / total  # never below the real ratio
            if bound >= cutoff:
                out.append((bound, names[i]))
        if not size and "" in self._names and not everyone:  # shares no letter, yet identical
            out.append((1.0, ""))
        return out

    def _search(self, word: str) -> str | None:
        cutoff = self.cutoff
        bounds = self._bounds(word)
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
