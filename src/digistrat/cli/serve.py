"""`digistrat serve`: a live preview of the site, reloaded after every save (issue #17).

The work is in :mod:`digistrat.serve`; this module wires the options to it and prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from digistrat.cli.common import EXIT_FINDINGS, RepoArg, app, console, fail, rules_ready
from digistrat.voice import count


@app.command()
def serve(
    path: RepoArg = None,
    port: Annotated[
        int,
        typer.Option("--port", min=0, max=65535, help="The port to serve on (0 picks a free one)."),
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

    if not host.strip():
        fail("--host needs an address: 127.0.0.1 (the default) is this computer only.")
    try:
        root = find_root(path if path is not None else Path.cwd())
    except RepositoryNotFound as exc:
        fail(str(exc), EXIT_FINDINGS)
    rules_ready()
    folder = Path(tempfile.mkdtemp(prefix="digistrat-serve-"))
    out = folder / "site"
    say = console()
    try:
        preview = Preview(root, out, today())
        try:
            preview.start()
            server = make_server(preview, host, port)
        except (RenderError, OutputError, ServeError, RepositoryNotFound) as exc:
            fail(str(exc), EXIT_FINDINGS)
        except OSError as exc:
            fail(f"could not make the preview in {folder}: {exc.strerror or exc}", EXIT_FINDINGS)
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
