"""`digistrat frameworks`: which framework measures the strategy's work covers."""

from __future__ import annotations

from typing import Annotated

import typer

from digistrat.cli.common import RepoArg, app, emit, fail, load_repository

_STATE_WORDS = {
    "covered": "funded work",
    "unfunded": "proposed only",
    "uncovered": "no initiative",
}


@app.command()
def frameworks(
    path: RepoArg = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show how the strategy covers each framework it answers to (What Good Looks Like, the
    Local Digital Declaration or your own): each measure with the initiatives that serve it."""
    if fmt not in ("text", "json"):
        fail(f"unknown format `{fmt}`; choose text or json.")
    from digistrat.frameworks import as_data, available, chosen, coverages

    repo = load_repository(path)
    if repo.strategy is None:
        fail("strategy.yaml is missing or has errors; run `digistrat check` to see them.")
    found = coverages(repo)
    if fmt == "json":
        import json

        emit(json.dumps([as_data(c) for c in found], indent=2, ensure_ascii=False) + "\n", True)
        return
    if not found:
        others = ", ".join(f"`{f}`" for f in sorted(set(available(repo)) - set(chosen(repo))))
        emit(
            "The strategy answers to no framework. Choose one with `frameworks:` in "
            f"strategy.yaml ({others}); see docs/frameworks.md.\n"
        )
        return
    lines: list[str] = []
    for c in found:
        fw = c.framework
        lines.append(
            f"{fw.name} ({c.framework_id}): {len(c.covered)} of {len(c.measures)} "
            "measures have funded work"
        )
        if not c.mapped:
            lines.append(
                "  Nothing says which of its measures it serves yet: add `serves:` to "
                f"initiatives, objectives or commitments, like `serves: [{c.measures[0].ref}]`."
            )
        for m in c.measures:
            served = ", ".join(i if i in m.funded else f"{i} (proposed)" for i in m.initiatives)
            lines.append(
                f"  {m.measure.name} ({m.ref}): {_STATE_WORDS[m.state]}"
                + (f": {served}" if served else "")
            )
        lines.append("")
    emit("\n".join(lines))
