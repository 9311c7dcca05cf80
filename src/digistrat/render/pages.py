"""Which files a render produces, and what each template is given.

``produce`` is pure: repository in, ``{relative path: bytes}`` out. Writing is
:mod:`digistrat.render.output`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Template

from digistrat.render import charts
from digistrat.render.board import answers
from digistrat.render.context import Site
from digistrat.render.links import Linker

OUTPUTS = ("site", "document", "poster", "board")
_BEFORE_HEADING = re.compile(r"([^\n])\n(#{1,6} )")
_AFTER_HEADING = re.compile(r"^(#{1,6} [^\n]*)\n([^\n])", re.M)
_BLANKS = re.compile(r"\n{3,}")
CSS = "assets/style.css"

NAV = (
    ("index.html", "Home"),
    ("priorities.html", "Priorities"),
    ("roadmap.html", "Roadmap"),
    ("commitments/index.html", "Commitments"),
    ("services/index.html", "Services"),
    ("users/index.html", "Users"),
    ("context.html", "Context"),
)


@dataclass(frozen=True, slots=True)
class Page:
    """One file to render: where it goes, with which template and values."""

    path: str
    template: str
    values: dict[str, Any]


def output_of(path: str) -> str:
    """Which output a file in the out folder belongs to."""
    return {"strategy.md": "document", "poster.html": "poster", "board.html": "board"}.get(
        path, "site"
    )


def _root(path: str) -> str:
    return "../" * path.count("/")


def _nav(site: Site) -> list[tuple[str, str]]:
    nav: list[tuple[str, str]] = list(NAV) if "site" in site.pages else []
    if "board" in site.pages:
        nav.append(("board.html", "Board report"))
    return nav


QUADRANT_LABELS = {
    "quick-win": "Quick win",
    "big-bet": "Big bet",
    "fill-in": "Fill-in",
    "money-pit": "Money pit",
}


def _charts_priorities(site: Site) -> dict[str, Any]:
    matrix = site.priorities.matrix
    points = []
    for placed in matrix.placed:
        row = site.priorities.by_id.get(placed.id)
        initiative = site.initiatives.get(placed.id)
        name = initiative.name if initiative else placed.id
        label = str(row.rank) if row is not None and row.rank is not None else "?"
        quadrant = QUADRANT_LABELS.get(placed.quadrant, placed.quadrant)
        points.append(charts.Point(label, name, placed.value, placed.effort, quadrant))
    points.sort(key=lambda p: (not p.label.isdigit(), int(p.label) if p.label.isdigit() else 0))
    return {
        "matrix": charts.matrix(
            "value-effort",
            "Value and effort of each initiative",
            "Each numbered circle is an initiative, numbered by priority rank. Higher means "
            "more value; further right means more effort. The dividing lines are the median "
            "value and effort unless the strategy sets them. Circles that would overlap are "
            "set side by side. The table after the chart gives the same figures.",
            points,
            matrix.value_at,
            matrix.effort_at,
        ),
        "points": points,
    }


def _charts_services(site: Site) -> dict[str, Any]:
    take_up, volume = [], []
    for service in site.services.values():
        m = service.measures
        t = m.digital_take_up if m else None
        v = m.volume_per_year if m else None
        take_up.append(charts.Bar(service.name, t, "–" if t is None else f"{t:.0f}%"))
        volume.append(charts.Bar(service.name, v, charts.human(v)))
    return {
        "take_up": charts.bars(
            "take-up",
            "Digital take-up by service",
            "Bars show the percentage of each service's use that happens digitally. The "
            "services table gives the same figures.",
            take_up,
            100,
        ),
        "volume": charts.bars(
            "volume",
            "Yearly volume by service",
            "Bars show how many times each service is used in a year. The services table "
            "gives the same figures.",
            volume,
            None,
        ),
    }


def _charts_roadmap(site: Site) -> dict[str, Any]:
    labels = {"now": "Now", "next": "Next", "later": "Later"}
    columns = [(labels[b], [s.name for s in site.priorities.roadmap.get(b, [])]) for b in labels]
    planned = [
        (slot.name, slot.first, slot.last if slot.last is not None else slot.first)
        for bucket in ("now", "next", "later")
        for slot in site.priorities.roadmap.get(bucket, [])
        if slot.first is not None
    ]
    quarters = site.priorities.quarters
    return {
        "timeline": charts.timeline(
            "timeline-chart",
            "Roadmap quarter by quarter",
            "One bar for each planned initiative, from the quarter it starts to the last "
            "quarter it runs; each column is a quarter, named by its first month. The tables "
            "below give the same quarters.",
            quarters,
            planned,
        )
        if quarters
        else None,
        "roadmap": charts.roadmap(
            "roadmap-chart",
            "Roadmap: now, next and later",
            "Three columns list the initiatives we are doing now, those that start next, and "
            "those planned for later. The table after the chart gives the same list with "
            "reasons.",
            columns,
        ),
    }


def site_pages(site: Site) -> Iterator[Page]:
    yield Page("index.html", "site/index.html", {})
    yield Page("priorities.html", "site/priorities.html", _charts_priorities(site))
    yield Page("roadmap.html", "site/roadmap.html", _charts_roadmap(site))
    yield Page("context.html", "site/context.html", {})
    yield Page("services/index.html", "site/services.html", _charts_services(site))
    yield Page("users/index.html", "site/users.html", {})
    yield Page("commitments/index.html", "site/commitments.html", {})
    for sid, service in site.services.items():
        yield Page(f"services/{sid}.html", "site/service.html", {"service": service, "id": sid})
    for gid, group in site.users.items():
        yield Page(f"users/{gid}.html", "site/user.html", {"group": group, "id": gid})
    for iid, initiative in site.initiatives.items():
        yield Page(
            f"initiatives/{iid}.html",
            "site/initiative.html",
            {
                "initiative": initiative,
                "id": iid,
                "r": site.priorities.by_id.get(iid),
                "bucket": site.priorities.bucket_of.get(iid),
            },
        )
    for cid, commitment in site.commitments.items():
        yield Page(
            f"commitments/{cid}.html",
            "site/commitment.html",
            {"commitment": commitment, "id": cid},
        )


def pages(
    site: Site, only: Iterable[str], questions_of: Mapping[str, Iterable[int]]
) -> Iterator[Page]:
    chosen = set(only)
    if "site" in chosen:
        yield from site_pages(site)
    if "board" in chosen:
        unreadable = [  # problems that keep an entry out of the report altogether
            f for f in site.findings if f.code.startswith("F") and not questions_of.get(f.code)
        ]
        yield Page(
            "board.html",
            "board/board.html",
            {"answers": answers(site, questions_of), "unreadable": unreadable},
        )
    if "poster" in chosen:
        yield Page("poster.html", "poster/poster.html", {})


def tidy_markdown(text: str) -> str:
    """One blank line around headings and between blocks; no runs of blank lines."""
    text = _BEFORE_HEADING.sub("\\1\n\n\\2", text)
    text = _AFTER_HEADING.sub("\\1\n\n\\2", text)
    return _BLANKS.sub("\n\n", text).strip() + "\n"


def produce(
    site: Site,
    html_env: Environment,
    md_env: Environment,
    only: Iterable[str],
    questions_of: Mapping[str, Iterable[int]],
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, bytes]:
    """Render every chosen output to bytes, keyed by path inside the out folder."""
    chosen = set(only)
    files: dict[str, bytes] = {}
    cache: dict[str, Template] = {}
    nav = _nav(site)
    todo = list(pages(site, chosen, questions_of))
    for n, page in enumerate(todo, 1):
        template = cache.get(page.template)
        if template is None:
            template = cache[page.template] = html_env.get_template(page.template)
        root = _root(page.path)
        values = {
            "site": site,
            "s": site.strategy,
            "path": page.path,
            "root": root,
            "nav": nav,
            "ln": Linker(site, root),
        }
        values.update(page.values)
        files[page.path] = template.render(values).encode("utf-8")
        if progress is not None:
            progress(n, len(todo))
    if chosen & {"site", "board"}:
        css = html_env.get_template("site/style.css")
        files[CSS] = css.render({}).encode("utf-8")
    if "document" in chosen:
        doc = md_env.get_template("document/strategy.md")
        text = doc.render({"site": site, "s": site.strategy})
        files["strategy.md"] = tidy_markdown(text).encode("utf-8")
    return files
