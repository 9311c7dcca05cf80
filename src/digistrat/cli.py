"""The command line: the only module that prints or exits.

Each command imports what it needs when it runs, so ``--version`` and ``--help`` stay instant.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

from digistrat import __version__
from digistrat.voice import count

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


def _rules_ready() -> None:
    """Import the rule catalogue (~60 modules), as ``check`` and the board report go on to."""
    from digistrat.rules import all_rules

    all_rules()


def _overwrites_strategy_file(repo: Repository, target: Path) -> bool:
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


@app.command()
def check(
    path: RepoArg = None,
    output_format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="human, concise, json, sarif, github, gitlab or junit.",
        ),
    ] = "human",
    fail_on: Annotated[
        str,
        typer.Option(
            "--fail-on", help="Exit 1 if any finding is at least this severe: error, warning, info."
        ),
    ] = "error",
    select: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--select", help="Only these rules (code or name); repeat or comma-separate."),
    ] = None,
    ignore: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--ignore", help="Also switch off these rules (code or name)."),
    ] = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--output", "-o", help="Write the report to this file instead of the screen."),
    ] = None,
    relative_to: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--relative-to",
            help="Show paths relative to this folder (default: the top of the git repository "
            "holding the strategy, or the strategy's folder outside git).",
        ),
    ] = None,
) -> None:
    """Check the strategy against the format and the guide's rules.

    Exit code 0: nothing at or above --fail-on; 1: findings; 2: usage or configuration error.
    """
    from digistrat.report import FORMATS

    if output_format not in FORMATS:
        fail(f"unknown format `{output_format}`; choose one of: {', '.join(FORMATS)}.")
    if fail_on not in ("error", "warning", "info"):
        fail(f"--fail-on must be error, warning or info, not `{fail_on}`.")
    if relative_to is not None and not relative_to.is_dir():
        fail(f"--relative-to: {relative_to} is not a folder.")
    repo = load_repository(path, meanwhile=_rules_ready)
    if output is not None and _overwrites_strategy_file(repo, output):
        fail(f"{output} is a YAML file in the strategy repository; write the report elsewhere.")

    from digistrat.checker import run
    from digistrat.clock import today
    from digistrat.config import ConfigError, load_config
    from digistrat.report import render
    from digistrat.report.paths import rebase

    def split(values: list[str] | None) -> list[str]:
        return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]

    try:
        config = load_config(repo, select=split(select) or None, ignore=split(ignore) or None)
    except ConfigError as exc:
        fail(f"configuration: {exc}")
    result = run(repo, today(), config)
    color = (
        output is None
        and output_format == "human"
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
    )
    width = 100
    if color:
        import shutil

        width = shutil.get_terminal_size((100, 24)).columns
    shown = rebase(result, relative_to)
    text = render(output_format, shown, color=color, width=width, fail_on=fail_on)
    if output is not None:
        from digistrat.atomic import write_text

        try:
            write_text(output, text)
        except OSError as exc:
            fail(f"could not write {output}: {exc.strerror or exc}")
    else:
        emit(text, utf8=output_format in ("json", "sarif", "gitlab", "junit"))
    raise typer.Exit(EXIT_FINDINGS if result.failed(fail_on) else EXIT_OK)


@app.command("rules")
def rules_command(
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, json or markdown.")
    ] = "table",
) -> None:
    """List every rule: code, name, default severity and what it checks."""
    from digistrat.report import catalogue
    from digistrat.rules import all_rules

    rules = all_rules()
    if output_format == "table":
        text = catalogue.as_table(rules)
    elif output_format == "json":
        text = catalogue.as_json(rules)
    elif output_format == "markdown":
        text = catalogue.as_markdown(rules)
    else:
        fail(f"unknown format `{output_format}`; choose table, json or markdown.")
    emit(text)


@app.command()
def explain(
    rule: Annotated[str, typer.Argument(help="A rule code (like C001) or name.")],
) -> None:
    """Show one rule's documentation: why it matters, examples, options."""
    from digistrat.report import catalogue
    from digistrat.rules import find, suggest

    found = find(rule)
    if found is None:
        close = suggest(rule)
        hint = f" Did you mean `{close}`?" if close else ""
        fail(f"`{rule}` is not a rule code or name.{hint} See `digistrat rules`.")
    emit(catalogue.explain(found))


