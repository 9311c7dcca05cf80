"""`digistrat import`: bring an existing matrix or register (xlsx or csv) in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_USAGE,
    RepoArg,
    app,
    console,
    fail,
    load_repository,
)


@app.command("import")
def import_command(
    file: Annotated[
        Path,
        typer.Argument(help="The .xlsx workbook or .csv file to import.", show_default=False),
    ],
    path: RepoArg = None,
    sheet: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--sheet", help="Import only this sheet of a workbook.", show_default=False),
    ] = None,
    mapping: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--map",
            help="A mapping file (YAML): columns (header: field), and optionally kind, sheet, "
            "header_row and criteria.",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--kind",
            help="initiative, service or commitment (default: from the sheet's name and headers).",
            show_default=False,
        ),
    ] = None,
    column: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--column",
            metavar="HEADER=FIELD",
            help='Map one header to a field, like --column "Case study=name" (repeatable; '
            '"=ignore" leaves a column out).',
            show_default=False,
        ),
    ] = None,
    criteria: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--criteria",
            metavar="replace",
            help="replace: use the file's scoring criteria instead of strategy.yaml's (for "
            "example, the ones `digistrat init` wrote).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would be written; write nothing.")
    ] = False,
) -> None:
    """Create initiatives (with scores, and the scoring criteria if strategy.yaml has none),
    services or commitments from a spreadsheet, written as `digistrat new` writes them.
    Never overwrites an existing entry. Exits 1 if any row was refused."""
    from digistrat.exchange.importer import (
        ImportProblem,
        NoSuchFile,
        Options,
        apply,
        kind_of,
        plan,
        read_mapping,
        refusal_counts,
    )
    from digistrat.visible import visible
    from digistrat.voice import count

    repo = load_repository(path)
    try:
        options = read_mapping(mapping) if mapping else Options()
        if kind:
            options.kind = kind_of(kind)
        if sheet:
            options.sheet = sheet
        if criteria is not None:
            if criteria.strip().casefold() not in ("replace", "keep"):
                fail(
                    f"--criteria `{criteria}` is not a choice; use --criteria replace to use "
                    "the file's criteria instead of strategy.yaml's."
                )
            options.replace_criteria = criteria.strip().casefold() == "replace"
        for item in column or []:
            header, sep, field = item.rpartition("=")
            if not sep or not header.strip() or not field.strip():
                fail(f'--column "{item}" should be like --column "Case study=name".')
            options.columns[header.strip()] = field.strip()
        planned = plan(repo, file, options)
    except NoSuchFile as exc:
        fail(str(exc), EXIT_USAGE)
    except ImportProblem as exc:
        fail(str(exc), EXIT_FINDINGS)
    outcome = apply(repo, planned, dry_run=dry_run)
    out = console()
    verb = "Would add" if dry_run else "Added"
    if outcome.criteria_added:
        verb = (
            ("Would replace" if dry_run else "Replaced") + " strategy.yaml's scoring criteria with"
            if planned.replace_criteria
            else f"{verb} {len(outcome.criteria_added)} scoring criteria to strategy.yaml:"
        )
        out.print(
            f"{verb} "
            + ", ".join(
                f"{c.label} (weight {c.weight:g}, {c.min:g} to {c.max:g})"
                for c in outcome.criteria_added
            ),
            markup=False,
        )
    verb = "Would create" if dry_run else "Created"
    for entry in outcome.created:
        out.print(visible(f"{verb} {entry.rel}  ({entry.title}, from {entry.where})"), markup=False)
    if dry_run and outcome.created:
        first = outcome.created[0]
        out.print(f"\nThe first, {first.rel}, would read:\n", markup=False)
        out.print(visible(first.text.rstrip("\n")), markup=False, highlight=False)
        out.print("", markup=False)
    notes = [n for n in outcome.notes if not n.refused]
    refused = outcome.refused
    err = console(stderr=True)
    for n in notes:
        err.print(visible(f"{n.where}: note: {n.message}"), markup=False)
        if n.hint:
            err.print(visible(f"    hint: {n.hint}"), markup=False)
    for n in refused:
        if n.also:
            err.print(
                visible(f"{n.where}: refused: row {n.row} was not imported, because:"),
                markup=False,
            )
            for reason in (n, *n.also):
                err.print(visible(f"    {reason.where}: {reason.message}"), markup=False)
                if reason.hint:
                    err.print(visible(f"        hint: {reason.hint}"), markup=False)
            continue
        err.print(visible(f"{n.where}: refused: {n.message}"), markup=False)
        if n.hint:
            err.print(visible(f"    hint: {n.hint}"), markup=False)
    created = len(outcome.created)
    made = count(created, "entry", "entries", zero=None)
    summary = f"{'Would create' if dry_run else 'Created'} {made}"
    if refused:
        rows, others = refusal_counts(refused)
        parts = [count(rows, "row")] if rows else []
        if others:
            parts.append(count(others, "column"))
        summary += f"; refused: {' and '.join(parts)}, listed above"
    summary += "."
    if not dry_run and created:
        summary += " Run `digistrat check` to see what they still need."
    out.print(summary, markup=False)
    raise typer.Exit(EXIT_FINDINGS if refused else EXIT_OK)
