"""`digistrat progress`: a dated progress update on a commitment."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    RepoArg,
    app,
    console,
    fail,
    load_repository,
)

if TYPE_CHECKING:
    pass


@app.command()
def progress(
    commitment: Annotated[str, typer.Argument(help="The commitment's id.")],
    note: Annotated[str, typer.Option("--note", help="What happened, in a sentence or two.")],
    value: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--value", help="The measure's value on that date, if measured."),
    ] = None,
    on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", help="The date of the update, like 2026-06-30 (default: today)."),
    ] = None,
    status: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--status", help="New status: on-track, at-risk, off-track, met or missed."),
    ] = None,
    path: RepoArg = None,
) -> None:
    """Add a dated progress update to a commitment, keeping every comment in the file."""
    import datetime as dt
    import math
    import typing

    from digistrat.clock import today
    from digistrat.edit import EditError, add_progress
    from digistrat.models import Commitment

    statuses = typing.get_args(Commitment.model_fields["status"].annotation)
    if status is not None and status not in statuses:
        fail(f"unknown status `{status}`; choose one of: {', '.join(statuses)}.")
    if value is not None and not math.isfinite(value):
        fail("--value must be a real number.")
    if not note.strip():
        fail("--note is empty: say what happened.")
    try:
        when = dt.date.fromisoformat(on) if on else today()
    except ValueError:
        fail(f"--date {on!r} is not a date like 2026-06-30.")
    repo = load_repository(path)
    rel = repo.declared.get(("commitments", commitment))
    if rel is None:
        import difflib

        close = difflib.get_close_matches(
            commitment, sorted(i for k, i in repo.declared if k == "commitments"), n=1
        )
        fail(
            f"there is no commitment `{commitment}` in {repo.root}."
            + (f" Did you mean `{close[0]}`?" if close else "")
        )
    try:
        add_progress(
            repo.root / rel, rel=rel, note=note.strip(), on=when, value=value, status=status
        )
    except EditError as exc:
        fail(str(exc), EXIT_USAGE if exc.usage else EXIT_FINDINGS)
    except OSError as exc:
        fail(f"could not write {rel}: {exc.strerror or exc}", EXIT_FINDINGS)
    console().print(
        f"Added a progress update dated {when.isoformat()} to {rel}"
        + (f" and set its status to {status}" if status else "")
        + ".",
        markup=False,
    )
