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
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from digistrat import atomic
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


_BREAK = re.compile(r"\r\n|\r|\n")


def _split_ends(text: str) -> tuple[list[str], list[str]]:
    """The lines of ``text`` and the line break ending each ("" for the last)."""
    lines, ends, pos = [], [], 0
    for found in _BREAK.finditer(text):
        lines.append(text[pos : found.start()])
        ends.append(found.group())
        pos = found.end()
    lines.append(text[pos:])
    ends.append("")
    return lines, ends


def _read(path: Path) -> tuple[bytes, str, Style]:
    """(the file's bytes, its decoded text as saved, its detected style)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EditError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(raw) > MAX_FILE_BYTES:
        raise EditError(f"{path} is larger than the {MAX_FILE_BYTES // 2**20} MiB limit.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EditError(f"{path} is saved as UTF-16: save it as UTF-8 first, then try again.")
    saved, problem = decode(raw)
    if saved is None:
        raise EditError(f"{path}: {problem.message if problem else 'cannot be read'}.")
    ends = _split_ends(saved)[1]
    counts = {end: ends.count(end) for end in ("\n", "\r\n", "\r")}
    text = _BREAK.sub("\n", saved)
    mapping, offset = _guess_indent(text)
    style = Style(
        newline=max(counts, key=lambda end: counts[end]) if any(counts.values()) else "\n",
        bom=raw.startswith(b"\xef\xbb\xbf"),
        mapping_indent=mapping,
        sequence_indent=offset + 2,
        sequence_offset=offset,
    )
    return raw, saved, style


def read_text(path: Path) -> tuple[str, Style]:
    """The file's text (UTF-8 only: anything else is refused), every line break as ``\\n``,
    and its detected style (the commonest line break is ``style.newline``)."""
    _, saved, style = _read(path)
    return _BREAK.sub("\n", saved), style


def _keep_endings(saved: str, new: str, style: Style) -> str:
    """``new`` (an edit of ``saved``, with ``\\n`` line breaks) with every line that was in
    ``saved`` ending as it did there (CR, CRLF, LF, mixed); new lines take the commonest."""
    import difflib

    old_lines, old_ends = _split_ends(saved)
    new_lines = new.split("\n")
    ends = [style.newline] * (len(new_lines) - 1) + [""]
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(j2 - j1):
                if j1 + k < len(new_lines) - 1 and old_ends[i1 + k]:
                    ends[j1 + k] = old_ends[i1 + k]
    out = "".join(line + end for line, end in zip(new_lines, ends, strict=True))
    if saved and not saved.endswith(("\n", "\r")) and new_lines[-1] == "":
        out = out[: -len(ends[-2])] if len(ends) > 1 else out  # it had no final line break
    return out


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


def _prepare(path: Path, model: type[BaseModel], rel: str) -> tuple[bytes, str, Style]:
    """Read ``path`` for editing; refuse if it has problems already (the file is untouched).
    Returns the bytes read, the text as saved and its style."""
    raw, saved, style = _read(path)
    before = _problems(model, _BREAK.sub("\n", saved), rel, path.stem)
    if before:
        raise EditError(
            f"{rel} has problems already; fix them first (`digistrat check` lists them):\n  "
            + "\n  ".join(before[:10])
        )
    return raw, saved, style


def _finish(
    path: Path, model: type[BaseModel], rel: str, new: bytes, expected: bytes | None = None
) -> bytes:
    """Validate the new content and write it atomically, or refuse and write nothing. With
    ``expected``, :class:`digistrat.atomic.Changed` is raised (and nothing written) if the
    file no longer holds those bytes just before it is replaced."""
    if len(new) > MAX_FILE_BYTES:
        raise EditError(
            f"the change would make {rel} larger than the {MAX_FILE_BYTES // 2**20} MiB that "
            "`digistrat check` accepts, so nothing was written. Move old progress updates or "
            "long text into another file, then try again."
        )
    after = _problems(model, _BREAK.sub("\n", new.decode("utf-8-sig")), rel, path.stem)
    if after:
        raise EditError(
            f"the change would make {rel} invalid, so nothing was written:\n  "
            + "\n  ".join(after[:10])
        )
    write_bytes(path, new, inside=path.parent, expected=expected)
    return new


_ATTEMPTS = 20


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an advisory lock on ``path`` (``flock``) while editing it, so that two digistrat
    commands never edit the same file at once. The lock is on the file itself (no lock file is
    left behind); as each edit replaces the file, a waiting command that wakes up holding the
    lock of a replaced file tries again on the new one. Without ``fcntl`` (Windows) there is no
    lock: the check just before the file is replaced still refuses to overwrite a change."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    for _ in range(1000):
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError as exc:
            raise EditError(f"cannot read {path}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            held, now = os.fstat(fd), os.stat(path)
        except OSError:
            os.close(fd)
            raise
        if (held.st_dev, held.st_ino) == (now.st_dev, now.st_ino):
            break
        os.close(fd)  # the file was replaced while this waited: lock the new one
    else:  # pragma: no cover - a file replaced a thousand times in a row
        raise EditError(f"{path} keeps being replaced; nothing was written. Try again.")
    try:
        yield
    finally:
        os.close(fd)


def _edit(
    path: Path, model: type[BaseModel], rel: str, change: Callable[[str, Style], str]
) -> bytes:
    """Lock ``path``, apply ``change`` (normalised text in, normalised text out), validate and
    write, keeping the line breaks and byte order mark. If the file changes on disk meanwhile
    (an editor saving it), the change is made again on the new text: nothing is overwritten."""
    real = path.resolve()  # a link inside the repository stays a link
    with _locked(real):
        for _ in range(_ATTEMPTS):
            raw, saved, style = _prepare(real, model, rel)
            text = _BREAK.sub("\n", saved)
            new = _encode(_keep_endings(saved, change(text, style), style), style)
            try:
                return _finish(real, model, rel, new, expected=raw)
            except atomic.Changed:
                continue
    raise EditError(
        f"{rel} kept changing while digistrat was editing it (is an editor saving it over and "
        "over?), so nothing was written. Save and close it, then try again."
    )


def _round_trip(text: str, style: Style, mutate: Callable[[Any], None]) -> str:
    yaml = _yaml(style)
    pre, body, post = split_markers(text)
    data = yaml.load(body)
    mutate(data)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return pre + buffer.getvalue() + post


def edit_file(
    path: Path, model: type[BaseModel], mutate: Callable[[Any], None], *, rel: str
) -> bytes:
    """Apply ``mutate`` to the round-trip document in ``path``, validate, write atomically.

    Refuses (raising :class:`EditError`) if the file has problems already, or would have them
    after the edit; in both cases the file is not touched. Returns the bytes written.
    """
    return _edit(path, model, rel, lambda text, style: _round_trip(text, style, mutate))


def _encode(text: str, style: Style) -> bytes:
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

    def change(text: str, style: Style) -> str:
        spliced = splice_progress(text, style, on, shown_note, number, status)
        if spliced is not None and _only_inserted(text, spliced, allow=1 if status else 0):
            return spliced
        return _round_trip(text, style, mutate)

    return _edit(path, Commitment, rel, change)


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
    if not _ID_RE.fullmatch(ident) or len(ident) > 80:
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
    extra: Mapping[str, Any] | None = None,
) -> Path:
    """Create ``<kind>/<ident>.yaml`` from its commented template. Never overwrites.

    ``values``: the main fields (``name``, ``owner``, ``category``, ``due`` …, see
    :data:`digistrat.newentry.FIELDS`), checked with the model before anything is written:
    a value that cannot be used is refused as a usage error. ``known`` (ids that exist, by
    kind) and ``criteria`` (the scoring criteria) only fill in the examples in comments.
    ``extra``: further fields (``scores``, ``status``, ``measure`` …) set on the template
    with a comment-preserving edit (``digistrat import``).
    """
    target, text = entity_text(
        root, kind, ident, known=known, values=values, criteria=criteria, extra=extra
    )
    _create_exclusive(target, text.encode("utf-8"))
    return target


def entity_text(
    root: Path,
    kind: str,
    ident: str,
    *,
    known: Mapping[str, set[str]] | None = None,
    values: Mapping[str, str | None] | None = None,
    criteria: Sequence[str] = (),
    extra: Mapping[str, Any] | None = None,
) -> tuple[Path, str]:
    """Where :func:`new_entity` would write, and the text: checked, nothing written."""
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
    if extra:
        fields = dict(extra)

        def fill(data: Any) -> None:
            for key, value in fields.items():
                data[key] = value

        text = _round_trip(text, Style("\n", False, 2, 4, 2), fill)
    problems = _problems(KINDS[folder], text, f"{folder}/{ident}.yaml", ident)
    if problems:
        given = any(v is not None for v in (values or {}).values()) or bool(extra)
        raise EditError(
            (
                "these values cannot be used, so nothing was written:\n  "
                if given
                else "the template is not valid (a bug in digistrat):\n  "
            )
            + "\n  ".join(problems[:10]),
            usage=given,
        )
    return target, text


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
