"""`digistrat rules` and `digistrat explain`: the rule catalogue."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from digistrat.cli.common import (
    app,
    emit,
    fail,
)

if TYPE_CHECKING:
    pass


@app.command("rules")
def rules_command(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = "table",
) -> None:
    """List every rule: code, name, default severity and what it checks."""
    from digistrat.report import catalogue
    from digistrat.rules import all_rules

    rules = all_rules()
    if output_format == "table":
        text = catalogue.as_table(rules)
    elif output_format == "json":
        text = catalogue.as_json(rules)
    elif output_format == "markdown":
        text = catalogue.as_markdown(rules)
    else:
        fail(f"unknown format `{output_format}`; choose table, json or markdown.")
    emit(text)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code (like C001) or name.")],
) -> None:
    """Show one rule's documentation: why it matters, examples, options."""
    from digistrat.report import catalogue
    from digistrat.rules import find, suggest

    found = find(rule)
    if found is None:
        close = suggest(rule)
        hint = f" Did you mean `{close}`?" if close else ""
        fail(f"`{rule}` is not a rule code or name.{hint} See `digistrat rules`.")
    emit(catalogue.explain(found))
