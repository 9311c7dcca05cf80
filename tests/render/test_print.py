"""Printed page counts in headless Chromium: the poster is exactly one A3 page, with nothing cut
off, and the board paper's summary takes at most two A4 pages. On both examples and on a
deliberately oversized repository (``oversized.py``).

Chromium prints with ``--print-to-pdf``; pypdf counts the pages and reads the text back. Without
Chromium (Debian package ``chromium``) or pypdf (the test extra) these tests are skipped with a
message saying what is missing.
"""

from __future__ import annotations

import html as html_lib
import io
import re
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from oversized import oversized

from digistrat.loader import load
from digistrat.render import render

from helpers import build_tree

pytestmark = pytest.mark.browser

TODAY = date(2026, 11, 26)
EXAMPLES = Path(__file__).parents[2] / "examples"
REPOS = ("riverside", "wishlist", "oversized")
A3 = (842, 1191)  # points, rounded
A4 = (595, 842)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
]


@pytest.fixture(scope="module")
def browser() -> str:
    places = ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
    found = next((p for p in places if p and Path(p).exists()), None)
    if found is None:
        pytest.skip(
            "Chromium is not installed, so the print tests cannot run. Install the Debian "
            "package `chromium` (apt-get install chromium); CI does this in .ci/run."
        )
    pytest.importorskip("pypdf", reason="pypdf counts the printed pages: pip install -e '.[test]'")
    return found


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each repository rendered once (poster and board paper) into its own folder."""
    root = tmp_path_factory.mktemp("print")
    folders = {}
    for name in REPOS:
        repo = EXAMPLES / name if name != "oversized" else build_tree(root / name, oversized())
        folders[name] = root / f"{name}-out"
        render(load(repo), folders[name], TODAY, ("poster", "board"))
    return folders


def _print(browser: str, page: Path, pdf: Path) -> Any:
    """``page`` printed by Chromium, read back with pypdf."""
    import pypdf

    profile = f"--user-data-dir={pdf.parent / 'profile'}"
    result = subprocess.run(
        [browser, *FLAGS, profile, f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert pdf.is_file(), f"Chromium printed nothing: {result.stderr[-2000:]}"
    return pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))


def _sizes(reader: Any) -> list[tuple[int, int]]:
    return [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]


def _flat(text: str) -> str:
    """Text without its spaces and line breaks (they fall differently in a PDF)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _shown(page: str) -> list[str]:
    """The text of each element that carries words on the poster."""
    found = re.findall(r"<(h1|h2|p|li)\b[^>]*>(.*?)</\1>", page, flags=re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", body)) for _, body in found]


@pytest.mark.parametrize("name", REPOS)
def test_the_poster_prints_on_exactly_one_a3_page(
    browser: str, published: dict[str, Path], name: str, tmp_path: Path
) -> None:
    reader = _print(browser, published[name] / "poster.html", tmp_path / "poster.pdf")
    assert _sizes(reader) == [A3], f"the {name} poster is not one A3 page"


@pytest.mark.parametrize("name", REPOS)
def test_nothing_on_the_printed_poster_is_cut_off(
    browser: str, published: dict[str, Path], name: str, tmp_path: Path
) -> None:
    """Every text of the poster is on the printed page: none is hidden by the page's edge."""
    page = (published[name] / "poster.html").read_text(encoding="utf-8")
    reader = _print(browser, published[name] / "poster.html", tmp_path / "poster.pdf")
    printed = _flat("".join(p.extract_text() for p in reader.pages))
    shown = _shown(page)
    assert len(shown) >= 8
    missing = [t for t in shown if _flat(t) not in printed]
    assert missing == []
    assert "Questions?" in page and _flat(shown[-1]) in printed  # down to the last line


ONLY_SUMMARY = """
<style>@page { size: A4; margin: 15mm; }</style>
<script>
(function () {
  var keep = document.querySelector(".board-summary");
  for (var e = keep; e && e.parentElement; e = e.parentElement) {
    Array.prototype.forEach.call(e.parentElement.children, function (sibling) {
      if (sibling !== e && sibling.tagName !== "HEAD") { sibling.style.display = "none"; }
    });
  }
})();
</script>
"""


@pytest.mark.parametrize("name", REPOS)
def test_the_board_summary_prints_on_at_most_two_a4_pages(
    browser: str, published: dict[str, Path], name: str, tmp_path: Path
) -> None:
    board = published[name] / "board.html"
    page = board.read_text(encoding="utf-8")
    assert '<section class="board-summary"' in page, "board.html has no board-summary section"
    copy = board.with_name("board.summary-test.html")
    copy.write_text(page.replace("</body>", ONLY_SUMMARY + "</body>", 1), encoding="utf-8")
    try:
        reader = _print(browser, copy, tmp_path / "summary.pdf")
    finally:
        copy.unlink()
    sizes = _sizes(reader)
    assert set(sizes) == {A4}
    assert 1 <= len(sizes) <= 2, f"the {name} board summary takes {len(sizes)} A4 pages"
    summary = re.search(r'<section class="board-summary".*?</section>', page, flags=re.S)
    assert summary is not None
    words = _flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", summary.group(0))))
    printed = _flat("".join(p.extract_text() for p in reader.pages))
    assert words[:60] in printed  # the summary itself was printed, not an empty page
    rest = re.search(r'<section class="board-appendix".*?</section>', page, flags=re.S)
    if rest is not None:  # and only the summary
        appendix = _flat(html_lib.unescape(re.sub(r"<[^>]+>", " ", rest.group(0))))
        assert appendix[:60] not in printed
