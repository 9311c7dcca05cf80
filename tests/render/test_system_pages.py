"""The system site: its pages are part of the system repository's site, escaped, with members'
own sites linked (never copied), and the same bytes every time."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from digistrat.loader import load
from digistrat.render import render
from digistrat.system.check import check_system
from digistrat.system.view import build

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "wolds-system"
TODAY = date(2026, 12, 2)


def _render(root: Path, out: Path) -> dict[str, str]:
    repo = load(root)
    view = build(check_system(repo, TODAY, fetch=False), TODAY)
    render(repo, out, TODAY, ["site", "board"], system=view, processes=1)
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8") for p in out.rglob("*.html")
    }


def test_the_example_system_site(tmp_path: Path) -> None:
    pages = _render(EXAMPLE, tmp_path / "site")
    index, roadmap, paper = (pages[f"system/{n}.html"] for n in ("index", "roadmap", "paper"))
    assert 'href="system/index.html">The system' in pages["index.html"]
    assert 'href="https://northbank.example.nhs.uk/digital-strategy/"' in index
    assert "members/northbank" not in "".join(pages)  # linked, not copied
    assert "No one left behind by digital services" in index and "tag--red" in index
    assert "Remote monitoring at home" in index  # the collaboration candidate
    assert "2 member initiatives wait for it" in roadmap
    assert "Oct–Dec 2026" in roadmap and "£200,000" in roadmap
    assert "Decisions for the board" in paper and "Agree which members lead" in paper
    assert "What Good Looks Like: coverage by member" in index
    assert 'tag--red">no initiative' in index and 'tag--green">funded work' in index
    assert "no member works on Well led, Support people and Healthy populations" in paper
    assert '<link rel="stylesheet" href="../assets/style.css">' in paper


def test_member_text_is_escaped_and_output_is_deterministic(tmp_path: Path) -> None:
    root = tmp_path / "ics"
    shutil.copytree(EXAMPLE, root)
    initiative = root / "members/northbank/initiatives/virtual-ward-monitoring.yaml"
    initiative.write_text(
        initiative.read_text().replace(
            "name: Remote monitoring for the frailty virtual ward",
            'name: "<script>alert(1)</script> monitoring"',
        )
    )
    first = _render(root, tmp_path / "one")
    assert "<script>alert(1)</script>" not in first["system/index.html"]
    assert "&lt;script&gt;" in first["system/index.html"]
    assert _render(root, tmp_path / "two") == first


def test_render_from_the_command_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {"DIGISTRAT_TODAY": "2026-12-02", "PATH": "/usr/bin:/bin", "DIGISTRAT_PROCESSES": "1"}
    out = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "digistrat", "render", str(EXAMPLE), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (out / "system" / "paper.html").is_file() and (out / "board.html").is_file()


def test_the_icb_paper_summary_fits_two_a4_pages(tmp_path: Path) -> None:
    """The summary, decisions included, on two pages of A4 (WeasyPrint, as board.pdf)."""
    import io

    import pytest

    from digistrat.render import pdf

    if pdf.missing() is not None:
        pytest.skip("needs WeasyPrint (the pdf extra)")
    from pypdf import PdfReader

    _render(EXAMPLE, tmp_path / "site")
    html = (tmp_path / "site/system/paper.html").read_text(encoding="utf-8")
    css = (tmp_path / "site/assets/style.css").read_text(encoding="utf-8")
    pages = PdfReader(io.BytesIO(pdf.board_pdf(html, css, TODAY))).pages
    first_two = " ".join((p.extract_text() or "") for p in pages[:2])
    assert "Decisions for the board" in first_two
    assert "Ask members' leads whether to do the overlapping work" in " ".join(first_two.split())


def test_coverage_is_named_as_on_each_members_own_page(tmp_path: Path) -> None:
    """The system page and a member's frameworks page use the same words for coverage."""
    page = _render(EXAMPLE, tmp_path / "site")["system/index.html"]
    assert "funded work" in page and "proposed only" in page and "no initiative" in page
    for internal in (">covered<", ">unfunded<", ">uncovered<"):
        assert internal not in page
