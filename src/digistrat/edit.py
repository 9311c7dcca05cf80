"""Safe edits to the user's files: comment-preserving, validated first, written atomically.

Every write command goes through here. A file is edited with ruamel.yaml's round-trip mode, so
comments, key order, quoting, blank lines, indentation and line endings survive; the edited
text is then read back with digistrat's own safe loader and validated against the models, and
only a valid result is written, atomically (a temporary file, then a rename). An edit that would
make the file invalid is refused and explained; the file is left untouched.
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from digistrat.atomic import write_bytes
from digistrat.models import KINDS
from digistrat.models.common import ID_PATTERN, trim_text
from digistrat.validation import findings_from
from digistrat.yamlio import MAX_FILE_BYTES, YMap, YSeq, decode, load_text

_ID_RE = re.compile(ID_PATTERN)
_RESERVED = {"con", "prn", "aux", "nul", "index", "assets"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)
}
KIND_ALIASES = {
    "service": "services",
    "user": "users",
    "user-group": "users",
    "initiative": "initiatives",
    "commitment": "commitments",
}


class EditError(Exception):
    """The edit cannot be made; the message says why and what to do. ``usage`` marks bad
    arguments (exit 2) as opposed to a refused edit (exit 1)."""

    def __init__(self, message: str, *, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


@dataclass(frozen=True, slots=True)
class Style:
    """How a file is written, detected so that an edit keeps it."""

    newline: str
    bom: bool
    mapping_indent: int
    sequence_indent: int
    sequence_offset: int


def _yaml(style: Style) -> Any:
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 100_000  # never re-wrap anyone's long lines
    yaml.indent(
        mapping=style.mapping_indent, sequence=style.sequence_indent, offset=style.sequence_offset
    )
    return yaml


def read_text(path: Path) -> tuple[str, Style]:
    """The file's text (UTF-8 only: anything else is refused) and its detected style."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EditError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise EditError(f"{path} is larger than the {MAX_FILE_BYTES // 2**20} MiB limit.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EditError(f"{path} is saved as UTF-16: save it as UTF-8 first, then try again.")
    text, problem = decode(raw)
    if text is None:
        raise EditError(f"{path}: {problem.message if problem else 'cannot be read'}.")
    mapping, offset = _guess_indent(text)
    style = Style(
        newline="\r\n" if "\r\n" in text else "\n",
        bom=raw.startswith(b"\xef\xbb\xbf"),
        mapping_indent=mapping,
        sequence_indent=offset + 2,
        sequence_offset=offset,
    )
    return text.replace("\r\n", "\n"), style


def _guess_indent(text: str) -> tuple[int, int]:
    """(mapping indent, dash offset of block lists) as used in ``text``; (2, 2) if unknown.

    Looks at each ``key:`` that ends its line and at the first content line below it.
    """
    mapping: int | None = None
    offset: int | None = None
    parent: int | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        if parent is not None and indent >= parent:
            step = indent - parent
            if stripped.startswith("- ") or stripped == "-":
                offset = step if offset is None else offset
            elif step > 0:
                mapping = step if mapping is None else mapping
        if mapping is not None and offset is not None:
            break
        body = stripped[2:] if stripped.startswith("- ") else stripped
        key_only = body.split(" #", 1)[0].rstrip().endswith(":")
        parent = (indent + (2 if stripped.startswith("- ") else 0)) if key_only else None
    return (mapping if mapping and mapping <= 8 else 2), (
        offset if offset is not None and offset <= 8 else 2
    )


def _problems(model: type[BaseModel], text: str, rel: str, stem: str) -> list[str]:
    """Plain-English problems with ``text`` as a file of ``model``; empty when it is valid."""
    loaded = load_text(text)
    out = [
        f"{rel}:{p.line}: {p.message}" if p.line else f"{rel}: {p.message}" for p in loaded.problems
    ]
    if out:
        return out
    data = trim_text(loaded.data)
    if not isinstance(data, dict):
        return [f"{rel}: the file should be a block of `key: value` lines"]
    is_entity = model in KINDS.values()
    payload = {"id": stem, **data} if is_entity and "id" not in data else data
    try:
        model.model_validate(payload)
    except ValidationError as exc:
        return [
            f"{f.path}:{f.line}: {f.message}" if f.line else f"{f.path}: {f.message}"
            for f in findings_from(model, exc, data, rel)
        ]
    return []


