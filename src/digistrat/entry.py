"""The ``digistrat`` command's entry point.

It answers ``digistrat --version`` before importing the command line itself: importing typer
takes about 45 ms, more than everything else a version check needs. Everything else goes to
:func:`digistrat.cli.main`.

When the command is done, the process ends without tearing down what it loaded object by
object (``os._exit`` after flushing the output): freeing a 10,000-entity repository one
object at a time takes longer than some commands themselves. digistrat registers no exit
handlers and writes every file completely before returning, so nothing is skipped.
"""

from __future__ import annotations

import os
import sys

from digistrat import __version__


def _streams_usable() -> bool:
    """Make the standard streams safe to write to; False if there is no standard output.

    A closed standard output (``digistrat check >&-``) leaves ``sys.stdout`` as None: there is
    nowhere to answer, so the command exits quietly with status 1. A closed standard error is
    replaced by the null device. Text the output's encoding cannot hold (``PYTHONIOENCODING=
    ascii``, an old Windows console) is written escaped (``\\u00e9``) instead of failing."""
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
    if sys.stdout is None:
        return False
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:  # noqa: SIM105 - contextlib would add ~4 ms to `--version`
                reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass
    return True


def main(fast_exit: bool = True) -> None:
    if not _streams_usable():
        os._exit(1)
    if sys.argv[1:] == ["--version"]:
        sys.stdout.write(f"digistrat {__version__}\n")
        return
    from digistrat.cli import main as cli_main

    if not fast_exit:
        cli_main()
        return
    code: int = 0
    try:
        cli_main()
    except SystemExit as exc:
        code = _exit_code(exc.code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):  # a closed pipe (`digistrat check | head`)
            code = code or 120  # what Python itself returns when the final flush fails
    os._exit(code)


def _exit_code(code: object) -> int:
    """The process exit status for a ``SystemExit`` code, as Python itself maps it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f"{code}\n")
    return 1
