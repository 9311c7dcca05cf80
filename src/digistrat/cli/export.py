"""`digistrat export`: the strategy in other formats, one subcommand each.

Each subcommand is self-contained below (``export xlsx`` …): add others the same way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from digistrat.cli.common import EXIT_FINDINGS, RepoArg, app, console, fail, load_repository

export_app = typer.Typer(
    help="Write the strategy in other formats (a spreadsheet workbook …).",
    no_args_is_help=True,
)
app.add_typer(export_app, name="export")


# ---------------------------------------------------------------- export xlsx


@export_app.command("xlsx")
def export_xlsx(
    path: RepoArg = None,
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="The workbook to write, like strategy.xlsx.", show_default=False
        ),
    ] = Path("strategy.xlsx"),
    force: Annotated[
        bool, typer.Option("--force", help="Replace the file if it exists already.")
    ] = False,
) -> None:
    """Write one workbook for the board: the prioritisation matrix (live formulas: change a
    weight on the Criteria sheet and the totals and ranks follow), the commitments tracker,
    the services register, the risks and the plan by quarter."""
    from digistrat.clock import today
    from digistrat.exchange.xlsx import UNREADABLE, ExportProblem, export

    if out.suffix.lower() != ".xlsx":
        fail(f"{out} does not end in .xlsx; give a file name like strategy.xlsx.")
    repo = load_repository(path)
    try:
        written = export(repo, out, today(), force=force)
    except ExportProblem as exc:
        fail(str(exc), EXIT_FINDINGS)
    if repo.strategy is None:
        console(stderr=True).print(f"warning: {UNREADABLE}", markup=False)
    console().print(
        f"Wrote {written}: open it in Excel or LibreOffice. The repository stays the strategy; "
        "to bring rows back in, use `digistrat import`.",
        markup=False,
    )
