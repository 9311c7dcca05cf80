"""``digistrat render``: publish the strategy as a document, a site, a poster and a board report.

The steps, each its own module: :mod:`.priorities` (ranking and roadmap from the scoring
package), :mod:`.context` (the repository arranged, cross-references indexed once),
:mod:`.board` (the ten questions and their status), :mod:`.charts` (inline SVG),
:mod:`.pages` (which file gets which template), :mod:`.env` (jinja2, escaping, user templates)
and :mod:`.output` (safe, minimal writes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import TemplateError, TemplateSyntaxError

from digistrat.findings import Finding
from digistrat.loader import Repository
from digistrat.render import context, env, pages, priorities
from digistrat.render.output import OutputError, WriteResult, check_folder, write_all

OUTPUTS = pages.OUTPUTS

__all__ = ["OUTPUTS", "OutputError", "RenderError", "Rendered", "produce", "render"]


class RenderError(Exception):
    """The repository cannot be published as it stands; the message says why."""


@dataclass(slots=True)
class Rendered:
    """The outcome of a render: the files produced and what was written."""

    files: dict[str, bytes]
    result: WriteResult


def assurance_inputs(
    repo: Repository, today: date
) -> tuple[list[Finding], dict[str, tuple[int, ...]]]:
    """``check`` findings and, per rule code, the board questions that rule informs."""
    try:
        from digistrat.checker import run
        from digistrat.rules import all_rules
    except ImportError:
        return list(repo.findings), {}
    from digistrat.config import ConfigError

    try:
        result = run(repo, today)
    except ConfigError as exc:
        raise RenderError(f"the board report needs `check` to run: {exc}") from None
    questions = {r.code: tuple(r.questions) for r in all_rules()}
    return list(result.findings), questions


def produce(
    repo: Repository,
    today: date,
    only: Iterable[str] = OUTPUTS,
    findings: list[Finding] | None = None,
    questions_of: Mapping[str, Iterable[int]] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, bytes]:
    """Every chosen output as ``{path inside the out folder: bytes}``; writes nothing."""
    if repo.strategy is None:
        raise RenderError(
            "strategy.yaml is missing or has errors, so there is nothing to publish yet. "
            "Run `digistrat check` and fix the errors it reports in strategy.yaml."
        )
    chosen = [o for o in OUTPUTS if o in set(only)]
    if findings is None or questions_of is None:
        found, questions = assurance_inputs(repo, today) if "board" in chosen else ([], {})
        findings = found if findings is None else findings
        questions_of = questions if questions_of is None else questions_of
    ranked = priorities.build(repo, today)
    site = context.build(repo, ranked, today, findings, set(chosen))
    user_dir = repo.root / env.USER_TEMPLATES
    try:
        return pages.produce(
            site,
            env.html_environment(user_dir),
            env.markdown_environment(user_dir),
            chosen,
            questions_of,
            progress,
        )
    except TemplateSyntaxError as exc:
        where = f"{exc.filename or exc.name}:{exc.lineno}"
        raise RenderError(f"the template {where} cannot be read: {exc.message}") from None
    except TemplateError as exc:
        raise RenderError(
            f"a template failed: {exc.message or type(exc).__name__}. If you have your own "
            f"templates in {user_dir}, check them against digistrat's own."
        ) from None


def render(
    repo: Repository,
    out: Path,
    today: date,
    only: Iterable[str] = OUTPUTS,
    force: bool = False,
    findings: list[Finding] | None = None,
    questions_of: Mapping[str, Iterable[int]] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> Rendered:
    """Render and write into ``out``. Raises :class:`OutputError` or :class:`RenderError`."""
    previous = check_folder(out, repo.root, force)

    def step(name: str) -> Callable[[int, int], None] | None:
        if progress is None:
            return None
        report = progress
        return lambda n, total: report(name, n, total)

    chosen = set(only)
    files = produce(repo, today, chosen, findings, questions_of, step("Rendering"))
    result = write_all(
        out,
        files,
        previous,
        force,
        step("Writing"),
        keep=lambda rel: pages.output_of(rel) not in chosen,
    )
    return Rendered(files, result)
