"""The preview's web server: the rendered folder, on this computer only by default.

Every HTML page is sent with a small script and, when ``check`` finds errors or the last save
could not be shown, a banner; the files on disk stay as ``render`` makes them. The script asks
``/_digistrat/reload?since=N`` (a long poll: the answer comes when the pages change, or after
:data:`POLL_SECONDS`) and reloads the page when the number it gets back is not ``N``.
``/_digistrat/findings`` lists what ``check`` found, each with its file, line and hint.
"""

from __future__ import annotations

import errno
import html
import json
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from digistrat.findings import Finding
from digistrat.serve.preview import Preview
from digistrat.voice import count

POLL_SECONDS = 25.0
"""How long a reload request waits for a change before answering anyway (browsers and proxies
give up on requests left unanswered for a minute or more)."""
RELOAD = "/_digistrat/reload"
FINDINGS = "/_digistrat/findings"


class ServeError(Exception):
    """The server cannot start; the message says why and what to do."""


def reload_script(generation: int) -> str:
    """The script added to every page: reload once the pages are not those of ``generation``."""
    return (
        "<script>/* digistrat serve: reloads this page after a save */\n"
        f"(function(){{var seen={generation};function poll(){{"
        f'fetch("{RELOAD}?since="+seen,{{cache:"no-store"}})'
        ".then(function(r){return r.json();})"
        ".then(function(d){if(d.generation!==seen){location.reload();}else{poll();}})"
        ".catch(function(){setTimeout(poll,1000);});}poll();})();</script>\n"
    )


def errors_in(found: list[Finding]) -> int:
    return sum(1 for f in found if f.severity == "error")


def banner(preview: Preview) -> str:
    """The notice at the top of every page, or nothing when all is well."""
    problem, found = preview.problem, preview.findings
    errors = errors_in(found)
    if problem is None and not errors:
        return ""
    if problem is not None:
        text = f"These pages are from before your last save: {problem}."
    else:
        text = f"`digistrat check` finds {count(errors, 'error')}."
    return (
        '<div id="digistrat-serve-banner" role="alert" style="position:sticky;top:0;'
        "z-index:1000;background:#fff4d6;color:#0b0c0c;border-bottom:4px solid #d4351c;"
        'padding:.6em 1em;font:1rem/1.4 sans-serif">'
        f'{html.escape(text)} <a href="{FINDINGS}">See what to fix</a></div>\n'
    )


def inject(page: bytes, preview: Preview) -> bytes:
    """``page`` as served: the banner after ``<body…>``, the reload script before
    ``</body>`` (or at the ends of a page without them)."""
    text = page.decode("utf-8", errors="replace")
    notice = banner(preview)
    if notice:
        start = text.find("<body")
        close = text.find(">", start) if start != -1 else -1
        at = close + 1 if close != -1 else 0
        text = text[:at] + notice + text[at:]
    script = reload_script(preview.signal.generation)
    end = text.rfind("</body>")
    text = text[:end] + script + text[end:] if end != -1 else text + script
    return text.encode("utf-8")


def _where(f: Finding) -> str:
    return f"{f.path}:{f.line}" if f.line else f.path


def findings_page(preview: Preview) -> bytes:
    """The overlay: why the pages are behind, if they are, and every finding of ``check``."""
    problem, found = preview.problem, preview.findings
    parts = [
        '<!doctype html><html lang="en"><head><meta charset="utf-8">',
        "<title>What to fix – digistrat serve</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<style>body{font:1rem/1.5 sans-serif;max-width:60em;margin:2em auto;padding:0 1em;"
        "color:#0b0c0c}li{margin-bottom:.8em}.where{font-family:monospace;font-weight:bold}"
        ".error{color:#d4351c}.behind{border-left:6px solid #d4351c;padding:.5em 1em;"
        "background:#fff4d6}</style></head><body>",
        '<p><a href="/index.html">Back to the site</a></p>',
        "<h1>What to fix</h1>",
    ]
    if problem is not None:
        parts.append(
            '<p class="behind">The site shows the strategy as it was before your last save: '
            f"{html.escape(problem)}. Fix that and save again; this page updates by itself.</p>"
        )
    if not found:
        parts.append("<p>`digistrat check` finds nothing to fix.</p>")
    else:
        errors = errors_in(found)
        parts.append(
            f"<p>`digistrat check` finds {count(len(found), 'problem')}, "
            f"{count(errors, 'error')} among them.</p><ol>"
        )
        for f in sorted(found, key=lambda f: (f.severity != "error", f.sort_key)):
            hint = f"<br>{html.escape(f.hint)}" if f.hint else ""
            parts.append(
                f'<li><span class="where">{html.escape(_where(f))}</span> '
                f'<span class="{html.escape(f.severity)}">{html.escape(f.severity)}</span> '
                f"{html.escape(f.code)}: {html.escape(f.message)}{hint}</li>"
            )
        parts.append("</ol>")
    parts.append("</body></html>\n")
    return inject("\n".join(parts).encode("utf-8"), preview)


class _Handler(SimpleHTTPRequestHandler):
    """Files from the preview's folder, with the pages changed as the module says."""

    preview: Preview

    def __init__(self, *args: Any, preview: Preview, **kwargs: Any) -> None:
        self.preview = preview
        super().__init__(*args, directory=str(preview.out), **kwargs)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == RELOAD:
            self._reload(url.query)
        elif url.path == FINDINGS:
            self._send(findings_page(self.preview), "text/html; charset=utf-8")
        else:
            self._file(url.path)

    def _reload(self, query: str) -> None:
        try:
            seen = int(parse_qs(query).get("since", ["-1"])[0])
        except ValueError:
            seen = -1
        generation = self.preview.signal.wait(seen, POLL_SECONDS)
        body = json.dumps({"generation": generation}).encode("utf-8")
        self._send(body, "application/json")

    def _file(self, path: str) -> None:
        found = self.translate_path(path)
        target = Path(found)
        if target.is_dir():
            target = target / "index.html"
        if target.suffix != ".html" or not target.is_file():
            super().do_GET()  # everything else as http.server serves it
            return
        try:
            page = target.read_bytes()
        except OSError:
            self.send_error(404, "Not found")
            return
        self._send(inject(page, self.preview), "text/html; charset=utf-8")

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # always the latest pages
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows rebuilds, not every request."""


def make_server(preview: Preview, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    """A server for ``preview`` (not yet serving: call ``serve_forever``). ``port`` 0 picks a
    free one (see ``server_address``). Raises :class:`ServeError` if it cannot listen.
    Each request has a thread of its own that never holds up the end of the program
    (``ThreadingHTTPServer`` makes them daemon threads)."""
    try:
        return ThreadingHTTPServer((host, port), partial(_Handler, preview=preview))
    except (TypeError, ValueError, OverflowError, UnicodeError) as exc:  # "\0", port 70000
        raise ServeError(
            f"cannot listen on {host!r}, port {port}: {exc}. Check --host (127.0.0.1 is this "
            "computer only) and --port (a number from 1024 to 65535, or 0 for any free one)."
        ) from None
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise ServeError(
                f"port {port} on {host} is already in use, perhaps by another `digistrat "
                f"serve`. Stop that one, or choose another port: --port {port + 1}."
            ) from None
        if exc.errno == errno.EACCES:
            raise ServeError(
                f"this computer does not let digistrat listen on port {port}. "
                "Choose a port above 1024, such as --port 8000."
            ) from None
        raise ServeError(
            f"cannot listen on {host}, port {port}: {exc.strerror or exc}. Check --host "
            "(127.0.0.1 is this computer only) and --port."
        ) from None
