"""`digistrat init`: create a strategy repository."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from digistrat import __version__
from digistrat.cli.common import (
    EXIT_FINDINGS,
    app,
    console,
    fail,
)

if TYPE_CHECKING:
    pass


@app.command()
def init(
    directory: Annotated[Path, typer.Argument(help="Where to create the repository.")] = Path("."),
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Replace the files init writes (examples, workflow, hook, README), even in an "
            "existing strategy repository. Your other files are never touched.",
        ),
    ] = False,
    organisation: Annotated[
        str, typer.Option(help="Your organisation's name, written into strategy.yaml.")
    ] = "Example NHS Trust",
    kind: Annotated[
        str,
        typer.Option(
            help="What sort of organisation: nhs-trust, integrated-care-board, council, "
            "central-government or other.",
        ),
    ] = "nhs-trust",
    install_from: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--install-from",
            metavar="SOURCE",
            help="Where CI, the pre-commit hook and the README install digistrat from: "
            "digistrat==X.Y.Z, git+https://host/org/digistrat@TAG, or a digistrat-X.Y.Z-*.whl "
            f"path or https URL (default: digistrat=={__version__} from PyPI). Always pinned.",
        ),
    ] = None,
    no_git: Annotated[
        bool, typer.Option("--no-git", help="Do not run `git init` in a new folder.")
    ] = False,
) -> None:
    """Create a strategy repository with a commented example of every file kind.

    Exits 1, changing nothing, if the folder already holds a strategy.yaml (use --force)."""
    from digistrat.install import InstallSourceError, parse
    from digistrat.models.strategy import KIND_NAMES
    from digistrat.scaffold import AlreadyARepository, scaffold, start_git

    if kind not in KIND_NAMES:
        fail(f"`{kind}` is not an organisation kind; choose one of: {', '.join(KIND_NAMES)}.")
    if not organisation.strip():
        fail('--organisation is empty: give your organisation\'s name, like "Example NHS Trust".')
    try:
        install = parse(install_from)
    except InstallSourceError as exc:
        fail(f"--install-from: {exc}")
    if directory.exists() and not directory.is_dir():
        fail(f"{directory} exists and is not a folder.")
    try:
        result = scaffold(
            directory, force=force, organisation=organisation, kind=kind, install=install
        )
    except AlreadyARepository as exc:
        fail(
            f"{directory} already holds a strategy repository ({exc} exists); nothing was "
            "changed. Run `digistrat check` to check it, `digistrat new` to add an "
            "entry, or `digistrat init --force` to replace the example files, workflow and "
            "README that init writes (your own files are kept).",
            EXIT_FINDINGS,
        )
    except OSError as exc:
        fail(f"could not write to {directory}: {exc.strerror or exc}", EXIT_FINDINGS)
    out = console()
    for rel in result.written:
        out.print(f"  wrote    {rel}", markup=False)
    for rel in result.skipped:
        out.print(f"  exists   {rel}  (kept; use --force to replace)", markup=False)
    gitignore = {
        "written": "  wrote    .gitignore  (keeps the rendered site/ out of git)",
        "appended": "  added    /site/ to your .gitignore  (the rendered site stays out of git)",
        "kept": "  exists   .gitignore  (already ignores site/)",
    }
    out.print(gitignore[result.gitignore], markup=False)
    out.print(f"\nCI and the pre-commit hook install {install.describe}.", markup=False)
    git = "skipped" if no_git else start_git(directory)
    if git == "started":
        out.print("Started a git repository here (`git init`).", markup=False)
    elif git == "no-git":
        out.print(
            "Note: git is not installed, so this folder is not a git repository yet. Install "
            "git and run `git init` here to keep a history of every change.",
            markup=False,
        )
    elif git.startswith("failed"):
        out.print(
            f"Note: `git init` did not work ({git.removeprefix('failed: ')}); run it yourself "
            "to keep a history of every change.",
            markup=False,
        )
    out.print(f"\nCreated a strategy repository in {directory}. Next:", markup=False)
    steps = [] if directory.resolve() == Path.cwd().resolve() else [f"cd {_shell(directory)}"]
    steps += [
        "digistrat check                         # what to change, in plain English",
        'digistrat new initiative my-idea --name "My idea"   # add your own entries',
        "digistrat render --out site             # the website, poster and board report",
    ]
    for step in steps:
        out.print(f"  {step}", markup=False)


def _shell(path: Path) -> str:
    """``path`` as a shell word a user can paste."""
    import shlex

    return shlex.quote(str(path))