@app.command()
def score(
    path: RepoArg = None,
    model: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--model", "-m", help="weighted, value-effort, rice or wsjf (default: scoring.model)."
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="table, csv, json or markdown.")
    ] = "table",
    status: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--status", help="Only these statuses, e.g. --status proposed,approved (repeatable)."
        ),
    ] = None,
    category: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option("--category", help="Only maintain, improve and/or transform (repeatable)."),
    ] = None,
    band: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option(
            "--band", help="Robustness: points each weight may move up or down (default 10)."
        ),
    ] = None,
    top: Annotated[
        Optional[int],  # noqa: UP045
        typer.Option("--top", help="Robustness: how many top initiatives to protect (default 5)."),
    ] = None,
    show_plan: Annotated[
        bool,
        typer.Option("--plan", help="Show the delivery plan (now, next, later) instead."),
    ] = False,
    explain_models: Annotated[
        bool, typer.Option("--explain", help="Explain each model's formula and the options.")
    ] = False,
) -> None:
    """Rank initiatives (weighted matrix, value/effort, RICE, WSJF), test and plan (§10)."""
    from digistrat.scoring import report
    from digistrat.scoring.view import UsageProblem, build, explain
    from digistrat.visible import visible

    if explain_models:
        typer.echo(explain(), nl=False)
        return
    if fmt not in report.FORMATS:
        fail(f"unknown format `{fmt}`; choose one of: {', '.join(report.FORMATS)}.")
    repo = load_repository(path)
    if show_plan:
        _print_plan(repo, fmt)
        return
    try:
        view = build(repo, model, status, category, band, top)
    except UsageProblem as exc:
        fail(f"{exc}.")
    ranking = view.ranking
    if ranking.errors:
        err = console(stderr=True)
        for f in [*ranking.errors, *view.notes]:
            _print_finding(err, f)
        fail("the scoring configuration cannot be used; fix the problems above.")
    out = console()
    if fmt == "csv":
        typer.echo(report.csv_text(ranking, view.rows, view.robustness), nl=False)
    elif fmt == "json":
        typer.echo(
            report.json_text(ranking, view.rows, view.mix, view.robustness, view.notes), nl=False
        )
    elif fmt == "markdown":
        typer.echo(report.markdown(ranking, view.rows, view.mix, view.robustness), nl=False)
    elif not view.rows:
        none = "match these filters" if status or category else "in initiatives/ yet"
        out.print(f"No initiatives {none}: nothing to rank.", markup=False)
    else:
        out.print(report.table(ranking, view.rows, view.robustness))
        unranked = report.unranked_sentences(view.rows)
        if unranked:
            out.print("", markup=False)
        for line in unranked:
            out.print(line, markup=False)
        out.print("\nPortfolio mix (initiatives shown):", markup=False)
        for line in report.portfolio_sentences(view.mix):
            out.print(f"  {visible(line)}", markup=False)
        if view.robustness is not None:
            out.print("\nHow robust is the ranking?", markup=False)
            for line in report.robustness_sentences(view.robustness, ranking):
                out.print(f"  {visible(line)}", markup=False)
    problems = view.problems
    if problems and fmt != "json":
        target = console(stderr=True) if fmt in ("csv", "markdown") else out
        n = count(len(problems), "problem", zero=None)
        target.print(f"\n{n} with the scores:", markup=False)
        for f in problems:
            _print_finding(target, f)
    errors = any(f.severity == "error" for f in problems)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


