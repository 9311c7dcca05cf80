"""Catalogue entries for what the check engine itself reports (codes Z001 and Z002)."""

from __future__ import annotations

from digistrat.rules.catalogue import RuleInfo, documented

UNUSED_SUPPRESSION = ("Z001", "unused-suppression")
INTERNAL_ERROR = ("Z002", "internal-error")

ENGINE: list[RuleInfo] = [
    documented(
        *UNUSED_SUPPRESSION,
        "warning",
        "Linter conventions (docs/commands.md: suppressing one finding)",
        """
        An inline `# digistrat: ignore[...]` comment suppresses nothing, or names no known rule.

        A suppression is a deliberate, reviewed exception. One that no longer matches a finding
        (because the problem was fixed, or the code is misspelt) hides nothing today but would
        hide a new problem tomorrow: remove it, or correct the rule code or name.
        """,
        "engine",
        severity_basis="A suppression that matches nothing hides nothing today; it is "
        "housekeeping, not a fault in the strategy.",
    ),
    documented(
        *INTERNAL_ERROR,
        "error",
        "digistrat itself",
        """
        A rule stopped with an internal error, so its results are missing.

        This is a bug in digistrat, not in your strategy. The other rules still ran. Please
        report it with the message shown; `DIGISTRAT_DEBUG=1` shows the details.
        """,
        "engine",
        severity_basis="A rule that stopped produced no result, so the check is incomplete "
        "and cannot be trusted to pass.",
    ),
]
