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

This module returns data (:class:`Plan`); only the command line prints.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from fractions import Fraction
from itertools import product
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from openpyxl.utils import get_column_letter

from digistrat.exchange.cells import unsafe_text
from digistrat.loader import Repository
from digistrat.models import Commitment, Initiative, Service
from digistrat.suggest import closest
from digistrat.voice import count

MAX_ROWS = 5000
"""Rows read from one sheet at most: a register bigger than this is refused, not truncated."""
MAX_COLUMNS = 200
HEADER_SEARCH = 20
"""The header row is looked for among the first rows of a sheet."""
MAX_BYTES = 50 * 2**20

Kind = Literal["initiatives", "services", "commitments"]
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


class ImportProblem(Exception):
    """The file cannot be imported at all (unreadable, too big, no header): nothing written."""


class NoSuchFile(ImportProblem):
    """The file (or mapping file) named does not exist: a usage mistake (exit 2)."""


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
class Table:
    """One sheet as read: rows of cell values with their 1-based row numbers."""

    title: str
    rows: list[tuple[int, list[Any]]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    """(row, column) of cells holding a formula with no saved value."""
    note: str | None = None
    """How it was read, if the user should know (a CSV that was not UTF-8)."""


@dataclass(frozen=True, slots=True)
class CriterionSpec:
    id: str
    label: str
    weight: float
    min: float
    max: float
    direction: str = "higher-is-better"


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


# ---------------------------------------------------------------- reading


def read_file(path: Path, sheet: str | None = None) -> list[Table]:
    """The sheets of an xlsx workbook (only ``sheet`` if given) or the one table of a csv."""
    if not path.exists():
        raise NoSuchFile(f"{path} does not exist; check the name and the folder.")
    if not path.is_file():
        raise NoSuchFile(f"{path} is a folder, not a file; give the .xlsx or .csv file in it.")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ImportProblem(
            f"{path.name} is {size // 2**20} MiB; import reads files up to "
            f"{MAX_BYTES // 2**20} MiB. Split it, or remove the sheets you do not need."
        )
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet)
    if suffix in (".csv", ".tsv"):
        return [_read_csv(path)]
    raise ImportProblem(
        f"{path.name} is not an .xlsx or .csv file, so it was not read. Save it from your "
        "spreadsheet as Excel workbook (.xlsx) or CSV, then import that."
    )


def _read_xlsx(path: Path, only: str | None) -> list[Table]:
    import zipfile

    from openpyxl import load_workbook

    try:
        values = load_workbook(path, read_only=True, data_only=True)
        formulas = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError) as exc:
        raise ImportProblem(
            f"{path.name} could not be read as an Excel workbook ({type(exc).__name__}). "
            "Open it in Excel or LibreOffice and save it again as .xlsx."
        ) from None
    except Exception as exc:  # openpyxl raises its own errors for damaged parts
        raise ImportProblem(
            f"{path.name} could not be read as an Excel workbook ({exc}). "
            "Open it in Excel or LibreOffice and save it again as .xlsx."
        ) from None
    try:
        names = values.sheetnames
        if only is not None:
            match = [n for n in names if n.casefold() == only.casefold()]
            if not match:
                raise ImportProblem(
                    f"{path.name} has no sheet called `{only}`; its sheets are: "
                    + ", ".join(names)
                    + "."
                )
            names = match
        return [_read_sheet(values[name], formulas[name], name) for name in names]
    except ImportProblem:
        raise
    except Exception as exc:  # a damaged sheet inside a valid zip
        raise ImportProblem(
            f"{path.name} could not be read as an Excel workbook: a sheet is damaged "
            f"({type(exc).__name__}). Open it in Excel or LibreOffice and save it again."
        ) from None
    finally:
        values.close()
        formulas.close()


def _read_sheet(ws: Any, wf: Any, name: str) -> Table:
    """One sheet's non-blank rows, noting formulas that have no saved value."""
    table = Table(name, [])
    for (row_no, row), frow in zip(
        enumerate(ws.iter_rows(values_only=True), 1),
        wf.iter_rows(values_only=True),
        strict=False,
    ):
        cells = _within_columns(list(row), name, row_no)
        for col, (v, f) in enumerate(zip(cells, frow, strict=False), 1):
            if v is None and isinstance(f, str) and f.startswith("="):
                table.formulas.add((row_no, col))
        if any(_blank(c) is False for c in cells):
            if len(table.rows) >= MAX_ROWS + HEADER_SEARCH:
                raise ImportProblem(_too_many(name))
            table.rows.append((row_no, cells))
    return table