def _print_finding(target: Console, f: Finding) -> None:
    from digistrat.visible import visible

    where = f"{f.path}:{f.line}:{f.column}" if f.line else f.path
    target.print(visible(f"{where}: {f.code} [{f.severity}] {f.message}"), markup=False)
    if f.hint:
        target.print(f"    hint: {visible(f.hint)}", markup=False)


def _print_plan(repo: Repository, fmt: str) -> None:
    from digistrat.clock import today
    from digistrat.scoring import plan, plan_report

    result = plan(repo, today())
    # as `score` does: an initiative left out because its file is invalid is an error here too
    result.problems.extend(
        f
        for f in repo.findings
        if f.severity == "error"
        and (f.path == "strategy.yaml" or f.path.startswith("initiatives/"))
    )
    if fmt == "csv":
        typer.echo(plan_report.csv_text(result), nl=False)
    elif fmt == "json":
        typer.echo(plan_report.json_text(result), nl=False)
    elif fmt == "markdown":
        typer.echo(plan_report.markdown(result), nl=False)
    elif not result.items:
        console().print("No initiatives in initiatives/ yet: nothing to plan.", markup=False)
    else:
        out = console()
        for part in plan_report.renderables(result):
            out.print(part)
            out.print()
    if result.problems and fmt in ("table", "csv"):
        err = console(stderr=True) if fmt == "csv" else console()
        for f in result.problems:
            _print_finding(err, f)
    errors = any(f.severity == "error" for f in result.problems)
    raise typer.Exit(EXIT_FINDINGS if errors else EXIT_OK)


@app.command()
def schema(
    kind: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            help="strategy, services, users, initiatives or commitments (default: all)."
        ),
    ] = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option("--out", help="Write one <kind>.schema.json per kind into this folder."),
    ] = None,
    fmt: Annotated[
        str,
        typer.Option(
            "--format", help="json (JSON Schema) or markdown (a field-by-field reference)."
        ),
    ] = "json",
) -> None:
    """Print the JSON Schema of the file kinds, for editors and validators."""
    from digistrat import atomic
    from digistrat import schema as s

    if fmt not in ("json", "markdown"):
        fail(f"unknown format `{fmt}`; choose json or markdown.")
    if fmt == "markdown":
        from digistrat.formatdoc import markdown

        typer.echo(markdown(), nl=False)
        return
    if kind is not None and kind not in s.FILE_KINDS:
        fail(f"unknown kind `{kind}`; choose one of: {', '.join(s.FILE_KINDS)}.")
    kinds = [kind] if kind else list(s.FILE_KINDS)
    if out is not None:
        if out.exists() and not out.is_dir():
            fail(f"{out} is a file; --out needs a folder.")
        try:
            out.mkdir(parents=True, exist_ok=True)
            for k in kinds:
                atomic.write_text(out / f"{k}.schema.json", s.dumps(s.schema_for(k)), inside=out)
                typer.echo(f"wrote {out / f'{k}.schema.json'}")
        except OSError as exc:
            fail(f"could not write to {out}: {exc.strerror or exc}", EXIT_FINDINGS)
        return
    if kind:
        typer.echo(s.dumps(s.schema_for(kind)), nl=False)
    else:
        import json

        typer.echo(json.dumps(s.all_schemas(), indent=2, ensure_ascii=False))


