"""`digistrat schema`: the JSON Schema of each file kind, or the field reference."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    app,
    fail,
)

if TYPE_CHECKING:
    pass


@app.command()
def schema(
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="strategy, services, users, initiatives, commitments or frameworks (default: all)."
        ),
    ] = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", help="Write one <kind>.schema.json per kind into this folder."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="json (JSON Schema) or markdown (a field-by-field reference)."
        ),
    ] = "json",
) -> None:
    """Print the JSON Schema of the file kinds, for editors and validators."""
    from digistrat import atomic
    from digistrat import schema as s

    if fmt not in ("json", "markdown"):
        fail(f"unknown format `{fmt}`; choose json or markdown.")
    if fmt == "markdown":
        from digistrat.formatdoc import markdown

        typer.echo(markdown(), nl=False)
        return
    if kind is not None and kind not in s.FILE_KINDS:
        fail(f"unknown kind `{kind}`; choose one of: {', '.join(s.FILE_KINDS)}.")
    kinds = [kind] if kind else list(s.FILE_KINDS)
    if out is not None:
        if out.exists() and not out.is_dir():
            fail(f"{out} is a file; --out needs a folder.")
        try:
            out.mkdir(parents=True, exist_ok=True)
            for k in kinds:
                atomic.write_text(out / f"{k}.schema.json", s.dumps(s.schema_for(k)), inside=out)
                typer.echo(f"wrote {out / f'{k}.schema.json'}")
        except OSError as exc:
            fail(f"could not write to {out}: {exc.strerror or exc}", EXIT_FINDINGS)
        return
    if kind:
        typer.echo(s.dumps(s.schema_for(kind)), nl=False)
    else:
        import json

        typer.echo(json.dumps(s.all_schemas(), indent=2, ensure_ascii=False))
