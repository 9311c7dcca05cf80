"""Links between pages: made once per folder depth and remembered, escaped like any text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from markupsafe import Markup

from digistrat.loader import load
from digistrat.render import context
from digistrat.render.links import Linker, tag
from digistrat.render.priorities import Priorities

from helpers import build_tree


def _site(tmp_path: Path) -> context.Site:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: Trust\ntitle: Digital strategy\n",
            "services/a-and-e.yaml": "name: A & E <triage>\nkind: care\n",
            "users/patients.yaml": (
                "name: Patients & carers\nkind: patient\nneeds:\n"
                "  - {id: book, statement: Book <online>, priority: high}\n"
            ),
        },
    )
    repo = load(root)
    assert list(repo.services) == ["a-and-e"] and list(repo.users) == ["patients"]

    def unranked() -> Priorities:
        raise AssertionError("links never need the priorities")

    return context.build(repo, unranked, date(2026, 11, 1), pages={"site"})


def test_markup_and_text_with_the_same_characters_are_escaped_each_their_way(
    tmp_path: Path,
) -> None:
    ln = Linker(_site(tmp_path), "../")
    first = ln.link("services", "a-and-e", Markup("<b>A</b>"))
    second = ln.link("services", "a-and-e", "<b>A</b>")  # same characters, but text
    assert first == '<a href="../services/a-and-e.html"><b>A</b></a>'
    assert second == '<a href="../services/a-and-e.html">&lt;b&gt;A&lt;/b&gt;</a>'


def test_a_remembered_link_is_what_a_new_linker_makes(tmp_path: Path) -> None:
    site = _site(tmp_path)
    shared = Linker(site, "../")
    for _ in range(2):  # made, then remembered
        assert shared.link("services", "a-and-e", "A & E") == Linker(site, "../").link(
            "services", "a-and-e", "A & E"
        )
        assert shared.need("patients/book") == Linker(site, "../").need("patients/book")
    assert "Book &lt;online&gt;" in shared.need("patients/book")
    assert shared.link("services", "missing", "Gone") == "Gone"  # no page: plain text
    assert Linker(site, "").link("users", "patients", "P") == '<a href="users/patients.html">P</a>'


def test_text_that_cannot_be_remembered_is_still_linked(tmp_path: Path) -> None:
    ln = Linker(_site(tmp_path), "../")
    assert ln.link("services", "a-and-e", ["a", "<b>"]) == (
        '<a href="../services/a-and-e.html">[&#39;a&#39;, &#39;&lt;b&gt;&#39;]</a>'
    )


def test_tags_are_the_same_remembered_or_not() -> None:
    assert tag("in-progress") == '<strong class="tag tag--in-progress">in progress</strong>'
    assert tag("in-progress") == tag(Markup("in-progress"))
    assert tag(3, "n") == '<strong class="tag tag--n">3</strong>'
    assert tag("<x>", "a b") == '<strong class="tag tag--a b">&lt;x&gt;</strong>'