@app.command()
def render(
    path: RepoArg = None,
    out: Annotated[
        Optional[Path],  # noqa: UP045 - typer needs Optional on Python 3.10
        typer.Option(
            "--out",
            "-o",
            help="The folder to publish into, created if needed (default: `site` in the "
            "strategy repository).",
            show_default=False,
        ),
    ] = None,
    only: Annotated[
        str,
        typer.Option(
            "--only",
            help="Which outputs, separated by commas: site, document, poster, board, pdf "
            "(default: all but pdf; pdf is the board paper as board.pdf, which needs "
            "`pip install 'digistrat[pdf]'`).",
        ),
    ] = "site,document,poster,board",
    as_pdf: Annotated[
        bool,
        typer.Option(
            "--pdf",
            help="Also make the board paper as an A4 PDF, board.pdf (the same as adding pdf to "
            "--only; needs `pip install 'digistrat[pdf]'`).",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Write into a folder digistrat did not make, replacing files with the same "
            "names (nothing else is deleted).",
        ),
    ] = False,
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--since",
            help='Add a "What changed" page: compare with this git tag, commit or date '
            "(like 2026-09-30). Without it, no such page is made.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Exit 1 if any entry file had to be left out, or if `digistrat check` finds "
            "any error (for publishing from CI). The files are still written.",
        ),
    ] = False,
) -> None:
    """Publish the strategy: a static website, a markdown document, a poster, a board report.

    Entry files that cannot be used (unreadable YAML, not matching the format, a repeated id)
    are left out; they are listed on the screen (stderr). Exit code 0 when the outputs were
    written (1 with --strict if anything was left out or `check` finds errors); 1 when they
    could not be; 2 for a usage error.
    """
    from digistrat.clock import today

    chosen = [o.strip() for o in only.split(",") if o.strip()]
    known = RENDER_OUTPUTS + RENDER_EXTRAS
    unknown = [o for o in chosen if o not in known]
    if unknown or not chosen:
        fail(f"--only takes {', '.join(known)} (separated by commas), not `{only}`.")
    if as_pdf and "pdf" not in chosen:
        chosen.append("pdf")
    if "pdf" in chosen:
        from digistrat.render.pdf import missing

        cannot = missing()
        if cannot is not None:
            fail(f"{cannot}.")

    def ready() -> None:
        importlib.import_module("digistrat.render")
        if "board" in chosen or "pdf" in chosen:  # the board report runs every check
            _rules_ready()

    repo = load_repository(path, meanwhile=ready)
    from digistrat.render import OutputError, RenderError
    from digistrat.render import render as do_render

    findings, questions_of = None, None
    if since is not None and "board" in chosen:  # check runs once, for both
        from digistrat.render import assurance_inputs

        try:
            findings, questions_of = assurance_inputs(repo, today())
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
    checked = (findings, questions_of) if findings is not None and questions_of else None
    assured = None
    if strict and findings is None:  # check runs once, for the board paper and --strict
        from digistrat.render import checked as run_check

        _rules_ready()
        try:
            assured = run_check(repo, today())
        except RenderError as exc:
            fail(str(exc), EXIT_FINDINGS)
    changes = _changes(repo, since, checked) if since is not None else None
    if out is None:
        out = repo.root / "site"
    interactive = sys.stderr.isatty() and not os.environ.get("CI")
    try:
        if interactive:
            from rich.progress import Progress

            with Progress(console=console(stderr=True), transient=True) as bar:
                tasks: dict[str, object] = {}
                reached: dict[str, int] = {}

                def progress(step: str, n: int, total: int) -> None:
                    if step in tasks and n - reached[step] < 100 and n != total:
                        return  # counts may jump (two processes): every 100 pages or so
                    if step not in tasks:
                        tasks[step] = bar.add_task(step, total=total)
                    reached[step] = n
                    bar.update(tasks[step], completed=n)  # type: ignore[arg-type]

                done = do_render(
                    repo,
                    out,
                    today(),
                    chosen,
                    force=force,
                    findings=findings,
                    questions_of=questions_of,
                    progress=progress,
                    changes=changes,
                    assured=assured,
                )
        else:
            done = do_render(
                repo,
                out,
                today(),
                chosen,
                force=force,
                findings=findings,
                questions_of=questions_of,
                changes=changes,
                assured=assured,
            )
    except (OutputError, RenderError) as exc:
        fail(str(exc), EXIT_FINDINGS)
    except OSError as exc:
        fail(f"could not write to {out}: {exc.strerror or exc}", EXIT_FINDINGS)
    result = done.result  # plain lines: no need to load rich just for them
    for rel in result.kept:
        typer.echo(f"  kept     {rel}  (no longer produced, but edited by someone)")
    typer.echo(
        f"Rendered {', '.join(chosen)} into {out}: "
        f"{count(len(result.written), 'file', zero=None)} written, "
        f"{len(result.unchanged)} unchanged, {len(result.removed)} removed."
    )
    if "site" in chosen:
        typer.echo(f"Open {out / 'index.html'} in a browser.")
    _left_out_and_strict(repo, assured.findings if assured else findings, strict)


