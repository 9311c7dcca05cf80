"""The hostile corpus: repositories built in a temporary folder at test time.

Each case starts from the repository ``digistrat init`` writes and adds, replaces or removes
files. Large inputs (tens of MB, thousands of files) are generated here, never committed.
"""

from __future__ import annotations

import codecs
import functools
import itertools
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from digistrat.scaffold import plan

TODAY = date(2026, 1, 15)

GOOD_SERVICE = "name: Outpatient booking\nkind: transaction\n"
GOOD_INITIATIVE = "name: {name}\ncategory: improve\n"


@dataclass(frozen=True)
class Case:
    """One hostile repository: files to write over the base, plus an optional setup step."""

    name: str
    files: dict[str, str | bytes] = field(default_factory=dict)
    named: str | None = None
    """A path the output of ``check`` must mention (None: nothing in particular to name)."""
    setup: Callable[[Path], None] | None = None
    line: int | None = None
    """If set, ``check`` must report ``named:line``."""
    exit_codes: frozenset[int] = frozenset({0, 1, 2})
    heavy: bool = False
    """Slow to load (thousands of files): driven through ``check`` only."""


@functools.cache
def _base() -> dict[str, str]:
    return plan("Hostile Test Trust", TODAY)


def build(root: Path, case: Case) -> Path:
    """Write the base repository and the case into ``root``."""
    for rel, content in _base().items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    for rel, content in case.files.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    if case.setup is not None:
        case.setup(root)
    return root


def _svc(text: str) -> dict[str, str | bytes]:
    return {"services/hostile.yaml": text}


def _svc_bytes(raw: bytes) -> dict[str, str | bytes]:
    return {"services/hostile.yaml": raw}


def _sparse(rel: str, size: int) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            handle.write(b"name: x\n")
            handle.truncate(size)

    return setup


def _many_files(count: int) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        folder = root / "services"
        for i in range(count):
            (folder / f"s{i}.yaml").write_bytes(b"name: S\nkind: care\n" if i % 2 else b"x")

    return setup


