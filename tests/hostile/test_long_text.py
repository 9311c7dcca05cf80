"""Text fields hold up to 20,000 characters: adversarial text of that size must not make the
text rules or the renderer slow (a quadratic regex is a hang in disguise)."""

from __future__ import annotations

import json
import random
import time
from datetime import date
from pathlib import Path

import pytest

from digistrat.checker import run
from digistrat.loader import load

from helpers import build_tree

SIZE = 19_990
VARIANTS = {
    "words": ("word " * 4000)[:SIZE],
    "acronyms": ("ABC DEF GHI (JKL) " * 1200)[:SIZE],
    "open-parens": "(" * SIZE,
    "links": ("[a](" * 5000)[:SIZE],
    "full-stops": "." * SIZE,
    "question-marks": "?!" * (SIZE // 2),
    "stars": "*" * SIZE,
    "backticks": "`" * SIZE,
    "underscores": "_a" * (SIZE // 2),
    "angle-brackets": "<" * SIZE,
    "urls": ("http://" * 2900)[:SIZE],
    "hyphens": ("a-" * (SIZE // 2)),
    "apostrophes": ("a'" * (SIZE // 2)),
    "capitals": "A" * SIZE,
    "no-spaces": "x" * SIZE,
    "newlines": ("a\n" * (SIZE // 2)),
    "random": "".join(random.Random(6).choice("aA (.,:-)[]*_`#\n'\"é漢<>&") for _ in range(SIZE)),
}


@pytest.mark.parametrize("text", VARIANTS.values(), ids=VARIANTS.keys())
def test_long_adversarial_text_is_handled_quickly(text: str, tmp_path: Path) -> None:
    quoted = json.dumps(text)  # a JSON string is a valid YAML scalar
    build_tree(
        tmp_path,
        {
            "strategy.yaml": f"organisation: T\ntitle: S\nmission: {quoted}\n",
            "initiatives/x.yaml": f"name: X\ncategory: improve\ndescription: {quoted}\n",
            "commitments/y.yaml": f"statement: {quoted}\noutcome: {quoted}\n",
            "users/z.yaml": f"name: Z\nkind: patient\nneeds:\n  - id: n\n    statement: {quoted}\n"
            "    priority: high\n",
        },
    )
    started = time.perf_counter()
    repo = load(tmp_path)
    assert not [f for f in repo.findings if f.code.startswith("F")], repo.findings[:3]
    run(repo, date(2026, 6, 1))
    render = pytest.importorskip("digistrat.render")
    render.render(repo, tmp_path.parent / f"{tmp_path.name}-site", date(2026, 6, 1))
    # A generous hang guard (a quadratic pattern takes minutes here), not a speed target.
    assert time.perf_counter() - started < 60, "load, check and render took far too long"
