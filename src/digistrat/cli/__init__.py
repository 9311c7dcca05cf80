"""The command line: one module per command over a core that returns data.

Only this package prints or exits. :mod:`digistrat.cli.common` holds the typer app and what the
commands share; importing a command's module registers it, in the order ``--help`` lists them.
"""

from __future__ import annotations

import os
import sys

from digistrat import __version__

# The order of these imports is the order `digistrat --help` lists the commands.
# isort: off
from digistrat.cli import (  # noqa: F401 - importing a command module registers its command
    init,
    check,
    rules,
    score,
    schema,
    render,
    changes,
    new,
    progress,
    export,
    imports,
    frameworks,
)

# isort: on
from digistrat.cli.common import (
    EXIT_USAGE,
    RENDER_EXTRAS,
    RENDER_OUTPUTS,
    app,
    load_repository,
)

__all__ = ["RENDER_EXTRAS", "RENDER_OUTPUTS", "app", "load_repository", "main"]


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
