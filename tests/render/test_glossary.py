"""Terms explained where a page first uses them, and the site's glossary page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from render_sample import SAMPLE

from digistrat.loader import load
from digistrat.render import produce
from digistrat.render.glossary import Explainer, glossary_entries, site_terms

from helpers import build_tree

TERMS = {"PIFU": "patient-initiated follow-up", "virtual ward": "care at home, watched remotely"}


def _page(main: str) -> str:
    return (
        f"<html><head><title>PIFU</title></head><body><p>PIFU</p><main>{main}</main></body></html>"
    )


def _main(html: str) -> str:
    return html[html.index("<main>") + 6 : html.index("</main>")]


def test_first_use_in_main_is_explained_with_the_meaning_in_the_text() -> None:
    html = Explainer(TERMS).explain(_page("<p>Offer PIFU now.</p><p>PIFU again.</p>"))
    assert _main(html) == (
        '<p>Offer <abbr title="patient-initiated follow-up">PIFU</abbr> '
        "(patient-initiated follow-up) now.</p><p>PIFU again.</p>"
    )
    assert html.startswith("<html><head><title>PIFU</title></head><body><p>PIFU</p>")


@pytest.mark.parametrize(
    "main",
    [
        "<p>Patient-initiated follow-up (PIFU) for all.</p><p>PIFU again.</p>",
        "<p>PIFU (patient-initiated follow-up) for all.</p><p>PIFU again.</p>",
    ],
)
def test_a_use_the_author_explains_is_left_as_written(main: str) -> None:
    assert _main(Explainer(TERMS).explain(_page(main))) == main


@pytest.mark.parametrize(
    "skipped",
    [
        '<a href="x.html">PIFU clinics</a>',
        "<h2>PIFU</h2>",
        "<code>PIFU</code>",
        "<dl><dt><dfn>PIFU</dfn></dt></dl>",
        '<svg><text x="0">PIFU</text></svg>',
    ],
)
def test_links_headings_code_and_terms_being_defined_are_not_changed(skipped: str) -> None:
    html = Explainer(TERMS).explain(_page(f"{skipped}<p>Then PIFU.</p>"))
    assert _main(html).startswith(skipped)
    assert "Then <abbr" in html  # the first use outside them is explained


def test_words_match_any_capitals_acronyms_only_their_own() -> None:
    html = Explainer(TERMS).explain(_page("<p>A Virtual ward, a pifu, two PIFUs.</p>"))
    assert _main(html) == (
        '<p>A <abbr title="care at home, watched remotely">Virtual ward</abbr> (care at home, '
        'watched remotely), a pifu, two <abbr title="patient-initiated follow-up">PIFUs</abbr> '
        "(patient-initiated follow-up).</p>"
    )


def test_escaped_terms_and_meanings() -> None:
    explainer = Explainer({"R&D": 'research & "development" <b>'})
    html = explainer.explain(_page("<p>Our R&amp;D team.</p>"))
    assert _main(html) == (
        '<p>Our <abbr title="research &amp; &#34;development&#34; &lt;b&gt;">R&amp;D</abbr> '
        "(research &amp; &#34;development&#34; &lt;b&gt;) team.</p>"
    )


def test_brackets_in_a_meaning_do_not_nest() -> None:
    html = Explainer({"ED": "emergency department (A&E)"}).explain(_page("<p>The ED.</p>"))
    assert _main(html) == (
        '<p>The <abbr title="emergency department (A&amp;E)">ED</abbr> '
        "(emergency department, A&amp;E).</p>"
    )


LONG = "care at home for patients who would otherwise be in hospital, watched by the ward team"


def test_a_long_meaning_links_to_the_glossary_or_is_cut_to_the_spelling_out() -> None:
    explainer = Explainer(
        {
            "virtual ward": LONG,
            "ICB": "integrated care board, the NHS body that plans and funds care in an area",
        },
        {"virtual ward": "term-virtual-ward"},
    )
    html = explainer.explain(_page("<p>A virtual ward and the ICB.</p>"), "../")
    assert _main(html) == (
        '<p>A <a class="term" href="../glossary.html#term-virtual-ward">virtual ward</a> and the '
        '<abbr title="integrated care board, the NHS body that plans and funds care in an area">'
        "ICB</abbr> "
        "(integrated care board).</p>"
    )
    unlinked = Explainer({"virtual ward": LONG}).explain(_page("<p>A virtual ward.</p>"))
    assert f"({LONG})" in unlinked  # no glossary page to link to: the meaning in full


def test_glossary_anchors_are_unique_and_sorted() -> None:
    entries = glossary_entries({"b&b": "x", "A&E": "y", "b b": "z", "£": "w"})
    assert entries == [
        ("term-a-e", "A&E", "y"),
        ("term-b-b", "b b", "z"),
        ("term-b-b-2", "b&b", "x"),
        ("term-x", "£", "w"),
    ]


def test_site_terms_leave_out_what_everyone_knows_and_add_the_glossary() -> None:
    terms = site_terms({"PIFU": "patient-initiated follow-up", "CQC": "our regulator"})
    assert "NHS" not in terms and "GP" not in terms and "A&E" not in terms
    assert terms["ICB"].startswith("integrated care board")
    assert terms["PIFU"] == "patient-initiated follow-up"
    assert terms["CQC"] == "our regulator"  # the strategy's own meaning wins
    html = Explainer(terms).explain(_page("<p>The NHS, the GP and the ICB.</p>"))
    assert _main(html).startswith("<p>The NHS, the GP and the <abbr")


def test_no_main_no_change() -> None:
    assert Explainer(TERMS).explain("<p>PIFU</p>") == "<p>PIFU</p>"
    assert Explainer({}).explain(_page("<p>PIFU</p>")) == _page("<p>PIFU</p>")


GLOSSARY = """
        glossary:
          PIFU: patient-initiated follow-up, where *you* book the follow-up
          SDEC: same day emergency care
