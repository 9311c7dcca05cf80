"""`digistrat export`: the strategy written for other tools, one subcommand each: a
spreadsheet workbook (xlsx), StratML and a versioned JSON export."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    RepoArg,
    app,
    console,
    fail,
    load_repository,
    overwrites_strategy_file,
)
from digistrat.voice import count

if TYPE_CHECKING:
    from digistrat.loader import Repository

export_app = typer.Typer(
    help="Write the strategy for other tools: a spreadsheet workbook (xlsx), StratML "
    "(ISO 17469-1) or a JSON export.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(export_app, name="export")

ExportOut = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--out",
        "-o",
        help="Write to this file (default: the screen). An existing file is replaced only "
        "with --force.",
        show_default=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists.")]

SUFFIXES = {"stratml": ".xml", "json": ".json", "xlsx": ".xlsx"}
"""The file name ending each export must have: a typo cannot overwrite another kind of file
(``--out README.md``, ``--out strategy.yaml``)."""


def check_out(out: Path | None, kind: str, force: bool) -> None:
    """The same rules for every export's --out, checked before anything is read: the right
    ending, an existing folder, and no existing file replaced without --force."""
    if out is None:
        return
    suffix = SUFFIXES[kind]
    if out.is_dir():
        fail(f"{out} is a folder; --out needs a file name, like {out / ('strategy' + suffix)}.")
    if out.suffix.lower() != suffix:
        fail(f"--out {out} does not end in {suffix}; give a file name like strategy{suffix}.")
    if not out.parent.is_dir():
        fail(f"--out {out}: the folder {out.parent} does not exist; create it first.")
    if (out.exists() or out.is_symlink()) and not force:
        fail(
            f"{out} exists already, so nothing was written. Choose another name, or add "
            "--force to replace it.",
            EXIT_FINDINGS,
        )


def check_repository_argument(path: Path | None) -> None:
    """``export xlsx out.xlsx`` (the --out forgotten) names a file where the repository goes."""
    if path is not None and path.suffix.lower() in SUFFIXES.values() and not path.is_dir():
        fail(
            f"{path} looks like a file to write, but the argument there is the strategy "
            f"repository. Write the file with --out: `--out {path}`."
        )


def _export_repository(path: Path | None, out: Path | None) -> Repository:
    """The repository to export, or exit: no strategy to export, or --out would overwrite one
    of its YAML files or is a folder. Entry files left out are listed on stderr."""
    check_repository_argument(path)
    repo = load_repository(path)
    if out is not None and overwrites_strategy_file(repo, out):
        fail(f"{out} is a YAML file in the strategy repository; write the export elsewhere.")
    if repo.strategy is None:
        from digistrat.visible import visible

        first = next((f for f in repo.findings if f.path == "strategy.yaml"), None)
        where = f"{first.path}:{first.line}: " if first and first.line else "strategy.yaml: "
        why = visible(first.message) if first else "it cannot be used"
        fail(
            f"{where}{why}. strategy.yaml cannot be used, so there is nothing to export: run "
            "`digistrat check` and fix the errors it reports in strategy.yaml.",
            EXIT_FINDINGS,
        )
    _left_out(repo)
    return repo


def _left_out(repo: Repository) -> None:
    """Say on stderr which entry files the export leaves out, as ``render`` does."""
    from digistrat.leftout import left_out, summary
    from digistrat.visible import visible

    missing = left_out(repo)
    if missing:
        err = console(stderr=True)
        for line in summary(missing, made="the export"):
            err.print(visible(line), markup=False)


def _write_export(data: bytes, out: Path | None, done: str) -> None:
    """Write ``data`` to ``out`` atomically (or to stdout) and say so."""
    if out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from digistrat.atomic import write_bytes

    try:
        write_bytes(out, data)
    except OSError as exc:
        fail(f"could not write {out}: {exc.strerror or exc}", EXIT_FINDINGS)
    typer.echo(f"Wrote {out}: {done}.")


@export_app.command("stratml")
def export_stratml(
    path: RepoArg = None,
    part: Annotated[
        str,
        typer.Option(
            "--part",
            help="1: a StrategicPlan (Part 1); 2: a PerformancePlanOrReport, which adds each "
            "commitment's measure with its baseline, progress and target (Part 2).",
        ),
    ] = "1",
    out: ExportOut = None,
    force: Force = False,
) -> None:
    """Write the strategy as StratML (ISO 17469-1), valid against the official schemas.

    Exit code 0 when written; 1 when the strategy cannot be read or the file cannot be
    written; 2 for a usage error."""
    if part not in ("1", "2"):
        fail(f"--part takes 1 (a StrategicPlan) or 2 (a PerformancePlanOrReport), not `{part}`.")
    check_out(out, "stratml", force)
    repo = _export_repository(path, out)
    from digistrat.exchange.stratml import goal_count, stratml

    kind = "StrategicPlan" if part == "1" else "PerformancePlanOrReport"
    done = (
        f"StratML Part {part} ({kind}), {count(len(repo.initiatives), 'initiative')} and "
        f"{count(len(repo.commitments), 'commitment')} under {count(goal_count(repo), 'goal')}"
    )
    _write_export(stratml(repo, 1) if part == "1" else stratml(repo, 2), out, done)


@export_app.command("json")
def export_json_command(
    path: RepoArg = None,
    out: ExportOut = None,
    force: Force = False,
    schema: Annotated[
        bool,
        typer.Option("--schema", help="Write the export's JSON Schema instead (no repository)."),
    ] = False,
) -> None:
    """Write the whole strategy as one versioned JSON document (see docs/exchange.md).

    Exit code 0 when written; 1 when the strategy cannot be read or the file cannot be
    written; 2 for a usage error."""
    import json

    check_out(out, "json", force)
    if schema:
        from digistrat.exchange.jsonexport import VERSION, export_schema

        text = json.dumps(export_schema(), indent=2, ensure_ascii=False) + "\n"
        _write_export(text.encode("utf-8"), out, f"the JSON Schema of export version {VERSION}")
        return
    repo = _export_repository(path, out)
    from digistrat.exchange.jsonexport import VERSION, export_json

    done = (
        f"the JSON export (version {VERSION}), {count(len(repo.initiatives), 'initiative')}, "
        f"{count(len(repo.commitments), 'commitment')}, {count(len(repo.services), 'service')} "
        f"and {count(len(repo.users), 'user group')}"
    )
    _write_export(export_json(repo).encode("utf-8"), out, done)


@export_app.command("xlsx")
def export_xlsx(
    path: RepoArg = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--out", "-o", help="The workbook to write, like strategy.xlsx.", show_default=False
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Write one workbook for the board: the prioritisation matrix (live formulas: change a
    weight on the Criteria sheet and the totals and ranks follow), the commitments tracker,
    the services register, the risks and the plan by quarter."""
    from digistrat.clock import today
    from digistrat.exchange.xlsx import UNREADABLE, ExportProblem, export

    check_repository_argument(path)
    if out is None:
        fail("give the workbook's file name with --out, like `--out strategy.xlsx`.")
    check_out(out, "xlsx", force)
    repo = load_repository(path)
    _left_out(repo)
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