_START = re.compile(r"^---[ \t]*(?:#.*)?\n", re.MULTILINE)
_LEADING = re.compile(r"(?:[ \t]*(?:#[^\n]*)?\n)+")
_END = re.compile(r"^\.\.\.[ \t]*(?:#.*)?(?:\n|$)", re.MULTILINE)


def split_markers(text: str) -> tuple[str, str, str]:
    """(preamble, body, postamble): the lines before the first content (up to an explicit
    ``---``) and from a ``...`` on are kept byte for byte (ruamel.yaml drops comments above
    ``---`` and leading blank lines); only the body is edited."""
    pre, post = "", ""
    start = _START.search(text)
    if start and all(
        not line.strip() or line.lstrip().startswith(("#", "%"))
        for line in text[: start.start()].splitlines()
    ):
        pre, text = text[: start.end()], text[start.end() :]
    else:  # leading blank lines and comments (ruamel.yaml drops leading blank lines)
        leading = _LEADING.match(text)
        if leading:
            pre, text = text[: leading.end()], text[leading.end() :]
    end = _END.search(text)
    if end:
        text, post = text[: end.start()], text[end.start() :]
    return pre, text, post


def _dump(yaml: Any, data: Any, style: Style, pre: str = "", post: str = "") -> bytes:
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    text = pre + buffer.getvalue() + post
    if style.newline != "\n":
        text = text.replace("\n", style.newline)
    return (b"\xef\xbb\xbf" if style.bom else b"") + text.encode("utf-8")


def _prepare(path: Path, model: type[BaseModel], rel: str) -> tuple[Path, str, Style]:
    """Read ``path`` for editing; refuse if it has problems already (the file is untouched)."""
    real = path.resolve()  # a link inside the repository stays a link
    text, style = read_text(real)
    before = _problems(model, text, rel, path.stem)
    if before:
        raise EditError(
            f"{rel} has problems already; fix them first (`digistrat check` lists them):\n  "
            + "\n  ".join(before[:10])
        )
    return real, text, style


def _finish(path: Path, model: type[BaseModel], rel: str, new: bytes) -> bytes:
    """Validate the new content and write it atomically, or refuse and write nothing."""
    after = _problems(model, new.decode("utf-8-sig").replace("\r\n", "\n"), rel, path.stem)
    if after:
        raise EditError(
            f"the change would make {rel} invalid, so nothing was written:\n  "
            + "\n  ".join(after[:10])
        )
    write_bytes(path, new)
    return new


def edit_file(
    path: Path, model: type[BaseModel], mutate: Callable[[Any], None], *, rel: str
) -> bytes:
    """Apply ``mutate`` to the round-trip document in ``path``, validate, write atomically.

    Refuses (raising :class:`EditError`) if the file has problems already, or would have them
    after the edit; in both cases the file is not touched. Returns the bytes written.
    """
    path, text, style = _prepare(path, model, rel)
    yaml = _yaml(style)
    pre, body, post = split_markers(text)
    data = yaml.load(body)
    mutate(data)
    return _finish(path, model, rel, _dump(yaml, data, style, pre, post))


def _encode(text: str, style: Style) -> bytes:
    if style.newline != "\n":
        text = text.replace("\n", style.newline)
    return (b"\xef\xbb\xbf" if style.bom else b"") + text.encode("utf-8")


