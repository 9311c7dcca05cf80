"""``digistrat init``: scaffold a strategy repository. Writes only new files unless forced.

Never deletes anything. Every file is written atomically (temporary file, then rename), so an
interrupted run leaves either the old file or the new one, never half of one.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from digistrat import schema as schemas
from digistrat.atomic import write_text
from digistrat.models.strategy import DEFAULT_KIND, KIND_NAMES
from digistrat.resources import templates_dir


@dataclass(slots=True)
class ScaffoldResult:
    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _month_start(day: date, months_ahead: int) -> date:
    index = day.year * 12 + day.month - 1 + months_ahead
    return date(index // 12, index % 12 + 1, 1)


def _context(organisation: str, today: date, kind: str = DEFAULT_KIND) -> dict[str, object]:
    # The strategy year starts on 1 April (the NHS financial year), three years long.
    start = date(today.year if today.month >= 4 else today.year - 1, 4, 1)
    end = date(start.year + 3, 3, 31)
    return {
        "organisation": organisation,
        "kind": kind,
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


def plan(organisation: str, today: date, kind: str = DEFAULT_KIND) -> dict[str, str]:
    """Every file ``init`` writes, repository-relative path → content; ``kind`` is the
    organisation kind written into strategy.yaml (a council gets no integrated care system)."""
    from jinja2 import Environment, StrictUndefined

    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    base = templates_dir() / "init"
    if kind not in KIND_NAMES:
        raise ValueError(f"unknown organisation kind {kind!r}")
    context = _context(organisation, today, kind)
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
) -> ScaffoldResult:
    """Write the example repository into ``directory``; existing files are kept unless forced."""
    result = ScaffoldResult()
    for rel, content in plan(organisation, today or date.today(), kind).items():
        target = directory / rel
        if target.exists() and not force:
            result.skipped.append(rel)
            continue
        write_text(target, content, inside=directory)
        result.written.append(rel)
    return result
