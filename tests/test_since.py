"""What changed since an earlier revision, read from real git repositories built in tmp_path."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from digistrat import gitrev
from digistrat.history import Changes
from digistrat.loader import load
from digistrat.since import HistoryError, changes_since
from git_helpers import GitRepo, git

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

TODAY = date(2026, 12, 1)

STRATEGY = """
    organisation: Brookside NHS Trust
    title: Digital strategy
    horizon: {start: 2026-04-01, end: 2029-03-31}
    risks:
      - {risk: A ransomware attack takes the records system offline., mitigation: Tested
         offline backups., owner: {name: Sam Lee, function: digital}, kind: cyber-security}
      - {risk: The supplier misses the go-live date., mitigation: A fortnightly checkpoint.,
         owner: {name: Ade Obi, function: operational}, kind: supplier}
    scoring:
      criteria:
        - {id: benefit, label: Benefit, weight: 1, max: 5}
"""

BOOKING = """
    statement: Patients can change an appointment online.
    measure:
      {metric: Changes made online, unit: "%", baseline: 5, baseline_date: 2026-03-31, target: 40}
    due: 2027-03-31
    status: on-track
    progress:
      - {date: 2026-06-30, note: Live in one clinic., value: 8}
"""

FILES: dict[str, str | bytes] = {
    "strategy.yaml": STRATEGY,
    "commitments/booking.yaml": BOOKING,
    "commitments/letters.yaml": """
        statement: Letters arrive digitally.
        due: 2027-06-30
    """,
    "initiatives/app.yaml": """
        name: Appointments in the NHS App
        category: improve
        status: approved
        scores: {benefit: 3}
    """,
    "initiatives/wifi.yaml": """
        name: Wi-Fi everywhere
        category: maintain
        status: proposed
        scores: {benefit: 4}
    """,
}


def _board_version(top: Path, prefix: str = "") -> GitRepo:
    repo = GitRepo(top, {f"{prefix}{k}": v for k, v in FILES.items()})
    repo.commit("Strategy as the board saw it", day="2026-09-30")
    repo.tag("board-2026-09")
    return repo


def _changes(root: Path, since: str | None) -> Changes:
    return changes_since(load(root), since, TODAY)


def test_every_kind_of_change_appears(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git")
    repo.write(
        {
            "commitments/booking.yaml": BOOKING.replace("2027-03-31", "2027-09-30").replace(
                "on-track", "at-risk"
            )
            + "      - {date: 2026-11-30, note: Live in every clinic., value: 21}\n",
            "strategy.yaml": STRATEGY.split("      - {risk: The supplier")[0]
            + STRATEGY.split("kind: supplier}\n")[1],
            "initiatives/app.yaml": """
                name: Appointments in the NHS App
                category: improve
                status: in-progress
                scores: {benefit: 5}
            """,
            "initiatives/records.yaml": """
                name: Shared care record
                category: transform
                status: proposed
                scores: {benefit: 1}
            """,
        }
    )
    repo.remove("commitments/letters.yaml")
    repo.commit("After the board", day="2026-11-30")
    found = _changes(tmp_path / "git", "board-2026-09")

    assert found.since == "tag board-2026-09"
    assert found.since_day == date(2026, 9, 30)
    summaries = {(c.ident, c.what): c.summary for c in found.commitments}
    assert summaries[("booking", "re-dated")] == (
        "Due date moved later, from 31 March 2027 to 30 September 2027."
    )
    assert summaries[("booking", "status")] == "Status changed from on track to at risk."
    assert ("letters", "dropped") in summaries
    assert [(u.ident, u.day, u.value) for u in found.updates] == [
        ("booking", date(2026, 11, 30), "21%")
    ]
    assert [(r.title, r.what) for r in found.risks] == [
        ("The supplier misses the go-live date.", "closed")
    ]
    initiatives = {(i.ident, i.what): i.summary for i in found.initiatives}
    assert initiatives[("records", "added")] == "New initiative, proposed, ranked 3rd."
    assert initiatives[("app", "started")] == "Started: now in progress (was approved)."
    assert initiatives[("app", "rank")] == "Moved up the priorities, from 2nd to 1st."
    assert initiatives[("wifi", "rank")] == "Moved down the priorities, from 1st to 2nd."
    assert [q.number for q in found.questions] == list(range(1, 11))


def test_uncommitted_changes_count_and_nothing_changed_is_empty(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git")
    assert _changes(repo.top, "board-2026-09").empty
    repo.write({"commitments/letters.yaml": "statement: Letters arrive digitally.\n"})
    found = _changes(repo.top, "board-2026-09")  # the working tree, not yet committed
    assert [(c.ident, c.what) for c in found.commitments] == [("letters", "re-dated")]
    assert found.commitments[0].summary == "Due date changed from 30 June 2027 to no date."


def test_strategy_in_a_subfolder_and_default_is_newest_tag(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git", prefix="docs/strategy/")
    repo.write({"docs/strategy/commitments/new.yaml": "statement: Something new.\n"})
    repo.commit("New commitment", day="2026-10-15")
    found = _changes(repo.top / "docs" / "strategy", None)
    assert found.since == "tag board-2026-09"
    assert [(c.ident, c.what) for c in found.commitments] == [("new", "added")]
    assert found.commitments[0].summary == "New commitment, with no due date yet, on track."


def test_commit_and_date_revisions(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git")
    first = git(repo.top, "rev-parse", "HEAD")
    repo.write({"commitments/new.yaml": "statement: Something new.\n"})
    repo.commit("New commitment", day="2026-10-15")
    by_commit = _changes(repo.top, first[:10])
    assert by_commit.since == f"commit {first[:7]}"
    assert [c.ident for c in by_commit.commitments] == ["new"]
    by_day = _changes(repo.top, "2026-10-01")  # the last commit on or before that day
    assert by_day.since == f"commit {first[:7]}"
    assert by_day.since_day == date(2026, 10, 1)  # the day asked for, not the commit's
    assert by_day.commit == first
    assert _changes(repo.top, "2026-10-15").empty  # the day's own commits count as before


def test_a_broken_file_now_is_not_taken_for_dropped(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git")
    repo.write({"commitments/letters.yaml": "statement: [unclosed\n"})
    found = _changes(repo.top, "board-2026-09")
    assert [(c.ident, c.what) for c in found.commitments] == [("letters", "unreadable")]
    assert "has errors" in found.commitments[0].summary


def test_board_question_status_then_and_now(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git")
    unchanged = _changes(repo.top, "board-2026-09").questions
    assert not [q for q in unchanged if q.changed]
    no_risks = STRATEGY.split("    risks:")[0] + STRATEGY.split("kind: supplier}\n")[1]
    repo.write({"strategy.yaml": no_risks})
    found = _changes(repo.top, "board-2026-09")
    assert found.questions[9].before == "green"  # risks owned and mitigated
    assert [q.number for q in found.questions_changed] == [10]  # risks: one status worse
    assert found.questions[9].before != found.questions[9].after
    assert found.questions[9].question == "What could go wrong, and what are we doing about it?"


def test_not_a_git_repository(tmp_path: Path) -> None:
    from helpers import build_tree

    root = build_tree(tmp_path / "plain", FILES)
    with pytest.raises(HistoryError, match="not in a git repository"):
        _changes(root, "board-2026-09")


def test_unknown_tag_and_no_tags(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "git", FILES)
    repo.commit("First", day="2026-09-30")
    with pytest.raises(HistoryError, match="no tags"):
        _changes(repo.top, None)
    with pytest.raises(HistoryError, match="`board-2025` is not a tag, a commit or a date"):
        _changes(repo.top, "board-2025")
    with pytest.raises(HistoryError, match="not a tag"):
        _changes(repo.top, "--output=/tmp/x")  # never taken for an option of git


def test_date_before_the_first_commit(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "git", FILES)
    repo.commit("First", day="2026-09-30")
    with pytest.raises(HistoryError) as caught:
        _changes(repo.top, "2026-09-29")
    assert str(caught.value) == (
        "29 September 2026 is before the strategy's history begins; the first commit is "
        "from 30 September 2026. Give a later date."
    )
    with pytest.raises(HistoryError, match="not a real date"):
        _changes(repo.top, "2026-02-30")


def test_no_commits_yet(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "git", FILES)
    with pytest.raises(HistoryError, match="no commits yet"):
        _changes(repo.top, "main")


def test_strategy_folder_missing_then(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "git", {"README.md": "hello\n"})
    repo.commit("Before the strategy", day="2026-01-31")
    repo.tag("start")
    repo.write({f"strategy/{k}": v for k, v in FILES.items()})
    repo.commit("Strategy", day="2026-02-28")
    with pytest.raises(HistoryError, match="the folder strategy did not exist yet"):
        _changes(repo.top / "strategy", "start")
    repo2 = GitRepo(tmp_path / "git2", {"README.md": "hello\n"})
    repo2.commit("Before the strategy", day="2026-01-31")
    repo2.tag("start")
    repo2.write(FILES)
    repo2.commit("Strategy", day="2026-02-28")
    with pytest.raises(HistoryError, match=r"there was no strategy\.yaml"):
        _changes(repo2.top, "start")


def test_shallow_clone_says_so(tmp_path: Path) -> None:
    repo = _board_version(tmp_path / "git")
    repo.write({"commitments/new.yaml": "statement: Something new.\n"})
    repo.commit("Later", day="2026-10-15")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.top}", str(clone))
    with pytest.raises(HistoryError, match="shallow clone") as caught:
        _changes(clone, "board-2026-09")
    assert "git fetch --unshallow" in str(caught.value)
    with pytest.raises(HistoryError, match="shallow clone"):
        _changes(clone, "2026-10-01")


@pytest.mark.skipif(os.name == "nt", reason="symbolic links")
def test_old_tree_is_read_safely(tmp_path: Path) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text("statement: Outside the repository.\n", encoding="utf-8")
    repo = GitRepo(tmp_path / "git", FILES)
    (repo.top / "commitments" / "link.yaml").symlink_to(secret)
    repo.write({"site/page.yaml": "x: 1\n", "commitments/notes.txt": "not yaml\n"})
    repo.commit("With a link", day="2026-09-30")
    place = gitrev.locate(repo.top)
    revision = gitrev.resolve(place, "HEAD")
    dest = tmp_path / "old"
    dest.mkdir()
    written = gitrev.export(place, revision, dest)
    assert sorted(written) == sorted(FILES)  # no link, nothing outside the strategy's files
    assert not (dest / "commitments" / "link.yaml").exists()
    assert not any(p.is_symlink() for p in dest.rglob("*"))


def test_no_hooks_or_filters_run(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "git", FILES)
    repo.write({".gitattributes": "*.yaml filter=evil\n"})
    repo.commit("With attributes", day="2026-09-30")
    repo.tag("board")
    marker = tmp_path / "ran"
    git(repo.top, "config", "filter.evil.smudge", f"touch {marker}; cat")
    git(repo.top, "config", "filter.evil.clean", "cat")
    found = _changes(repo.top, "board")
    assert found.empty
    assert not marker.exists()


def test_cli_changes_and_render_since(tmp_path: Path) -> None:
    import sys

    from helpers import command_env

    repo = _board_version(tmp_path / "git")
    repo.write({"commitments/new.yaml": "statement: Something *new*.\ndue: 2027-01-31\n"})
    env = command_env(NO_COLOR="1", DIGISTRAT_TODAY="2026-12-01")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "digistrat", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )

    shown = run("changes", str(repo.top))
    assert shown.returncode == 0, shown.stderr
    assert "What changed since 30 September 2026 (tag board-2026-09)" in shown.stdout
    assert "Something *new*. (new): New commitment, due 31 January 2027, on track." in shown.stdout
    as_json = run("changes", str(repo.top), "--since", "board-2026-09", "--format", "json")
    assert '"since_day": "2026-09-30"' in as_json.stdout
    missing = run("changes", str(repo.top), "--since", "nope")
    assert missing.returncode == 2
    assert missing.stderr.startswith("error: `nope` is not a tag")
    assert "Traceback" not in missing.stderr
    out = tmp_path / "out"
    done = run("render", str(repo.top), "--since", "board-2026-09", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = (out / "changes.html").read_text(encoding="utf-8")
    assert "<h1>What changed since 30 September 2026</h1>" in page
    assert '<a href="commitments/new.html">Something new.</a>' in page
    assert '<a href="changes.html" aria-current="page">What changed</a>' in page
    assert 'href="changes.html"' in (out / "index.html").read_text(encoding="utf-8")
    plain = tmp_path / "plain-out"
    assert run("render", str(repo.top), "--out", str(plain)).returncode == 0
    assert not (plain / "changes.html").exists()
    assert "What changed" not in (plain / "index.html").read_text(encoding="utf-8")
    no_git = tmp_path / "nogit"
    shutil.copytree(repo.top, no_git, ignore=shutil.ignore_patterns(".git"))
    refused = run("render", str(no_git), "--since", "board-2026-09", "--out", str(plain))
    assert refused.returncode == 2
    assert "is not in a git repository" in refused.stderr
