"""Compiled templates kept between runs: used when valid, never trusted blindly, never a failure."""

from __future__ import annotations

import os
import stat
from datetime import date
from pathlib import Path

import pytest
from jinja2 import Environment

from digistrat.loader import load
from digistrat.render import cache, produce
from digistrat.render.env import html_environment, markdown_environment

from helpers import build_tree

TODAY = date(2026, 11, 26)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_VAR, str(where))
    return where


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.jinja"))


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a template was compiled although its code was cached")

    monkeypatch.setattr(Environment, "compile", refuse)


def test_a_second_render_uses_the_compiled_templates(
    sample: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = produce(load(sample), TODAY)
    kept = _entries(folder)
    assert len(kept) >= 10  # the site's, the document's, the poster's and the board's
    assert all(stat.S_IMODE(p.stat().st_mode) & 0o077 == 0 for p in kept)
    _no_compiling(monkeypatch)
    assert produce(load(sample), TODAY) == first


def test_the_output_is_the_same_with_and_without_a_cache(
    sample: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    produce(load(sample), TODAY)
    cached = produce(load(sample), TODAY)
    monkeypatch.setenv(cache.ENV_VAR, "")
    assert html_environment(None).bytecode_cache is None
    assert produce(load(sample), TODAY) == cached


def test_an_edited_template_is_compiled_again(sample: Path, folder: Path) -> None:
    build_tree(sample, {"templates/site/service.html": "first {{ service.name }}"})
    before = produce(load(sample), TODAY, only=["site"])
    build_tree(sample, {"templates/site/service.html": "second {{ service.name }}"})
    after = produce(load(sample), TODAY, only=["site"])
    assert before["services/appointments.html"].startswith(b"first ")
    assert after["services/appointments.html"].startswith(b"second ")


@pytest.mark.parametrize("damage", ["garbage", "cut short", "empty", "folder", "pipe"])
def test_damaged_entries_are_compiled_again(
    sample: Path, folder: Path, damage: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = produce(load(sample), TODAY)
    for entry in _entries(folder):
        data = entry.read_bytes()
        entry.unlink()
        if damage == "garbage":
            entry.write_bytes(b"\x00not jinja's\xff" * 10)
        elif damage == "cut short":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "empty":
            entry.write_bytes(b"")
        elif damage == "folder":
            entry.mkdir()
        elif hasattr(os, "mkfifo"):
            os.mkfifo(entry)  # opening it to read would wait for a writer forever
    assert produce(load(sample), TODAY) == good


def test_no_usable_folder_means_no_cache_not_an_error(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    monkeypatch.setenv(cache.ENV_VAR, str(blocker / "cache"))
    assert html_environment(None).bytecode_cache is None
    assert b"<html" in produce(load(sample), TODAY)["index.html"]
    assert blocker.read_text(encoding="utf-8") == "not a folder\n"


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership is POSIX")
def test_a_folder_others_may_write_to_is_not_used(folder: Path) -> None:
    env = html_environment(None)
    assert env.bytecode_cache is not None
    shared = folder / "templates" / cache.fingerprint(env)
    shared.chmod(0o777)
    assert html_environment(None).bytecode_cache is None
    shared.chmod(0o700)
    assert html_environment(None).bytecode_cache is not None


def test_a_link_in_place_of_the_folder_is_not_followed(folder: Path, tmp_path: Path) -> None:
    env = html_environment(None)
    target = folder / "templates" / cache.fingerprint(env)
    target.rmdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    target.symlink_to(elsewhere, target_is_directory=True)
    assert html_environment(None).bytecode_cache is None


def test_a_write_that_fails_leaves_no_cache_entry_and_no_error(
    sample: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.FileSystemBytecodeCache, "dump_bytecode", full)
    assert b"<html" in produce(load(sample), TODAY)["index.html"]
    assert _entries(folder) == []


def test_each_configuration_has_a_folder_of_its_own(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html, markdown = html_environment(None), markdown_environment(None)
    user = tmp_path / "templates"
    user.mkdir()
    sandboxed = html_environment(user)
    prints = {cache.fingerprint(e) for e in (html, markdown, sandboxed)}
    assert len(prints) == 3
    assert cache.fingerprint(html_environment(None)) == cache.fingerprint(html)  # stable
    html.filters["extra"] = str
    assert cache.fingerprint(html) not in prints
    monkeypatch.setattr(cache, "__version__", "0.0.0-other")
    assert cache.fingerprint(markdown) not in prints


def test_the_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV_VAR, raising=False)
    found = cache.base_folder()
    assert found is not None and "digistrat" in found.parts
    monkeypatch.setenv(cache.ENV_VAR, "  ")
    assert cache.base_folder() is None
