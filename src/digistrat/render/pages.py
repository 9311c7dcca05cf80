"""Which files a render produces, and what each template is given.

``produce`` is pure: repository in, ``{relative path: bytes}`` out. Writing is
:mod:`digistrat.render.output`'s job.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from jinja2 import Environment, Template
from markupsafe import Markup

from digistrat.findings import Finding
from digistrat.models import Commitment
from digistrat.render import board, charts, measure_chart, pdf
from digistrat.render.assurance import Withheld
from digistrat.render.context import Site
from digistrat.render.glossary import Explainer, glossary_entries, site_terms
from digistrat.render.links import Linker
from digistrat.render.poster import plan

OUTPUTS = ("site", "document", "poster", "board")
EXTRAS = ("pdf",)
"""Outputs made only when asked for by name: the board paper as PDF needs an optional extra."""
ALL_OUTPUTS = OUTPUTS + EXTRAS
CSS = "assets/style.css"
DOCUMENT = "document/strategy.md"
BOARD_PDF = "board.pdf"
GLOSSARY = "glossary.html"
FRAMEWORKS = "frameworks.html"

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
    later: Callable[[], dict[str, Any]] | None = None
    """More values, worked out only when the page is rendered."""


def output_of(path: str) -> str:
    """Which output a file in the out folder belongs to."""
    return {
        "strategy.md": "document",
        "poster.html": "poster",
        "board.html": "board",
        BOARD_PDF: "pdf",
    }.get(path, "site")


def _root(path: str) -> str:
    return "../" * path.count("/")


SYSTEM_INDEX = "system/index.html"
"""The system view's first page (on a system repository's site)."""

CHANGES = "changes.html"
"""The "What changed" page, made when a render is asked what changed (``--since``)."""


def _nav(site: Site) -> list[tuple[str, str]]:
    nav: list[tuple[str, str]] = list(NAV) if "site" in site.pages else []
    if "site" in site.pages and site.system is not None:
        nav.insert(1, (SYSTEM_INDEX, "The system"))
    if nav and site.coverage:
        nav.append((FRAMEWORKS, "Frameworks"))
    if "site" in site.pages and site.changes is not None:
        nav.append((CHANGES, "What changed"))
    if nav and site.strategy.glossary:
        nav.append((GLOSSARY, "Glossary"))
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
    yield Page("priorities.html", "site/priorities.html", {}, lambda: _charts_priorities(site))
    yield Page("roadmap.html", "site/roadmap.html", {}, lambda: _charts_roadmap(site))
    yield Page("context.html", "site/context.html", {})
    if site.coverage:
        yield Page(FRAMEWORKS, "site/frameworks.html", {})
    if site.strategy.glossary:
        entries = glossary_entries(site.strategy.glossary)
        yield Page(GLOSSARY, "site/glossary.html", {"entries": entries})
    yield Page("services/index.html", "site/services.html", _charts_services(site))
    yield Page("users/index.html", "site/users.html", {})
    yield Page("commitments/index.html", "site/commitments.html", {})
    if site.changes is not None:
        yield Page(CHANGES, "site/changes.html", {"changes": site.changes})
    for sid, service in site.services.items():
        yield Page(f"services/{sid}.html", "site/service.html", {"service": service, "id": sid})
    for gid, group in site.users.items():
        yield Page(f"users/{gid}.html", "site/user.html", {"group": group, "id": gid})
    for cid, commitment in site.commitments.items():
        yield Page(
            f"commitments/{cid}.html",
            "site/commitment.html",
            {"commitment": commitment, "id": cid},
            partial(_trend, site, cid, commitment),
        )
    for iid, initiative in site.initiatives.items():
        yield Page(
            f"initiatives/{iid}.html",
            "site/initiative.html",
            {"initiative": initiative, "id": iid},
            partial(_ranked, site, iid),
        )


def _trend(site: Site, cid: str, commitment: Commitment) -> dict[str, Any]:
    if not commitment.progress:
        return {"trend": None}
    horizon = site.strategy.horizon
    start = horizon.start if horizon else None
    return {"trend": measure_chart.for_commitment(cid, commitment, start)}


def _ranked(site: Site, iid: str) -> dict[str, Any]:
    return {"r": site.priorities.by_id.get(iid), "bucket": site.priorities.bucket_of.get(iid)}


@dataclass(slots=True)
class Checked:
    """What the board paper needs from ``check``."""

    findings: list[Finding]
    questions_of: Mapping[str, Iterable[int]]
    """Per rule code, the board question it informs."""
    summaries: Mapping[str, str] = field(default_factory=dict)
    """Per rule code, its one-line summary (how the paper names a group of findings)."""
    withheld: Withheld = field(default_factory=Withheld)
    """Rules switched off and findings suppressed."""


Assurance = Callable[[], Checked]
"""Gives what ``check`` found (only the board paper needs it, so it is asked for when the
paper is rendered)."""


def _summaries() -> dict[str, str]:
    """Each rule's one-line summary (when findings were handed in rather than found here)."""
    try:
        from digistrat.rules import all_rules
    except ImportError:
        return {}
    return {r.code: r.summary for r in all_rules()}


def _board_values(site: Site, assurance: Assurance) -> dict[str, Any]:
    found = assurance()
    site.findings = list(found.findings)
    summaries = found.summaries or _summaries()
    made = board.paper(site, found.questions_of, summaries, found.withheld, board.extras(site))
    return {
        "paper": made,
        "answers": made.answers,
        "unreadable": made.unreadable,
        "changes": made.changes,
        "charts": made.charts,
    }


