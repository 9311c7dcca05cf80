"""The plan as output: rich renderables, CSV, JSON or Markdown. Pure; the CLI prints."""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from typing import Any

from digistrat.exchange.cells import csv_writer
from digistrat.scoring.report import finding_dict, num
from digistrat.scoring.result import Plan, PlanItem

SECTIONS = (
    ("now", "Now: this quarter"),
    ("next", "Next: the following two quarters"),
    ("later", "Later"),
    ("blocked", "Blocked: cannot be planned"),
    ("skipped", "Left out: done, stopped or not scored yet"),
)


def _when(item: PlanItem, plan: Plan) -> str:
    if item.first is None or item.last is None:
        return ""
    labels = {q.index: q.label for q in plan.quarters}
    if item.first == item.last:
        return labels[item.first]
    return f"{labels[item.first]} to {labels[item.last]}"


def summary(plan: Plan) -> str:
    cap = (
        f"at most {plan.capacity} initiatives at once"
        if plan.capacity is not None
        else "no stated limit on how many run at once"
    )
    if plan.effort_per_quarter is not None:
        cap += f" and {num(plan.effort_per_quarter)} effort per quarter"
    return f"Plan from {plan.today:%d %B %Y}, by quarter: {cap}; order by the {plan.model} model."


def renderables(plan: Plan) -> list[Any]:
    """A summary line, a quarter-by-quarter grid and a table per section."""
    from rich.table import Table
    from rich.text import Text as RichText

    from digistrat.visible import visible

    def Text(text: str) -> RichText:
        return RichText(visible(text))

    out: list[Any] = [Text(summary(plan))]
    grid = Table(title="Quarter by quarter", title_justify="left")
    grid.add_column("Quarter")
    grid.add_column("Running", justify="right")
    grid.add_column("Starting")
    if plan.effort_per_quarter is not None:
        grid.add_column("Effort", justify="right")
    for q in plan.quarters:
        running = f"{len(q.running)}" + (f" of {plan.capacity}" if plan.capacity else "")
        cells = [q.label, running, ", ".join(q.starting) or "–"]
        if plan.effort_per_quarter is not None:
            cells.append(f"{num(q.effort, 1)} of {num(plan.effort_per_quarter)}")
        grid.add_row(*map(Text, cells))  # names shown as written, never taken for markup
    out.append(grid)
    for bucket, title in SECTIONS:
        items = plan.bucket(bucket)
        if not items:
            continue
        t = Table(title=title, title_justify="left")
        t.add_column("Initiative")
        t.add_column("When")
        t.add_column("Why here")
        for item in items:
            t.add_row(Text(f"{item.name} ({item.id})"), Text(_when(item, plan)), Text(item.reason))
        out.append(t)
    return out


def csv_text(plan: Plan) -> str:
    buf = io.StringIO()
    w = csv_writer(buf)
    w.writerow(
        [
            "id",
            "name",
            "status",
            "rank",
            "bucket",
            "first_quarter",
            "last_quarter",
            "start",
            "end",
            "waits_for",
            "reason",
        ]
    )
    labels = {q.index: q.label for q in plan.quarters}
    for i in plan.items:
        w.writerow(
            [
                i.id,
                i.name,
                i.status,
                i.rank if i.rank is not None else "",
                i.bucket,
                labels.get(i.first, "") if i.first is not None else "",
                labels.get(i.last, "") if i.last is not None else "",
                i.start.isoformat() if i.start else "",
                i.end.isoformat() if i.end else "",
                " ".join(i.waits_for),
                i.reason,
            ]
        )
    return buf.getvalue()


def json_text(plan: Plan) -> str:
    def item(i: PlanItem) -> dict[str, Any]:
        d = asdict(i)
        d["start"] = i.start.isoformat() if i.start else None
        d["end"] = i.end.isoformat() if i.end else None
        d["waits_for"] = list(i.waits_for)
        return d

    data = {
        "today": plan.today.isoformat(),
        "model": plan.model,
        "capacity": plan.capacity,
        "effort_per_quarter": plan.effort_per_quarter,
        "quarters": [
            {
                "index": q.index,
                "label": q.label,
                "start": q.start.isoformat(),
                "end": q.end.isoformat(),
                "running": list(q.running),
                "starting": list(q.starting),
                "effort": q.effort,
            }
            for q in plan.quarters
        ],
        **{bucket: [item(i) for i in plan.bucket(bucket)] for bucket, _ in SECTIONS},
        "problems": [finding_dict(f) for f in plan.problems],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def markdown(plan: Plan) -> str:
    """The plan as markdown; names and reasons from the strategy are escaped (render.mdout)."""
    from digistrat.findings import sentences
    from digistrat.render import mdout

    lines = ["## Delivery plan", "", mdout.escape(summary(plan)), ""]
    for bucket, title in SECTIONS:
        items = plan.bucket(bucket)
        if not items:
            continue
        lines += [f"### {title}", "", "| Initiative | When | Why here |", "| --- | --- | --- |"]
        for i in items:
            cells = [i.name, _when(i, plan), i.reason]
            lines.append("| " + " | ".join(mdout.cell(c) for c in cells) + " |")
        lines.append("")
    if plan.problems:
        lines += ["### Problems", ""]
        for f in plan.problems:
            where = f"{f.path}:{f.line}" if f.line else f.path
            said = mdout.markdown(sentences(f.message, f.hint))  # messages quote fields as code
            lines.append(f"- {mdout.code(where)} {f.code}: {said}")
        lines.append("")
    return "\n".join(lines)
