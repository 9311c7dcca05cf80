"""mkdocs hook: publish the repository's own markdown files that the docs link to.

Pages in ``docs/`` link to files elsewhere in the repository (``benchmarks/README.md``,
``tests/realworld/README.md``) with relative paths, so that the links work when the repository
is browsed on a git host. mkdocs knows only ``docs/``, so under ``mkdocs build --strict`` those
links would fail. This hook adds every markdown file outside ``docs/`` that a page links to (and
those that such a file links to) as a page under ``repo/``, and rewrites the links to and from
it. The same links then work in both places, and a link to a file that does not exist, or to
anything else outside ``docs/``, still fails the strict build.

Registered in ``mkdocs.yml`` under ``hooks:``; it uses nothing but mkdocs and the standard
library.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files, InclusionLevel

# An inline link's target: ](target#anchor). Targets with a scheme, absolute paths and pure
# anchors are left alone.
LINK = re.compile(r"(\]\()([^)\s#]+)(#[^)\s]*)?(\))")
PREFIX = "repo"

_published: dict[Path, str] = {}  # a file outside docs/ -> its src_uri in the built site


def _targets(text: str) -> Iterator[str]:
    for match in LINK.finditer(text):
        target = match.group(2)
        if ":" in target or target.startswith("/"):
            continue
        yield target


def _dirs(config: Any) -> tuple[Path, Path]:
    docs = Path(config.docs_dir).resolve()
    root = Path(config.config_file_path).resolve().parent
    return docs, root


def on_files(files: Files, config: Any) -> Files:
    docs, root = _dirs(config)
    _published.clear()
    queue = [Path(f.abs_src_path) for f in files.documentation_pages() if f.abs_src_path]
    while queue:
        source = queue.pop()
        for target in _targets(source.read_text(encoding="utf-8")):
            path = (source.parent / target).resolve()
            if (
                path.suffix != ".md"
                or not path.is_file()
                or path.is_relative_to(docs)
                or not path.is_relative_to(root)
                or path in _published
            ):
                continue
            uri = f"{PREFIX}/{path.relative_to(root).as_posix()}"
            _published[path] = uri
            files.append(
                File.generated(
                    config, uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV
                )
            )
            queue.append(path)
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if not page.file.abs_src_path:
        return markdown
    docs, _ = _dirs(config)
    source = Path(page.file.abs_src_path).resolve()
    outside = not source.is_relative_to(docs)
    here = posixpath.dirname(page.file.src_uri) or "."

    def fix(match: re.Match[str]) -> str:
        target = match.group(2)
        if ":" in target or target.startswith("/"):
            return match.group(0)
        path = (source.parent / target).resolve()
        if path in _published:
            new = _published[path]
        elif outside and path.is_relative_to(docs):
            new = path.relative_to(docs).as_posix()
        else:
            return match.group(0)
        anchor = match.group(3) or ""
        return f"{match.group(1)}{posixpath.relpath(new, here)}{anchor}{match.group(4)}"

    return LINK.sub(fix, markdown)
