"""Catalogue entries for what the loader reports while reading files (codes F001 to F012).

These are found while reading and validating the files, before any rule runs, so they have
documentation here but no rule module. ``digistrat explain F002`` reads it.
"""

from __future__ import annotations

from digistrat import findings as F
from digistrat.rules.catalogue import RuleInfo, documented

_FORMAT = "Repository format (docs/format.md, `digistrat schema`)"
_FACT = (
    "A file that cannot be read, or does not match the format, is a fact rather than a "
    "judgement: what it holds is left out of every check and of everything published until "
    "it is fixed."
)

LOADER: list[RuleInfo] = [
    documented(
        *F.YAML_SYNTAX,
        "error",
        _FORMAT,
        """
        A file is not valid YAML, so nothing in it can be checked.

        Until the file reads, nothing in it is checked or published. The message names the line
        where reading stopped. Common causes are a tab used for
        indenting (use spaces), a missing space after a colon, or text containing `: ` or `#`
        that needs quotes around it.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.SCHEMA,
        "error",
        _FORMAT,
        """
        A value is missing, misspelt or of the wrong type for the repository format.

        An entry that does not match the format is left out of every other check and of what is
        published, until it is fixed. Every file kind has a fixed set of keys (see
        `digistrat schema`). An unknown key is
        usually a typo, and is reported rather than ignored so that nothing you write is
        silently lost.

        Failing example::

            # initiatives/online-booking.yaml
            stauts: approved

        Passing example::

            # initiatives/online-booking.yaml
            status: approved
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.DUPLICATE_KEY,
        "error",
        _FORMAT,
        """
        The same key appears twice in one block, so one of the two values would be lost.

        YAML readers disagree about which value wins; digistrat reports it instead. Keep one.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.DUPLICATE_ID,
        "error",
        _FORMAT,
        """
        Two entries of the same kind share an id, so references to it are ambiguous.

        References by id would point at two things at once, so one of them is ignored. Ids come
        from the file name (or an explicit `id:`). Objectives, criteria, bottlenecks and the needs
        of one user group must also each have their own id.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.UNKNOWN_REFERENCE,
        "error",
        _FORMAT + "; §10 Make choices (Sequencing)",
        """
        A reference names an initiative, need, service, objective, bottleneck, user group or
        framework measure that is unknown.

        A broken reference means what it links silently drops out: a dependency (`depends_on`)
        out of the plan, a need or an objective out of the board report, a framework measure
        (`serves:`) out of the coverage. The hint suggests the closest existing id.

        Failing example::

            # initiatives/online-booking.yaml
            depends_on:
              - electronic-records

        Passing example::

            # initiatives/online-booking.yaml
            depends_on: []
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.UNSAFE_YAML,
        "error",
        _FORMAT,
        """
        A file uses a YAML feature digistrat refuses for safety, such as an explicit `!!tag`.

        Such features can make a YAML reader run code or exhaust memory, and strategy files only
        need plain text, numbers, dates, lists and blocks.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.LIMIT_EXCEEDED,
        "error",
        _FORMAT + " (limits: docs/safety.md)",
        """
        A file or the repository is larger or deeper than digistrat's safety limits.

        The limits protect every reader of the repository from hostile or broken files; they are
        listed in docs/safety.md and no real strategy comes near them.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.NOT_A_MAPPING,
        "error",
        _FORMAT,
        """
        A file is empty, a list or a single value instead of a block of `key: value` lines.

        Without `key: value` lines there is nothing to check. Start from the example that
        `digistrat init` writes.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.BAD_FILE_NAME,
        "error",
        _FORMAT,
        """
        A file name cannot be used as an id: use lower-case words joined by hyphens.

        The file name (without `.yaml`) is the entry's id, used in references and web addresses.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.UNREADABLE_FILE,
        "error",
        _FORMAT,
        """
        A file cannot be read: permissions, encoding, or a link outside the repository.

        A file that cannot be read is left out of every check and of what is published. Files
        must be UTF-8 text inside the repository folder.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.MISSING_STRATEGY,
        "error",
        _FORMAT,
        """
        The file strategy.yaml is missing or unusable, so strategy-wide checks cannot run.

        `strategy.yaml` marks the repository root and holds the mission, horizon and choices.
        """,
        "loader",
        severity_basis=_FACT,
    ),
    documented(
        *F.MEMBER_UNAVAILABLE,
        "error",
        "System repository format (docs/system.md)",
        """
        A member of the integrated care system cannot be fetched or read, so it is not checked.

        The system view is only as complete as its members: a member whose folder is missing,
        holds no strategy.yaml, or whose git address or tag cannot be fetched is left out of
        every system check and of the system site until it is fixed. The finding points at
        the member's entry in system.yaml and says why; the other members are still checked.
        """,
        "loader",
        severity_basis=_FACT,
    ),
]
"""One entry per loader finding code, in code order."""
