"""`digistrat changes`: what changed since the last board, from git history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    RepoArg,
    app,
    changes_or_fail,
    emit,
    fail,
    load_repository,
    rules_ready,
)

if TYPE_CHECKING:
    pass


@app.command()
def changes(
    path: RepoArg = None,
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--since",
            help="A git tag, commit or date (like 2026-09-30) to compare with "
            "(default: the newest tag).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show what changed since the last board: commitments, progress, initiatives, risks, and
    each board question's status then and now, read from the strategy's git history."""
    if fmt not in ("text", "json"):
        fail(f"unknown format `{fmt}`; choose text or json.")
    repo = load_repository(path, meanwhile=rules_ready)
    found = changes_or_fail(repo, since)
    from digistrat import history

    if fmt == "json":
        emit(history.as_json(found), utf8=True)
    else:
        emit(history.as_text(found))
