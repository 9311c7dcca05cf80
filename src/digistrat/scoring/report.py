"""The ranking as output: a rich table, CSV, JSON or Markdown. Pure: returns text or
renderables; the CLI prints them."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from digistrat.exchange.cells import csv_writer
from digistrat.findings import Finding
from digistrat.scoring.portfolio import Portfolio
from digistrat.scoring.result import Ranking, Row
from digistrat.scoring.robustness import Move, Robustness
from digistrat.scoring.value_effort import LABELS
from digistrat.voice import count, listing, shortlist

FORMATS = ("table", "csv", "json", "markdown")
TITLES = {
    "weighted": "weighted matrix",
    "value-effort": "value and effort",
    "rice": "RICE (reach × impact × confidence ÷ effort)",
    "wsjf": "WSJF (cost of delay ÷ job size)",
}


def num(value: float | None, places: int = 2) -> str:
    """A number for people: ``70``, ``33.33``, ``0.5``; empty when missing."""
    if value is None:
        return ""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def total_text(ranking: Ranking, row: Row) -> str:
    if row.total is None:
        return "missing"
    return f"{num(row.total, 1)}%" if ranking.unit == "%" else num(row.total)


def rank_text(row: Row) -> str:
    if row.rank is None:
        return "–"
    return f"{row.rank}=" if row.tied else str(row.rank)


def cell(ranking: Ranking, row: Row, cid: str) -> str:
    """A criterion's cell: the score, a mark if outside its scale, the points it adds."""
    c = row.contributions.get(cid)
    if c is None or c.score is None:
        return "missing"
    mark = "!" if c.out_of_scale else ""
    if c.points is None:
        return f"{num(c.score)}{mark}"
    return f"{num(c.score)}{mark} → {num(c.points, 1)}"


def headers(ranking: Ranking) -> list[str]:
    out = []
    for c in ranking.criteria:
        if c.weight is None:
            out.append(c.label)
        else:
            out.append(f"{c.label} ({num(c.weight, 1)}%, {num(c.min)}–{num(c.max)})")
    return out


def _range_text(rb: Robustness | None, row: Row) -> str:
    if rb is None or not rb.applicable or row.id not in rb.ranges:
        return ""
    r = rb.ranges[row.id]
    return str(r.best) if r.best == r.worst else f"{r.best}–{r.worst}"


def table(ranking: Ranking, rows: Sequence[Row], rb: Robustness | None) -> Any:
    """A rich Table of the ranking. Every cell is a ``Text``, shown as written: a name like
    ``Replace [legacy] PAS`` is not taken for rich's markup (and no cell is parsed for it,
    which at thousands of rows took a good part of the time); control characters show as �."""
    from rich.table import Table
    from rich.text import Text

    from digistrat.visible import visible

    title = f"Prioritisation: {TITLES.get(ranking.model, ranking.model)}"
    t = Table(title=title, title_justify="left", show_lines=False)
    t.add_column("Rank", justify="right")
    t.add_column("Initiative", min_width=18)
    for h in headers(ranking):
        t.add_column(Text(visible(h)), justify="right")
    if ranking.model in ("rice", "wsjf"):
        t.add_column("Effort", justify="right")
    if ranking.model == "value-effort":
        t.add_column("Effort", justify="right")
        t.add_column("Quadrant")
    t.add_column("Total" if ranking.unit else "Score", justify="right")
    with_range = rb is not None and rb.applicable
    if with_range:
        t.add_column(f"Range ±{num(rb.band if rb else 0)}", justify="right")
    for h, width in (("Category", 9), ("Type", 10), ("Status", 11)):
        t.add_column(h, min_width=width)
    for row in rows:
        cells = [rank_text(row), row.name]
        cells += [cell(ranking, row, c.id) for c in ranking.criteria]
        if ranking.model in ("rice", "wsjf", "value-effort"):
            cells.append(num(row.effort) or "missing")
        if ranking.model == "value-effort":
            cells.append(LABELS.get(row.quadrant or "", "–"))
        cells.append(total_text(ranking, row))
        if with_range:
            cells.append(_range_text(rb, row))
        cells += [row.category, row.type, row.status]
        t.add_row(*(Text(visible(c)) for c in cells))
    return t


