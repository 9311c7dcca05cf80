"""What changed since an earlier revision: git, then the loader, then :func:`history.compare`.

The earlier revision is read from git into a temporary folder (see :mod:`digistrat.gitrev`),
loaded with the normal loader, checked and scored as of the day of its commit, and compared
with the repository as it is now (the working tree, including changes not yet committed).

Without ``--since``, ``digistrat changes`` compares with the newest tag reachable from the
current commit (tag each board meeting's version, e.g. ``git tag board-2026-09``);
``digistrat render`` then leaves the "What changed" page out.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from digistrat import gitrev
from digistrat.findings import Finding
from digistrat.gitrev import HistoryError
from digistrat.history import Changes, Snapshot, compare
from digistrat.repository import STRATEGY_FILE, Repository

__all__ = ["HistoryError", "changes_since", "question_statuses"]


def question_statuses(
    findings: Iterable[Finding], questions_of: Mapping[str, Iterable[int]]
) -> dict[int, str]:
    """Each board question's status from ``check`` findings and the rule → questions mapping.

    The one place that knows how the board paper turns findings into a status (through
    :func:`digistrat.render.assurance.verdicts`, from the findings alone)."""
    from digistrat.render.assurance import Withheld, verdicts

    judged = verdicts(findings, questions_of, {}, Withheld(), {}, {})
    return {number: verdict.status for number, verdict in judged.items()}


def question_titles() -> dict[int, str]:
    from digistrat.render.board import QUESTIONS

    return {number: question for number, (question, *_) in QUESTIONS.items()}


Assurance = tuple[list[Finding], Mapping[str, Iterable[int]]]
"""``check`` findings and the rule → board questions mapping
(:func:`digistrat.render.assurance_inputs`)."""


def _statuses(repo: Repository, day: date, known: Assurance | None = None) -> dict[int, str]:
    from digistrat.render import RenderError, assurance_inputs

    if known is None:
        try:
            known = assurance_inputs(repo, day)
        except RenderError:
            return {}  # a broken ``check:`` block: the statuses are shown as unknown
    return question_statuses(*known)


def _ranks(repo: Repository) -> dict[str, int]:
    from digistrat import scoring

    ranking = scoring.score(repo)
    return {row.id: row.rank for row in ranking.rows if row.rank is not None}


def _broken(repo: Repository) -> frozenset[tuple[str, str]]:
    """(kind, id) of commitments and initiatives whose file is there but did not load (a
    file that cannot be parsed is known only by its findings)."""
    loaded = set(repo.paths.values())
    found = {
        (kind, ident)
        for kind, ident in repo.declared
        if kind in _TRACKED and ident not in repo.entities(kind)
    }
    for path in {*repo.files, *(f.path for f in repo.findings)}:
        kind, _, name = path.partition("/")
        if kind in _TRACKED and path not in loaded:
            found.add((kind, name.rsplit("/", 1)[-1].rsplit(".", 1)[0]))
    return frozenset(found)


_TRACKED = ("commitments", "initiatives")


def snapshot(repo: Repository, day: date, known: Assurance | None = None) -> Snapshot:
    """The repository with its ranks and board statuses as of ``day`` (from ``known``
    findings if ``check`` has already run)."""
    return Snapshot(
        repo.strategy,
        dict(repo.commitments),
        dict(repo.initiatives),
        _ranks(repo),
        _statuses(repo, day, known),
        _broken(repo),
    )


def changes_since(
    repo: Repository, asked: str | None, today: date, known: Assurance | None = None
) -> Changes:
    """What changed since ``asked`` (a tag, a commit or a date; None: the newest tag).
    ``known``: the current repository's ``check`` findings, if already worked out.

    Raises :class:`HistoryError` with a message for people when there is no such history."""
    from digistrat.loader import load

    place = gitrev.locate(repo.root)
    if asked is None:
        asked = gitrev.newest_tag(place)
        if asked is None:
            raise HistoryError(
                "the git repository has no tags, so there is no last board version to compare "
                "with. Give one with --since (a tag, a commit or a date like 2026-09-30), and "
                "tag the version each board sees (`git tag board-2026-09`)."
            )
    revision = gitrev.resolve(place, asked)
    with tempfile.TemporaryDirectory(prefix="digistrat-since-") as folder:
        old_root = Path(folder)
        gitrev.export(place, revision, old_root)
        if not (old_root / STRATEGY_FILE).is_file():
            where = place.prefix.rstrip("/") or "the top folder of the git repository"
            raise HistoryError(
                f"at {revision.label} there was no {STRATEGY_FILE} in {where}, so there is "
                "nothing to compare with. Give a later revision."
            )
        before = snapshot(load(old_root), revision.day)
    after = snapshot(repo, today, known)
    return compare(before, after, revision.label, revision.day, revision.commit, question_titles())
