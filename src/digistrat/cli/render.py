"""`digistrat render`: publish the site, document, poster and board paper."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    RENDER_EXTRAS,
    RENDER_OUTPUTS,
    RepoArg,
    app,
    changes_or_fail,
    console,
    fail,
    load_repository,
    rules_ready,
)
from digistrat.voice import count

if TYPE_CHECKING:
    from collections.abc import Callable

    from digistrat.findings import Finding
    from digistrat.loader import Repository


@app.command()
def render(
    path: RepoArg = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--out",
            "-o",
            help="The folder to publish into, created if needed (default: `site` in the "
            "strategy repository).",
            show_default=False,
        ),
    ] = None,
    only: Annotated[
        str,
        typer.Option(
            "--only",
            help="Which outputs, separated by commas: site, document, poster, board, pdf "
            "(default: all but pdf; pdf is the board paper as board.pdf, which needs "
            "`pip install 'digistrat[pdf]'`).",
        ),
    ] = "site,document,poster,board",
    as_pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Also make the board paper as an A4 PDF, board.pdf (the same as adding pdf to "
            "--only; needs `pip install 'digistrat[pdf]'`).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a folder digistrat did not make, replacing files with the same "
            "names (nothing else is deleted).",
        ),
    ] = False,
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--since",
            help='Add a "What changed" page: compare with this git tag, commit or date '
            "(like 2026-09-30). Without it, no such page is made.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 if any entry file had to be left out, or if `digistrat check` finds "
            "any error (for publishing from CI). The files are still written.",
        ),
    ] = False,
) -> None:
    """Publish the strategy: a static website, a markdown document, a poster, a board report.

    Entry files that cannot be used (unreadable YAML, not matching the format, a repeated id)
    are left out; they are listed on the screen (stderr). Exit code 0 when the outputs were
    written (1 with --strict if anything was left out or `check` finds errors); 1 when they
    could not be; 2 for a usage error.
    """
    from digistrat.clock import today

    chosen = [o.strip() for o in only.split(",") if o.strip()]
    known = RENDER_OUTPUTS + RENDER_EXTRAS
    unknown = [o for o in chosen if o not in known]
    if unknown or not chosen:
        fail(f"--only takes {', '.join(known)} (separated by commas), not `{only}`.")
    if as_pdf and "pdf" not in chosen:
        chosen.append("pdf")
    if "pdf" in chosen:
        from digistrat.render.pdf import missing

        cannot = missing()
        if cannot is not None:
            fail(f"{cannot}.")

    def ready() -> None:
        importlib.import_module("digistrat.render")
        if "board" in chosen or "pdf" in chosen:  # the board report runs every check
            rules_ready()

    repo = load_repository(path, meanwhile=ready)
    from digistrat.render import OutputError, Rendered, RenderError
    from digistrat.render import render as do_render

    findings, questions_of = None, None
    if since is not None and "board" in chosen:  # check runs once, for both
        from digistrat.render import assurance_inputs

        try:
            findings, questions_of = assurance_inputs(repo, today())
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
    checked = (findings, questions_of) if findings is not None and questions_of else None
    assured = None
    if strict and findings is None:  # check runs once, for the board paper and --strict
        from digistrat.render import checked as run_check

        rules_ready()
        try:
            assured = run_check(repo, today())
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
    changes = changes_or_fail(repo, since, checked) if since is not None else None
    system = _system_view(repo) if "site" in chosen else None
    if out is None:
        out = repo.root / "site"
    interactive = sys.stderr.isatty() and not os.environ.get("CI")

    def run(progress: Callable[[str, int, int], None] | None = None) -> Rendered:
        assert out is not None
        return do_render(
            repo,
            out,
            today(),
            chosen,
            force=force,
            findings=findings,
            questions_of=questions_of,
            progress=progress,
            changes=changes,
            assured=assured,
            system=system,
        )

    try:
        if interactive:
            from rich.progress import Progress

            with Progress(console=console(stderr=True), transient=True) as bar:
                tasks: dict[str, object] = {}
                reached: dict[str, int] = {}

                def progress(step: str, n: int, total: int) -> None:
                    if step in tasks and n - reached[step] < 100 and n != total:
                        return  # counts may jump (two processes): every 100 pages or so
                    if step not in tasks:
                        tasks[step] = bar.add_task(step, total=total)
                    reached[step] = n
                    bar.update(tasks[step], completed=n)  # type: ignore[arg-type]

                done = run(progress)
        else:
            done = run()
    except (OutputError, RenderError) as exc:
        fail(str(exc), EXIT_FINDINGS)
    except OSError as exc:
        fail(f"could not write to {out}: {exc.strerror or exc}", EXIT_FINDINGS)
    result = done.result  # plain lines: no need to load rich just for them
    for rel in result.kept:
        typer.echo(f"  kept     {rel}  (no longer produced, but edited by someone)")
    typer.echo(
        f"Rendered {', '.join(chosen)} into {out}: "
        f"{count(len(result.written), 'file', zero=None)} written, "
        f"{len(result.unchanged)} unchanged, {len(result.removed)} removed."
    )
    if "site" in chosen:
        typer.echo(f"Open {out / 'index.html'} in a browser.")
    _left_out_and_strict(repo, assured.findings if assured else findings, strict)


def _system_view(repo: Repository) -> object | None:
    """The system view of a system repository (every member checked), or None for an
    ordinary repository."""
    from digistrat.system.members import is_system

    if not is_system(repo.root):
        return None
    from digistrat.clock import today
    from digistrat.config import ConfigError
    from digistrat.system.check import check_system
    from digistrat.system.view import build

    rules_ready()
    try:
        checked = check_system(repo, today())
    except ConfigError as exc:
        fail(f"configuration: {exc}")
    return build(checked, today())


def _left_out_and_strict(repo: Repository, findings: list[Finding] | None, strict: bool) -> None:
    """Say on stderr which entry files the published strategy left out; with ``strict``,
    exit 1 if any were, or if ``check`` found any error (``findings``)."""
    from digistrat.leftout import left_out, summary

    missing = left_out(repo)
    for line in summary(missing):
        typer.echo(line, err=True)
    if not strict:
        return
    errors = sum(1 for f in findings or [] if f.severity == "error")
    if errors or missing:
        why = [count(len(missing), "file", zero=None) + " left out"] if missing else []
        if errors:
            why.append(f"`digistrat check` finds {count(errors, 'error', zero=None)}")
        fail(
            f"the outputs were written, but --strict fails the run: {' and '.join(why)}. "
            "Fix them and render again.",
            EXIT_FINDINGS,
        )