def csv_text(ranking: Ranking, rows: Sequence[Row], rb: Robustness | None) -> str:
    """One line per initiative; each criterion as its score and the points it adds."""
    buf = io.StringIO()
    w = csv_writer(buf)
    head = ["rank", "id", "name"]
    for c in ranking.criteria:
        head += [c.id] + ([f"{c.id}_points"] if c.weight is not None else [])
    head += ["effort", "value", "quadrant", "total", "tied", "best_rank", "worst_rank"]
    head += ["category", "type", "status", "missing"]
    w.writerow(head)
    for row in rows:
        line: list[Any] = [row.rank if row.rank is not None else "", row.id, row.name]
        for c in ranking.criteria:
            con = row.contributions[c.id]
            line.append(num(con.score, 6))
            if c.weight is not None:
                line.append(num(con.points, 6))
        r = rb.ranges.get(row.id) if rb is not None and rb.applicable else None
        line += [num(row.effort, 6), num(row.value, 6), row.quadrant or "", num(row.total, 6)]
        line += ["yes" if row.tied else "no", r.best if r else "", r.worst if r else ""]
        line += [row.category, row.type, row.status, " ".join(row.missing)]
        w.writerow(line)
    return buf.getvalue()


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "code": f.code,
        "name": f.name,
        "severity": f.severity,
        "path": f.path,
        "line": f.line,
        "column": f.column,
        "message": f.message,
        "hint": f.hint,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def json_data(
    ranking: Ranking,
    rows: Sequence[Row],
    mix: Portfolio,
    rb: Robustness | None,
    notes: Sequence[Finding] = (),
) -> dict[str, Any]:
    """Everything, as plain JSON-ready data."""
    out_rows = []
    for row in rows:
        r = rb.ranges.get(row.id) if rb is not None and rb.applicable else None
        out_rows.append(
            {
                "rank": row.rank,
                "id": row.id,
                "name": row.name,
                "total": _round(row.total),
                "tied": row.tied,
                "scores": {
                    k: {
                        "score": c.score,
                        "points": _round(c.points),
                        "out_of_scale": c.out_of_scale,
                    }
                    for k, c in row.contributions.items()
                },
                "missing": list(row.missing),
                "effort": row.effort,
                "value": _round(row.value),
                "quadrant": row.quadrant,
                "category": row.category,
                "type": row.type,
                "status": row.status,
                "rank_range": {"best": r.best, "worst": r.worst} if r else None,
            }
        )
    return {
        "model": ranking.model,
        "unit": ranking.unit,
        "criteria": [asdict(c) for c in ranking.criteria],
        "options": ranking.options,
        "rows": out_rows,
        "portfolio": asdict(mix),
        "robustness": asdict(rb) if rb is not None else None,
        "problems": [finding_dict(f) for f in (*ranking.problems, *notes)],
    }


def json_text(*args: Any, **kw: Any) -> str:
    return json.dumps(json_data(*args, **kw), indent=2, ensure_ascii=False) + "\n"


def _md_row(cells: Sequence[str]) -> str:
    """A table row of plain text: each cell escaped, on one line (see render.mdout)."""
    from digistrat.render import mdout

    return "| " + " | ".join(mdout.cell(c) for c in cells) + " |"


def _md_rule(columns: int) -> str:
    return "| " + " | ".join(["---"] * columns) + " |"


def markdown(ranking: Ranking, rows: Sequence[Row], mix: Portfolio, rb: Robustness | None) -> str:
    """A Markdown report: the matrix, the portfolio mix, robustness and problems. Names and
    labels from the strategy are escaped: they show as written and make no markup."""
    from digistrat.findings import sentences
    from digistrat.render import mdout

    head = ["Rank", "Initiative", *headers(ranking)]
    if ranking.model in ("rice", "wsjf", "value-effort"):
        head.append("Effort")
    if ranking.model == "value-effort":
        head.append("Quadrant")
    head.append("Total" if ranking.unit else "Score")
    with_range = rb is not None and rb.applicable
    if with_range:
        head.append(f"Range ±{num(rb.band if rb else 0)}")
    head += ["Category", "Type", "Status"]
    lines = [f"## Prioritisation: {TITLES.get(ranking.model, ranking.model)}", ""]
    lines += [_md_row(head), _md_rule(len(head))]
    for row in rows:
        cells = [rank_text(row), row.name, *[cell(ranking, row, c.id) for c in ranking.criteria]]
        if ranking.model in ("rice", "wsjf", "value-effort"):
            cells.append(num(row.effort) or "missing")
        if ranking.model == "value-effort":
            cells.append(LABELS.get(row.quadrant or "", "–"))
        cells.append(total_text(ranking, row))
        if with_range:
            cells.append(_range_text(rb, row))
        cells += [row.category, row.type, row.status]
        lines.append(_md_row(cells))
    lines += ["", "### Portfolio mix", ""]
    lines += [_md_row(["Group", "Initiatives", "Share of effort"]), _md_rule(3)]
    for share in (*mix.categories, *mix.types):
        pct = f"{num(share.effort_share, 1)}%" if share.effort_share is not None else "–"
        lines.append(_md_row([share.group, str(share.count), pct]))
    if rb is not None:
        lines += ["", "### How robust is the ranking?", ""]
        lines += [f"- {mdout.escape(s)}" for s in robustness_sentences(rb, ranking)]
    if ranking.problems:
        lines += ["", "### Problems", ""]
        for f in ranking.problems:
            where = f"{f.path}:{f.line}" if f.line else f.path
            said = mdout.markdown(sentences(f.message, f.hint))  # messages quote fields as code
            lines.append(f"- {mdout.code(where)} {f.code}: {said}")
    return "\n".join(lines) + "\n"


