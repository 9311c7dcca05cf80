"""The ``digistrat`` command's entry point.

It answers ``digistrat --version`` before importing the command line itself: importing typer
takes about 45 ms, more than everything else a version check needs. Everything else goes to
:func:`digistrat.cli.main`.
"""

from __future__ import annotations

import sys

from digistrat import __version__


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"digistrat {__version__}\n")
        return
    from digistrat.cli import main as cli_main

    cli_main()
