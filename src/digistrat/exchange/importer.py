"""``digistrat import``: bring an existing matrix or register (xlsx or csv) into the repository.

Reading: each sheet's header row is found among its first rows (title rows above it, merged or
not, and blank lines are skipped). Each header is matched to a field by name, title or alias,
ignoring case, spaces and punctuation (``Case study`` is an initiative's name, ``Due date`` a
commitment's due); a mapping file or ``--column "Header=field"`` covers the rest. A column that
matches nothing is reported, never silently dropped.

Writing: each row becomes one new file, written as ``digistrat new`` writes it (the same
commented template), with the row's other values (scores, status, measure …) filled in by a
comment-preserving edit, validated with the model before anything is written. An existing id is
never overwritten. A row that cannot be used is refused with its sheet and cell (``Matrix!C7``)
and the rest go ahead; the command then exits 1.

This module plans and writes; reading a file is :mod:`.import_sheets`, matching headers
:mod:`.import_columns`, reading cell values :mod:`.import_values`. It returns data
(:class:`Plan`); only the command line prints.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from itertools import product
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from digistrat.exchange.import_columns import (
    ALIASES,
    COMPUTED,
    KINDS,
    SHEET_KINDS,
    SKIPPED_SHEETS,
    WEIGHTED,
    Column,
    CriterionSpec,
    _field_names,
    _slug,
    bare,
    match_columns,
)
from digistrat.exchange.import_sheets import (
    HEADER_SEARCH,
    MAX_ROWS,
    ImportProblem,
    NoSuchFile,
    Table,
    _blank,
    _too_many,
    read_file,
)
from digistrat.exchange.import_values import (
    _OWNER,
    CHOICES,
    Kind,
    _choice,
    _date_text,
    _not_a_choice,
    _number,
    _out_of,
    _text,
    norm,
)
from digistrat.loader import Repository
from digistrat.suggest import closest
from digistrat.voice import count

__all__ = [
    "ImportProblem",
    "NoSuchFile",
    "Options",
    "Outcome",
    "Plan",
    "apply",
    "kind_of",
    "plan",
    "read_file",
    "read_mapping",
    "refusal_counts",
    "sheet_ref",
]

NUMBER_FIELDS = {
    "effort",
    "cost",
    "volume_per_year",
    "cost_per_use",
    "quality",
    "digital_take_up",
    "user_satisfaction",
    "completion_rate",
    "failure_demand",
    "baseline",
    "target",
}
ID_LISTS = {"initiatives", "services", "objectives", "depends_on", "users"}
"""Fields holding ids of other entries, written in a cell separated by commas."""
TEXT_LISTS = {"technology", "systems"}
DATE_FIELDS = {"start", "end", "measured_on", "switch_off", "due"}
TEMPLATE_FIELDS = {
    "name",
    "statement",
    "description",
    "outcome",
    "owner",
    "owner_role",
    "function",
    "category",
    "due",
}
"""Fields ``digistrat new`` fills in itself (see :data:`digistrat.newentry.FIELDS`)."""
NEW_FUNCTION: dict[Kind, str] = {
    "initiatives": "clinical",
    "services": "operational",
    "commitments": "operational",
}
"""The owner's function ``digistrat new`` writes when it is not given (templates/new/)."""


@dataclass(frozen=True, slots=True)
class Note:
    """Something to tell the user: ``where`` is ``Sheet!C7`` (or a file name)."""

    where: str
    message: str
    hint: str = ""
    refused: bool = False
    """True for a row that was not imported (the command then exits 1)."""
    row: int | None = None
    """For a refused row: its row number (a refusal without one is about a column or sheet)."""
    also: tuple[Note, ...] = ()
    """For a refused row: its other reasons, each with its cell."""


@dataclass
class Entry:
    """One file to create."""

    kind: Kind
    id: str
    where: str
    """Sheet and row it came from, e.g. ``Matrix!A7``."""
    given: dict[str, str | None]
    """Values ``new`` fills in (name, owner, category, due …), as text."""
    extra: dict[str, Any]
    """Everything else, as YAML values (scores, status, measure …)."""
    text: str = ""
    """The file's text, once rendered."""

    @property
    def rel(self) -> str:
        return f"{self.kind}/{self.id}.yaml"

    @property
    def title(self) -> str:
        return str(self.given.get("name") or self.given.get("statement") or self.id)