def system_pages(site: Site) -> list[Page]:
    """The system view's pages: members side by side, the combined roadmap, the integrated
    care board paper."""
    from digistrat.findings import sentence
    from digistrat.report.catalogue import QUESTIONS
    from digistrat.system.view import KIND_WORDS

    values = {
        "sv": site.system,
        "questions": QUESTIONS,
        "sentence": sentence,
        "kinds": KIND_WORDS,
        "states": {"covered": "green", "unfunded": "amber", "uncovered": "red"},
    }
    return [
        Page(SYSTEM_INDEX, "system/index.html", values),
        Page("system/roadmap.html", "system/roadmap.html", values),
        Page("system/paper.html", "system/paper.html", values),
    ]


def pages(site: Site, only: Iterable[str], assurance: Assurance) -> list[Page]:
    """Every file the chosen outputs are made of, in a fixed order; nothing rendered yet."""
    chosen = set(only)
    todo = list(site_pages(site)) if "site" in chosen else []
    if "board" in chosen:
        todo.append(
            Page("board.html", "board/board.html", {}, lambda: _board_values(site, assurance))
        )
    if site.system is not None and "site" in chosen:
        todo.extend(system_pages(site))
    if "pdf" in chosen:
        todo.append(Page(BOARD_PDF, "board/board.html", {}, lambda: _board_values(site, assurance)))
    if "poster" in chosen:
        todo.append(Page("poster.html", "poster/poster.html", {}, lambda: {"poster": plan(site)}))
    if chosen & {"site", "board"}:
        todo.append(Page(CSS, "site/style.css", {}))
    if "document" in chosen:
        todo.append(Page("strategy.md", DOCUMENT, {}))
    return todo


def _heading(line: str) -> bool:
    """Whether a markdown line is an ATX heading: one to six ``#`` and a space."""
    hashes = len(line) - len(line.lstrip("#"))
    return 0 < hashes <= 6 and line[hashes : hashes + 1] == " "


def tidy_markdown(text: str) -> str:
    """One blank line around headings and between blocks; no runs of blank lines.

    One pass over the lines (the document of a large strategy runs to megabytes: three regular
    expressions over all of it took a third of the time of writing it)."""
    lines = text.split("\n")
    out: list[str] = []
    blank = True  # whether the last line kept was blank (the start counts as one)
    for n, line in enumerate(lines):
        if not line:
            if not blank:
                out.append(line)
            blank = True
            continue
        if line[0] == "#" and _heading(line):
            if not blank and n > 0:
                out.append("")
            out.append(line)
            blank = False
            if n + 1 < len(lines) and lines[n + 1]:
                out.append("")
                blank = True
            continue
        out.append(line)
        blank = False
    return "\n".join(out).strip() + "\n"


def sharer(site: Site, env: Environment, nav: list[tuple[str, str]]) -> Callable[..., Markup]:
    """``shared(name, root, path)`` for the templates: the template ``name`` rendered once per
    folder depth (``root``) and navigation entry, then reused on every page like it."""
    hrefs = {href for href, _ in nav}
    done: dict[tuple[str, str, str | None], Markup] = {}

    def shared(name: str, root: str, path: str) -> Markup:
        current = path if path in hrefs else None
        key = (name, root, current)
        found = done.get(key)
        if found is None:
            values = {"site": site, "s": site.strategy, "nav": nav, "root": root}
            found = done[key] = Markup(env.get_template(name).render(values, current=current))
        return found

    return shared


class Renderer:
    """Renders the pages of one site: each template loaded once, shared parts rendered once."""

    def __init__(self, site: Site, html_env: Environment, md_env: Environment) -> None:
        self.site = site
        self.html_env = html_env
        self.md_env = md_env
        self.nav = _nav(site)
        self.shared = sharer(site, html_env, self.nav)
        self.templates: dict[str, Template] = {}
        self.linkers: dict[str, Linker] = {}
        """One per folder depth, shared by the pages at that depth (it remembers links)."""
        glossary = site.strategy.glossary
        anchors = {term: anchor for anchor, term, _ in glossary_entries(glossary)}
        self.explainer = Explainer(site_terms(glossary), anchors)
        """Explains known terms where each page of the site first uses them."""

    def _template(self, name: str) -> Template:
        found = self.templates.get(name)
        if found is None:
            env = self.md_env if name == DOCUMENT else self.html_env
            found = self.templates[name] = env.get_template(name)
        return found

    def render(self, page: Page) -> bytes:
        """One file's bytes. Raises jinja2's errors: see :func:`digistrat.render.produce`."""
        template = self._template(page.template)
        site = self.site
        if page.path == CSS:
            return template.render({}).encode("utf-8")
        if page.template == DOCUMENT:
            text = template.render({"site": site, "s": site.strategy})
            return tidy_markdown(text).encode("utf-8")
        if page.path == BOARD_PDF:
            return self._pdf(page)
        return self._html(page, page.path).encode("utf-8")

    def _pdf(self, page: Page) -> bytes:
        """The board paper as PDF: the HTML of ``board.html`` with the site's stylesheet."""
        html = self._html(page, "board.html")
        css = self._template("site/style.css").render({})
        return pdf.board_pdf(html, css, self.site.today)

    def _html(self, page: Page, path: str) -> str:
        template = self._template(page.template)
        site = self.site
        root = _root(path)
        linker = self.linkers.get(root)
        if linker is None:
            linker = self.linkers[root] = Linker(site, root)
        values = {
            "site": site,
            "s": site.strategy,
            "path": path,
            "root": root,
            "nav": self.nav,
            "ln": linker,
            "shared": self.shared,
        }
        values.update(page.values)
        if page.later is not None:
            values.update(page.later())
        html = template.render(values)
        if page.template.startswith("site/"):
            html = self.explainer.explain(html, root)
        return html
