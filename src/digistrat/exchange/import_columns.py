"""Matching a sheet's headers for ``digistrat import``: each header to a field (by name, alias,
mapping or column letter) or to a criterion's scores (``Patient benefits (50%)``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter

from digistrat.exchange.import_sheets import _blank
from digistrat.exchange.import_values import Kind, _number, loose, norm

KINDS: dict[str, Kind] = {
    "initiative": "initiatives",
    "initiatives": "initiatives",
    "service": "services",
    "services": "services",
    "commitment": "commitments",
    "commitments": "commitments",
}

# field → the headers that mean it (besides the field's own name), per kind of entry.
ALIASES: dict[Kind, dict[str, tuple[str, ...]]] = {
    "initiatives": {
        "id": ("ref", "reference", "key"),
        "name": (
            "initiative",
            "title",
            "project",
            "project name",
            "initiative name",
            "case study",
            "proposal",
            "scheme",
            "item",
        ),
        "description": ("summary", "what", "details"),
        "owner": ("lead", "owner name", "sro", "responsible", "project lead", "project owner"),
        "owner_role": ("role", "owner role"),
        "function": ("owner function", "led by"),
        "category": ("portfolio", "horizon"),
        "type": (),
        "status": ("state", "stage"),
        "effort": ("size", "effort score"),
        "cost": ("budget", "estimated cost", "est cost", "cost estimate", "project cost"),
        "start": ("start date", "starts"),
        "end": ("end date", "finish", "ends"),
        "services": ("service", "services affected"),
        "objectives": ("objective", "strategic objective", "goal"),
        "depends_on": ("depends on", "dependencies", "dependency", "after"),
        "technology": ("technologies", "systems"),
    },
    "services": {
        "id": ("ref", "reference", "key"),
        "name": ("service", "service name", "title"),
        "description": ("summary",),
        "kind": ("service kind", "service type", "type"),
        "phase": (),
        "status": ("state",),
        "owner": ("lead", "service owner", "owner name"),
        "owner_role": ("role", "owner role"),
        "function": ("owner function",),
        "team": (),
        "volume_per_year": ("uses per year", "volume", "annual volume", "transactions per year"),
        "cost_per_use": ("cost per use £", "unit cost", "cost per transaction"),
        "quality": (),
        "digital_take_up": ("digital take up", "take up", "digital uptake"),
        "user_satisfaction": ("satisfaction",),
        "completion_rate": ("completion",),
        "failure_demand": (),
        "measured_on": ("measured", "as at"),
        "opportunity": ("opportunity level",),
        "switch_off": ("switch off", "switch off date", "retirement date"),
        "users": ("user groups", "used by"),
        "systems": ("system",),
    },
    "commitments": {
        "id": ("ref", "reference", "key"),
        "statement": ("commitment", "we will", "title", "name"),
        "outcome": ("expected outcome", "benefit"),
        "owner": ("lead", "owner name", "commitment lead", "responsible"),
        "owner_role": ("role", "owner role"),
        "function": ("owner function",),
        "metric": ("measure", "kpi", "indicator", "metric"),
        "unit": ("units",),
        "baseline": ("baseline value", "current"),
        "target": ("target value",),
        "due": ("due date", "deadline", "by when", "date due"),
        "status": ("rag", "state"),
        "initiatives": ("delivered by", "initiative", "projects", "project", "delivered through"),
    },
}

COMPUTED: dict[Kind, tuple[str, ...]] = {
    "initiatives": ("rank", "total", "score total", "weighted total", "total score", "%"),
    "services": (),
    "commitments": ("latest progress", "latest value", "latest update"),
}
"""Headers of columns digistrat computes (in its own export): recognised, not imported."""

SHEET_KINDS: dict[str, Kind] = {
    "matrix": "initiatives",
    "prioritisation matrix": "initiatives",
    "initiatives": "initiatives",
    "services": "services",
    "services register": "services",
    "commitments": "commitments",
    "commitments tracker": "commitments",
}
SKIPPED_SHEETS = {
    "read me": "it is a note for readers",
    "criteria": "it gives the criteria's weights and scales, used for the scores",
    "plan": "digistrat works the plan out from the initiatives",
    "risks": "risks live in strategy.yaml, which import changes only to add scoring criteria",
}


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    id: str
    label: str
    weight: float
    min: float
    max: float
    direction: str = "higher-is-better"


WEIGHTED = re.compile(r"^(?P<label>.*?)\s*\(\s*(?P<weight>\d+(?:\.\d+)?)\s*%\s*\)\s*(?P<rest>.*)$")
SCORE_WORDS = ("score", "scores", "rating", "points out of")
LETTER = re.compile(r"[A-Za-z]{1,2}")
"""A mapping key that names a column by its letter, like ``C`` in ``--column "C=name"``."""


@dataclass
class Column:
    index: int
    header: str
    field: str | None = None
    """A field name, ``score:<criterion id>``, or None when unknown."""
    computed: bool = False
    ignored: bool = False
    described: str | None = None
    weight: float | None = None
    """The weight written in the header, like ``Patient benefits (50%)``."""
    mapped_to: str | None = None
    """A mapping's target that is neither a field nor a criterion (a typo): refused."""
    mapped_by: str | None = None
    """The mapping's key when it named the column by letter (``C``)."""


