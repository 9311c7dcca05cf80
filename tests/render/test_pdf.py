"""The board paper as PDF (:mod:`digistrat.render.pdf`): WeasyPrint, an optional extra.

The tests that make a PDF are skipped, with a message saying what to install, when WeasyPrint
or the Pango library it needs is missing; the test of that message runs everywhere.
"""

from __future__ import annotations

import html as html_lib
import io
import os
import re
import struct
import subprocess
import sys
import zlib
from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.render import RenderError, produce, render
from digistrat.render.pdf import INSTALL, board_pdf, missing

from helpers import build_tree, command_env

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def pypdf() -> object:
    cannot = missing()
    if cannot is not None:
        pytest.skip(f"WeasyPrint cannot be used here, so no PDF can be made: {cannot}")
    return pytest.importorskip("pypdf", reason="pypdf reads the PDF: pip install -e '.[test]'")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, pypdf: object) -> dict[str, bytes]:
    from render_sample import SAMPLE

    repo = build_tree(tmp_path_factory.mktemp("pdf") / "repo", SAMPLE)
    return produce(load(repo), TODAY, ("board", "pdf"))


def _reader(data: bytes) -> object:
    import pypdf

    return pypdf.PdfReader(io.BytesIO(data))


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def _html_text(page: str) -> str:
    """The words a reader sees in the printed paper: the HTML without what print hides."""
    page = re.sub(r"<(script|style|nav)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r'<a class="skip-link".*?</a>', " ", page, flags=re.S)
    page = re.sub(r"<head>.*?</head>", " ", page, flags=re.S)
    page = re.sub(r"<(title|desc)\b.*?</\1>", " ", page, flags=re.S)  # a chart's own label
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page))


def test_the_pdf_is_a4_with_the_papers_title_language_and_tags(made: dict[str, bytes]) -> None:
    reader = _reader(made["board.pdf"])
    title = re.search(r"<title>(.*?)</title>", made["board.html"].decode()).group(1)  # type: ignore[union-attr]
    assert reader.metadata.title == html_lib.unescape(title)  # type: ignore[attr-defined]
    root = reader.trailer["/Root"]  # type: ignore[attr-defined]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
    box = reader.pages[0].mediabox  # type: ignore[attr-defined]
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert reader.metadata["/CreationDate"].startswith("D:20261126")  # type: ignore[attr-defined]


def test_the_pdf_says_what_the_html_says(made: dict[str, bytes]) -> None:
    reader = _reader(made["board.pdf"])
    pages = reader.pages  # type: ignore[attr-defined]
    text = "\n".join(page.extract_text() for page in pages)
    in_pdf = _words(text)
    in_html = _words(_html_text(made["board.html"].decode()))
    assert in_html - in_pdf == set()
    numbering = {"page", "of"} | {str(n) for n in range(len(pages) + 1)}
    assert in_pdf - in_html - numbering == set()
    assert f"Page 1 of {len(pages)}" in text


def test_the_pdf_is_the_same_every_time(made: dict[str, bytes], tmp_path: Path) -> None:
    from render_sample import SAMPLE

    repo = build_tree(tmp_path / "repo", SAMPLE)
    again = produce(load(repo), TODAY, ("pdf",))
    assert again["board.pdf"] == made["board.pdf"]
    assert "board.html" not in again  # the PDF alone can be asked for


def _png(path: Path) -> Path:
    """A 1x1 red PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        check = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + check

    body = zlib.compress(b"\x00\xff\x00\x00")
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", body)
        + chunk(b"IEND", b"")
    )
    return path


def test_the_pdf_loads_nothing_from_outside(pypdf: object, tmp_path: Path) -> None:
    picture = _png(tmp_path / "secret.png").as_uri()
    html = (
        f'<html lang="en-GB"><head><title>T</title><link rel="stylesheet" href="{picture}">'
        f'</head><body><p>Text</p><img src="{picture}" alt="x"></body></html>'
    )
    plain = board_pdf(html.replace(f'<img src="{picture}" alt="x">', ""), "", TODAY)
    with_picture = board_pdf(html, f"body {{ background: url({picture}) }}", TODAY)
    reader = _reader(with_picture)
    assert not reader.pages[0].images  # type: ignore[attr-defined]
    assert b"/Image" not in plain and b"/Image" not in with_picture


def _digistrat(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-11-26", **env),
    )


FAKE_WEASYPRINT = "raise OSError(\"cannot load library 'libpango-1.0-0'\")\n"


def test_without_weasyprint_render_says_how_to_install_it(tmp_path: Path) -> None:
    from render_sample import SAMPLE

    repo = build_tree(tmp_path / "repo", SAMPLE)
    fake = build_tree(tmp_path / "fake", {"weasyprint/__init__.py": FAKE_WEASYPRINT})
    args = ["render", str(repo), "--out", str(tmp_path / "o"), "--only", "board", "--pdf"]
    result = _digistrat(args, PYTHONPATH=str(fake))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [f"error: {INSTALL}."]
    assert not (tmp_path / "o").exists()  # nothing half made


def test_the_cli_knows_the_pdf_output_by_name() -> None:
    from digistrat.cli import RENDER_EXTRAS
    from digistrat.render.pages import EXTRAS

    assert RENDER_EXTRAS == EXTRAS == ("pdf",)


def test_without_weasyprint_the_library_raises_a_render_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from render_sample import SAMPLE

    monkeypatch.setitem(sys.modules, "weasyprint", None)  # import fails as if not installed
    repo = build_tree(tmp_path / "repo", SAMPLE)
    with pytest.raises(RenderError, match=re.escape("pip install 'digistrat[pdf]'")):
        render(load(repo), tmp_path / "out", TODAY, ("board", "pdf"))
    assert missing() == INSTALL


def test_render_pdf_writes_board_pdf_beside_the_html(pypdf: object, tmp_path: Path) -> None:
    from render_sample import SAMPLE

    repo = build_tree(tmp_path / "repo", SAMPLE)
    out = tmp_path / "out"
    result = _digistrat(["render", str(repo), "--out", str(out), "--pdf", "--only", "board"])
    assert result.returncode == 0, result.stderr
    assert "Rendered board, pdf" in result.stdout
    assert (out / "board.pdf").read_bytes()[:5] == b"%PDF-"
    assert (out / "board.html").is_file()


def test_the_home_page_links_the_pdf_only_when_it_is_made(pypdf: object, tmp_path: Path) -> None:
    from render_sample import SAMPLE

    def home(root: Path, only: tuple[str, ...]) -> str:
        return produce(load(build_tree(root, SAMPLE)), TODAY, only)["index.html"].decode()

    assert 'href="board.pdf"' in home(tmp_path / "a", ("site", "pdf"))
    assert "board.pdf" not in home(tmp_path / "b", ("site", "board"))


def test_the_pdf_does_not_depend_on_the_clock(
    made: dict[str, bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The embedded font subsets carry a date: the day of the paper, not the second it was
    made (a render a second later used to give different bytes)."""
    import fontTools.misc.timeTools as font_time
    from render_sample import SAMPLE

    real = font_time.time.time
    monkeypatch.setattr(font_time.time, "time", lambda: real() + 86_400 * 400)
    repo = build_tree(tmp_path / "repo", SAMPLE)
    assert produce(load(repo), TODAY, ("pdf",))["board.pdf"] == made["board.pdf"]
    assert "SOURCE_DATE_EPOCH" not in os.environ  # put back as it was