"""


def _site(tmp_path: Path, glossary: str) -> dict[str, str]:
    files = dict(SAMPLE)
    files["strategy.yaml"] += glossary
    files["strategy.yaml"] = files["strategy.yaml"].replace(
        "Wi-Fi in every clinic, when", "Wi-Fi in every clinic and PIFU, when"
    )
    repo = load(build_tree(tmp_path / "repo", files))
    assert not repo.findings, repo.findings
    out = produce(repo, date(2026, 11, 26), ("site",))
    return {path: data.decode() for path, data in out.items()}


def test_site_has_a_glossary_page_linked_from_every_page(tmp_path: Path) -> None:
    site = _site(tmp_path, GLOSSARY)
    page = site["glossary.html"]
    assert "<h1>Glossary</h1>" in page
    assert '<dt id="term-pifu"><dfn>PIFU</dfn></dt>' in page
    assert "<dd><p>patient-initiated follow-up, where <em>you</em> book the follow-up</p></dd>" in (
        page
    )
    assert '<dt id="term-sdec"><dfn>SDEC</dfn></dt>' in page
    for path, html in site.items():
        if path.endswith(".html"):
            assert 'glossary.html"' in html and ">Glossary</a>" in html, path
    index = site["index.html"]
    assert (
        '<abbr title="patient-initiated follow-up, where *you* book the follow-up">PIFU</abbr>'
        in index
    )


def test_no_glossary_no_page(tmp_path: Path) -> None:
    site = _site(tmp_path, "")
    assert "glossary.html" not in site
    assert ">Glossary</a>" not in site["index.html"]


def test_document_ends_with_the_glossary(tmp_path: Path) -> None:
    files = dict(SAMPLE)
    files["strategy.yaml"] += GLOSSARY
    repo = load(build_tree(tmp_path / "repo", files))
    md = produce(repo, date(2026, 11, 26), ("document",))["strategy.md"].decode()
    assert md.endswith(
        "## Glossary\n\n- **PIFU**: patient-initiated follow-up, where *you* book the follow-up\n"
        "- **SDEC**: same day emergency care\n"
    )