def _left_out_and_strict(repo: Repository, findings: list[Finding] | None, strict: bool) -> None:
    """Say on stderr which entry files the published strategy left out; with ``strict``,
    exit 1 if any were, or if ``check`` found any error (``findings``)."""
    from digistrat.leftout import left_out, summary

    missing = left_out(repo)
    for line in summary(missing):
        typer.echo(line, err=True)
    if not strict:
        return
    errors = sum(1 for f in findings or [] if f.severity == "error")
    if errors or missing:
        why = [count(len(missing), "file", zero=None) + " left out"] if missing else []
        if errors:
            why.append(f"`digistrat check` finds {count(errors, 'error', zero=None)}")
        fail(
            f"the outputs were written, but --strict fails the run: {' and '.join(why)}. "
            "Fix them and render again.",
            EXIT_FINDINGS,
        )


def _changes(repo: Repository, since: str | None, known: Assurance | None = None) -> Changes:
    """What changed since ``since`` (None: the newest tag), or exit with why not."""
    from digistrat.clock import today
    from digistrat.since import HistoryError, changes_since

    try:
        return changes_since(repo, since, today(), known)
    except HistoryError as exc:
        fail(str(exc))


@app.command()
def changes(
    path: RepoArg = None,
    since: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--since",
            help="A git tag, commit or date (like 2026-09-30) to compare with "
            "(default: the newest tag).",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Show what changed since the last board: commitments, progress, initiatives, risks, and
    each board question's status then and now, read from the strategy's git history."""
    if fmt not in ("text", "json"):
        fail(f"unknown format `{fmt}`; choose text or json.")
    repo = load_repository(path, meanwhile=_rules_ready)
    found = _changes(repo, since)
    from digistrat import history

    if fmt == "json":
        emit(history.as_json(found), utf8=True)
    else:
        emit(history.as_text(found))


def _text_option(help_text: str) -> Any:
    return typer.Option(help=help_text, show_default=False)


@app.command("new")
def new_command(
    kind: Annotated[
        str,
        typer.Argument(help="services, users, initiatives or commitments (singular works too)."),
    ],
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID", help="The new entry's id: lower-case words joined by hyphens."
        ),
    ],
    path: RepoArg = None,
    name: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("Its name (a service, user group or initiative)."),
    ] = None,
    statement: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("A commitment's statement: what will change for users."),
    ] = None,
    description: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("What it is, for whom (not for a commitment)."),
    ] = None,
    outcome: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("A commitment's outcome for patients or staff."),
    ] = None,
    owner: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("The accountable person's name."),
    ] = None,
    owner_role: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("Their role, e.g. Chief Nursing Information Officer."),
    ] = None,
    function: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("Who leads: clinical, operational, digital or corporate."),
    ] = None,
    category: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("An initiative's category: maintain, improve or transform."),
    ] = None,
    due: Annotated[
        Optional[str],  # noqa: UP045
        _text_option("A commitment's due date, like 2027-03-31."),
    ] = None,
) -> None:
    """Create a new entry from a commented template; never overwrites an existing file.

    A new initiative is a proposal, with no scores, dates or exemplar flag: it is not ranked
    or planned until it is scored. Options fill in the main fields (checked before anything
    is written); the rest stays as examples to replace."""
    from digistrat.edit import EditError, new_entity

    repo = load_repository(path)
    known: dict[str, set[str]] = {}
    for folder, entity_id in repo.declared:
        known.setdefault(folder, set()).add(entity_id)
    known["needs"] = {
        f"{gid}/{need.id}" for gid, group in repo.users.items() for need in group.needs
    }
    known["objectives"] = {o.id for o in repo.strategy.objectives} if repo.strategy else set()
    criteria = [c.id for c in repo.strategy.scoring.criteria] if repo.strategy else []
    values = {
        "name": name,
        "statement": statement,
        "description": description,
        "outcome": outcome,
        "owner": owner,
        "owner_role": owner_role,
        "function": function,
        "category": category,
        "due": due,
    }
    try:
        target = new_entity(repo.root, kind, ident, known=known, values=values, criteria=criteria)
    except EditError as exc:
        fail(str(exc), EXIT_USAGE if exc.usage else EXIT_FINDINGS)
    except OSError as exc:
        fail(f"could not write the new file: {exc.strerror or exc}", EXIT_FINDINGS)
    rel = target.relative_to(repo.root).as_posix()
    console().print(
        f"Created {rel}. Replace any example text left with your own, then run "
        "`digistrat check`: it says what the entry still needs.",
        markup=False,
    )


@app.command()
def progress(
    commitment: Annotated[str, typer.Argument(help="The commitment's id.")],
    note: Annotated[str, typer.Option("--note", help="What happened, in a sentence or two.")],
    value: Annotated[
        Optional[float],  # noqa: UP045
        typer.Option("--value", help="The measure's value on that date, if measured."),
    ] = None,
    on: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--date", help="The date of the update, like 2026-06-30 (default: today)."),
    ] = None,
    status: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option("--status", help="New status: on-track, at-risk, off-track, met or missed."),
    ] = None,
    path: RepoArg = None,
) -> None:
    """Add a dated progress update to a commitment, keeping every comment in the file."""
    import datetime as dt
    import math
    import typing

    from digistrat.clock import today
    from digistrat.edit import EditError, add_progress
    from digistrat.models import Commitment

    statuses = typing.get_args(Commitment.model_fields["status"].annotation)
    if status is not None and status not in statuses:
        fail(f"unknown status `{status}`; choose one of: {', '.join(statuses)}.")
    if value is not None and not math.isfinite(value):
        fail("--value must be a real number.")
    if not note.strip():
        fail("--note is empty: say what happened.")
    try:
        when = dt.date.fromisoformat(on) if on else today()
    except ValueError:
        fail(f"--date {on!r} is not a date like 2026-06-30.")
    repo = load_repository(path)
    rel = repo.declared.get(("commitments", commitment))
    if rel is None:
        import difflib

        close = difflib.get_close_matches(
            commitment, sorted(i for k, i in repo.declared if k == "commitments"), n=1
        )
        fail(
            f"there is no commitment `{commitment}` in {repo.root}."
            + (f" Did you mean `{close[0]}`?" if close else "")
        )
    try:
        add_progress(
            repo.root / rel, rel=rel, note=note.strip(), on=when, value=value, status=status
        )
    except EditError as exc:
        fail(str(exc), EXIT_USAGE if exc.usage else EXIT_FINDINGS)
    except OSError as exc:
        fail(f"could not write {rel}: {exc.strerror or exc}", EXIT_FINDINGS)
    console().print(
        f"Added a progress update dated {when.isoformat()} to {rel}"
        + (f" and set its status to {status}" if status else "")
        + ".",
        markup=False,
    )


def main() -> None:
    """Entry point: fast path for --version, and no traceback for anything unexpected."""
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"digistrat {__version__}\n")
        return
    if os.environ.get("DIGISTRAT_TODAY"):
        from digistrat.clock import BadToday, today

        try:
            today()
        except BadToday as exc:
            sys.stderr.write(f"error: {exc}.\n")
            sys.exit(EXIT_USAGE)
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("digistrat: interrupted\n")
        sys.exit(130)
    except Exception as exc:  # an internal error: a bug, but never a raw traceback for users
        if os.environ.get("DIGISTRAT_DEBUG"):
            raise
        sys.stderr.write(
            f"digistrat: internal error ({type(exc).__name__}: {exc}).\n"
            "This is a bug in digistrat, not in your strategy. Please report it; "
            "set DIGISTRAT_DEBUG=1 to see the details.\n"
        )
        sys.exit(EXIT_USAGE)


# --- serve (issue #17): a live preview; to move to cli/serve.py with the CLI split ----------


@app.command()
def serve(
    path: RepoArg = None,
    port: Annotated[
        int, typer.Option("--port", help="The port to serve on (0 picks a free one).")
    ] = 8000,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="The address to serve on. The default, 127.0.0.1, is this computer only; "
            "anything else lets other computers on the network see the strategy.",
        ),
    ] = "127.0.0.1",
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the site in a web browser.")
    ] = False,
) -> None:
    """Preview the published site while you edit: pages reload after every save.

    Renders the site into a temporary folder (never into the repository or your --out
    folder), serves it, and makes again the pages each saved file affects. Errors that
    `digistrat check` finds are listed at /_digistrat/findings, with a banner on every page.
    A file that cannot be read leaves the last good pages in place. Ctrl-C stops.
    """
    import shutil
    import tempfile
    import threading

    from digistrat.clock import today
    from digistrat.loader import RepositoryNotFound, find_root
    from digistrat.render import OutputError, RenderError
    from digistrat.serve.preview import Outcome, Preview
    from digistrat.serve.server import FINDINGS, ServeError, errors_in, make_server
    from digistrat.serve.watch import follow, watch

    try:
        root = find_root(path if path is not None else Path.cwd())
    except RepositoryNotFound as exc:
        fail(str(exc), EXIT_FINDINGS)
    _rules_ready()
    folder = Path(tempfile.mkdtemp(prefix="digistrat-serve-"))
    out = folder / "site"
    say = console()
    try:
        preview = Preview(root, out, today())
        try:
            preview.start()
            server = make_server(preview, host, port)
        except (RenderError, OutputError, ServeError) as exc:
            fail(str(exc), EXIT_FINDINGS)
        shown_host = f"[{host}]" if ":" in host else host
        url = f"http://{shown_host}:{server.server_address[1]}/"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        stop = threading.Event()

        def told(batch: set[str], outcome: Outcome) -> None:
            names = ", ".join(sorted(batch)[:3]) + (" …" if len(batch) > 3 else "")
            if outcome.kept:
                say.print(
                    f"Saved {names}: not shown yet, {outcome.reason}. "
                    f"The last good pages stay; see {url}{FINDINGS[1:]}",
                    markup=False,
                )
            elif outcome.pages:
                how = f" (all of them: {outcome.reason})" if outcome.full else ""
                say.print(
                    f"Saved {names}: {count(outcome.pages, 'page')} made again{how}, "
                    f"ready in {outcome.reloadable:.2f} s.",
                    markup=False,
                )

        try:  # from here on Ctrl-C, whenever it comes, stops the server and nothing else
            thread.start()
            say.print(f"Serving {root.name} at {url}  (Ctrl-C to stop)", markup=False)
            errors = errors_in(preview.findings)
            if errors:
                say.print(
                    f"`digistrat check` finds {count(errors, 'error')}: see {url}{FINDINGS[1:]}",
                    markup=False,
                )
            if open_browser:
                import webbrowser

                webbrowser.open(url)
            follow(preview, watch(root, stop), told)
        except KeyboardInterrupt:
            pass
        finally:
            stop.set()
            if thread.is_alive():  # shutdown waits for serve_forever, which may not have begun
                server.shutdown()
            server.server_close()
        say.print("Stopped serving.", markup=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
