"""Writing into the out folder: never outside it, never over files digistrat did not make."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from digistrat.render.output import (
    MANIFEST,
    OutputError,
    check_folder,
    safe_target,
    write_all,
)

from helpers import build_tree


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return build_tree(tmp_path / "repo", {"strategy.yaml": "organisation: x\n"})


@pytest.mark.parametrize(
    "rel",
    ["../evil.html", "/etc/passwd", "a/../../b.html", "", "a//b", "./a", "c:evil", "a\\..\\b"],
)
def test_paths_outside_the_out_folder_are_refused(tmp_path: Path, rel: str) -> None:
    with pytest.raises(OutputError):
        safe_target(tmp_path, rel)


def test_a_link_leading_out_of_the_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out).mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, out / "services")
    with pytest.raises(OutputError, match="outside"):
        write_all(out, {"services/a.html": b"x"}, {}, force=True)
    assert list(elsewhere.iterdir()) == []


def test_refuses_the_strategy_repository_itself(repo: Path) -> None:
    with pytest.raises(OutputError, match="strategy repository"):
        check_folder(repo, repo, force=True)
    with pytest.raises(OutputError, match="strategy repository"):
        check_folder(repo.parent, repo, force=True)


def test_a_folder_inside_the_repository_is_fine(repo: Path) -> None:
    assert check_folder(repo / "site", repo, force=False) == {}


def test_refuses_a_non_empty_folder_it_did_not_make(repo: Path, tmp_path: Path) -> None:
    out = build_tree(tmp_path / "mine", {"notes.txt": "my notes"})
    with pytest.raises(OutputError, match="--force"):
        check_folder(out, repo, force=False)
    assert check_folder(out, repo, force=True) == {}


def test_refuses_a_file_in_place_of_the_folder(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        check_folder(tmp_path / "file", repo, force=True)


def test_writes_files_and_a_manifest(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = write_all(out, {"index.html": b"<p>hi</p>", "a/b.html": b"b"}, {}, force=False)
    assert result.written == ["a/b.html", "index.html"]
    manifest = json.loads((out / MANIFEST).read_text())
    assert sorted(manifest["files"]) == ["a/b.html", "index.html"]
    assert (out / "a" / "b.html").read_bytes() == b"b"


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_all(out, {"index.html": b"same"}, {}, force=False)
    stamp = (out / "index.html").stat().st_mtime_ns
    previous = check_folder(out, tmp_path / "repo", force=False)
    result = write_all(out, {"index.html": b"same"}, previous, force=False)
    assert result.written == [] and result.unchanged == ["index.html"]
    assert (out / "index.html").stat().st_mtime_ns == stamp


def test_never_replaces_a_file_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_all(out, {"index.html": b"ours"}, {}, force=False)
    (out / "extra.html").write_text("theirs")
    previous = check_folder(out, tmp_path / "repo", force=False)
    with pytest.raises(OutputError, match=r"extra\.html"):
        write_all(out, {"index.html": b"ours", "extra.html": b"ours too"}, previous, force=False)
    assert (out / "extra.html").read_text() == "theirs"


def test_never_deletes_what_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_all(out, {"index.html": b"ours", "old.html": b"old"}, {}, force=False)
    (out / "notes.txt").write_text("theirs")
    previous = check_folder(out, tmp_path / "repo", force=False)
    result = write_all(out, {"index.html": b"ours"}, previous, force=False)
    assert result.removed == ["old.html"]
    assert (out / "notes.txt").read_text() == "theirs"


def test_keeps_a_stale_page_someone_edited(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_all(out, {"index.html": b"ours", "old.html": b"old"}, {}, force=False)
    (out / "old.html").write_text("edited by hand")
    previous = check_folder(out, tmp_path / "repo", force=False)
    result = write_all(out, {"index.html": b"ours"}, previous, force=False)
    assert result.kept == ["old.html"]
    assert (out / "old.html").read_text() == "edited by hand"


def test_a_damaged_manifest_is_a_clear_error(repo: Path, tmp_path: Path) -> None:
    out = build_tree(tmp_path / "out", {MANIFEST: "{not json", "index.html": "x"})
    with pytest.raises(OutputError, match="damaged"):
        check_folder(out, repo, force=False)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_where_a_page_was_is_replaced_without_hanging(tmp_path: Path) -> None:
    import signal

    out = tmp_path / "out"
    previous = {}
    write_all(out, {"a.html": b"page", "b.html": b"other"}, previous, force=False)
    previous = json.loads((out / MANIFEST).read_text())["files"]
    (out / "a.html").unlink()
    os.mkfifo(out / "a.html")

    class Hung(Exception):  # not an OSError: nothing on the way may take it for one
        pass

    def hung(*_: object) -> None:
        raise Hung("the render waited on the named pipe")

    before = signal.signal(signal.SIGALRM, hung)
    signal.alarm(5)  # reading a pipe that nobody writes to would wait for ever
    try:
        result = write_all(out, {"a.html": b"page", "b.html": b"other"}, previous, force=False)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert (out / "a.html").read_bytes() == b"page"
    assert result.written == ["a.html"] and result.unchanged == ["b.html"]


def test_pages_of_many_sizes_are_written_whole_and_found_unchanged(tmp_path: Path) -> None:
    out = tmp_path / "out"
    files = {f"p{n}.html": bytes(range(256)) * n for n in (0, 1, 7, 300, 5000)}
    first = write_all(out, files, {}, force=False)
    assert sorted(first.written) == sorted(files)
    assert {rel: (out / rel).read_bytes() for rel in files} == files
    previous = json.loads((out / MANIFEST).read_text())["files"]
    again = write_all(out, files, previous, force=False)
    assert again.written == [] and sorted(again.unchanged) == sorted(files)
    (out / "p300.html").write_bytes(files["p300.html"] + b"!")  # one byte longer
    (out / "p7.html").write_bytes(files["p7.html"][:-1])  # one byte shorter
    changed = write_all(out, files, previous, force=False)
    assert sorted(changed.written) == ["p300.html", "p7.html"]
    assert {rel: (out / rel).read_bytes() for rel in files} == files


def test_links_planted_in_the_out_folder_are_never_written_through(tmp_path: Path) -> None:
    """Links under any temporary name a render might use lead to a file outside: that file
    keeps its text and its mode, and the pages are replaced."""
    out = tmp_path / "out"
    write_all(out, {"index.html": b"old", "a/b.html": b"old"}, {}, force=False)
    secret = tmp_path / "secret"
    secret.write_text("private")
    secret.chmod(0o600)
    previous = check_folder(out, tmp_path / "repo", force=False)
    for page in ("index.html", "a/b.html"):
        folder, name = os.path.split(out / page)
        for tmp in (f".{name}.{os.getpid()}.tmp", f".{name}.tmp", f".{name}.0.tmp"):
            os.symlink(secret, os.path.join(folder, tmp))
    result = write_all(out, {"index.html": b"new", "a/b.html": b"new"}, previous, force=False)
    assert sorted(result.written) == ["a/b.html", "index.html"]
    assert secret.read_text() == "private" and secret.stat().st_mode & 0o777 == 0o600
    assert (out / "a" / "b.html").read_bytes() == (out / "index.html").read_bytes() == b"new"


def test_a_page_replaced_by_a_link_leading_out_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_all(out, {"a/b.html": b"old"}, {}, force=False)
    secret = tmp_path / "secret"
    secret.write_text("private")
    previous = check_folder(out, tmp_path / "repo", force=False)
    (out / "a" / "b.html").unlink()
    (out / "a" / "b.html").symlink_to(secret)
    with pytest.raises(OutputError, match="through a link"):
        write_all(out, {"a/b.html": b"new"}, previous, force=True)
    assert secret.read_text() == "private"