def _within_columns(cells: list[Any], name: str, row_no: int) -> list[Any]:
    """The row's cells, refusing the file if a value lies beyond :data:`MAX_COLUMNS`."""
    if len(cells) > MAX_COLUMNS:
        if any(not _blank(c) for c in cells[MAX_COLUMNS:]):
            raise ImportProblem(
                f"row {row_no} of `{name}` has values beyond column {MAX_COLUMNS}; import reads "
                f"up to {MAX_COLUMNS} columns, so nothing was imported. Remove the columns you "
                "do not need."
            )
        cells = cells[:MAX_COLUMNS]
    return cells


def _too_many(name: str) -> str:
    return (
        f"the sheet `{name}` has more than {MAX_ROWS:,} rows; import reads up to {MAX_ROWS:,} "
        "from one sheet, so nothing was imported. Split it into smaller sheets."
    )


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of a CSV file, and a note when it was not UTF-8 (a BOM is understood)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            raise ImportProblem(
                f"{name} starts like UTF-16 text but is not; save it again as CSV UTF-8."
            ) from None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), (
            f"{name} is not UTF-8, so it was read as Windows text (cp1252, as Excel saves "
            "'CSV'); check names with accents or £ signs, or save it as CSV UTF-8."
        )


def _read_csv(path: Path) -> Table:
    text, note = decode(path.read_bytes(), path.name)
    if "\x00" in text:
        raise ImportProblem(f"{path.name} is not a text file (it holds NUL bytes).")
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = Table(path.stem, [], note=note)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for row_no, row in enumerate(reader, 1):
            cells: list[Any] = _within_columns(list(row), path.stem, row_no)
            if any(_blank(c) is False for c in cells):
                if len(table.rows) >= MAX_ROWS + HEADER_SEARCH:
                    raise ImportProblem(_too_many(path.name))
                table.rows.append((row_no, cells))
    except csv.Error as exc:
        raise ImportProblem(f"{path.name} could not be read as CSV: {exc}.") from None
    return table


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------- matching headers


def norm(text: Any) -> str:
    """A header as compared: lower case, words only (``Due-date`` → ``due date``)."""
    return " ".join(re.sub(r"[^0-9a-z%£]+", " ", str(text).casefold().replace("_", " ")).split())


def loose(text: Any) -> str:
    """A criterion's name as compared: as :func:`norm`, and plurals made singular
    (``Patient Benefits`` is the criterion ``Patient benefit``)."""
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in norm(text).split())


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


# ---------------------------------------------------------------- values


_FRACTION = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(?:/|out of)\s*(\d+(?:\.\d+)?)\s*$", re.I)
_NUMBER_TEXT = re.compile(r"^\s*[£$€]?\s*(-?[\d,]*\.?\d+)\s*(%|k|m)?\s*$", re.I)


def _number(value: Any) -> float | None:
    """A number from a cell: 8, "8", "8/10" (8), "70%" (70), "£1,200" (1200), "1.2m"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    m = _FRACTION.match(text)
    if m:
        return float(m[1])
    m = _NUMBER_TEXT.match(text)
    if m:
        try:
            number = float(m[1].replace(",", ""))
        except ValueError:
            return None
        suffix = (m[2] or "").lower()
        return number * {"k": 1e3, "m": 1e6}.get(suffix, 1)
    return None


def _out_of(value: Any) -> float | None:
    """The scale of a score written like "8/10" (10), or None."""
    if isinstance(value, str):
        m = _FRACTION.match(value)
        if m:
            return float(m[2])
    return None


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        1,
    )
    for m in names
}


def _date(value: Any) -> date | None:
    """A date from a cell: a spreadsheet date, 2027-03-31, 31/03/2027 (UK) or 31 March 2027."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if re.match(r"^\d{4}-\d\d-\d\d", text) else None
    except ValueError:
        return None