@dataclass
class Plan:
    """What an import would do: files to create, criteria to add, and what to tell the user."""

    entries: list[Entry] = field(default_factory=list)
    criteria: list[CriterionSpec] = field(default_factory=list)
    """Criteria to add to strategy.yaml (it has none yet)."""
    notes: list[Note] = field(default_factory=list)
    replace_criteria: bool = False
    """Replace strategy.yaml's criteria with :attr:`criteria` (``--criteria replace``)."""
    example_criteria: bool = False
    """strategy.yaml's criteria are still the examples ``digistrat init`` wrote."""

    @property
    def refused(self) -> list[Note]:
        return [n for n in self.notes if n.refused]


# ---------------------------------------------------------------- planning


@dataclass
class Options:
    kind: Kind | None = None
    sheet: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    """Header → field, from ``--column`` and the mapping file."""
    criteria: list[CriterionSpec] = field(default_factory=list)
    """Criteria from the mapping file."""
    header_row: int | None = None
    replace_criteria: bool = False
    """Use the file's criteria instead of strategy.yaml's (``--criteria replace``)."""


MAPPING_EXAMPLE = """\
    kind: initiative          # optional: initiative, service or commitment
    columns:                  # each header (or column letter) and the field it is
      Project: name
      Project Lead: owner
      C: patient-benefit      # a criterion's scores, by the column's letter
      Notes: ignore"""


def read_mapping(path: Path) -> Options:
    """A mapping file: ``columns: {Header: field}``, and optionally ``kind``, ``sheet``,
    ``header_row`` and ``criteria`` (as in strategy.yaml)."""
    from digistrat.yamlio import load_bytes

    if not path.is_file():
        raise NoSuchFile(
            f"the mapping file {path} does not exist"
            + (" (it is a folder)" if path.exists() else "")
            + "; check the name given to --map."
        )
    try:
        loaded = load_bytes(path.read_bytes())
    except OSError as exc:
        raise ImportProblem(f"cannot read the mapping file {path}: {exc.strerror}.") from None
    if loaded.problems:
        p = loaded.problems[0]
        raise ImportProblem(
            f"{path.name}:{p.line}: the mapping file (--map) is not valid YAML there "
            f"({p.message}). A mapping file looks like:\n\n{MAPPING_EXAMPLE}"
        )
    data = loaded.data
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ImportProblem(
            f"{path.name}: the mapping file (--map) should be a block of `key: value` lines. "
            f"A mapping file looks like:\n\n{MAPPING_EXAMPLE}"
        )
    unknown = set(data) - {"columns", "kind", "sheet", "header_row", "criteria"}
    if unknown:
        raise ImportProblem(
            f"{path.name}: `{sorted(unknown)[0]}` is not a mapping setting; use columns, "
            "kind, sheet, header_row or criteria."
        )
    options = Options()
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise ImportProblem(f"{path.name}: `columns` should map each header to a field.")
    options.columns = {str(k): str(v) for k, v in columns.items()}
    if data.get("kind") is not None:
        options.kind = kind_of(str(data["kind"]))
    if data.get("sheet") is not None:
        options.sheet = str(data["sheet"])
    if data.get("header_row") is not None:
        if not isinstance(data["header_row"], int) or data["header_row"] < 1:
            raise ImportProblem(f"{path.name}: `header_row` should be a row number, like 3.")
        options.header_row = data["header_row"]
    for i, c in enumerate(data.get("criteria") or []):
        try:
            options.criteria.append(_criterion_spec(c))
        except (KeyError, TypeError, ValueError, AttributeError):
            raise ImportProblem(
                f"{path.name}: criterion {i + 1} needs an id, a weight and a max (and may "
                "have a label, min and direction), as in strategy.yaml."
            ) from None
    return options


def kind_of(text: str) -> Kind:
    kind = KINDS.get(text.strip().casefold())
    if kind is None:
        raise ImportProblem(
            f"`{text}` is not a kind import creates; use initiative, service or commitment."
        )
    return kind


def _header_index(table: Table, kind: Kind, criteria: Sequence[CriterionSpec]) -> int:
    """Index in ``table.rows`` of the header row: the first of the first rows with the most
    cells that name a field or criterion."""
    names = (
        set(_field_names(kind)) | {norm(c.label) for c in criteria} | {norm(c.id) for c in criteria}
    )
    best, best_score = 0, -1
    for i, (_, row) in enumerate(table.rows[:HEADER_SEARCH]):
        texts = [norm(c) for c in row if isinstance(c, str) and c.strip()]
        score = sum(
            1
            for t in texts
            if t in names or bare(t) in names or WEIGHTED.match(t) or t in COMPUTED[kind]
        )
        if score > best_score and len(texts) >= 2:
            best, best_score = i, score
    return best


