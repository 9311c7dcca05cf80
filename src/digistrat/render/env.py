"""The jinja2 environment: digistrat's templates, overridable from the strategy repository.

A ``templates/`` folder in the strategy repository comes first: a file there with the same name
as one of ours (``site/service.html``) replaces it. To change one block only, extend ours under
the ``digistrat/`` prefix: ``{% extends "digistrat/site/service.html" %}``.

HTML is always autoescaped; the markdown document escapes every value through ``finalize``.
When the repository has templates of its own, everything runs in jinja's sandbox, since a
repository's templates may come from many hands, with a time and output budget per page
(:mod:`digistrat.render.budget`). digistrat's own run unsandboxed. Both are
compiled by jinja's own code generator: a faster generator of our own (a subclass of jinja's
private ``CodeGenerator``) saved ~15 ms on a 500-entity site and was removed, since it tied
every render to jinja's internals (benchmarks/README.md has the figures).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PrefixLoader,
    StrictUndefined,
)

from digistrat import voice
from digistrat.render import cache, charts, links, mdout, parts, text
from digistrat.render.budget import BudgetedSandbox
from digistrat.render.userloader import RepositoryLoader
from digistrat.resources import templates_dir

USER_TEMPLATES = "templates"


def has_user_templates(user_dir: Path | None) -> bool:
    return user_dir is not None and user_dir.is_dir()


def _loader(user_dir: Path | None) -> ChoiceLoader:
    ours = FileSystemLoader(str(templates_dir()))
    loaders: list[Any] = []
    if user_dir is not None and has_user_templates(user_dir):
        loaders.append(RepositoryLoader(user_dir, user_dir.parent))
    loaders += [ours, PrefixLoader({"digistrat": ours})]
    return ChoiceLoader(loaders)


def _filters() -> dict[str, Any]:
    return {
        "md": text.md_block,
        "md_inline": text.md_inline,
        "plain": text.plain,
        "human": charts.human,
        "words": text.words,
        "pct": lambda v: "–" if v is None else f"{v:.0f}%",
        "num": lambda v: "–" if v is None else f"{v:g}",
        "isodate": lambda d: "–" if d is None else d.isoformat(),
        **voice.filters(),  # dates, money, values and counts: one voice everywhere
    }


def html_environment(user_dir: Path | None) -> Environment:
    """For the site, the poster and the board report: every value is HTML-escaped."""
    kind = BudgetedSandbox if has_user_templates(user_dir) else Environment
    env = kind(
        loader=_loader(user_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(_filters())
    env.globals["tag"] = links.tag
    env.globals["parts"] = parts.PARTS
    env.bytecode_cache = cache.for_environment(env)
    return env


def markdown_environment(user_dir: Path | None) -> Environment:
    """For the markdown document: every value is escaped as plain text (``oneline``, ``cell``
    and ``finalize``) except markdown fields passed through ``md``, which keep the markdown the
    site would render and nothing else (see :mod:`digistrat.render.mdout`)."""
    kind = BudgetedSandbox if has_user_templates(user_dir) else Environment
    env = kind(
        loader=_loader(user_dir),
        autoescape=False,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=text.md_finalize,
    )
    env.filters.update(_filters())
    env.filters["cell"] = text.md_cell
    env.filters["oneline"] = lambda s: text.safe(mdout.escape(s))
    env.filters["md"] = lambda s: text.safe(mdout.markdown(s))
    env.filters["md_inline"] = env.filters["md"]
    env.bytecode_cache = cache.for_environment(env)
    return env
