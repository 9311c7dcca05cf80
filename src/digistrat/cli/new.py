"""`digistrat new`: a new entry from a commented template."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from digistrat.cli.common import (
    EXIT_FINDINGS,
    EXIT_USAGE,
    RepoArg,
    app,
    console,
    fail,
    load_repository,
)

if TYPE_CHECKING:
    pass


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
