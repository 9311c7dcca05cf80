"""Nothing lost: commands that write never overwrite without being told, never half-write, and
refuse weird targets with a clear message."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_corpus import ENV, assert_clean, run_subprocess

from digistrat.scaffold import plan


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_init_twice_changes_nothing(tmp_path: Path) -> None:
    run_subprocess(["init", str(tmp_path)])
    before = _snapshot(tmp_path)
    code, output, _ = run_subprocess(["init", str(tmp_path)])
    assert_clean(code, output)
    assert code == 1 and "--force" in output
    assert _snapshot(tmp_path) == before


def test_init_into_a_partial_repository_writes_only_what_is_missing(tmp_path: Path) -> None:
    mine = {  # no strategy.yaml yet: with one, init refuses (test_init_twice_changes_nothing)
        "services/example-service.yaml": b"name: Mine\nkind: care\n",
        "README.md": b"my notes\r\n",
        "notes/private.txt": b"keep me",
    }
    for rel, raw in mine.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(raw)
    code, output, _ = run_subprocess(["init", str(tmp_path)])
    assert_clean(code, output)
    after = _snapshot(tmp_path)
    for rel, raw in mine.items():
        assert after[rel] == raw, f"{rel} was changed"
    missing = set(plan("x", __import__("datetime").date(2026, 1, 15))) - set(mine)
    assert missing <= set(after), missing - set(after)
    for rel in ("services/example-service.yaml", "README.md"):
        assert rel in output  # each kept file is reported as kept


def test_init_force_replaces_only_template_files(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "private.txt").write_bytes(b"keep me")
    (tmp_path / "services").mkdir()
    (tmp_path / "services" / "mine.yaml").write_bytes(b"name: Mine\nkind: care\n")
    run_subprocess(["init", str(tmp_path)])
    code, output, _ = run_subprocess(["init", "--force", str(tmp_path)])
    assert_clean(code, output)
    assert (tmp_path / "notes" / "private.txt").read_bytes() == b"keep me"
    assert (tmp_path / "services" / "mine.yaml").read_bytes() == b"name: Mine\nkind: care\n"


@pytest.mark.parametrize(
    "target",
    ["a-file", "/proc/digistrat-cannot-write-here", "/dev/null/below-a-device"],
    ids=["file", "read-only-filesystem", "below-a-device"],
)
def test_init_into_a_weird_target_is_a_clear_error(tmp_path: Path, target: str) -> None:
    if target == "a-file":
        (tmp_path / "a-file").write_text("precious")
        target = str(tmp_path / "a-file")
    code, output, _ = run_subprocess(["init", target])
    assert_clean(code, output)
    assert code in (1, 2)
    assert target in output.replace("\n", "")
    if target.endswith("a-file"):
        assert (tmp_path / "a-file").read_text() == "precious"


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    """A folder outside pytest's private tmp (which other users cannot enter)."""
    folder = Path(tempfile.mkdtemp(prefix="digistrat-hostile-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def _as_nobody(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run digistrat as the unprivileged user `nobody` (root reads and writes anything)."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("only needed as root; as a normal user chmod is enough")
    try:
        return subprocess.run(
            [sys.executable, "-m", "digistrat", *args],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=60,
            check=False,
            user=65534,
            group=65534,
            extra_groups=[],
        )
    except PermissionError:
        pytest.skip(
            "running as root, and the Python interpreter is not reachable by an unprivileged "
            "user, so unreadable files cannot be simulated here; "
            "tests/hostile/test_regressions.py covers the same path in-process"
        )


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """Make ``folder`` unwritable even for root (chattr +i), or skip."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        yield
        folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", str(folder)], check=False).returncode:
        pytest.skip("running as root without chattr +i support: cannot make a read-only folder")
    try:
        yield
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=False)


def test_init_into_a_read_only_folder(tmp_path: Path) -> None:
    target = tmp_path / "locked"
    target.mkdir()
    with _read_only(target):
        code, output, _ = run_subprocess(["init", str(target)])
        assert list(target.iterdir()) == []
    assert_clean(code, output)
    assert code == 1
    assert str(target) in output.replace("\n", "")


def test_an_unreadable_strategy_yaml(world_readable_dir: Path) -> None:
    repo = world_readable_dir / "repo"
    run_subprocess(["init", str(repo)])
    (repo / "strategy.yaml").chmod(0o000)
    proc = _as_nobody(["check", "--format", "concise", str(repo)])
    output = proc.stdout + proc.stderr
    assert_clean(proc.returncode, output)
    assert proc.returncode in (1, 2)
    assert "strategy.yaml" in output and "ermission" in output


def test_an_unreadable_entity_file(world_readable_dir: Path) -> None:
    repo = world_readable_dir / "repo"
    run_subprocess(["init", str(repo)])
    (repo / "services" / "example-service.yaml").chmod(0o000)
    proc = _as_nobody(["check", "--format", "concise", str(repo)])
    output = proc.stdout + proc.stderr
    assert_clean(proc.returncode, output)
    assert "services/example-service.yaml" in output and "ermission" in output


def test_progress_through_the_cli(tmp_path: Path) -> None:
    run_subprocess(["init", str(tmp_path)])
    path = tmp_path / "commitments" / "example-commitment.yaml"
    before = path.read_text()
    code, output, _ = run_subprocess(
        [
            "progress",
            "example-commitment",
            "--note",
            "<b>Pilot</b> on ward 7: 30% done",
            "--value",
            "30",
            "--date",
            "2026-02-01",
            "--status",
            "at-risk",
            str(tmp_path),
        ]
    )
    assert_clean(code, output)
    assert code == 0, output
    after = path.read_text()
    assert after.startswith(before.split("status:")[0])  # everything above status unchanged
    assert "  - date: 2026-02-01\n    note: '<b>Pilot</b> on ward 7: 30% done'\n" in after
    assert "    value: 30\n" in after


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["nope", "--note", "x"], "no commitment `nope`"),
        (["example-commitment", "--note", "x", "--status", "done"], "unknown status"),
        (["example-commitment", "--note", "x", "--date", "2026-02-30"], "not a date"),
        (["example-commitment", "--note", "   "], "empty"),
        (["example-commitment", "--note", "x", "--value", "nan"], "real number"),
        (["example-commitment", "--note", "x" * 30_000], "too long"),
    ],
    ids=["unknown", "status", "date", "empty-note", "nan", "too-long"],
)
def test_progress_refusals_change_nothing(tmp_path: Path, args: list[str], expected: str) -> None:
    run_subprocess(["init", str(tmp_path)])
    before = _snapshot(tmp_path)
    code, output, _ = run_subprocess(["progress", *args, str(tmp_path)])
    assert_clean(code, output)
    assert code in (1, 2) and expected in output, output
    assert _snapshot(tmp_path) == before


def test_new_through_the_cli(tmp_path: Path) -> None:
    run_subprocess(["init", str(tmp_path)])
    before = _snapshot(tmp_path)
    code, output, _ = run_subprocess(["new", "initiative", "online-rebooking", str(tmp_path)])
    assert_clean(code, output)
    assert code == 0 and "initiatives/online-rebooking.yaml" in output
    after = _snapshot(tmp_path)
    assert {k: v for k, v in after.items() if k in before} == before
    assert set(after) - set(before) == {"initiatives/online-rebooking.yaml"}
    code, output, _ = run_subprocess(["new", "initiative", "online-rebooking", str(tmp_path)])
    assert code == 1 and "already exists" in output
    code, output, _ = run_subprocess(["new", "initiative", "../../escape", str(tmp_path)])
    assert code == 2 and "not a usable id" in output
    assert not (tmp_path.parent / "escape.yaml").exists()


def test_check_output_never_replaces_a_strategy_file(tmp_path: Path) -> None:
    # `check -o strategy.yaml` used to replace the strategy with the report.
    run_subprocess(["init", str(tmp_path)])
    before = _snapshot(tmp_path)
    for target in ("strategy.yaml", "services/example-service.yaml"):
        code, output, _ = run_subprocess(["check", str(tmp_path), "-o", str(tmp_path / target)])
        assert_clean(code, output)
        assert code == 2 and "write the report elsewhere" in output
    assert _snapshot(tmp_path) == before


def test_writing_to_a_device_writes_into_it_rather_than_replacing_it(tmp_path: Path) -> None:
    # As root, the atomic rename replaced /dev/null itself with a plain file.
    import stat

    from digistrat.atomic import write_bytes

    device = tmp_path / "null"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot create a device node here (needs root)")
    write_bytes(device, b"report")
    assert stat.S_ISCHR(device.stat().st_mode)
    with pytest.raises(IsADirectoryError):
        write_bytes(tmp_path, b"report")


@pytest.mark.parametrize(
    "name",
    ["Evil: [} # x\nmission: injected", "- list", "'quoted'", "no", "  spaces  ", "漢字 Trust"],
)
def test_init_organisation_cannot_break_or_inject_yaml(tmp_path: Path, name: str) -> None:
    # `init --organisation "A: B"` wrote `organisation: A: B`, a broken strategy.yaml.
    from digistrat.loader import load

    code, output, _ = run_subprocess(["init", str(tmp_path), "--organisation", name])
    assert_clean(code, output)
    repo = load(tmp_path)
    assert not [f for f in repo.findings if f.code.startswith("F")], repo.findings
    assert repo.strategy is not None and repo.strategy.organisation == name.strip()


def test_render_never_deletes_or_replaces_what_it_did_not_write(tmp_path: Path) -> None:
    example = Path(__file__).parent.parent.parent / "examples" / "riverside"
    repo = tmp_path / "repo"
    shutil.copytree(example, repo)
    site = tmp_path / "site"
    code, output, _ = run_subprocess(["render", str(repo), "--out", str(site)])
    assert_clean(code, output)
    assert code == 0, output
    (site / "my-notes.txt").write_text("mine")
    (site / "sub").mkdir(exist_ok=True)
    (site / "sub" / "keep.html").write_text("<p>mine</p>")
    generated = sorted(p for p in site.rglob("*.html") if p.parent == site)[0]
    generated.write_text("<p>edited by hand</p>")
    # A second render, after an initiative was removed from the strategy.
    next(repo.glob("initiatives/*.yaml")).unlink()
    code, output, _ = run_subprocess(["render", str(repo), "--out", str(site)])
    assert_clean(code, output)
    assert (site / "my-notes.txt").read_text() == "mine"
    assert (site / "sub" / "keep.html").read_text() == "<p>mine</p>"
    # An edited generated page is either kept or rewritten, never deleted.
    assert generated.exists()
