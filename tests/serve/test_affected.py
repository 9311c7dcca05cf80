"""Which pages an edit affects."""

from __future__ import annotations

from pathlib import Path

import pytest
from serve_sample import TODAY

from digistrat.loader import load
from digistrat.render import context, pages, priorities
from digistrat.serve import affected


def site_of(repo: Path) -> context.Site:
    loaded = load(repo)
    return context.build(loaded, lambda: priorities.build(loaded, TODAY), TODAY, None, {"site"})


def todo(site: context.Site) -> list[pages.Page]:
    return pages.pages(site, ["site", "board"], lambda: pages.Checked([], {}))


@pytest.mark.parametrize(
    ("rel", "entry", "relevant"),
    [
        ("services/a.yaml", True, True),
        ("services/more/a.yml", True, True),
        ("strategy.yaml", False, True),
        ("templates/site/base.html", False, True),
        ("services/notes.txt", False, False),
        ("services/.#a.yaml", False, False),
        ("services/.hidden/a.yaml", False, False),
        ("site/index.html", False, False),
        ("README.md", False, False),
        (".git/index", False, False),
        ("services", False, False),
        ("others/a.yaml", False, False),
    ],
)
def test_which_files_count(rel: str, entry: bool, relevant: bool) -> None:
    assert affected.entry_file(rel) is entry
    assert affected.relevant(rel) is relevant


def test_anything_but_entry_files_needs_every_page() -> None:
    assert affected.needs_full(["services/a.yaml", "users/b.yaml"]) is None
    assert affected.needs_full([]) is None
    why = affected.needs_full(["services/a.yaml", "strategy.yaml"])
    assert why == "strategy.yaml can change every page"
    assert "templates/x.html" in (affected.needs_full(["templates/x.html"]) or "")


def test_changed_files_give_the_entities_they_held_before_and_after() -> None:
    before = {"services/a.yaml": ("services", "a"), "services/b.yaml": ("services", "b")}
    after = {"services/a.yaml": ("services", "renamed"), "services/c.yaml": ("services", "c")}
    found = affected.changed_entities(["services/a.yaml", "services/c.yaml"], before, after)
    assert found == {("services", "a"), ("services", "renamed"), ("services", "c")}
    assert affected.changed_entities(["users/x.yaml"], before, after) == set()


def test_pages_show_each_other_both_ways(repo: Path) -> None:
    shown = affected.mentions(site_of(repo))
    assert ("initiatives", "community-mobile-working") in shown[("services", "community-nursing")]
    for key, seen in shown.items():
        for other in seen:
            if other in shown:
                assert key in shown[other], f"{key} shows {other}, but not the other way"


def test_an_edit_affects_its_page_its_neighbours_and_the_summaries(repo: Path) -> None:
    site = site_of(repo)
    chosen = {
        p.path for p in affected.plan(site, site, {("services", "community-nursing")}, todo(site))
    }
    assert "services/community-nursing.html" in chosen
    assert "initiatives/community-mobile-working.html" in chosen  # changes the service
    assert {"index.html", "services/index.html", "board.html"} <= chosen
    assert "services/maternity-care.html" not in chosen
    assert "commitments/care-at-home.html" not in chosen
    # summaries of other kinds, and what shows no entity at all, stay
    assert not {"users/index.html", "priorities.html", "assets/style.css"} & chosen


def test_a_new_ranking_affects_the_initiatives_whose_place_moved(repo: Path) -> None:
    before = site_of(repo)
    path = repo / "initiatives/ambient-voice-notes.yaml"
    path.write_text(path.read_text().replace("patient-benefit: 5", "patient-benefit: 1"))
    after = site_of(repo)
    moved = affected.reranked(before, after)
    assert ("initiatives", "ambient-voice-notes") in moved
    assert moved < {("initiatives", i) for i in after.initiatives}  # not every one
    assert affected.reranked(after, after) == set()


def test_a_ranking_of_a_different_length_affects_every_initiative(repo: Path) -> None:
    before = site_of(repo)
    (repo / "initiatives/rostering-app.yaml").unlink()
    after = site_of(repo)
    moved = affected.reranked(before, after)
    assert moved == {("initiatives", i) for i in before.initiatives}