def _symlink(rel: str, to: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        target.unlink(missing_ok=True)
        target.symlink_to(to)

    return setup


def _bytes_name(rel: bytes, text: str) -> Callable[[Path], None]:
    """A file whose name is not UTF-8 (skipped where the file system refuses such names)."""

    def setup(root: Path) -> None:
        try:
            with open(os.fsencode(root) + b"/" + rel, "wb") as handle:
                handle.write(text.encode())
        except (OSError, UnicodeError):
            pass

    return setup


def _remove(rel: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        target = root / rel
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink()

    return setup


def _strategy_dir(root: Path) -> None:
    (root / "strategy.yaml").unlink()
    (root / "strategy.yaml").mkdir()


def _fifo(root: Path) -> None:
    os.mkfifo(root / "services" / "pipe.yaml")


def _yaml_folder(root: Path) -> None:
    (root / "services" / "folder.yaml").mkdir()
    (root / "services" / "folder.yaml" / "inner.yaml").write_text(GOOD_SERVICE)


def _folder_is_a_file(root: Path) -> None:
    shutil.rmtree(root / "services")
    (root / "services").write_text("not a folder\n")


def _cycle(*pairs: tuple[str, list[str]]) -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {}
    for ident, deps in pairs:
        files[f"initiatives/{ident}.yaml"] = (
            GOOD_INITIATIVE.format(name=ident) + f"depends_on: [{', '.join(deps)}]\n"
        )
    return files


_BILLION_LAUGHS = "name: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"k{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)

_CRLF = "name: Booking\r\nkind: transaction\r\nphase: nonsense\r\n"

CASES: list[Case] = [
    # --- YAML syntax errors, one of each kind ---
    Case("unclosed-double-quote", _svc('name: "Booking\nkind: care\n'), "services/hostile.yaml"),
    Case("unclosed-single-quote", _svc("name: 'Booking\nkind: care\n"), "services/hostile.yaml"),
    Case("unclosed-bracket", _svc("name: B\nkind: care\nusers: [a, b\n"), "services/hostile.yaml"),
    Case("unclosed-brace", _svc("name: B\nowner: {name: x\nkind: care\n"), "services/hostile.yaml"),
    Case("bad-indentation", _svc("name: B\n  kind: care\n"), "services/hostile.yaml", line=2),
    Case("bad-list-indent", _svc("name: B\nusers:\n  - a\n - b\n"), "services/hostile.yaml"),
    Case(
        "stray-colon", _svc("name: Booking: online\nkind: care\n"), "services/hostile.yaml", line=1
    ),
    Case("missing-colon", _svc("name: B\nkind care\nteam: x\n"), "services/hostile.yaml"),
    Case("tab-indent", _svc("name: B\nowner:\n\tname: x\n"), "services/hostile.yaml", line=3),
    Case("reserved-character", _svc("name: @booking\nkind: care\n"), "services/hostile.yaml"),
    Case("undefined-alias", _svc("name: *nothing\nkind: care\n"), "services/hostile.yaml"),
    Case("two-documents", _svc("name: B\nkind: care\n---\nname: C\n"), "services/hostile.yaml"),
    Case("duplicate-key", _svc("name: B\nkind: care\nname: C\n"), "services/hostile.yaml", line=3),
    Case("control-character", _svc("name: B\x07\nkind: care\n"), "services/hostile.yaml", line=1),
    # --- wrong shapes ---
    Case("file-is-a-list", _svc("- name: B\n- kind: care\n"), "services/hostile.yaml"),
    Case("file-is-a-scalar", _svc("just some words\n"), "services/hostile.yaml"),
    Case("file-is-empty", _svc(""), "services/hostile.yaml"),
    Case("only-comments", _svc("# nothing here\n# at all\n"), "services/hostile.yaml"),
    Case("only-document-marker", _svc("---\n...\n"), "services/hostile.yaml"),
    Case("strategy-is-a-list", {"strategy.yaml": "- a\n- b\n"}, "strategy.yaml"),
    Case("strategy-is-empty", {"strategy.yaml": ""}, "strategy.yaml"),
    Case(
        "nested-wrong-types", _svc("name: [a]\nkind: {x: 1}\nusers: 5\n"), "services/hostile.yaml"
    ),
    Case("non-word-keys", _svc("1: a\ntrue: b\n~: c\n[x]: d\n"), "services/hostile.yaml"),
    # --- YAML 1.1 surprises ---
    Case("norway", _svc("name: no\nkind: care\nteam: on\nsystems: [yes, off, y, n]\n")),
    Case(
        "yaml11-numbers",
        _svc("name: '1e3'\nkind: care\nmeasures: {volume_per_year: 1e3, cost_per_use: 010}\n"),
    ),
    Case(
        "hex-and-octal",
        _svc("name: B\nkind: care\nmeasures: {quality: 0x1F, cost_per_use: 0o17}\n"),
    ),
    Case(
        "impossible-date",
        _svc("name: B\nkind: care\nswitch_off: 2026-13-45\n"),
        "services/hostile.yaml",
        line=3,
    ),
    Case(
        "sexagesimal",
        _svc("name: B\nkind: care\nmeasures: {volume_per_year: 1:30}\n"),
        "services/hostile.yaml",
    ),
    # --- abuse ---
    Case("billion-laughs", _svc(_BILLION_LAUGHS), "services/hostile.yaml"),
    Case("alias-to-itself", _svc("name: B\nkind: care\nusers: &u [*u]\n"), "services/hostile.yaml"),
    Case(
        "python-object-apply",
        _svc("name: !!python/object/apply:os.system ['touch /tmp/pwned']\n"),
        "services/hostile.yaml",
    ),
    Case(
        "python-name", {"strategy.yaml": "organisation: !!python/name:os.system\n"}, "strategy.yaml"
    ),
    Case("binary-tag", _svc("name: !!binary aGVsbG8=\nkind: care\n"), "services/hostile.yaml"),
    Case("custom-tag", _svc("name: !custom B\nkind: care\n"), "services/hostile.yaml"),
    Case("set-tag", _svc("name: B\nkind: care\nusers: !!set {a, b}\n"), "services/hostile.yaml"),
    Case(
        "tag-directive",
        _svc("%TAG !e! tag:evil.example,2000:\n---\nname: !e!x B\n"),
        "services/hostile.yaml",
    ),
    Case(
        "deep-block",
        _svc("".join(" " * i + "a:\n" for i in range(500)) + " " * 500 + "b\n"),
        "services/hostile.yaml",
    ),
    Case("deep-flow", _svc("name: " + "[" * 5000 + "]" * 5000 + "\n"), "services/hostile.yaml"),
    Case("deep-dashes", _svc("- " * 5000 + "x\n"), "services/hostile.yaml"),
    Case(
        "huge-int",
        _svc("name: B\nkind: care\nmeasures: {volume_per_year: 1" + "0" * 5000 + "}\n"),
        "services/hostile.yaml",
        line=3,
    ),
    Case(
        "huge-float",
        _svc("name: B\nkind: care\nmeasures: {volume_per_year: 1e99999}\n"),
        "services/hostile.yaml",
    ),
    Case(
        "nan-and-inf",
        _svc("name: B\nkind: care\nmeasures: {quality: .nan, cost_per_use: -.inf}\n"),
        "services/hostile.yaml",
    ),
    Case(
        "negative-numbers",
        _svc("name: B\nkind: care\nmeasures: {volume_per_year: -5, digital_take_up: -1}\n"),
    ),
    Case(
        "percent-over-100",
        _svc("name: B\nkind: care\nmeasures: {digital_take_up: 250, completion_rate: 1000}\n"),
    ),
    Case(
        "very-long-line",
        _svc("name: B\nkind: care\ndescription: " + "x" * 1_000_000 + "\n"),
        "services/hostile.yaml",
    ),
    Case("very-long-key", _svc("k" * 100_000 + ": 1\n"), "services/hostile.yaml"),
    Case(
        "many-keys", _svc("".join(f"k{i}: {i}\n" for i in range(20_000))), "services/hostile.yaml"
    ),
    Case(
        "very-large-file",
        named="services/huge.yaml",
        setup=_sparse("services/huge.yaml", 40 * 1024 * 1024),
    ),
    Case("large-strategy", named="strategy.yaml", setup=_sparse("strategy.yaml", 30 * 1024 * 1024)),
    Case("many-files", named="services/s0.yaml", setup=_many_files(2_000), heavy=True),
    # the worst that fits under the size limit: bounded time, not a hang
    Case("max-size-duplicate-keys", _svc("a: 1\n" * 419_000), "services/hostile.yaml", heavy=True),
    Case("max-size-list", _svc("- x\n" * 524_000), "services/hostile.yaml", heavy=True),
    Case(
        "max-size-flow-list",
        _svc("[" + "x," * 1_048_000 + "]"),
        "services/hostile.yaml",
        heavy=True,
    ),
    # --- encodings and bytes ---
    Case(
        "binary-file",
        _svc_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        "services/hostile.yaml",
    ),
    Case(
        "random-bytes",
        _svc_bytes(bytes((i * 97 + 13) % 256 for i in range(4096))),
        "services/hostile.yaml",
    ),
    Case(
        "latin-1",
        _svc_bytes("name: Café booking\nkind: care\n".encode("latin-1")),
        "services/hostile.yaml",
        line=1,
    ),
    Case(
        "windows-1252-quotes",
        _svc_bytes(b"name: \x93Booking\x94\nkind: care\n"),
        "services/hostile.yaml",
    ),
    Case("utf-16-le-bom", _svc_bytes(codecs.BOM_UTF16_LE + GOOD_SERVICE.encode("utf-16-le"))),
    Case("utf-16-be-bom", _svc_bytes(codecs.BOM_UTF16_BE + GOOD_SERVICE.encode("utf-16-be"))),
    Case("utf-16-no-bom", _svc_bytes(GOOD_SERVICE.encode("utf-16-le")), "services/hostile.yaml"),
    Case("utf-16-odd-length", _svc_bytes(codecs.BOM_UTF16_LE + b"n\x00a"), "services/hostile.yaml"),
    Case(
        "utf-32-bom",
        _svc_bytes(codecs.BOM_UTF32_LE + GOOD_SERVICE.encode("utf-32-le")),
        "services/hostile.yaml",
    ),
    Case(
        "utf-8-bom",
        _svc_bytes(codecs.BOM_UTF8 + b"name: B\nkind: nonsense\n"),
        "services/hostile.yaml",
        line=2,
    ),
    Case("crlf-positions", _svc_bytes(_CRLF.encode()), "services/hostile.yaml", line=3),
    Case(
        "crlf-syntax-error",
        _svc_bytes(b"name: B\r\nkind: care\r\nteam: [x\r\n"),
        "services/hostile.yaml",
    ),
    Case("lone-cr", _svc_bytes(b"name: B\rkind: care\rphase: nonsense\r"), "services/hostile.yaml"),
    Case("nul-bytes", _svc_bytes(b"name: B\x00\nkind: care\n"), "services/hostile.yaml"),
    Case("surrogate-escape", _svc('name: "\\ud800"\nkind: care\n'), "services/hostile.yaml"),
    # --- names and ids ---
    Case(
        "id-path-traversal",
        _svc("id: ../../etc/passwd\nname: B\nkind: care\n"),
        "services/hostile.yaml",
        line=1,
    ),
    Case("id-absolute", _svc("id: /etc/passwd\nname: B\nkind: care\n"), "services/hostile.yaml"),
    Case(
        "id-upper-and-spaces",
        _svc("id: My Service\nname: B\nkind: care\n"),
        "services/hostile.yaml",
    ),
    Case("file-name-upper", {"services/Booking.yaml": GOOD_SERVICE}, "services/Booking.yaml"),
    Case(
        "file-name-spaces", {"services/my service.yaml": GOOD_SERVICE}, "services/my service.yaml"
    ),
    Case("file-name-reserved", {"services/con.yaml": GOOD_SERVICE}, "services/con.yaml"),
    Case("file-name-dots", {"services/a..b.yaml": GOOD_SERVICE}, "services/a..b.yaml"),
    Case("hidden-file-is-skipped", {"services/.hidden.yaml": "[broken"}),
    Case("file-name-backslash", {"services/a\\b.yaml": GOOD_SERVICE}, "services/a\\b.yaml"),
    Case("file-name-unicode", {"services/caf\u00e9.yaml": GOOD_SERVICE}, "services/caf\u00e9.yaml"),
    Case("file-in-subfolder", {"services/nested/deeper/booking.yaml": GOOD_SERVICE}),
    Case(
        "duplicate-ids",
        {"services/a.yaml": "id: b\n" + GOOD_SERVICE, "services/b.yaml": GOOD_SERVICE},
        "services/",
    ),
    # --- links, folders and special files ---
    Case(
        "symlink-outside",
        named="services/evil.yaml",
        setup=_symlink("services/evil.yaml", "/etc/passwd"),
    ),
    Case(
        "symlink-device",
        named="services/zero.yaml",
        setup=_symlink("services/zero.yaml", "/dev/zero"),
    ),
    Case(
        "symlink-loop",
        named="services/loop.yaml",
        setup=_symlink("services/loop.yaml", "loop.yaml"),
    ),
    Case(
        "symlink-dangling",
        named="services/gone.yaml",
        setup=_symlink("services/gone.yaml", "nowhere.yaml"),
    ),
    Case("symlink-folder-outside", named="services", setup=_symlink("services", "/etc")),
    Case("symlink-folder-loop", setup=_symlink("services/again", "..")),
    Case(
        "strategy-symlink-outside",
        named="strategy.yaml",
        setup=_symlink("strategy.yaml", "/etc/hostname"),
    ),
    Case("strategy-missing", named="strategy.yaml", setup=_remove("strategy.yaml")),
    Case("strategy-is-a-folder", named="strategy.yaml", setup=_strategy_dir),
    Case(
        "strategy-symlink-loop",
        named="strategy.yaml",
        setup=_symlink("strategy.yaml", "strategy.yaml"),
    ),
    Case("folder-named-yaml", setup=_yaml_folder),
    Case("named-pipe", named="services/pipe.yaml", setup=_fifo),
    Case("kind-folder-is-a-file", setup=_folder_is_a_file),
    # --- references ---
    Case("dependency-cycle", _cycle(("a", ["b"]), ("b", ["c"]), ("c", ["a"]))),
    Case("self-dependency", _cycle(("selfish", ["selfish"]))),
    Case("long-dependency-chain", _cycle(*[(f"i{n}", [f"i{n + 1}"]) for n in range(300)])),
    Case(
        "dangling-references",
        _cycle(("lonely", ["nobody", "../x", "UPPER"])),
        "initiatives/lonely.yaml",
    ),
    # --- hostile strategy settings (scoring, capacity, check configuration) ---
    Case(
        "scoring-degenerate",
        {
            "strategy.yaml": "organisation: T\ntitle: S\nscoring:\n  criteria:\n"
            "    - {id: a, label: A, weight: 1e-300, min: 5, max: 5}\n"
            "    - {id: b, label: B, weight: 1e308, min: 10, max: 0}\n"
            "capacity: {concurrent_initiatives: 1000000000000}\n",
            "initiatives/x.yaml": "name: X\ncategory: improve\n"
            "scores: {a: 1e308, b: -1e308, zz: 3}\n",
        },
    ),
    Case(
        "check-config-hostile",
        {
            "strategy.yaml": "organisation: T\ntitle: S\ncheck:\n  select: ['*', '../', '']\n"
            "  ignore: ['[', '\\\\']\n  severity: {'X999': error, '': info}\n"
            "  per_path_ignores: {'[': ['F001'], '**/../**': ['*']}\n"
            "  options: {a: {b: [1, 2]}}\n",
        },
    ),
    # --- extreme values: findings with a line, never an internal error ---
    Case(
        "year-9999",
        {"initiatives/x.yaml": "name: X\ncategory: improve\nstart: 9999-12-01\n"},
        "initiatives/x.yaml",
        line=3,
    ),
    Case(
        "review-year-9999",
        {"strategy.yaml": "organisation: T\ntitle: S\nreview:\n  last_reviewed: 9999-12-31\n"},
        "strategy.yaml",
        line=4,
    ),
    Case(
        "number-1e306",
        _svc("name: B\nkind: care\nmeasures:\n  volume_per_year: 1.0e+306\n"),
        "services/hostile.yaml",
        line=4,
    ),
    Case(
        "tiny-effort",
        {"initiatives/x.yaml": "name: X\ncategory: improve\neffort: 1.0e-308\n"},
    ),
    Case("name-not-utf8", setup=_bytes_name(b"services/bad\xff.yaml", GOOD_SERVICE)),
    Case(
        "suppression-comments",
        _svc("name: B  # digistrat: ignore[\nkind: care  # digistrat: ignore=F002,,,../x\n"),
    ),
]


def by_name() -> dict[str, Case]:
    return {case.name: case for case in CASES}


# -- hostile text: every string field of a real repository replaced by an attack --------------
#
# One corpus for every output that shows text from the strategy: the site and the board paper
# (HTML, tests/hostile/test_injection.py) and the markdown outputs (strategy.md and
# ``score --format markdown``, tests/hostile/test_markdown_injection.py).

MARK = "xssmark"
"""In every payload, so that tests can see the payloads reached the output."""

HOSTILE_TEXT = [
    f"<script>alert('{MARK}')</script>",
    f'"><img src=x onerror=alert("{MARK}")>',
    f"javascript:alert('{MARK}')",
    f"[click me](javascript:alert('{MARK}'))",
    f'<a href="javascript:alert(1)">{MARK}</a>',
    f"![{MARK}](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    f"' onmouseover='alert(\"{MARK}\")' x='",
    f"<svg onload=alert('{MARK}')>",
    f"</style><script>{MARK}</script>",
    f"<iframe src=//evil.example/{MARK}></iframe>",
    f"[{MARK}](data:text/html,<script>alert(1)</script>)",
    f"<style>body{{background:url(//evil.example/{MARK})}}</style>",
    f"![{MARK}](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    f"[{MARK}](  JaVaScRiPt:alert(1))",
    f"[{MARK}](java&#x09;script:alert(1))",
    f"<{MARK}@example.com> and https://example.com/{MARK}?a=<b>",
    # markdown: structure, images and links that only a markdown reader would make
    f"# {MARK} heading",
    f"{MARK} *fast* and __bold__ [x](https://evil.example/{MARK})",
    f"![pixel](https://tracker.example/{MARK}.gif) tracked",
    f"{MARK} | a pipe | in a cell",
    f"{MARK} first line\n# second line\n\n- a list\n> a quote",
    f"1. {MARK} numbered",
    f"- {MARK} bulleted",
    f"{MARK}\n===",
    f"---\n{MARK}",
    f"    {MARK} indented code",
    f"```\n{MARK} fenced\n```",
    f"<img src=https://tracker.example/{MARK}.gif>",
    f"{MARK} &#60;script&#62; &lt;b&gt; \\*not code\\*",
    f"`{MARK}` `` ` `` code",
    f"[{MARK}][ref]\n\n[ref]: https://evil.example/ref",
    f"{MARK} ends with a bang!",
]
"""Attacks on HTML and on markdown, each a string a text field of the strategy may hold."""


def poison(
    data: Any,
    payloads: list[str],
    skip: set[tuple[Any, ...]],
    at: tuple[Any, ...] = (),
    counter: itertools.count[int] | None = None,
) -> Any:
    """``data`` with every string (except at ``skip`` locations) replaced by a payload, in
    turn."""
    counter = itertools.count() if counter is None else counter
    if isinstance(data, dict):
        return {k: poison(v, payloads, skip, (*at, k), counter) for k, v in data.items()}
    if isinstance(data, list):
        return [poison(v, payloads, skip, (*at, i), counter) for i, v in enumerate(data)]
    if isinstance(data, str) and at not in skip:
        return payloads[next(counter) % len(payloads)]
    return data


def _skips(model: type[Any], data: Any, stem: str) -> set[tuple[Any, ...]]:
    """Where the hostile text cannot go: ids, choices and dates must stay valid, or the entry
    would not be rendered at all."""
    from pydantic import ValidationError

    from digistrat.models import Strategy

    skip: set[tuple[Any, ...]] = set()
    for _ in range(20):
        candidate = poison(data, HOSTILE_TEXT, skip)
        payload = candidate if model is Strategy or "id" in candidate else {"id": stem, **candidate}
        try:
            model.model_validate(payload)
            return skip
        except ValidationError as exc:
            skip |= {tuple(e["loc"]) for e in exc.errors()}
    raise AssertionError(f"could not poison {stem}")


def poisoned_copy(source: Path, root: Path, payloads: list[str] | None = None) -> Path:
    """A copy of the repository at ``source`` in ``root`` with every text field it can hold
    replaced by :data:`HOSTILE_TEXT` (or by ``payloads``, at the same places: pass
    ``[MARK]`` for a harmless twin with the same structure)."""
    import yaml

    from digistrat.models import KINDS, Strategy
    from digistrat.yamlio import load_bytes

    shutil.copytree(source, root)
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        model = Strategy if rel == "strategy.yaml" else KINDS[rel.split("/")[0]]
        data = load_bytes(path.read_bytes()).data
        skip = _skips(model, data, path.stem)
        poisoned = poison(data, payloads or HOSTILE_TEXT, skip)
        path.write_text(yaml.safe_dump(poisoned, allow_unicode=True, sort_keys=False))
    return root
