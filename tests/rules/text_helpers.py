"""Running one text rule on a small repository: the rule examples' baseline with changes."""

from __future__ import annotations

import textwrap
from pathlib import Path
from types import ModuleType
from typing import Any

from digistrat.loader import load
from digistrat.rules.base import Context
from digistrat.rules.examples import BASELINE, EXAMPLE_TODAY, materialise

Found = list[tuple[str, int | None, str]]


def run(
    rule: ModuleType,
    root: Path,
    merge: dict[str, str | None] | None = None,
    write: dict[str, str] | None = None,
    options: dict[str, Any] | None = None,
) -> Found:
    """``(path, line, message)`` of each violation of ``rule`` on the baseline repository.

    ``merge`` lays files over the baseline (their top-level keys replace the baseline's,
    ``None`` removes a file); ``write`` then writes whole files exactly as given (dedented), so
    that tests can assert line numbers. ``options`` are the rule's options from strategy.yaml.
    """
    block = "\n".join(
        f"# {path} (removed)" if text is None else f"# {path}\n{textwrap.dedent(text).strip()}"
        for path, text in (merge or {}).items()
    )
    materialise(root, block)
    for path, text in (write or {}).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    repo = load(root)
    assert not repo.findings, [f"{f.path}:{f.line} {f.message}" for f in repo.findings]
    ctx = Context(repo=repo, today=EXAMPLE_TODAY, options={**rule.OPTIONS, **(options or {})})
    out: Found = []
    for v in rule.check(ctx):
        path, line, _ = repo.where(v.kind, v.ident, *v.loc)
        out.append((path, line, v.message))
    return out


def where(found: Found) -> list[tuple[str, int | None]]:
    """Just where each violation is."""
    return [(path, line) for path, line, _ in found]


def strategy_with(**replacements: str) -> str:
    """The baseline strategy.yaml, verbatim, with some top-level lines replaced: each keyword
    is a key whose one-line value becomes the given text (quoted as needed by the caller)."""
    out = []
    for line in BASELINE["strategy.yaml"].splitlines():
        key = line.split(":", 1)[0]
        if key in replacements:
            line = f"{key}: {replacements[key]}"
        out.append(line)
    return "\n".join(out) + "\n"
