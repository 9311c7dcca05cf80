"""A repository's own templates are read like its entry files: nothing from outside it."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.render import RenderError, produce

from helpers import build_tree

TODAY = date(2026, 11, 26)
SECRET = "root:x:0:0:the runner's secret"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the repository, standing for /etc/passwd on a CI runner."""
    path = tmp_path / "outside" / "etc" / "passwd"
    path.parent.mkdir(parents=True)
    path.write_text(SECRET)
    return path


def _site(sample: Path) -> dict[str, bytes]:
    return produce(load(sample), TODAY, only=["site"])


def test_a_template_linking_out_of_the_repository_is_refused(sample: Path, secret: Path) -> None:
    (sample / "templates" / "site").mkdir(parents=True)
    (sample / "templates" / "site" / "footer.html").symlink_to(secret)
    with pytest.raises(RenderError, match=r"site/footer\.html is a link leading outside"):
        _site(sample)


def test_an_include_through_a_linked_folder_is_refused(sample: Path, secret: Path) -> None:
    build_tree(sample, {"templates/site/footer.html": '{% include "root/etc/passwd" %}'})
    (sample / "templates" / "root").symlink_to(secret.parent.parent)
    with pytest.raises(RenderError, match=r"root/etc/passwd is a link leading outside"):
        _site(sample)


def test_a_linked_templates_folder_is_refused(sample: Path, tmp_path: Path) -> None:
    elsewhere = build_tree(tmp_path / "elsewhere", {"site/footer.html": SECRET})
    (sample / "templates").symlink_to(elsewhere)
    with pytest.raises(RenderError, match="link leading outside"):
        _site(sample)


def test_names_climbing_out_are_never_looked_up(sample: Path, secret: Path) -> None:
    rel = os.path.relpath(secret, sample / "templates")
    build_tree(sample, {"templates/site/footer.html": f'{{% include "{rel}" %}}'})
    with pytest.raises(RenderError) as caught:
        _site(sample)
    assert SECRET not in str(caught.value)


def test_a_link_inside_the_repository_is_read(sample: Path) -> None:
    build_tree(sample, {"shared/footer.html": "<footer>Our own footer</footer>"})
    (sample / "templates" / "site").mkdir(parents=True)
    (sample / "templates" / "site" / "footer.html").symlink_to(sample / "shared" / "footer.html")
    pages = _site(sample)
    assert b"Our own footer" in pages["index.html"]


def test_a_huge_or_binary_template_is_refused(sample: Path) -> None:
    build_tree(sample, {"templates/site/footer.html": "x" * (1024 * 1024 + 1)})
    with pytest.raises(RenderError, match="larger than 1024 KiB"):
        _site(sample)
    (sample / "templates/site/footer.html").write_bytes(b"\xff\xfe not text")
    with pytest.raises(RenderError, match="not UTF-8"):
        _site(sample)


def test_a_template_of_our_own_name_still_replaces_ours(sample: Path) -> None:
    build_tree(sample, {"templates/site/footer.html": "<footer>Replaced</footer>"})
    assert b"Replaced" in _site(sample)["index.html"]
