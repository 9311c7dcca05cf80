"""`digistrat check`: check the strategy against the format and the guide's rules."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    RepoArg,
    app,
    emit,
    fail,
    load_repository,
    overwrites_strategy_file,
    rules_ready,
)

if TYPE_CHECKING:
    pass


@app.command()
def check(
    path: RepoArg = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="human, concise, json, sarif, github, gitlab or junit.",
        ),
    ] = "human",
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on", help="Exit 1 if any finding is at least this severe: error, warning, info."
        ),
    ] = "error",
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--select", help="Only these rules (code or name); repeat or comma-separate."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--ignore", help="Also switch off these rules (code or name)."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the report to this file instead of the screen."),
    ] = None,
    relative_to: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--relative-to",
            help="Show paths relative to this folder (default: the top of the git repository "
            "holding the strategy, or the strategy's folder outside git).",
        ),
    ] = None,
) -> None:
    """Check the strategy against the format and the guide's rules.

    On a system repository (one with a system.yaml), every member is checked too, with the
    system rules over them all.

    Exit code 0: nothing at or above --fail-on; 1: findings; 2: usage or configuration error.
    """
    from digistrat.report import FORMATS

    if output_format not in FORMATS:
        fail(f"unknown format `{output_format}`; choose one of: {', '.join(FORMATS)}.")
    if fail_on not in ("error", "warning", "info"):
        fail(f"--fail-on must be error, warning or info, not `{fail_on}`.")
    if relative_to is not None and not relative_to.is_dir():
        fail(f"--relative-to: {relative_to} is not a folder.")
    repo = load_repository(path, meanwhile=rules_ready)
    if output is not None and overwrites_strategy_file(repo, output):
        fail(f"{output} is a YAML file in the strategy repository; write the report elsewhere.")

    from digistrat.checker import run
    from digistrat.clock import today
    from digistrat.config import ConfigError, load_config
    from digistrat.report import render
    from digistrat.report.paths import rebase

    def split(values: list[str] | None) -> list[str]:
        return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]

    try:
        config = load_config(repo, select=split(select) or None, ignore=split(ignore) or None)
    except ConfigError as exc:
        fail(f"configuration: {exc}")
    from digistrat.system.members import is_system

    if is_system(repo.root):  # a system repository: every member and the system rules too
        from digistrat.system.check import check_system

        chosen, dropped = split(select) or None, split(ignore) or None
        result = check_system(repo, today(), config, select=chosen, ignore=dropped).result
    else:
        result = run(repo, today(), config)
    color = (
        output is None
        and output_format == "human"
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    width = 100
    if color:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    shown = rebase(result, relative_to)
    text = render(output_format, shown, color=color, width=width, fail_on=fail_on)
    if output is not None:
        from digistrat.atomic import write_text

        try:
            write_text(output, text)
        except OSError as exc:
            fail(f"could not write {output}: {exc.strerror or exc}")
    else:
        emit(text, utf8=output_format in ("json", "sarif", "gitlab", "junit"))
    raise typer.Exit(EXIT_FINDINGS if result.failed(fail_on) else EXIT_OK)