def _guess_kind(table: Table) -> Kind:
    by_title = SHEET_KINDS.get(norm(table.title))
    if by_title:
        return by_title
    header = " | ".join(norm(c) for _, row in table.rows[:HEADER_SEARCH] for c in row if c)
    if re.search(r"\b(commitment|statement|due|target|baseline)\b", header):
        return "commitments"
    if re.search(r"\b(service|volume|cost per use|take up)\b", header):
        return "services"
    return "initiatives"


def workbook_criteria(tables: Sequence[Table]) -> list[CriterionSpec]:
    """Criteria from a ``Criteria`` sheet (as ``export xlsx`` writes it), if there is one."""
    for table in tables:
        if norm(table.title) != "criteria" or not table.rows:
            continue
        header = [norm(c) for c in table.rows[0][1]]
        out = []
        for _, row in table.rows[1:]:
            cells = dict(zip(header, row, strict=False))
            try:
                out.append(
                    CriterionSpec(
                        _text(cells["id"]),
                        _text(cells.get("criterion") or cells["id"]),
                        float(cells["weight"]),
                        float(cells.get("min") or 0),
                        float(cells["max"]),
                        str(cells.get("direction") or "higher-is-better"),
                    )
                )
            except (KeyError, TypeError, ValueError):
                continue
        return out
    return []


def plan(repo: Repository, path: Path, options: Options) -> Plan:
    """What importing ``path`` into ``repo`` would create (nothing is written)."""
    result = Plan()
    tables = read_file(path, options.sheet)
    result.notes += [Note(path.name, t.note) for t in tables if t.note]
    existing = [
        CriterionSpec(c.id, c.label, c.weight, c.min, c.max, c.direction)
        for c in (repo.strategy.scoring.criteria if repo.strategy else [])
    ]
    from_book = options.criteria or workbook_criteria(tables)
    replacing = options.replace_criteria and bool(existing)
    criteria = from_book if replacing else (existing or from_book)
    stated = bool(existing) and not replacing
    result.example_criteria = bool(existing) and existing == scaffold_criteria()
    taken: dict[Kind, set[str]] = {k: set() for k in ("initiatives", "services", "commitments")}
    for folder, ident in repo.declared:
        if folder in taken:
            taken[folder].add(ident)
    for kind_dir in taken:
        folder_path = repo.root / kind_dir
        if folder_path.is_dir():
            taken[kind_dir] |= {p.stem for p in folder_path.glob("*.yaml")}
    chosen: list[Table] = []
    for table in tables:
        title = norm(table.title)
        if len(tables) > 1 and options.sheet is None:
            if title in SKIPPED_SHEETS:
                if title != "read me":
                    result.notes.append(
                        Note(
                            table.title,
                            f"the sheet `{table.title}` was not imported: {SKIPPED_SHEETS[title]}.",
                        )
                    )
                continue
            if (
                title not in SHEET_KINDS
                and options.kind is None
                and (chosen or any(norm(t.title) in SHEET_KINDS for t in tables))
            ):
                result.notes.append(
                    Note(
                        table.title,
                        f"the sheet `{table.title}` was not imported: its name "
                        "does not say what it holds.",
                        f'Import it on its own with --sheet "{table.title}" --kind initiative '
                        "(or service, commitment).",
                    )
                )
                continue
        if not table.rows:
            result.notes.append(Note(table.title, f"the sheet `{table.title}` is empty."))
            continue
        chosen.append(table)
    order = {"initiatives": 0, "services": 1, "commitments": 2}
    prepared = []
    for table in chosen:
        kind = options.kind or _guess_kind(table)
        prepared.append((order[kind], kind, table))
    prepared.sort(key=lambda t: t[0])
    for _, kind, table in prepared:
        _plan_table(result, table, kind, criteria, stated, options, taken)
    if replacing:
        result.replace_criteria = bool(result.criteria)
        if not result.criteria:
            result.notes.append(
                Note(
                    path.name,
                    "--criteria replace was given, but the file has no criteria to replace "
                    "strategy.yaml's with, so strategy.yaml's criteria were kept",
                    "Criteria are read from headers like `Patient benefit (50%)` or from a "
                    "`Criteria` sheet.",
                )
            )
        else:
            gone = {c.id for c in existing} - {c.id for c in result.criteria}
            scored = sorted(
                ident for ident, ini in repo.initiatives.items() if set(ini.scores) & gone
            )
            if scored:
                result.notes.append(
                    Note(
                        "strategy.yaml",
                        f"the criteria replaced ({', '.join(sorted(gone))}) are still scored "
                        f"in {count(len(scored), 'initiative')}: "
                        + ", ".join(f"initiatives/{i}.yaml" for i in scored[:5])
                        + (", …" if len(scored) > 5 else ""),
                        "Score them against the new criteria, or delete the examples "
                        "`digistrat init` wrote; `digistrat check` lists them.",
                    )
                )
    return result


