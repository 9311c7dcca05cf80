"""`digistrat score`: rank, test and plan the initiatives."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    RepoArg,
    app,
    console,
    fail,
    load_repository,
    print_finding,
)
from digistrat.voice import count

if TYPE_CHECKING:
    from digistrat.loader import Repository


@app.command()
def score(
    path: RepoArg = None,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--model", "-m", help="weighted, value-effort, rice or wsjf (default: scoring.model)."
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or markdown.")
    ] = "table",
    status: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--status", help="Only these statuses, e.g. --status proposed,approved (repeatable)."
        ),
    ] = None,
    category: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--category", help="Only maintain, improve and/or transform (repeatable)."),
    ] = None,
    band: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--band", help="Robustness: points each weight may move up or down (default 10)."
        ),
    ] = None,
    top: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--top", help="Robustness: how many top initiatives to protect (default 5)."),
    ] = None,
    show_plan: Annotated[
        bool,
        typer.Option("--plan", help="Show the delivery plan (now, next, later) instead."),
    ] = False,
    explain_models: Annotated[
        bool, typer.Option("--explain", help="Explain each model's formula and the options.")
    ] = False,
) -> None:
    """Rank initiatives (weighted matrix, value/effort, RICE, WSJF), test and plan (§10)."""
    from digistrat.scoring import report
    from digistrat.scoring.view import UsageProblem, build, explain
    from digistrat.visible import visible

    if explain_models:
        typer.echo(explain(), nl=False)
        return
    if fmt not in report.FORMATS:
        fail(f"unknown format `{fmt}`; choose one of: {', '.join(report.FORMATS)}.")
    repo = load_repository(path)
    if show_plan:
        _print_plan(repo, fmt)
        return
    try:
        view = build(repo, model, status, category, band, top)
    except UsageProblem as exc:
        fail(f"{exc}.")
    ranking = view.ranking
    if ranking.errors:
        err = console(stderr=True)
        for f in [*ranking.errors, *view.notes]:
            print_finding(err, f)
        fail("the scoring configuration cannot be used; fix the problems above.")
    out = console()
    if fmt == "csv":
        typer.echo(report.csv_text(ranking, view.rows, view.robustness), nl=False)
    elif fmt == "json":
        typer.echo(
            report.json_text(ranking, view.rows, view.mix, view.robustness, view.notes), nl=False
        )
    elif fmt == "markdown":
        typer.echo(report.markdown(ranking, view.rows, view.mix, view.robustness), nl=False)
    elif not view.rows:
        none = "match these filters" if status or category else "in initiatives/ yet"
        out.print(f"No initiatives {none}: nothing to rank.", markup=False)
    else:
        out.print(report.table(ranking, view.rows, view.robustness))
        unranked = report.unranked_sentences(view.rows)
        if unranked:
            out.print("", markup=False)
        for line in unranked:
            out.print(line, markup=False)
        out.print("\nPortfolio mix (initiatives shown):", markup=False)
        for line in report.portfolio_sentences(view.mix):
            out.print(f"  {visible(line)}", markup=False)
        if view.robustness is not None:
            out.print("\nHow robust is the ranking?", markup=False)
            for line in report.robustness_sentences(view.robustness, ranking):
                out.print(f"  {visible(line)}", markup=False)
    problems = view.problems
    if problems and fmt != "json":
        target = console(stderr=True) if fmt in ("csv", "markdown") else out
        n = count(len(problems), "problem", zero=None)
        target.print(f"\n{n} with the scores:", markup=False)
        for f in problems:
            print_finding(target, f)
    errors = any(f.severity == "error" for f in problems)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


def _print_plan(repo: Repository, fmt: str) -> None:
    from digistrat.clock import today
    from digistrat.scoring import plan, plan_report

    result = plan(repo, today())
    # as `score` does: an initiative left out because its file is invalid is an error here too
    result.problems.extend(
        f
        for f in repo.findings
        if f.severity == "error"
        and (f.path == "strategy.yaml" or f.path.startswith("initiatives/"))
    )
    if fmt == "csv":
        typer.echo(plan_report.csv_text(result), nl=False)
    elif fmt == "json":
        typer.echo(plan_report.json_text(result), nl=False)
    elif fmt == "markdown":
        typer.echo(plan_report.markdown(result), nl=False)
    elif not result.items:
        console().print("No initiatives in initiatives/ yet: nothing to plan.", markup=False)
    else:
        out = console()
        for part in plan_report.renderables(result):
            out.print(part)
            out.print()
    if result.problems and fmt in ("table", "csv"):
        err = console(stderr=True) if fmt == "csv" else console()
        for f in result.problems:
            print_finding(err, f)
    errors = any(f.severity == "error" for f in result.problems)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)
