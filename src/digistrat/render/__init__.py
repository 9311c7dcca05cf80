"""``digistrat render``: publish the strategy as a document, a site, a poster and a board report.

The steps, each its own module: :mod:`.priorities` (ranking and roadmap from the scoring
package), :mod:`.context` (the repository arranged, cross-references indexed once),
:mod:`.board` (the ten questions and their status), :mod:`.charts` (inline SVG),
:mod:`.pages` (which file gets which template), :mod:`.env` (jinja2, escaping, user templates),
:mod:`.pdf` (the board paper as PDF, an optional extra) and :mod:`.output` (safe, minimal
writes).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError

from digistrat.findings import Finding
from digistrat.history import Changes
from digistrat.loader import Repository
from digistrat.render import budget, context, env, pages, parallel, pdf, priorities
from digistrat.render.assurance import Withheld
from digistrat.render.output import OutputError, Writer, WriteResult, check_folder
from digistrat.resources import templates_dir

OUTPUTS = pages.OUTPUTS
ALL_OUTPUTS = pages.ALL_OUTPUTS

__all__ = ["ALL_OUTPUTS", "OUTPUTS", "OutputError", "RenderError", "Rendered", "produce", "render"]


class RenderError(Exception):
    """The repository cannot be published as it stands; the message says why."""


@dataclass(slots=True)
class Rendered:
    """The outcome of a render: the files produced and what was written."""

    files: dict[str, str]
    """Every file produced (path inside the out folder) with the SHA-256 of its content."""
    result: WriteResult


def assurance_inputs(
    repo: Repository, today: date
) -> tuple[list[Finding], Mapping[str, Iterable[int]]]:
    """``check`` findings and, per rule code, the board questions that rule informs."""
    found = checked(repo, today)
    return found.findings, found.questions_of


def checked(repo: Repository, today: date) -> pages.Checked:
    """What the board paper needs from ``check``: its findings, the question each rule
    informs, each rule's summary, and what was switched off or suppressed."""
    try:
        from digistrat.checker import run
        from digistrat.rules import all_rules
    except ImportError:
        return pages.Checked(list(repo.findings), {})
    from digistrat.config import ConfigError

    try:
        result = run(repo, today)
    except ConfigError as exc:
        raise RenderError(f"the board report needs `check` to run: {exc}") from None
    rules = all_rules()
    return pages.Checked(
        list(result.findings),
        {r.code: tuple(r.questions) for r in rules if r.origin != "system"},
        {r.code: r.summary for r in rules},
        Withheld(list(result.switched_off), list(result.withheld)),
    )


@dataclass(slots=True)
class _Prepared:
    """A repository arranged for rendering: the files to make, and how to make each."""

    site: context.Site
    renderer: pages.Renderer
    todo: list[pages.Page]


def _prepare(
    repo: Repository,
    today: date,
    chosen: list[str],
    findings: list[Finding] | None,
    questions_of: Mapping[str, Iterable[int]] | None,
    changes: Changes | None = None,
    assured: pages.Checked | None = None,
    system: Any = None,
) -> _Prepared:
    if repo.strategy is None:
        raise RenderError(
            "strategy.yaml is missing or has errors, so there is nothing to publish yet. "
            "Run `digistrat check` and fix the errors it reports in strategy.yaml."
        )
    if "pdf" in chosen:
        unavailable = pdf.missing()
        if unavailable is not None:
            raise RenderError(unavailable)
    known: list[pages.Checked] = [] if assured is None else [assured]

    def assurance() -> pages.Checked:
        """``check`` runs once, and only if the board report is rendered."""
        if not known:
            found = pages.Checked([], {})
            if {"board", "pdf"} & set(chosen) and (findings is None or questions_of is None):
                found = checked(repo, today)
            if findings is not None:
                found.findings = findings
            if questions_of is not None:
                found.questions_of = questions_of
            known.append(found)
        return known[0]

    site = context.build(repo, lambda: priorities.build(repo, today), today, findings, set(chosen))
    site.changes = changes
    site.system = system
    user_dir = repo.root / env.USER_TEMPLATES
    if env.has_user_templates(user_dir):  # their pages may show findings: find them first
        site.findings = list(assurance().findings)
    renderer = pages.Renderer(
        site, env.html_environment(user_dir), env.markdown_environment(user_dir)
    )
    return _Prepared(site, renderer, pages.pages(site, chosen, assurance))


@contextmanager
def _template_errors(user_dir: Path) -> Iterator[None]:
    """jinja2's errors told as :class:`RenderError`, with the template file and line."""
    try:
        yield
    except TemplateSyntaxError as exc:
        name = exc.name or "?"
        if exc.filename:
            name = budget.shown(exc.filename, user_dir.parent, templates_dir())
        raise RenderError(
            f"the template {name}:{exc.lineno} cannot be read: {exc.message}"
        ) from None
    except TemplateError as exc:
        where = budget.location(exc, user_dir.parent, templates_dir())
        if isinstance(exc, budget.BudgetExceeded) and exc.template:
            where = budget.shown(exc.template, user_dir.parent, templates_dir())
        problem = exc.message or type(exc).__name__
        if isinstance(exc, budget.BudgetExceeded):
            raise RenderError(
                f"{where or 'a template'}: {problem}, so rendering stopped. Make the template "
                "do less (a loop inside a loop over many entries, say), or remove it from "
                f"{user_dir} to use digistrat's own."
            ) from None
        raise RenderError(
            f"{where or 'a template'}: a template failed: {problem}. If you have your own "
            f"templates in {user_dir}, check them against digistrat's own."
        ) from None