def scaffold_criteria() -> list[CriterionSpec]:
    """The example criteria ``digistrat init`` writes into strategy.yaml (to tell when they
    are still untouched)."""
    from digistrat.scaffold import plan as scaffold_plan
    from digistrat.yamlio import load_bytes

    text = scaffold_plan("Example", date(2026, 4, 1))["strategy.yaml"]
    data = load_bytes(text.encode()).data or {}
    return [_criterion_spec(c) for c in (data.get("scoring") or {}).get("criteria") or []]


def _cell(table: Table, row_no: int, index: int) -> str:
    return f"{sheet_ref(table.title)}!{get_column_letter(index + 1)}{row_no}"


def sheet_ref(title: str) -> str:
    """A sheet's name as a spreadsheet writes it in a reference: ``Matrix``, ``'My sheet'``."""
    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", title):
        return title
    return "'" + title.replace("'", "''") + "'"


def _plan_table(
    result: Plan,
    table: Table,
    kind: Kind,
    criteria: list[CriterionSpec],
    stated: bool,
    options: Options,
    taken: dict[Kind, set[str]],
) -> None:
    if options.header_row is not None:
        at = next((i for i, (n, _) in enumerate(table.rows) if n == options.header_row), None)
        if at is None:
            raise ImportProblem(f"row {options.header_row} of `{table.title}` is empty.")
    else:
        at = _header_index(table, kind, criteria)
    header_no, header = table.rows[at]
    body = table.rows[at + 1 :]
    if len(body) > MAX_ROWS:
        raise ImportProblem(_too_many(table.title))
    columns, found = match_columns(kind, header, criteria, options.columns, [r for _, r in body])
    known_ids = {c.id for c in criteria}
    if found and not stated and not criteria:
        scaled = _scales(found, columns, body, table)
        criteria.extend(scaled.specs)
        result.notes.extend(scaled.notes)
        known_ids = {c.id for c in criteria}
    if kind == "initiatives" and not stated and criteria and not result.criteria:
        result.criteria = list(criteria)
    blocked = _mapping_problems(result, table, kind, columns, header_no, criteria)
    unknown = [
        (c, spec)
        for spec in found
        for c in columns
        if stated and c.field == "score:" + spec.id and spec.id not in known_ids
    ]
    if unknown:
        blocked = True
        _refuse_criteria(result, table, header_no, unknown, criteria)
        for col, _ in unknown:
            col.field, col.ignored = None, True
    weights = {c.id: c.weight for c in criteria}
    total_weight = sum(weights.values())
    for col in columns:
        where = _cell(table, header_no, col.index)
        ident = col.field[6:] if col.field and col.field.startswith("score:") else ""
        if col.weight is not None and ident in weights and stated and total_weight > 0:
            share = 100 * weights[ident] / total_weight
            if abs(share - col.weight) > 0.05:
                result.notes.append(
                    Note(
                        where,
                        f"the sheet weighs `{col.header}` at {col.weight:g}%, strategy.yaml at "
                        f"{share:.3g}%: the scores are imported, and ranked with the weights in "
                        "strategy.yaml",
                        f"If the sheet is right, change the weight of `{ident}` under "
                        "`scoring: criteria:` in strategy.yaml.",
                    )
                )
        if col.described and not blocked:
            result.notes.append(
                Note(
                    where,
                    f"the column `{col.header}` describes the criterion in words; its scores "
                    f"are in the `{col.described}` column after it, so the words were not "
                    "imported",
                    "Copy them into the initiatives' descriptions by hand if you need them.",
                )
            )
        if col.field and col.field.startswith("score:") and col.field[6:] not in known_ids:
            ident = col.field[6:]
            letter = get_column_letter(col.index + 1)
            result.notes.append(
                Note(
                    where,
                    f"the column {letter} (`{col.header}`) holds scores for `{ident}`, a "
                    "criterion strategy.yaml does not have, so no row of the sheet was "
                    "imported (its scores would have been lost)",
                    f"Add `{ident}` under `scoring: criteria:` in strategy.yaml and import "
                    "again, or map the column to a criterion it has with "
                    f'--column "{letter}=<criterion id>" (its criteria: '
                    + (", ".join(sorted(known_ids)) or "none yet")
                    + ").",
                    refused=True,
                )
            )
            blocked = True
            col.field = None
            col.ignored = True
        elif col.mapped_to is not None:
            pass  # told by _mapping_problems
        elif col.field is None and not col.computed and not col.ignored and col.header:
            result.notes.append(
                Note(
                    where,
                    f"the column `{col.header}` matches no field of {kind}, so it was not imported",
                    f'Map it with --column "{col.header}=<field>" (fields: '
                    + ", ".join(ALIASES[kind])
                    + (", or a criterion id" if kind == "initiatives" else "")
                    + f') or leave it out with --column "{col.header}=ignore".',
                )
            )
        elif col.field is None and not col.header and not col.ignored:
            result.notes.append(
                Note(
                    where,
                    "a column with no header holds values, so it was not imported",
                    "Give it a header, or map it in a mapping file.",
                )
            )
    if blocked:
        return
    key = "statement" if kind == "commitments" else "name"
    if not any(c.field == key for c in columns):
        result.notes.append(
            Note(
                _cell(table, header_no, 0),
                f"no column of `{table.title}` gives the {key} of each {kind[:-1]}, so no row "
                "was imported",
                f'Name the column `{key}`, or map it with --column "<header>={key}".',
                refused=True,
            )
        )
        return
    unknown_function = 0
    for row_no, row in body:
        entry = _entry(result, table, kind, columns, row_no, row, taken, criteria)
        if entry is not None:
            result.entries.append(entry)
            taken[kind].add(entry.id)
            if entry.given.get("owner") and not entry.given.get("function"):
                unknown_function += 1
    if unknown_function:
        default = NEW_FUNCTION[kind]
        result.notes.append(
            Note(
                table.title,
                f"the sheet `{table.title}` does not say which part of the organisation each "
                f"owner is in, so {count(unknown_function, 'owner was', 'owners were')} written "
                f"with `function: {default}`, the placeholder `digistrat new` writes: it is not "
                "from the sheet, so check each one",
                "Set `function:` under `owner:` in each file (clinical, operational, digital or "
                "corporate), or add a `Function` column to the sheet and import it into a "
                "repository without these entries.",
            )
        )


