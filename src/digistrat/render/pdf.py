"""The board paper as an A4 PDF, made from the same HTML as ``board.html`` by WeasyPrint.

WeasyPrint is an optional extra (``pip install 'digistrat[pdf]'``): it needs the Pango library
from the operating system, which not every machine has. :func:`missing` says in one line what to
install when it cannot be used.

The PDF is tagged (PDF/UA-1) so screen readers can follow it, carries the paper's title and
language from the HTML, and is byte-identical for the same input: its creation date is the date
the report is made for, not the clock. It fetches nothing: the stylesheet is handed over
directly, and every other address (images, fonts, other pages) is refused, so a template can
neither reach the network nor pull a local file into the PDF. Links to other pages of the site
stay relative, so they work when the PDF sits in the published folder beside ``board.html``.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timezone
from typing import Any

INSTALL = (
    "making the board paper as a PDF needs WeasyPrint: pip install 'digistrat[pdf]' (on Debian "
    "or Ubuntu it also needs Pango: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
)

PRINT_CSS = """
@page {
  size: A4 portrait;
  margin: 16mm 16mm 18mm;
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 9pt; }
}
html { font-size: 11pt; }
"""
"""Laid over the site's stylesheet: A4 pages, numbered for a board pack."""


class Unavailable(Exception):
    """WeasyPrint cannot be loaded here; the message says what to install."""


def missing() -> str | None:
    """None when WeasyPrint can make PDFs here; otherwise one line saying what to install."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: Python package there, Pango library not
        return INSTALL
    return None


def _refuse(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError(f"the board PDF loads nothing from outside: {url}")


def _refuser() -> Any:
    """A URL fetcher that fetches nothing: the stylesheet is given directly, and nothing else is
    wanted. Newer WeasyPrint takes an object (``URLFetcher``), older releases a function."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:
        return _refuse

    class Refuse(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            return _refuse(url)

    return Refuse()


def board_pdf(html: str, css: str, made_on: date) -> bytes:
    """The board paper's HTML (and the site's stylesheet) as PDF bytes.

    Raises :class:`Unavailable` when WeasyPrint cannot be loaded."""
    try:
        import weasyprint
    except (ImportError, OSError):
        raise Unavailable(INSTALL) from None
    quiet = logging.getLogger("weasyprint")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)  # the refused stylesheet link is expected, not news
    try:
        fetcher = _refuser()
        document = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher)
        stylesheets = [
            weasyprint.CSS(string=css, url_fetcher=fetcher),
            weasyprint.CSS(string=PRINT_CSS),
        ]
        rendered = document.render(stylesheets=stylesheets, pdf_variant="pdf/ua-1")
        stamp = f"{made_on.isoformat()}T00:00:00Z"
        rendered.metadata.created = rendered.metadata.modified = stamp
        with _dated(made_on):
            data: bytes = rendered.write_pdf(pdf_variant="pdf/ua-1")
    finally:
        quiet.setLevel(level)
    return data


@contextmanager
def _dated(made_on: date) -> Iterator[None]:
    """The embedded font subsets dated ``made_on``, not the second they were made, so that the
    same strategy gives the same bytes (and ``render`` leaves an unchanged PDF alone).

    fontTools, which WeasyPrint subsets fonts with, stamps each subset's ``head`` table with
    the time, or with ``SOURCE_DATE_EPOCH`` when that is set (the reproducible-builds
    convention); a value the user set is kept."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    midnight = datetime.combine(made_on, time.min, tzinfo=timezone.utc)
    os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)