def _field_names(kind: Kind) -> dict[str, str]:
    names: dict[str, str] = {}
    for name, aliases in ALIASES[kind].items():
        names[norm(name)] = name
        for alias in aliases:
            names.setdefault(norm(alias), name)
    return names


def bare(key: str) -> str:
    """A normalised header without its unit: ``est cost £`` is ``est cost``."""
    return " ".join(w for w in key.split() if w not in ("£", "%", "gbp"))


def match_columns(
    kind: Kind,
    header: list[Any],
    criteria: Sequence[CriterionSpec],
    mapping: Mapping[str, str],
    values: list[list[Any]],
) -> tuple[list[Column], list[CriterionSpec]]:
    """Each header's field; criteria found in headers like ``Patient benefits (50%)`` that
    are not in ``criteria`` are returned as new ones (with scales guessed from ``values``)."""
    names = _field_names(kind)
    by_crit: dict[str, str] = {}
    for c in criteria:
        for key in (c.id, c.label, f"{c.label} score", f"{c.id} score"):
            by_crit.setdefault(loose(key), c.id)
    mapped = {norm(k): v for k, v in mapping.items()}
    headers = {norm(h) for h in header if h is not None}
    letters = {
        k.strip().upper(): v
        for k, v in mapping.items()
        if LETTER.fullmatch(k.strip()) and norm(k) not in headers
    }
    crit_ids = {c.id for c in criteria}
    columns: list[Column] = []
    new: list[CriterionSpec] = []
    pending: Column | None = None  # a weighted header whose scores are in the next column
    for i, raw in enumerate(header):
        text = "" if raw is None else str(raw).strip()
        col = Column(i, text)
        columns.append(col)
        key = norm(text)
        letter = get_column_letter(i + 1)
        target = mapped.get(key) if key else None
        if target is None and letter in letters:
            target = letters[letter]
            col.mapped_by = letter
        if target is not None:
            target = target.strip()
            if target in ("ignore", "skip", "-"):
                col.ignored = True
            elif target in names.values():
                col.field = target
            elif norm(target) in names and target not in crit_ids:  # an alias: lead → owner
                col.field = names[norm(target)]
            elif target.startswith(("score:", "scores.")) or target in crit_ids:
                col.field = "score:" + target.removeprefix("scores.").removeprefix("score:")
            else:
                col.mapped_to = target
            if pending is not None:  # a criterion's words, its scores in this mapped column
                pending.field, pending.ignored, pending.described = None, True, col.header
                pending.weight = None
                pending = None
            continue
        if not key:
            if pending is None:
                col.ignored = not any(not _blank(v[i] if i < len(v) else None) for v in values)
            continue
        if pending is not None and key in SCORE_WORDS:
            col.field = pending.field
            pending.field, pending.ignored, pending.described = None, True, col.header
            pending = None
            continue
        pending = None
        if key in names or bare(key) in names:
            col.field = names.get(key) or names[bare(key)]
            continue
        if loose(key) in by_crit:
            col.field = "score:" + by_crit[loose(key)]
            continue
        if key.endswith(" points") and loose(key.removesuffix(" points")) in by_crit:
            col.computed = True
            continue
        if key in COMPUTED[kind]:
            col.computed = True
            continue
        weighted = WEIGHTED.match(text)
        if kind == "initiatives" and weighted:
            label = weighted["label"].strip()
            ident = by_crit.get(loose(label)) or _slug(label)
            col.field = "score:" + ident
            col.weight = float(weighted["weight"])
            if loose(label) not in by_crit:
                new.append(CriterionSpec(ident, label, col.weight, 0, 0))  # scale later
                by_crit[loose(label)] = ident
            if not _numeric_column(values, i):
                pending = col
            continue
    return columns, new


def _numeric_column(values: list[list[Any]], i: int) -> bool:
    seen = [v[i] for v in values if i < len(v) and not _blank(v[i])]
    return bool(seen) and all(_number(x) is not None for x in seen)


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    if slug and not slug[0].isalpha():
        slug = "x-" + slug
    return slug[:60].strip("-") or "entry"