def _mapping_problems(
    result: Plan,
    table: Table,
    kind: Kind,
    columns: list[Column],
    header_no: int,
    criteria: Sequence[CriterionSpec],
) -> bool:
    """Refuse columns mapped to something that is neither a field nor a criterion (a typo):
    True if there was one, and then no row of the sheet is imported."""
    fields = list(ALIASES[kind])
    ids = [c.id for c in criteria] if kind == "initiatives" else []
    found = False
    for col in columns:
        if col.mapped_to is None:
            continue
        found = True
        close = closest(col.mapped_to, [*fields, *ids])
        named = f"column {col.mapped_by}" if col.mapped_by else f"`{col.header}`"
        result.notes.append(
            Note(
                _cell(table, header_no, col.index),
                f"the mapping says {named} is `{col.mapped_to}`, which is not a field of "
                f"{kind}"
                + (" nor a criterion in strategy.yaml" if kind == "initiatives" else "")
                + (f"; did you mean `{close}`?" if close else "")
                + " No row of the sheet was imported",
                "Its fields: "
                + ", ".join(fields)
                + (f"; its criteria: {', '.join(ids)}" if ids else "")
                + '. Or leave the column out with "=ignore".',
                refused=True,
            )
        )
    return found


def _refuse_criteria(
    result: Plan,
    table: Table,
    header_no: int,
    unknown: list[tuple[Column, CriterionSpec]],
    criteria: Sequence[CriterionSpec],
) -> None:
    """The sheet scores against criteria strategy.yaml does not have: refuse the sheet, since
    importing it would drop every one of those scores."""
    listed = ", ".join(
        f"`{spec.label}` (column {get_column_letter(col.index + 1)})" for col, spec in unknown
    )
    have = ", ".join(c.label for c in criteria)
    first = get_column_letter(unknown[0][0].index + 1)
    example = (
        "strategy.yaml still has the example criteria `digistrat init` wrote (" + have + "). "
        if result.example_criteria
        else f"strategy.yaml has: {have}. "
    )
    result.notes.append(
        Note(
            _cell(table, header_no, unknown[0][0].index),
            f"the sheet scores against {count(len(unknown), 'criterion', 'criteria')} "
            f"strategy.yaml does not have ({listed}), so no row of the sheet was imported: "
            "its scores would have been lost",
            example
            + "To use the sheet's criteria instead, import again with --criteria replace. To "
            "keep strategy.yaml's, map each score column to one of them by its letter, like "
            f'--column "{first}={criteria[0].id if criteria else "<criterion id>"}", or add the '
            "sheet's criteria under `scoring: criteria:` in strategy.yaml.",
            refused=True,
        )
    )


