"""What every command shares: the typer app, exit codes, the console, errors, loading.

Only the modules of :mod:`digistrat.cli` print or exit. Each command imports what it needs when
it runs, so ``--version`` and ``--help`` stay instant."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

from digistrat import __version__

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

    from digistrat.findings import Finding
    from digistrat.history import Changes
    from digistrat.loader import Repository
    from digistrat.since import Assurance

app = typer.Typer(
    name="digistrat",
    help="Keep a digital strategy as code: check it against the guide, prioritise, publish.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

RepoArg = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
    typer.Argument(
        help="The strategy repository (default: the folder holding strategy.yaml, searching "
        "upward from here).",
        show_default=False,
    ),
]


def console(stderr: bool = False) -> Console:
    """A rich console that honours NO_COLOR, never wraps machine-readable output and never
    turns text like ``:smile:`` (in a path, say) into an emoji."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=True, emoji=False)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print a plain-English error to stderr and exit. The message is shown as written: a
    path like ``notes[bold]`` is not taken for markup."""
    from rich.markup import escape

    err = console(stderr=True)
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True)
    raise typer.Exit(code)


_LOADED: list[Repository] = []
"""The repository the command loaded, kept until the process ends, which it does right after
the command (see :mod:`digistrat.entry`): freeing 10,000 entities object by object when the
command returned took ~40 ms."""

RENDER_OUTPUTS = ("site", "document", "poster", "board")
"""``digistrat.render.OUTPUTS`` (a test holds them equal), known here without importing the
rendering machinery before the repository is read."""
RENDER_EXTRAS = ("pdf",)
"""``digistrat.render.pages.EXTRAS``: made only when named (``--only ...,pdf`` or ``--pdf``)."""


def load_repository(path: Path | None, meanwhile: Callable[[], object] | None = None) -> Repository:
    """Load the repository or exit with a usage error if there is none.

    ``meanwhile``: the command's own preparation (importing what it goes on to use), done
    while the files are read: where a second core shares the reading, that time is shared
    too (see :func:`digistrat.loader.load`)."""
    from digistrat.loader import RepositoryNotFound, load

    start = path or Path.cwd()
    if path is not None and not path.exists():
        fail(f"{path} does not exist.")
    try:
        repo = load(start, meanwhile)
        _LOADED[:] = [repo]
        return repo
    except RepositoryNotFound as exc:
        fail(str(exc))
    except PermissionError as exc:
        fail(f"cannot read {exc.filename}: permission denied.")


def rules_ready() -> None:
    """Import the rule catalogue (~60 modules), as ``check`` and the board report go on to."""
    from digistrat.rules import all_rules

    all_rules()


def overwrites_strategy_file(repo: Repository, target: Path) -> bool:
    """Whether writing ``target`` would replace one of the repository's own YAML files."""
    try:
        real = target.resolve()
        return real.suffix in (".yaml", ".yml") and real.is_relative_to(repo.root.resolve())
    except (OSError, RuntimeError):
        return False


def _version(value: bool) -> None:
    if value:
        typer.echo(f"digistrat {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Keep a digital strategy as code: check it against the guide, prioritise, publish."""


def emit(text: str, utf8: bool = False) -> None:
    """Write to stdout: machine-readable formats always as UTF-8 bytes; text for people with
    any character the terminal cannot show replaced."""
    if utf8:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        encoding = sys.stdout.encoding or "utf-8"
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode(encoding, errors="replace"))
    sys.stdout.flush()


def print_finding(target: Console, f: Finding) -> None:
    from digistrat.visible import visible

    where = f"{f.path}:{f.line}:{f.column}" if f.line else f.path
    target.print(visible(f"{where}: {f.code} [{f.severity}] {f.message}"), markup=False)
    if f.hint:
        target.print(f"    hint: {visible(f.hint)}", markup=False)


def changes_or_fail(repo: Repository, since: str | None, known: Assurance | None = None) -> Changes:
    """What changed since ``since`` (None: the newest tag), or exit with why not."""
    from digistrat.clock import today
    from digistrat.since import HistoryError, changes_since

    try:
        return changes_since(repo, since, today(), known)
    except HistoryError as exc:
        fail(str(exc))
