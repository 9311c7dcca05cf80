"""The live preview's state: the site rendered into a private folder, made again after edits.

:class:`Preview` renders the whole site once (:meth:`Preview.start`), then after every batch of
saved files (:meth:`Preview.rebuild`) reads the repository again, runs ``check`` and makes only
the pages the edit affects (see :mod:`.affected`). It never prints and never serves: the HTTP
server (:mod:`.server`) reads the folder and :attr:`Preview.signal` tells it when to reload.

An edit that leaves a changed file unreadable (a YAML slip half-way through typing, say), or
``strategy.yaml`` unusable, changes no page: the last good pages stay, and :attr:`Preview.problem`
says why the preview is behind. The edit is remembered, and made once the file reads again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from digistrat.findings import Finding
from digistrat.leftout import left_out
from digistrat.loader import ReadCache, Repository, RepositoryNotFound, load
from digistrat.render import OutputError, RenderError, checked, render
from digistrat.render.context import Site
from digistrat.render.env import USER_TEMPLATES, has_user_templates
from digistrat.render.pages import Page
from digistrat.serve import affected
from digistrat.voice import count

SERVED = ("site", "board", "poster", "document")
"""What the preview shows: everything ``render`` makes by default."""
LATER = frozenset(("board.html", "poster.html", "strategy.md"))
"""Made after the open page can reload: each summarises the whole strategy (the board report
runs every check), and together they take longer than all the other pages an edit affects."""


class Signal:
    """A number that goes up each time the pages change; pages wait for it to move."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 0

    def bump(self) -> int:
        with self._changed:
            self.generation += 1
            self._changed.notify_all()
            return self.generation

    def wait(self, seen: int, timeout: float) -> int:
        """The generation once it is not ``seen`` any more, or after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != seen, timeout)
            return self.generation


@dataclass(slots=True)
class Outcome:
    """What one rebuild did."""

    pages: int = 0
    """Files made again (0 when nothing was, as when the edit could not be read)."""
    full: bool = False
    """Whether the whole site was made again, and why not only affected pages (``reason``)."""
    reason: str = ""
    kept: bool = False
    """Whether the last good pages were kept because the edit could not be used."""
    reloadable: float = 0.0
    """Seconds from the start of the rebuild until the open page could reload."""
    finished: float = 0.0
    """Seconds until the board report, poster and document were made again too."""


@dataclass(slots=True)
class Preview:
    """The repository at ``root``, rendered into ``out`` (a folder of the preview's own)."""

    root: Path
    out: Path
    today: date
    outputs: tuple[str, ...] = SERVED
    signal: Signal = field(default_factory=Signal)
    findings: list[Finding] = field(default_factory=list)
    """What ``check`` found in the repository as it is now (readable or not)."""
    problem: str | None = None
    """Why the pages show an earlier version of the repository, if they do."""
    repo: Repository | None = None
    site: Site | None = None
    """The repository and site the pages were last made from."""
    pending: set[str] = field(default_factory=set)
    """Changed files (repository-relative) not yet shown in the pages."""
    cache: ReadCache = field(default_factory=ReadCache)
    """The entry files as last read: after a save only changed files are read again."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Held while the state above changes (the server reads it from other threads)."""

    def start(self) -> Outcome:
        """Render everything. Raises :class:`RenderError`, :class:`OutputError` or
        :class:`RepositoryNotFound` if the repository cannot be published at all."""
        repo = load(self.root, cache=self.cache)
        assured = checked(repo, self.today)
        kept: list[Site] = []

        def every(site: Site, todo: list[Page]) -> list[Page]:
            kept.append(site)
            return todo

        done = render(repo, self.out, self.today, self.outputs, assured=assured, some=every)
        with self.lock:
            self.repo, self.site = repo, kept[0]
            self.findings = list(assured.findings)
        self.signal.bump()
        return Outcome(len(done.files), full=True, reason="the first render")

    def rebuild(self, changed: Iterable[str]) -> Outcome:
        """Show the edits to ``changed`` (repository-relative paths, ``/`` between folders).

        In two steps: the site's pages the edit affects, then (once the open page can already
        reload) ``check`` and the long outputs that summarise everything: the board report,
        the poster and the document."""
        began = time.perf_counter()
        edits = {rel for rel in changed if affected.relevant(rel)}
        if not edits:
            return Outcome()
        self.pending |= edits
        try:
            repo = load(self.root, cache=self.cache)
        except RepositoryNotFound as exc:
            return self._behind(f"the repository cannot be read: {exc}", [])
        if repo.strategy is None:
            return self._behind(
                "strategy.yaml is missing or cannot be read, so nothing can be shown from it",
                repo.findings,
            )
        broken = [item for item in left_out(repo) if item.path in self.pending]
        if broken:
            where = "; ".join(f"{item.path}:{item.line or 1} {item.reason}" for item in broken)
            return self._behind(
                f"{count(len(broken), 'file', zero=None)} you changed cannot be read ({where})",
                repo.findings,
            )
        before, site_before = self.repo, self.site
        why = affected.needs_full(self.pending)
        if why is None and has_user_templates(self.root / USER_TEMPLATES):
            why = f"the repository has its own templates in {USER_TEMPLATES}/"
        if why is None and (before is None or site_before is None):
            why = "no earlier render to build on"
        pending = set(self.pending)
        made: list[Site] = []

        def first(site: Site, todo: list[Page]) -> list[Page]:
            made.append(site)
            if why is None and before is not None and site_before is not None:
                keys = affected.changed_entities(pending, _held(before), _held(repo))
                if all(kind != "initiatives" for kind, _ in keys):
                    # the ranking and roadmap are worked out from the initiatives and
                    # strategy.yaml alone: with neither changed, they are as they were
                    site.ranked = site_before.priorities
                todo = affected.plan(site_before, site, keys, todo)
            return [page for page in todo if page.path not in LATER]

        try:
            done = render(repo, self.out, self.today, self.outputs, processes=1, some=first)
        except (RenderError, OutputError) as exc:
            return self._behind(str(exc), repo.findings)
        with self.lock:
            self.repo, self.site = repo, made[0]
            self.problem = None
            self.pending = set()
        self.signal.bump()
        outcome = Outcome(len(done.files), why is not None, why or "")
        outcome.reloadable = time.perf_counter() - began
        outcome.pages += self._summaries(repo)
        outcome.finished = time.perf_counter() - began
        return outcome

    def _summaries(self, repo: Repository) -> int:
        """``check``, then the outputs that summarise the whole strategy; the open page
        reloads again if what ``check`` found changed. How many files were made."""
        try:
            assured = checked(repo, self.today)
            done = render(
                repo,
                self.out,
                self.today,
                self.outputs,
                processes=1,
                assured=assured,
                some=lambda _, todo: [page for page in todo if page.path in LATER],
            )
        except (RenderError, OutputError) as exc:
            self._behind(str(exc), [])
            return 0
        if assured.findings != self.findings:
            with self.lock:
                self.findings = list(assured.findings)
            self.signal.bump()
        return len(done.files)

    def _behind(self, problem: str, found: Iterable[Finding]) -> Outcome:
        with self.lock:
            self.problem = problem
            found = list(found)
            if found:
                self.findings = found
        self.signal.bump()  # the open page reloads to show why it is behind
        return Outcome(kept=True, reason=problem)


def _held(repo: Repository) -> dict[str, affected.Key]:
    """File → the entity it holds (only entities, not strategy.yaml)."""
    return {rel: key for key, rel in repo.paths.items() if key[0] != "strategy"}