@dataclass
class _Scaled:
    specs: list[CriterionSpec]
    notes: list[Note]


def _scales(
    found: list[CriterionSpec],
    columns: list[Column],
    body: list[tuple[int, list[Any]]],
    table: Table,
) -> _Scaled:
    """Scales for criteria read from headers like ``Patient benefits (50%)``: from scores
    written like "8/10"; else the one of 5, 10 or 100 per criterion that reproduces the sheet's
    own Total column; else the smallest of those at or above the highest score."""
    where = {c.field[6:]: c.index for c in columns if c.field and c.field.startswith("score:")}
    total_col = next(
        (
            c.index
            for c in columns
            if norm(c.header) in ("total", "total score", "score total", "weighted total")
        ),
        None,
    )
    stated: dict[str, float] = {}
    highest: dict[str, float] = {}
    for spec in found:
        i = where.get(spec.id)
        for _, row in body:
            if i is None or i >= len(row):
                continue
            out_of = _out_of(row[i])
            if out_of:
                stated[spec.id] = max(stated.get(spec.id, 0), out_of)
            n = _number(row[i])
            if n is not None:
                highest[spec.id] = max(highest.get(spec.id, 0), n)
    candidates = (5.0, 10.0, 100.0)
    notes: list[Note] = []
    choice: dict[str, float] = {}
    free = [s for s in found if s.id not in stated]
    if total_col is not None and free and len(free) <= 6:
        rows = []
        for _, row in body:
            total = _number(row[total_col]) if total_col < len(row) else None
            scores = {
                s.id: _number(row[where[s.id]]) if where.get(s.id, 99999) < len(row) else None
                for s in found
            }
            if total is not None and all(v is not None for v in scores.values()):
                rows.append((total, scores))
        weight_sum = sum(Fraction(repr(s.weight)) for s in found)
        if rows and weight_sum > 0:
            for combo in product(candidates, repeat=len(free)):
                scale = stated | dict(zip((s.id for s in free), combo, strict=True))
                fits = all(
                    abs(
                        float(
                            sum(
                                Fraction(repr(s.weight))
                                / weight_sum
                                * Fraction(repr(scores[s.id]))
                                / Fraction(repr(scale[s.id]))
                                for s in found
                            )
                            * 100
                        )
                        - (total * 100 if total <= 1 else total)
                    )
                    < 0.51
                    for total, scores in rows
                )
                if fits:
                    choice = dict(scale)
                    break
    specs = []
    for spec in found:
        top: float | None = stated.get(spec.id) or choice.get(spec.id)
        why = ""
        if spec.id in stated:
            why = f'scores are written like "8/{stated[spec.id]:g}"'
        elif top:
            why = "that scale reproduces the sheet's own totals"
        else:
            high = highest.get(spec.id, 0)
            top = next((c for c in candidates if high <= c), max(high, 1.0))
            why = f"the highest score is {high:g}"
        assert top is not None
        specs.append(CriterionSpec(spec.id, spec.label, spec.weight, 0, top, spec.direction))
        notes.append(
            Note(
                table.title,
                f"the criterion `{spec.label}` (weight {spec.weight:g}) is taken as scored from "
                f"0 to {top:g}: {why}",
                "If the scale is different, change `min` and `max` of "
                f"`{spec.id}` under `scoring: criteria:` in strategy.yaml.",
            )
        )
    return _Scaled(specs, notes)