def _date_text(value: Any) -> date | None:
    found = _date(value)
    if found or not isinstance(value, str):
        return found
    text = value.strip()
    m = re.match(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$", text)
    try:
        if m:
            return date(int(m[3]), int(m[2]), int(m[1]))
        m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$", text)
        if m and m[2].casefold() in _MONTHS:
            return date(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
    except ValueError:
        return None
    return None


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    return unsafe_text(" ".join(str(value).split()) if "\n" not in str(value) else str(value))


def _choices(model: type[Any], name: str) -> tuple[str, ...]:
    annotation = model.model_fields[name].annotation
    if get_origin(annotation) is Literal:
        return tuple(a for a in get_args(annotation) if isinstance(a, str))
    out: list[str] = []
    for arg in get_args(annotation):
        if get_origin(arg) is Literal:
            out += [a for a in get_args(arg) if isinstance(a, str)]
    return tuple(out)


CHOICES: dict[Kind, dict[str, tuple[str, ...]]] = {
    "initiatives": {
        "category": _choices(Initiative, "category"),
        "type": _choices(Initiative, "type"),
        "status": _choices(Initiative, "status"),
        "function": ("clinical", "operational", "digital", "corporate"),
    },
    "services": {
        "kind": _choices(Service, "kind"),
        "phase": _choices(Service, "phase"),
        "status": _choices(Service, "status"),
        "function": ("clinical", "operational", "digital", "corporate"),
        "opportunity": ("high", "medium", "low"),
    },
    "commitments": {
        "status": _choices(Commitment, "status"),
        "function": ("clinical", "operational", "digital", "corporate"),
    },
}
SYNONYMS = {
    "in progress": "in-progress",
    "underway": "in-progress",
    "complete": "done",
    "completed": "done",
    "cancelled": "stopped",
    "on track": "on-track",
    "green": "on-track",
    "at risk": "at-risk",
    "amber": "at-risk",
    "off track": "off-track",
    "red": "off-track",
    "proposal": "proposed",
}


def _choice(value: str, options: Sequence[str]) -> str | None:
    key = norm(value)
    key = SYNONYMS.get(key, key)
    for option in options:
        if key == norm(option) or key == option:
            return option
    return None


RAG = {"green", "amber", "red", "g", "a", "r", "rag green", "rag amber", "rag red"}
"""RAG ratings: a commitment's status (on track, at risk, off track), not an initiative's."""


def _not_a_choice(
    kind: Kind, name: str, text: str, options: Sequence[str], header: str
) -> tuple[str, str]:
    """Why ``text`` is not one of ``options``, and a hint (with a did-you-mean for a typo)."""
    what = name.replace("_", " ")
    listed = "Use one of: " + ", ".join(options) + "."
    if name == "status" and kind == "initiatives" and norm(text) in RAG:
        return (
            f"`{text}` is a RAG rating, but an initiative's status says where it is in its "
            f"life ({', '.join(options)}), so the row was not imported",
            f"Write one of those instead, or leave the column out with "
            f'--column "{header}=ignore" (a RAG rating belongs to a commitment\'s status: '
            "Green is on-track, Amber at-risk, Red off-track).",
        )
    words = {norm(o): o for o in options} | {
        k: v for k, v in SYNONYMS.items() if v in options and k not in RAG
    }
    close = closest(norm(text), list(words))
    if close is not None:
        return f"`{text}` is not a {what}; did you mean `{words[close]}`?", listed
    return f"`{text}` is not a {what}", listed


_OWNER = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>.+)\)\s*$")


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
            options.criteria.append(
                CriterionSpec(
                    str(c["id"]),
                    str(c.get("label", c["id"])),
                    float(c["weight"]),
                    float(c.get("min", 0)),
                    float(c["max"]),
                    str(c.get("direction", "higher-is-better")),
                )
            )
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
    return [
        CriterionSpec(
            str(c["id"]),
            str(c.get("label", c["id"])),
            float(c["weight"]),
            float(c.get("min", 0)),
            float(c["max"]),
            str(c.get("direction", "higher-is-better")),
        )
        for c in (data.get("scoring") or {}).get("criteria") or []
    ]


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
        if col.described:
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
