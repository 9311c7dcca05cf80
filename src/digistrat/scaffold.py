"""``digistrat init``: scaffold a strategy repository. Writes only new files unless forced.

Never deletes anything. Every file is written atomically (temporary file, then rename), so an
interrupted run leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from digistrat import schema as schemas
from digistrat.atomic import write_bytes, write_text
from digistrat.install import InstallSource, pypi
from digistrat.models.strategy import DEFAULT_KIND, KIND_NAMES
from digistrat.resources import templates_dir

GITIGNORE = ".gitignore"
IGNORED = "/site/"
"""What ``.gitignore`` must hold: the folder ``digistrat render --out site`` writes, which CI
publishes and nobody should commit."""


class AlreadyARepository(Exception):
    """``init`` found a strategy repository and, unforced, changes nothing in it."""


@dataclass(slots=True)
class ScaffoldResult:
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    gitignore: str = "written"
    """``written`` (new file), ``appended`` (the line added to the user's own) or ``kept``
    (it already ignores the render output)."""


def _month_start(day: date, months_ahead: int) -> date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return date(index // 12, index % 12 + 1, 1)


def _context(
    organisation: str, today: date, kind: str = DEFAULT_KIND, install: InstallSource | None = None
) -> dict[str, object]:
    # The strategy year starts on 1 April (the NHS financial year), three years long.
    start = date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    end = date(start.year + 3, 3, 31)
    return {
        "organisation": organisation,
        "kind": kind,
        "install": install or pypi(),
        "today": today.isoformat(),
        "start": start,
        "end": end,
        "last_year": date(today.year - 1, today.month, 1).isoformat(),
        # An exemplar delivers within six months (§9): next month to five months later.
        "exemplar_start": _month_start(today, 1),
        "exemplar_end": _month_start(today, 6) - timedelta(days=1),
        "commitment_due": date(end.year - 1, 3, 31) if date(end.year - 1, 3, 31) > today else end,
    }


def _yaml_scalar(text: str) -> str:
    """``text`` as a YAML scalar: plain when that is safe, otherwise double-quoted."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 .,'()&/-]*", text) and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def plan(
    organisation: str,
    today: date,
    kind: str = DEFAULT_KIND,
    install: InstallSource | None = None,
) -> dict[str, str]:
    """Every file ``init`` writes, repository-relative path → content; ``kind`` is the
    organisation kind written into strategy.yaml (a council gets no integrated care system);
    ``install`` the pinned digistrat CI, the hook and the README install (default: this
    version from PyPI). ``.gitignore`` is not among them: see :func:`ignore_render_output`."""
    from jinja2 import Environment, StrictUndefined

    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    base = templates_dir() / "init"
    if kind not in KIND_NAMES:
        raise ValueError(f"unknown organisation kind {kind!r}")
    context = _context(organisation, today, kind, install)
    files: dict[str, str] = {}
    for source in sorted(base.rglob("*")):
        if source.is_file():
            rel = source.relative_to(base).as_posix()
            # In YAML the organisation's name is quoted when it needs to be: a name such as
            # `Trust: North #1` must not break (or add keys to) the strategy file.
            values = (
                {**context, "organisation": _yaml_scalar(organisation)}
                if rel.endswith((".yaml", ".yml"))
                else context
            )
            files[rel] = env.from_string(source.read_text(encoding="utf-8")).render(values)
    for kind in schemas.FILE_KINDS:
        files[f".digistrat/schemas/{kind}.schema.json"] = schemas.dumps(schemas.schema_for(kind))
    return files


def scaffold(
    directory: Path,
    *,
    force: bool = False,
    organisation: str = "Example NHS Trust",
    today: date | None = None,
    kind: str = DEFAULT_KIND,
    install: InstallSource | None = None,
) -> ScaffoldResult:
    """Write the example repository into ``directory``; existing files are kept unless forced.

    Raises :class:`AlreadyARepository`, writing nothing, if ``directory`` holds a
    ``strategy.yaml`` and ``force`` is not set: running ``init`` again must not bring back
    the examples someone deleted. ``force`` replaces only the files ``init`` writes."""
    if not force and (directory / "strategy.yaml").exists():
        raise AlreadyARepository(str(directory / "strategy.yaml"))
    result = ScaffoldResult()
    for rel, content in plan(organisation, today or date.today(), kind, install).items():
        target = directory / rel
        if target.exists() and not force:
            result.skipped.append(rel)
            continue
        write_text(target, content, inside=directory)
        result.written.append(rel)
    result.gitignore = ignore_render_output(directory)
    return result


def ignore_render_output(directory: Path) -> str:
    """Make ``.gitignore`` ignore the render output; never loses a line of the user's own.

    Returns ``written`` (there was none), ``appended`` or ``kept`` (already ignored)."""
    path = directory / GITIGNORE
    if not path.exists():
        write_text(
            path, f"# The website, poster and board report `digistrat render` makes\n{IGNORED}\n"
        )
        return "written"
    raw = path.read_bytes()
    wanted = {
        b"site",
        b"site/",
        b"/site",
        b"/site/",
        b"site/*",
        b"/site/*",
        b"site/**",
        b"/site/**",
    }
    if any(line.strip() in wanted for line in raw.splitlines()):
        return "kept"
    ending = b"\r\n" if b"\r\n" in raw else b"\n"
    gap = b"" if not raw or raw.endswith(b"\n") else ending
    write_bytes(path, raw + gap + IGNORED.encode() + ending)  # every byte of theirs kept
    return "appended"


def start_git(directory: Path) -> str:
    """Run ``git init`` in ``directory`` unless it is inside a git repository already.

    Returns ``started``, ``inside`` (already in one), ``no-git`` (git is not installed) or
    ``failed: <why>``. Never raises: a strategy works without git, only less well."""
    git = shutil.which("git")
    if git is None:
        return "no-git"
    try:
        inside = subprocess.run(
            [git, "rev-parse", "--is-inside-work-tree"],
            cwd=directory,
            capture_output=True,
            text=True,
            check=False,
        )
        if inside.returncode == 0 and inside.stdout.strip() == "true":
            return "inside"
        made = subprocess.run(
            [git, "init", "-q"], cwd=directory, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        return f"failed: {exc.strerror or exc}"
    if made.returncode != 0:
        return "failed: " + (made.stderr.strip().splitlines() or ["git init failed"])[-1]
    return "started"