def _entry(
    result: Plan,
    table: Table,
    kind: Kind,
    columns: list[Column],
    row_no: int,
    row: list[Any],
    taken: dict[Kind, set[str]],
    criteria: Sequence[CriterionSpec],
) -> Entry | None:
    given: dict[str, str | None] = {}
    extra: dict[str, Any] = {}
    scores: dict[str, float] = {}
    score_cells: dict[str, str] = {}
    measure: dict[str, Any] = {}
    measures: dict[str, Any] = {}
    ident: str | None = None
    ident_cell = ""
    problems: list[tuple[str, str, str]] = []
    scale = {c.id: c for c in criteria}
    told: list[Note] = []  # told only if the row is imported

    def refuse(where: str, message: str, hint: str) -> None:
        problems.append((where, message, hint))

    for col in columns:
        if col.field is None or col.index >= len(row):
            continue
        value = row[col.index]
        where = _cell(table, row_no, col.index)
        if (row_no, col.index + 1) in table.formulas:
            refuse(
                where,
                f"the cell holds a formula with no saved result, so its `{col.header}` cannot "
                "be read",
                "Open the file in Excel or LibreOffice and save it (that stores the results), "
                "or type the value in.",
            )
            continue
        if _blank(value):
            continue
        name = col.field
        if name.startswith("score:"):
            n = _number(value)
            if n is None:
                refuse(
                    where,
                    f"the score `{_text(value)}` under `{col.header}` is not a number",
                    'Write a number, like 8 (or "8/10").',
                )
                continue
            scores[name[6:]] = _int(n)
            score_cells[name[6:]] = where
            continue
        if name == "id":
            ident, ident_cell = _slug(_text(value)), where
            if ident != _text(value):
                told.append(
                    Note(
                        where,
                        f"the id `{_text(value)}` was written as `{ident}` (ids are "
                        "lower-case words joined by hyphens)",
                    )
                )
            continue
        if name in NUMBER_FIELDS:
            n = _number(value)
            if n is None:
                refuse(
                    where,
                    f"`{_text(value)}` under `{col.header}` is not a number",
                    "Write a number, like 12 or 0.5.",
                )
                continue
            if name in ("baseline", "target"):
                measure[name] = _int(n)
            elif kind == "services" and name not in ("effort", "cost"):
                measures[name] = _int(n)
            else:
                extra[name] = _int(n)
            continue
        if name in DATE_FIELDS:
            d = _date_text(value)
            if d is None:
                refuse(
                    where,
                    f"`{_text(value)}` under `{col.header}` is not a date",
                    "Write it like 2027-03-31 or 31 March 2027.",
                )
                continue
            if name == "due":
                given["due"] = d.isoformat()
            elif name == "measured_on":
                measures[name] = d
            else:
                extra[name] = d
            continue
        text = _text(value)
        options = CHOICES[kind].get(name)
        if options:
            chosen = _choice(text, options)
            if chosen is None:
                refuse(where, *_not_a_choice(kind, name, text, options, col.header))
                continue
            if name == "opportunity":
                extra["opportunity"] = {"level": chosen}
            elif name in TEMPLATE_FIELDS:
                given[name] = chosen
            else:
                extra[name] = chosen
            continue
        if name == "owner":
            m = _OWNER.match(text)
            if m and not any(c.field == "owner_role" for c in columns):
                given["owner"], given["owner_role"] = m["name"].strip(), m["role"].strip()
            else:
                given["owner"] = text
            continue
        if name in ("metric", "unit"):
            measure[name] = text
            continue
        if name in ID_LISTS:
            extra[name] = [_slug(t) for t in re.split(r"[,;\n]+", text) if t.strip()]
            continue
        if name in TEXT_LISTS:
            extra[name] = [t.strip() for t in re.split(r"[,;\n]+", text) if t.strip()]
            continue
        if name == "team":
            extra["team"] = text
            continue
        given[name] = text
    key = "statement" if kind == "commitments" else "name"
    first = _cell(table, row_no, 0)
    if not given.get(key):
        if given or extra or scores or measure:
            refuse(
                first,
                f"the row has no {key}, so it was not imported",
                f"Fill in its {key}, or delete the row.",
            )
        else:
            return None
    if ident is None and given.get(key):
        ident = _slug(str(given[key]))[:60].strip("-")
        ident_cell = first
    earlier = next((e.where for e in result.entries if (e.kind, e.id) == (kind, ident)), None)
    if ident and earlier:
        refuse(
            ident_cell,
            f"`{ident}` is the id of the row at {earlier} too, so this row was not imported",
            "Give one of them another id (an ID column), or delete the repeated row.",
        )
    elif ident and ident in taken[kind]:
        refuse(
            ident_cell,
            f"`{ident}` exists already ({kind}/{ident}.yaml), so the row was not "
            "imported; the file was not changed",
            "Give the row another id, or change the existing file by hand.",
        )
    if measure:
        if "metric" not in measure:
            refuse(
                first,
                "the row has a baseline or target but no measure",
                "Add the measure's name in a `Measure` column.",
            )
        else:
            extra["measure"] = measure
    if measures:
        extra["measures"] = measures
    if scores:
        extra["scores"] = scores
        for cid, value in scores.items():
            c = scale.get(cid)
            if c and not c.min <= value <= c.max:
                told.append(
                    Note(
                        score_cells[cid],
                        f"the `{c.label}` score of `{given.get(key)}` is {value:g}, outside "
                        f"its scale ({c.min:g} to {c.max:g}); it is imported as written and "
                        "`digistrat check` will report it",
                    )
                )
    if problems:
        (where, message, hint), *others = problems
        also = tuple(Note(w, m, h, refused=True, row=row_no) for w, m, h in others)
        result.notes.append(Note(where, message, hint, refused=True, row=row_no, also=also))
        return None
    result.notes.extend(told)
    assert ident is not None
    return Entry(kind, ident, first, given, extra)


