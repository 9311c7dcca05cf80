"""`progress` never loses an update: concurrent writers, an editor saving meanwhile, line
breaks kept exactly, the size limit, and atomic writes that never follow a link outside."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from digistrat import atomic, edit
from digistrat.edit import EditError, add_progress
from digistrat.loader import load
from digistrat.yamlio import MAX_FILE_BYTES

from helpers import build_tree, command_env

REL = "commitments/rebook.yaml"
COMMITMENT = (
    "statement: Patients can rebook online\n"
    "status: on-track\n"
    "measure:\n"
    "  metric: Rebookings done online\n"
    "  unit: '%'\n"
    "  baseline: 12\n"
    "  target: 60\n"
    "owner:\n"
    "  name: Dr Asha Patel\n"
    "  function: clinical\n"
    "due: 2027-03-31\n"
)


def _repo(tmp_path: Path, commitment: str | bytes = COMMITMENT) -> Path:
    build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: Example Trust\ntitle: Digital strategy\n",
            "initiatives/online-booking.yaml": "name: Online booking\ncategory: improve\n",
            REL: commitment,
        },
    )
    return tmp_path / REL


def _add(path: Path, note: str, **kw: object) -> bytes:
    return add_progress(path, rel=REL, note=note, on=date(2026, 6, 30), **kw)  # type: ignore[arg-type]


# --- line breaks -------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("status", [None, "at-risk"])
def test_every_line_break_style_is_kept(tmp_path: Path, newline: str, status: str | None) -> None:
    raw = COMMITMENT.replace("\n", newline).encode()
    path = _repo(tmp_path, raw)
    _add(path, "Pilot live", status=status)
    new = path.read_bytes()
    others = {"\n": [b"\r"], "\r\n": [], "\r": [b"\n"]}[newline]
    assert all(other not in new for other in others), new
    if newline == "\r\n":
        assert new.count(b"\r\n") == new.count(b"\n")
    text = new.decode().replace(newline, "\n")
    assert "  - date: 2026-06-30\n    note: Pilot live\n" in text
    if status is None:
        assert new.startswith(raw)
    assert not load(tmp_path).findings


def test_mixed_line_breaks_stay_exactly_as_they_were(tmp_path: Path) -> None:
    lines = COMMITMENT.splitlines(keepends=True)
    ends = ["\r\n", "\n", "\r", "\r\n", "\n", "\r\n", "\r\n", "\n", "\r", "\r\n", "\r\n"]
    raw = "".join(line.rstrip("\n") + end for line, end in zip(lines, ends, strict=True))
    path = _repo(tmp_path, raw.encode())
    _add(path, "Pilot live", status="at-risk")
    new = path.read_bytes().decode()
    # every old line keeps its own ending; the one changed line (status) keeps its ending
    head = raw.replace("status: on-track\n", "status: at-risk\n")
    assert new.startswith(head)
    added = new[len(head) :]
    assert added == "progress:\r\n  - date: 2026-06-30\r\n    note: Pilot live\r\n"


def test_mixed_line_breaks_survive_the_round_trip_path(tmp_path: Path) -> None:
    """A flow-style `progress: []` is edited through ruamel.yaml: unchanged lines still keep
    their own line breaks."""
    head = COMMITMENT.replace("status: on-track\n", "status: on-track\r")
    raw = head.replace("\n", "\r\n") + "progress: []\r\n"
    path = _repo(tmp_path, raw.encode())
    _add(path, "Pilot live")
    new = path.read_bytes().decode()
    assert new.startswith(head.replace("\n", "\r\n"))
    assert "\r\n  - date: 2026-06-30\r\n" in new


def test_a_missing_final_line_break_stays_missing(tmp_path: Path) -> None:
    path = _repo(tmp_path, COMMITMENT.rstrip("\n").encode())
    _add(path, "Pilot live")
    new = path.read_bytes().decode()
    assert new.startswith(COMMITMENT)  # the last old line now ends, as it must
    assert new.endswith("note: Pilot live")


# --- the size limit ----------------------------------------------------------------------


def _padded(size: int) -> bytes:
    head = COMMITMENT.encode()
    pad = size - len(head) - len(b"# \n")
    return head + b"# " + b"x" * pad + b"\n"


def test_an_update_that_would_pass_the_size_limit_is_refused(tmp_path: Path) -> None:
    raw = _padded(MAX_FILE_BYTES - 10)
    path = _repo(tmp_path, raw)
    with pytest.raises(EditError, match="larger than the 2 MiB"):
        _add(path, "Pilot live")
    assert path.read_bytes() == raw


def test_an_update_that_ends_exactly_at_the_size_limit_is_written(tmp_path: Path) -> None:
    added = len(b"progress:\n  - date: 2026-06-30\n    note: Pilot live\n")
    raw = _padded(MAX_FILE_BYTES - added)
    path = _repo(tmp_path, raw)
    assert len(_add(path, "Pilot live")) == MAX_FILE_BYTES
    raw = _padded(MAX_FILE_BYTES - added + 1)
    path.write_bytes(raw)
    with pytest.raises(EditError):
        _add(path, "Pilot live")
    assert path.read_bytes() == raw


# --- an editor saving meanwhile ----------------------------------------------------------


def _editor_saves_during_edit(
    monkeypatch: pytest.MonkeyPatch, path: Path, saves: list[str]
) -> None:
    """Each time digistrat has read the file, an "editor" saves the next of ``saves``."""
    real = edit._prepare

    def prepare(*args: object) -> object:
        out = real(*args)  # type: ignore[arg-type]
        if saves:
            path.write_text(saves.pop(0))
        return out

    monkeypatch.setattr(edit, "_prepare", prepare)


def test_an_edit_saved_meanwhile_is_kept_and_the_update_made_on_top(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _repo(tmp_path)
    edited = COMMITMENT.replace("target: 60", "target: 75  # agreed with finance")
    _editor_saves_during_edit(monkeypatch, path, [edited])
    _add(path, "Pilot live")
    text = path.read_text()
    assert text.startswith(edited)
    assert text.endswith("progress:\n  - date: 2026-06-30\n    note: Pilot live\n")


def test_a_file_that_keeps_changing_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _repo(tmp_path)
    saves = [COMMITMENT + f"# edit {i}\n" for i in range(edit._ATTEMPTS)]
    last = saves[-1]
    _editor_saves_during_edit(monkeypatch, path, saves)
    with pytest.raises(EditError, match="kept changing"):
        _add(path, "Pilot live")
    assert path.read_text() == last
    assert sorted(p.name for p in path.parent.iterdir()) == ["rebook.yaml"]


def test_the_file_is_compared_again_just_before_it_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "f.yaml"
    target.write_bytes(b"a: 1\n")
    with pytest.raises(atomic.Changed):
        atomic.write_bytes(target, b"a: 2\n", expected=b"a: 0\n")
    assert target.read_bytes() == b"a: 1\n"
    atomic.write_bytes(target, b"a: 2\n", expected=b"a: 1\n")
    assert target.read_bytes() == b"a: 2\n"


# --- concurrent writers ------------------------------------------------------------------

PER_WRITER = 3


def _writer(path: str, who: int, barrier: object, done: object) -> None:
    barrier.wait()  # type: ignore[attr-defined]  # every writer starts together
    for n in range(PER_WRITER):
        try:
            _add(Path(path), f"writer {who} update {n}")
        except Exception as exc:  # reported to the test, not lost
            done.put((who, n, repr(exc)))  # type: ignore[attr-defined]
        else:
            done.put((who, n, "Added"))  # type: ignore[attr-defined]


@pytest.mark.skipif(sys.platform == "win32", reason="the lock is POSIX-only")
@pytest.mark.parametrize("writers", [2, 4, 8])
def test_every_update_reported_added_is_in_the_file(tmp_path: Path, writers: int) -> None:
    path = _repo(tmp_path)
    context = multiprocessing.get_context("fork")
    barrier, done = context.Barrier(writers), context.Queue()
    procs = [
        context.Process(target=_writer, args=(str(path), who, barrier, done))
        for who in range(writers)
    ]
    for proc in procs:
        proc.start()
    results = [done.get(timeout=300) for _ in range(writers * PER_WRITER)]
    for proc in procs:
        proc.join()
    assert all(proc.exitcode == 0 for proc in procs)
    added = [f"writer {who} update {n}" for who, n, outcome in results if outcome == "Added"]
    assert len(added) == writers * PER_WRITER, results  # nobody was refused either
    text = path.read_text()
    assert all(f"note: {note}\n" in text for note in added)
    assert text.count("- date: 2026-06-30") == len(added)
    assert not load(tmp_path).findings
    assert sorted(p.name for p in path.parent.iterdir()) == ["rebook.yaml"]


@pytest.mark.skipif(sys.platform == "win32", reason="the lock is POSIX-only")
def test_two_progress_commands_at_once_both_land(tmp_path: Path) -> None:
    """Through the real command: two processes started together, both updates kept."""
    path = _repo(tmp_path)
    exe = Path(sys.executable).with_name("digistrat")
    procs = [
        subprocess.Popen(
            [str(exe), "progress", "rebook", "--note", f"from command {i}", str(tmp_path)],
            env=command_env(DIGISTRAT_TODAY="2026-06-30"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(2)
    ]
    outs = [proc.communicate(timeout=120) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outs
    text = path.read_text()
    assert "note: from command 0\n" in text and "note: from command 1\n" in text


# --- atomic writes and links ------------------------------------------------------------


def test_a_link_leading_outside_the_folder_is_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("precious\n")
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "strategy.yaml").symlink_to(outside)
    with pytest.raises(atomic.OutsideFolder):
        atomic.write_text(folder / "strategy.yaml", "overwritten\n", inside=folder)
    assert outside.read_text() == "precious\n"
    (folder / "sub").symlink_to(tmp_path, target_is_directory=True)
    with pytest.raises(atomic.OutsideFolder):
        atomic.write_text(folder / "sub" / "outside.txt", "overwritten\n", inside=folder)
    assert outside.read_text() == "precious\n"


def test_a_link_inside_the_folder_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old\n")
    (tmp_path / "link.txt").symlink_to("real.txt")
    atomic.write_text(tmp_path / "link.txt", "new\n", inside=tmp_path)
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text() == "new\n"


def test_devices_are_still_written_into(tmp_path: Path) -> None:
    atomic.write_text(Path(os.devnull), "discarded\n", inside=tmp_path)
    assert Path(os.devnull).exists() and not Path(os.devnull).is_file()


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).with_name("digistrat")
    return subprocess.run(
        [str(exe), *args], env=command_env(), cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_init_force_does_not_write_through_a_link_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("precious\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "strategy.yaml").symlink_to(outside)
    result = _run("init", "--force", "repo", cwd=tmp_path)
    assert result.returncode == 1, result
    assert "link to a place outside" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert outside.read_text() == "precious\n"


def test_schema_out_does_not_write_through_a_link_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside.json"
    outside.write_text("precious\n")
    out = tmp_path / "schemas"
    out.mkdir()
    (out / "strategy.schema.json").symlink_to(outside)
    result = _run("schema", "strategy", "--out", "schemas", cwd=tmp_path)
    assert result.returncode == 1, result
    assert "link to a place outside" in result.stdout + result.stderr
    assert outside.read_text() == "precious\n"
    ok = _run("check", "--format", "json", "--output", "/dev/stdout", str(tmp_path), cwd=tmp_path)
    assert "Traceback" not in ok.stderr