def add_progress(
    path: Path,
    *,
    rel: str,
    note: str,
    on: date,
    value: float | None = None,
    status: str | None = None,
) -> bytes:
    """Append a dated progress update to a commitment file (and optionally set its status).

    The new lines are spliced into the text, so every other line stays byte for byte as it
    was (spacing, quotes, comments, alignment). Files in an unusual shape (a flow-style
    ``progress: [...]`` list, say) are edited through the ruamel.yaml round trip instead.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    from digistrat.models import Commitment

    number = None if value is None else int(value) if float(value).is_integer() else value
    # Line separators and control characters survive only in double quotes, escaped.
    shown_note: Any = note if note.isprintable() else DoubleQuotedScalarString(note)

    real, text, style = _prepare(path, Commitment, rel)
    spliced = splice_progress(text, style, on, shown_note, number, status)
    if spliced is not None and _only_inserted(text, spliced, allow=1 if status else 0):
        return _finish(real, Commitment, rel, _encode(spliced, style))

    def mutate(data: Any) -> None:
        entry = CommentedMap()
        entry["date"] = on
        entry["note"] = shown_note
        if number is not None:
            entry["value"] = number
        updates = data.get("progress")
        if isinstance(updates, CommentedSeq):
            if not updates:
                updates.fa.set_block_style()
            updates.append(entry)
        elif updates is None:
            seq = CommentedSeq()
            seq.append(entry)
            data["progress"] = seq
        else:
            raise EditError(f"{rel}: `progress` should be a list of updates; fix it first.")
        if status is not None:
            data["status"] = status

    return edit_file(path, Commitment, mutate, rel=rel)


def _scalar(value: Any, style: Style) -> str:
    """One YAML scalar as ruamel.yaml would write it (quoted only when needed)."""
    buffer = io.StringIO()
    _yaml(style).dump({"v": value}, buffer)
    out = buffer.getvalue()
    return out[3:].rstrip("\n") if out.count("\n") == 1 else json.dumps(str(value))


def splice_progress(
    text: str, style: Style, on: date, note: Any, value: Any, status: str | None
) -> str | None:
    """``text`` with a progress item (and status) spliced in, or None if the file's shape is
    too unusual to edit as text (the caller then uses the round trip)."""
    data = load_text(text).data
    if not isinstance(data, YMap):
        return None
    lines = text.split("\n")

    def char_at(pos: tuple[int, int]) -> str:
        line = lines[pos[0] - 1] if pos[0] - 1 < len(lines) else ""
        return line[pos[1] - 1 : pos[1]]

    if char_at(data.pos) in "{[" or data.pos[1] != 1:
        return None  # a flow mapping, or an indented top level
    end = len(lines) - 1 if lines[-1] == "" else len(lines)  # index after the last line
    marker = next((i for i, line in enumerate(lines) if _END.match(line + "\n")), None)
    if marker is not None:
        end = marker
    order = sorted(data, key=lambda k: data.keys_at[k])

    def region_end(key: str) -> int:
        """Index of the line after the last content line of ``key``'s value."""
        later = [data.keys_at[k][0] - 1 for k in order if data.keys_at[k] > data.keys_at[key]]
        stop = min(later) if later else end
        while stop > data.keys_at[key][0] and (
            not lines[stop - 1].strip() or lines[stop - 1].lstrip().startswith("#")
        ):
            stop -= 1
        return stop

    inserts: list[tuple[int, list[str]]] = []
    offset = style.sequence_offset
    updates = data.get("progress")
    if "progress" not in data:
        dash, inner = " " * offset + "- ", " " * (offset + 2)
        block = ["progress:"]
    elif isinstance(updates, YSeq) and updates and char_at(data.values_at["progress"]) == "-":
        first = updates.items_at[0]
        item_line = lines[first[0] - 1]
        if not isinstance(updates[0], YMap):
            return None
        # the same spacing as the first item, so that the new item's keys line up
        dash, inner = item_line[: first[1] - 1], " " * (first[1] - 1)
        if dash.strip() != "-":
            return None
        block = []
    else:
        return None
    item = [f"{dash}date: {on.isoformat()}", f"{inner}note: {_scalar(note, style)}"]
    if value is not None:
        item.append(f"{inner}value: {_scalar(value, style)}")
    at = region_end("progress") if "progress" in data else end
    if status is not None and "status" in data:
        if not _replace_status(lines, data, status):
            return None
    elif status is not None and at == end:
        item.append(f"status: {status}")
    elif status is not None:
        inserts.append((end, [f"status: {status}"]))
    inserts.append((at, block + item))
    for index, new_lines in sorted(inserts, key=lambda x: x[0], reverse=True):
        lines[index:index] = new_lines
    out = "\n".join(lines)
    return out if out.endswith("\n") else out + "\n"


