"""The preview's rebuilds: the pages after an edit are those a full render makes, only the
affected ones are made, and an edit that cannot be read keeps the last good pages."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest
from serve_sample import TODAY

from digistrat.loader import load
from digistrat.render import render
from digistrat.serve.preview import LATER, Preview, Signal


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ between two folders, or are in only one (the manifest aside)."""

    def walk(found: filecmp.dircmp[str], prefix: str) -> list[str]:
        bad = [prefix + name for name in found.diff_files + found.left_only + found.right_only]
        for name, sub in found.subdirs.items():
            bad += walk(sub, f"{prefix}{name}/")
        return bad

    return [rel for rel in walk(filecmp.dircmp(left, right), "") if rel != ".digistrat-render.json"]


def full_render(repo: Path, out: Path) -> Path:
    render(load(repo), out, TODAY, ("site", "board", "poster", "document"))
    return out


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    "a service renamed": lambda r: edit(
        r / "services/community-nursing.yaml", "name: Community nursing", "name: District nursing"
    ),
    "an initiative re-scored": lambda r: edit(
        r / "initiatives/ambient-voice-notes.yaml", "patient-benefit: 5", "patient-benefit: 1"
    ),
    "an initiative deleted": lambda r: (r / "initiatives/rostering-app.yaml").unlink(),
    "a user group's need renamed": lambda r: edit(
        r / "users/carers.yaml", "name: ", "name: Renamed "
    ),
    "a commitment's status changed": lambda r: edit(
        r / "commitments/care-at-home.yaml", "status: on-track", "status: at-risk"
    ),
    "a commitment added": lambda r: (r / "commitments/new-one.yaml").write_text(
        (r / "commitments/care-at-home.yaml")
        .read_text(encoding="utf-8")
        .replace("More frail older people", "Fewer frail older people"),
        encoding="utf-8",
    ),
    "strategy.yaml edited": lambda r: edit(r / "strategy.yaml", "organisation:", "organisation: X"),
}
CHANGED = {
    "a service renamed": ["services/community-nursing.yaml"],
    "an initiative re-scored": ["initiatives/ambient-voice-notes.yaml"],
    "an initiative deleted": ["initiatives/rostering-app.yaml"],
    "a user group's need renamed": ["users/carers.yaml"],
    "a commitment's status changed": ["commitments/care-at-home.yaml"],
    "a commitment added": ["commitments/new-one.yaml"],
    "strategy.yaml edited": ["strategy.yaml"],
}


@pytest.mark.parametrize("name", list(EDITS))
def test_pages_after_an_edit_are_those_a_full_render_makes(
    name: str, preview: Preview, repo: Path, tmp_path: Path
) -> None:
    EDITS[name](repo)
    outcome = preview.rebuild(CHANGED[name])
    assert not outcome.kept
    assert differences(preview.out, full_render(repo, tmp_path / "full")) == []


def test_an_edit_makes_only_the_pages_it_affects(preview: Preview, repo: Path) -> None:
    untouched = preview.out / "services/maternity-care.html"
    untouched.write_bytes(b"left alone")  # made again, it would be overwritten
    edit(repo / "services/community-nursing.yaml", "name: Community nursing", "name: Nursing")
    outcome = preview.rebuild(["services/community-nursing.yaml"])
    assert not outcome.full
    assert untouched.read_bytes() == b"left alone"
    assert "Nursing" in (preview.out / "services/community-nursing.html").read_text()
    # an initiative that changes the service shows its new name
    assert "Nursing" in (preview.out / "initiatives/community-mobile-working.html").read_text()
    assert 0 < outcome.pages < 60


def test_strategy_yaml_makes_every_page_again(preview: Preview, repo: Path) -> None:
    page = preview.out / "services/maternity-care.html"
    page.write_bytes(b"stale")
    edit(repo / "strategy.yaml", "organisation:", "organisation: X")
    outcome = preview.rebuild(["strategy.yaml"])
    assert outcome.full and "strategy.yaml" in outcome.reason
    assert page.read_bytes() != b"stale"


def test_changes_the_site_cannot_show_are_ignored(preview: Preview, repo: Path) -> None:
    before = preview.signal.generation
    (repo / "README.md").write_text("notes", encoding="utf-8")
    outcome = preview.rebuild(["README.md", "site/index.html", ".git/index"])
    assert outcome.pages == 0 and not outcome.kept
    assert preview.signal.generation == before  # nothing to reload


def test_a_file_that_cannot_be_read_keeps_the_last_good_pages(preview: Preview, repo: Path) -> None:
    page = preview.out / "services/community-nursing.html"
    good = page.read_bytes()
    before = preview.signal.generation
    with (repo / "services/community-nursing.yaml").open("a", encoding="utf-8") as f:
        f.write('extra: "never closed\n')
    outcome = preview.rebuild(["services/community-nursing.yaml"])
    assert outcome.kept and outcome.pages == 0
    assert page.read_bytes() == good  # not removed, not changed
    assert preview.problem is not None
    assert "services/community-nursing.yaml:" in preview.problem
    assert any(f.path == "services/community-nursing.yaml" for f in preview.findings)
    assert preview.signal.generation > before  # the open page reloads to show the banner
    # fixed: the edit is shown, and the problem is gone
    edit(repo / "services/community-nursing.yaml", 'extra: "never closed\n', "")
    edit(repo / "services/community-nursing.yaml", "name: Community nursing", "name: Fixed")
    outcome = preview.rebuild(["services/community-nursing.yaml"])
    assert not outcome.kept and preview.problem is None
    assert "Fixed" in page.read_text(encoding="utf-8")


def test_a_broken_strategy_yaml_keeps_the_last_good_pages(preview: Preview, repo: Path) -> None:
    index = preview.out / "index.html"
    good = index.read_bytes()
    (repo / "strategy.yaml").write_text("organisation: [\n", encoding="utf-8")
    outcome = preview.rebuild(["strategy.yaml"])
    assert outcome.kept and "strategy.yaml" in (preview.problem or "")
    assert index.read_bytes() == good


def test_the_summaries_follow_the_site_pages(preview: Preview, repo: Path) -> None:
    for rel in LATER:
        (preview.out / rel).write_bytes(b"stale")
    edit(repo / "services/community-nursing.yaml", "name: Community nursing", "name: Nursing2")
    outcome = preview.rebuild(["services/community-nursing.yaml"])
    assert 0 < outcome.reloadable <= outcome.finished
    for rel in LATER:
        assert (preview.out / rel).read_bytes() != b"stale", rel
    assert "Nursing2" in (preview.out / "strategy.md").read_text(encoding="utf-8")


def test_nothing_is_written_into_the_repository(preview: Preview, repo: Path) -> None:
    assert not (repo / "site").exists()
    assert not preview.out.is_relative_to(repo)


def test_the_signal_moves_on_and_wakes_whoever_waits() -> None:
    signal = Signal()
    assert signal.wait(5, 0) == 0  # already not what was seen: no wait
    assert signal.wait(0, 0) == 0  # times out unchanged
    assert signal.bump() == 1
    assert signal.wait(0, 10) == 1
