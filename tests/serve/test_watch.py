"""From the watcher's events to rebuilds (events fed in: no waiting on the file system)."""

from __future__ import annotations

from pathlib import Path

from watchfiles import Change

from digistrat.serve.preview import Outcome, Preview
from digistrat.serve.watch import follow, relative


def test_events_become_the_relevant_repository_paths(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    events = {
        (Change.modified, str(root / "services" / "a.yaml")),
        (Change.deleted, str(root / "users" / "deep" / "b.yaml")),
        (Change.added, str(root / "strategy.yaml")),
        (Change.modified, str(root / "site" / "index.html")),
        (Change.modified, str(root / ".git" / "index")),
        (Change.modified, str(tmp_path / "elsewhere" / "c.yaml")),
    }
    assert relative(root, events) == {"services/a.yaml", "users/deep/b.yaml", "strategy.yaml"}


def test_each_batch_is_rebuilt_and_told(preview: Preview, repo: Path) -> None:
    path = repo / "services/community-nursing.yaml"
    path.write_text(path.read_text().replace("name: Community nursing", "name: Watched"))
    told: list[tuple[set[str], Outcome]] = []
    batches = [{"services/community-nursing.yaml"}, {"README.md"}]
    follow(preview, batches, lambda batch, outcome: told.append((batch, outcome)))
    assert [batch for batch, _ in told] == batches
    assert told[0][1].pages > 0 and told[1][1].pages == 0
    assert "Watched" in (preview.out / "services/community-nursing.html").read_text()


def test_the_watcher_stops_when_asked(repo: Path) -> None:
    import threading

    from digistrat.serve.watch import watch

    stop = threading.Event()
    stop.set()
    assert list(watch(repo, stop)) == []