def produce(
    repo: Repository,
    today: date,
    only: Iterable[str] = OUTPUTS,
    findings: list[Finding] | None = None,
    questions_of: Mapping[str, Iterable[int]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    changes: Changes | None = None,
) -> dict[str, bytes]:
    """Every chosen output as ``{path inside the out folder: bytes}``; writes nothing.

    ``changes`` (see :func:`digistrat.since.changes_since`) adds the "What changed" page."""
    chosen = [o for o in ALL_OUTPUTS if o in set(only)]
    with _template_errors(repo.root / env.USER_TEMPLATES):
        ready = _prepare(repo, today, chosen, findings, questions_of, changes)
        files: dict[str, bytes] = {}
        for n, page in enumerate(ready.todo, 1):
            files[page.path] = ready.renderer.render(page)
            if progress is not None:
                progress(n, len(ready.todo))
    return files


ENTITY_TEMPLATES = frozenset(
    ("site/service.html", "site/user.html", "site/initiative.html", "site/commitment.html")
)
"""One page per entity. When the site is large they are shared between two processes: a
forked one takes them from the front of the list (services, users, commitments, then
initiatives), this one first takes the other pages one by one from the back (the board report
with its checks, the document, the summary pages), then entity pages from the back too. The
priorities are worked out here first and passed on (see :class:`.parallel.Handoff`)."""


LONGEST = ("board.pdf", "board.html", "strategy.md")
"""The pages that take longest (the board report runs every check; its PDF is laid out too)."""


def render(
    repo: Repository,
    out: Path,
    today: date,
    only: Iterable[str] = OUTPUTS,
    force: bool = False,
    findings: list[Finding] | None = None,
    questions_of: Mapping[str, Iterable[int]] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    processes: int | None = None,
    changes: Changes | None = None,
    assured: pages.Checked | None = None,
    system: Any = None,
) -> Rendered:
    """Render and write into ``out``. Raises :class:`OutputError` or :class:`RenderError`.

    ``processes``: None (the default) uses a second core for large sites where the system
    allows; 1 renders in this process only; 2 always splits where ``fork`` exists (see
    :mod:`.parallel`). ``changes`` (see :func:`digistrat.since.changes_since`) adds the
    "What changed" page to the site. ``assured``: what ``check`` found, when the caller has
    already run it (see :func:`checked`), so that it does not run twice. ``system``: the
    system view (:func:`digistrat.system.view.build`) of a system repository, whose pages the
    site then includes under ``system/``."""
    previous = check_folder(out, repo.root, force)
    chosen = [o for o in ALL_OUTPUTS if o in set(only)]
    user_dir = repo.root / env.USER_TEMPLATES
    with _template_errors(user_dir):
        ready = _prepare(repo, today, chosen, findings, questions_of, changes, assured, system)
    writer = Writer(out, previous, force)
    writer.start(page.path for page in ready.todo)

    def make(page: pages.Page) -> None:
        with _template_errors(user_dir):
            data = ready.renderer.render(page)
        writer.put(page.path, data)

    total = len(ready.todo)

    def report(done: int) -> None:
        if progress is not None:
            progress("Rendering", done, total)

    try:
        with _collector_paused():
            if parallel.wanted(processes, total):
                _in_two(ready, make, writer, report)
            else:
                for n, page in enumerate(ready.todo, 1):
                    make(page)
                    report(n)
    except BaseException as exc:
        done = getattr(exc, "records", None)
        if done is not None:
            writer.absorb(done)
        with suppress(OSError):  # the error being raised is the one to tell
            writer.save_progress()
        raise
    if progress is not None:
        progress("Rendering", total, total)
    result = writer.finish(keep=lambda rel: pages.output_of(rel) not in chosen)
    return Rendered(dict(writer.records.digests), result)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while pages are made: a page leaves no reference cycles
    behind (10,000 pages, then a collection: 30 objects), yet the collector kept walking what
    the pages allocate (0.09 s at 10k)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _in_two(
    ready: _Prepared,
    make: Callable[[pages.Page], None],
    writer: Writer,
    report: Callable[[int], None],
) -> None:
    """Every page made by this process or a forked one (see :data:`ENTITY_TEMPLATES` for who
    takes what); ``report`` is told how many pages both have taken, as this one goes."""
    entity = [p for p in ready.todo if p.template in ENTITY_TEMPLATES]
    heavy = [p for p in ready.todo if p.template not in ENTITY_TEMPLATES]
    heavy.sort(key=lambda p: p.path not in LONGEST)  # longest first (a stable sort)
    handoff = None
    if ready.site.ranked is None:  # for initiative pages in either process
        with suppress(OSError):  # no temporary file: each works them out if need be
            handoff = parallel.Handoff(ready.site.rank)
            ready.site.rank = handoff.value
    pool = entity + heavy[::-1]
    records = parallel.run_split(
        pool, len(heavy), make, make, lambda: writer.records, handoff, report
    )
    if records is not None:
        writer.absorb(records)
