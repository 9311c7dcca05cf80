"""The README and the reference site in docs/: size, links, navigation, and the mkdocs hook.

No network: links are checked against the files in the repository. The site itself is built
with ``mkdocs build --strict`` by ``.ci/run``; the hook that lets pages link to markdown files
outside docs/ is tested here on small inline trees.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import build_tree

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCS = ROOT / "docs"
README_LIMIT = 12 * 1024  # bytes: the README is an introduction; the reference lives in docs/

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")
_INLINE = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def within_limit(data: bytes) -> bool:
    return len(data) <= README_LIMIT


def relative_links(text: str) -> list[tuple[int, str]]:
    """(line number, target) of every relative link, outside code; anchors dropped."""
    found: list[tuple[int, str]] = []
    in_code = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        line = _CODE_SPAN.sub("", line)
        targets = _INLINE.findall(line) + _DEFINITION.findall(line)
        for target in targets:
            if _SCHEME.match(target) or target.startswith(("#", "/")):
                continue
            path = target.split("#", 1)[0]
            if path:
                found.append((number, path))
    return found


def broken_links(page: Path) -> list[str]:
    """Each relative link in ``page`` that leads to no file or folder, as ``page:line: target``."""
    problems = []
    for number, target in relative_links(page.read_text(encoding="utf-8")):
        if not (page.parent / target).exists():
            problems.append(f"{page.relative_to(ROOT)}:{number}: {target}")
    return problems


def _nav_files(nav: list[object]) -> list[str]:
    files: list[str] = []
    for item in nav:
        if isinstance(item, str):
            files.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                files += _nav_files(value) if isinstance(value, list) else [str(value)]
    return files


# The repository as it is


def test_readme_is_short() -> None:
    size = len(README.read_bytes())
    assert within_limit(README.read_bytes()), (
        f"README.md is {size:,} bytes, over {README_LIMIT:,}: move reference material to docs/"
    )


@pytest.mark.parametrize(
    "page", [README, *sorted(DOCS.glob("*.md"))], ids=lambda p: str(p.relative_to(ROOT))
)
def test_every_relative_link_resolves(page: Path) -> None:
    assert broken_links(page) == []


def test_readme_keeps_the_ci_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    command = ci[ci.index("# The README's test command, verbatim:") + 1]
    assert command.startswith("python3 -m venv .venv && ")
    assert command in README.read_text(encoding="utf-8").splitlines()


def test_every_docs_page_is_in_the_navigation_and_every_entry_exists() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    nav = _nav_files(config["nav"])
    assert sorted(nav) == sorted(set(nav)), "a page is listed twice in mkdocs.yml"
    pages = sorted(p.name for p in DOCS.glob("*.md"))
    assert sorted(nav) == pages, "mkdocs.yml's nav and the pages in docs/ differ"


# The checks themselves


def test_readme_limit_boundary() -> None:
    assert within_limit(b"x" * (README_LIMIT - 1))
    assert within_limit(b"x" * README_LIMIT)
    assert not within_limit(b"x" * (README_LIMIT + 1))


def test_broken_link_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "ROOT", tmp_path)
    build_tree(
        tmp_path,
        {
            "docs/a.md": """
                See [b](b.md#part), [the code](../src/x.py) and [gone](missing.md).
                [ref]: ../nowhere.md
            """,
            "docs/b.md": "# B\n",
            "src/x.py": "",
        },
    )
    assert broken_links(tmp_path / "docs" / "a.md") == [
        "docs/a.md:1: missing.md",
        "docs/a.md:2: ../nowhere.md",
    ]


def test_links_outside_code_only_and_relative_only() -> None:
    text = (
        "[web](https://example.org) [mail](mailto:a@b.c) [here](#top) [abs](/x.md)\n"
        '`[in code](span.md)` [real](real.md "title")\n'
        "```\n[in a block](block.md)\n```\n"
        "[after](after.md)\n"
    )
    assert relative_links(text) == [(2, "real.md"), (6, "after.md")]


# The mkdocs hook: pages may link to markdown files outside docs/


def _build(tmp_path: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mkdocs", reason="mkdocs is in the test and docs extras")
    hook = ROOT / "scripts" / "mkdocs_hooks.py"
    files = {"mkdocs.yml": f"site_name: t\nhooks:\n  - {hook}\n", **files}
    build_tree(tmp_path, files)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def test_hook_publishes_a_linked_file_outside_docs(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        {
            "docs/index.md": "# Home\n\nSee [the notes](../notes/README.md#part).\n",
            "notes/README.md": "# Notes\n\n## Part\n\nBack [home](../docs/index.md).\n",
        },
    )
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    notes = (tmp_path / "out" / "repo" / "notes" / "index.html").read_text(encoding="utf-8")
    assert 'href="repo/notes/#part"' in home
    assert 'href="../..">home</a>' in notes or 'href="../../">home</a>' in notes


def test_strict_build_still_fails_on_a_missing_file(tmp_path: Path) -> None:
    result = _build(
        tmp_path,
        {"docs/index.md": "# Home\n\nSee [the notes](../notes/missing.md).\n"},
    )
    assert result.returncode != 0
    assert "missing.md" in result.stderr