def _replace_status(lines: list[str], data: YMap, status: str) -> bool:
    """Replace the status value in place, keeping a trailing comment at its column."""
    if data.get("status") is None or not isinstance(data["status"], str):
        return False
    row, col = data.values_at["status"]
    line = lines[row - 1]
    raw = line[col - 1 :]
    if raw[:1] in "'\"":
        close = raw.find(raw[0], 1)
        if close < 0:
            return False
        token = raw[: close + 1]
    else:
        found = re.match(r"[^#]*?(?=\s+#|\s*$)", raw)
        token = found.group(0) if found else ""
    if token.strip("'\"") != data["status"]:
        return False
    rest = raw[len(token) :]
    if rest.strip():
        gap = max(1, len(rest) - len(rest.lstrip()) + len(token) - len(status))
        rest = " " * gap + rest.lstrip()
    lines[row - 1] = line[: col - 1] + status + rest
    return True


def _only_inserted(before: str, after: str, allow: int) -> bool:
    """Whether ``after`` keeps every line of ``before`` (up to ``allow`` replaced lines)."""
    import difflib

    a, b = before.rstrip("\n").split("\n"), after.rstrip("\n").split("\n")
    replaced = 0
    for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "delete":
            return False
        if tag == "replace":
            replaced += i2 - i1
    return replaced <= allow


def normalise_kind(kind: str) -> str:
    folder = KIND_ALIASES.get(kind.lower(), kind.lower())
    if folder not in KINDS:
        raise EditError(f"unknown kind `{kind}`; choose one of: {', '.join(KINDS)}.", usage=True)
    return folder


def check_id(ident: str) -> None:
    if not _ID_RE.match(ident) or len(ident) > 80:
        raise EditError(
            f"`{ident}` is not a usable id: use lower-case words joined by hyphens, like "
            "`outpatient-booking`.",
            usage=True,
        )
    if ident in _RESERVED:
        raise EditError(f"`{ident}` is a reserved name; choose another id.", usage=True)


def new_entity(
    root: Path,
    kind: str,
    ident: str,
    *,
    known: Mapping[str, set[str]] | None = None,
    values: Mapping[str, str | None] | None = None,
    criteria: Sequence[str] = (),
) -> Path:
    """Create ``<kind>/<ident>.yaml`` from its commented template. Never overwrites.

    ``values``: the main fields (``name``, ``owner``, ``category``, ``due`` …, see
    :data:`digistrat.newentry.FIELDS`), checked with the model before anything is written:
    a value that cannot be used is refused as a usage error. ``known`` (ids that exist, by
    kind) and ``criteria`` (the scoring criteria) only fill in the examples in comments.
    """
    from digistrat.newentry import NewEntryProblem, render

    folder = normalise_kind(kind)
    check_id(ident)
    target = root / folder / f"{ident}.yaml"
    try:
        inside = (root / folder).resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        inside = False
    if not inside:
        raise EditError(
            f"the `{folder}` folder is a link to somewhere outside the repository; "
            "nothing was written."
        )
    if (root / folder).exists() and not (root / folder).is_dir():
        raise EditError(f"`{folder}` should be a folder, but it is a file; nothing was written.")
    if target.exists() or target.is_symlink():
        raise EditError(f"{folder}/{ident}.yaml already exists; nothing was changed.")
    try:
        text = render(folder, values or {}, criteria=criteria, known=known)
    except NewEntryProblem as exc:
        raise EditError(str(exc), usage=True) from None
    problems = _problems(KINDS[folder], text, f"{folder}/{ident}.yaml", ident)
    if problems:
        given = any(v is not None for v in (values or {}).values())
        raise EditError(
            (
                "these values cannot be used, so nothing was written:\n  "
                if given
                else "the template is not valid (a bug in digistrat):\n  "
            )
            + "\n  ".join(problems[:10]),
            usage=given,
        )
    _create_exclusive(target, text.encode("utf-8"))
    return target


def _create_exclusive(target: Path, data: bytes) -> None:
    """Write a new file atomically, failing if it appears meanwhile (never overwrites)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        try:
            os.link(tmp, target)  # atomic, and refuses an existing target
        except FileExistsError:
            raise EditError(f"{target} already exists; nothing was changed.") from None
        except OSError:  # a file system without hard links
            with open(target, "xb") as handle:
                handle.write(data)
    finally:
        Path(tmp).unlink(missing_ok=True)