def _row_of(where: str) -> int | None:
    """The row number of a cell reference like ``Matrix!A7`` (7)."""
    m = re.search(r"(\d+)$", where)
    return int(m[1]) if m else None


def refusal_counts(notes: Sequence[Note]) -> tuple[int, int]:
    """Refused rows and other refusals (columns, sheets, the file), each counted once."""
    refused = [n for n in notes if n.refused]
    rows = {(n.where.rpartition("!")[0], n.row) for n in refused if n.row is not None}
    return len(rows), sum(1 for n in refused if n.row is None)


def _int(n: float) -> float | int:
    return int(n) if float(n).is_integer() and abs(n) < 2**53 else n


# ---------------------------------------------------------------- writing


@dataclass
class Outcome:
    """What an import did (or, with ``dry_run``, would do)."""

    created: list[Entry] = field(default_factory=list)
    criteria_added: list[CriterionSpec] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)

    @property
    def refused(self) -> list[Note]:
        return [n for n in self.notes if n.refused]


def apply(repo: Repository, plan: Plan, *, dry_run: bool = False) -> Outcome:
    """Write what ``plan`` says: criteria into strategy.yaml (only if it has none), then each
    entry as ``digistrat new`` writes it. Never overwrites; with ``dry_run`` writes nothing."""
    from digistrat.edit import EditError, edit_file, entity_text, new_entity
    from digistrat.models import Strategy

    out = Outcome(notes=list(plan.notes))
    has_criteria = bool(repo.strategy and repo.strategy.scoring.criteria)
    if plan.criteria and (not has_criteria or plan.replace_criteria):
        specs = plan.criteria

        def add(data: Any) -> None:
            criteria = [
                {
                    "id": c.id,
                    "label": c.label,
                    "weight": _int(c.weight),
                    "min": _int(c.min),
                    "max": _int(c.max),
                }
                | ({"direction": c.direction} if c.direction != "higher-is-better" else {})
                for c in specs
            ]
            scoring = data.get("scoring")
            if scoring is None:
                data["scoring"] = {"model": "weighted", "criteria": criteria}
            else:
                scoring["criteria"] = criteria

        target = repo.root / "strategy.yaml"
        if not dry_run:
            try:
                edit_file(target, Strategy, add, rel="strategy.yaml")
            except (EditError, OSError) as exc:
                out.notes.append(
                    Note(
                        "strategy.yaml",
                        f"the scoring criteria could not be added: {exc}",
                        "Fix strategy.yaml (`digistrat check` lists its problems) and import "
                        "again; no initiative was imported.",
                        refused=True,
                    )
                )
                return out
        out.criteria_added = list(specs)
    criteria = [
        c.id for c in (plan.criteria or (repo.strategy.scoring.criteria if repo.strategy else []))
    ]
    known: dict[str, set[str]] = {}
    for folder, ident in repo.declared:
        known.setdefault(folder, set()).add(ident)
    for entry in plan.entries:
        try:
            if dry_run:
                _, entry.text = entity_text(
                    repo.root,
                    entry.kind,
                    entry.id,
                    known=known,
                    values=entry.given,
                    criteria=criteria,
                    extra=entry.extra,
                )
            else:
                new_entity(
                    repo.root,
                    entry.kind,
                    entry.id,
                    known=known,
                    values=entry.given,
                    criteria=criteria,
                    extra=entry.extra,
                )
        except EditError as exc:
            out.notes.append(
                Note(
                    entry.where,
                    f"`{entry.title}` was not imported: {exc}",
                    "Correct the row and import again.",
                    refused=True,
                    row=_row_of(entry.where),
                )
            )
            continue
        except OSError as exc:
            out.notes.append(
                Note(
                    entry.where,
                    f"`{entry.title}` could not be written: {exc.strerror or exc}",
                    refused=True,
                    row=_row_of(entry.where),
                )
            )
            continue
        out.created.append(entry)
    return out


def _criterion_spec(c: Any) -> CriterionSpec:
    """A criterion as a mapping file or strategy.yaml writes it (raises KeyError, TypeError,
    ValueError or AttributeError when it is not one)."""
    return CriterionSpec(
        str(c["id"]),
        str(c.get("label", c["id"])),
        float(c["weight"]),
        float(c.get("min", 0)),
        float(c["max"]),
        str(c.get("direction", "higher-is-better")),
    )