def portfolio_sentences(mix: Portfolio) -> list[str]:
    out = []
    for groups in (mix.categories, mix.types):
        parts = []
        for s in groups:
            share = f" ({num(s.effort_share, 1)}% of effort)" if s.effort_share is not None else ""
            parts.append(f"{s.group} {s.count}{share}")
        out.append("; ".join(parts))
    if mix.without_effort:
        out.append(
            f"{count(len(mix.without_effort), 'initiative', zero=None)} "
            f"{'has' if len(mix.without_effort) == 1 else 'have'} no effort and "
            f"{'is' if len(mix.without_effort) == 1 else 'are'} left out of the "
            "effort shares: " + shortlist(mix.without_effort)
        )
    return out


def unranked_sentences(rows: Sequence[Row]) -> list[str]:
    """Which initiatives are not ranked, and why: a proposal nobody has scored yet is listed,
    never given a rank it has not earned."""
    unranked = [r for r in rows if r.rank is None]
    if not unranked:
        return []
    out = [
        f"{count(len(unranked), 'initiative', zero=None)} "
        f"{'is' if len(unranked) == 1 else 'are'} not ranked, because a score is missing:"
    ]
    for r in unranked:
        scores = listing([f"`{m}`" for m in r.missing]) if r.missing else "an input"
        out.append(f"  {r.id} ({r.status}): no score for {scores}")
    out.append("Add the missing scores under `scores:` in each file to rank them.")
    return out


def _pts(value: float | None) -> str:
    text = num(value, 1)
    return f"{text} point" if text == "1" else f"{text} points"


def _moves_text(moves: tuple[Move, ...], labels: dict[str, str]) -> str:
    def label(ident: str) -> str:
        return labels.get(ident, ident)

    if len(moves) == 1:
        return f"from {label(moves[0].source)} to {label(moves[0].target)}"
    parts = [f"{num(m.points, 1)} from {label(m.source)} to {label(m.target)}" for m in moves]
    return "(" + " and ".join(parts) + ")"


def robustness_sentences(rb: Robustness, ranking: Ranking) -> list[str]:
    """Plain-English findings of the robustness analysis: the method, each neighbouring pair
    in the top N (tied, fragile, holds or robust), and the smallest change that reorders it."""
    if not rb.applicable:
        return [f"Not assessed: {rb.note}."]
    labels = {c.id: c.label for c in ranking.criteria}
    names = {r.id: r.name for r in ranking.rows}
    how = "every corner" if rb.method == "corners" else "a fixed sample of corners"
    band = f"±{num(rb.band)} points"
    out = [
        f"Each weight moved by up to {band} ({how} of that range, {rb.weightings} "
        "weightings): the range shows the best and worst rank each initiative reaches."
    ]
    stable = [i for i, r in rb.ranges.items() if r.rank <= rb.top and r.best == r.worst]
    if stable:
        out.append(
            "Keeps its place whatever the weights within the band: "
            + shortlist([names[i] for i in stable])
            + "."
        )
    for p in rb.pairs:
        pair = f"{names[p.above]} above {names[p.below]}"
        if p.verdict == "tied":
            out.append(
                f"{pair}: tied, the same total (the order follows their names); the smallest "
                "change of weights decides between them."
            )
        elif p.verdict == "robust":
            out.append(
                f"{pair}: robust under any weights ({names[p.above]} scores at least as well on "
                "every criterion)."
            )
        elif p.verdict == "fragile":
            out.append(
                f"{pair}: fragile, the order flips within {band} (moving just over "
                f"{_pts(p.points)} of weight {_moves_text(p.moves, labels)} is enough)."
            )
        elif p.verdict == "holds":
            out.append(
                f"{pair}: holds within {band}; swapping them takes moving just over "
                f"{_pts(p.points)} of weight {_moves_text(p.moves, labels)}."
            )
    s = rb.smallest
    if s is None or s.points is None:
        out.append(f"No change of weights can reorder the top {rb.top}.")
    else:
        out.append(
            f"The smallest change that reorders the top {rb.top}: moving just over "
            f"{_pts(s.points)} of weight {_moves_text(s.moves, labels)} would put "
            f"{names[s.below]} above {names[s.above]} (now {_pts(s.gap)} apart)."
        )
    return out
