# ruff: noqa: E501  (the messy fixture has a deliberately long line)
"""digistrat.edit: edits keep everything but the intended change, refuse invalid results, and
write atomically."""

from __future__ import annotations

import difflib
import os
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digistrat.edit import EditError, add_progress, new_entity, read_text, splice_progress
from digistrat.loader import load

from helpers import build_tree

STRATEGY = "organisation: Example Trust\ntitle: Digital strategy\n"

# Comments everywhere, custom key order, both quote styles, flow lists, blank lines, four-space
# indentation, a long line that must not be re-wrapped, and a trailing comment.
MESSY = """\
# Owned by the outpatients team.  Ask before editing!
#
status: on-track   # reviewed monthly

statement: 'Patients can rebook online in under five minutes, without phoning the hospital switchboard or waiting on hold for a call back'
initiatives: [online-booking]   # flow list, kept
# the measure below is agreed with finance
measure:
    metric: "Rebookings done online"
    unit: '%'
    baseline: 12      # March 2026
    target: 60
owner:
    name: "Dr Asha Patel"
    function: clinical

due: 2027-03-31
# end of file comment
"""


def _diff(before: str, after: str) -> list[tuple[str, list[str], list[str]]]:
    a, b = before.splitlines(), after.splitlines()
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return [
        (tag, a[i1:i2], b[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _repo(tmp_path: Path, commitment: str | bytes) -> Path:
    return build_tree(
        tmp_path,
        {
            "strategy.yaml": STRATEGY,
            "initiatives/online-booking.yaml": "name: Online booking\ncategory: improve\n",
            "commitments/rebook.yaml": commitment,
        },
    )


def test_progress_changes_nothing_but_the_new_lines(tmp_path: Path) -> None:
    path = _repo(tmp_path, MESSY) / "commitments/rebook.yaml"
    before = path.read_text()
    add_progress(path, rel="commitments/rebook.yaml", note="Pilot live", on=date(2026, 6, 30))
    after = path.read_text()
    changes = _diff(before, after)
    assert len(changes) == 1 and changes[0][0] == "insert", changes
    assert changes[0][2] == [
        "progress:",
        "  - date: 2026-06-30",
        "    note: Pilot live",
    ]
    assert not load(tmp_path).findings


def test_status_change_keeps_the_comment_on_its_line(tmp_path: Path) -> None:
    path = _repo(tmp_path, MESSY) / "commitments/rebook.yaml"
    before = path.read_text()
    add_progress(
        path,
        rel="commitments/rebook.yaml",
        note="Supplier late",
        on=date(2026, 7, 1),
        value=14,
        status="at-risk",
    )
    changes = _diff(before, path.read_text())
    assert changes[0] == (
        "replace",
        ["status: on-track   # reviewed monthly"],
        ["status: at-risk    # reviewed monthly"],
    )
    assert [c[0] for c in changes[1:]] == ["insert"]
    assert "    value: 14" in changes[1][2]


def test_crlf_and_bom_are_kept(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + MESSY.replace("\n", "\r\n").encode()
    path = _repo(tmp_path, raw) / "commitments/rebook.yaml"
    add_progress(path, rel="commitments/rebook.yaml", note="Done", on=date(2026, 6, 30))
    new = path.read_bytes()
    assert new.startswith(b"\xef\xbb\xbf")
    assert new.count(b"\r\n") == new.count(b"\n")  # no bare LF crept in
    assert new.startswith(raw)  # the edit only appended


def test_appending_to_an_existing_list_keeps_its_items_and_comments(tmp_path: Path) -> None:
    text = MESSY + "progress:\n  # first one\n  - date: 2026-01-01\n    note: 'Started'  # yes\n"
    path = _repo(tmp_path, text) / "commitments/rebook.yaml"
    add_progress(path, rel="commitments/rebook.yaml", note="More", on=date(2026, 2, 1))
    after = path.read_text()
    assert after.startswith(text)
    assert after[len(text) :] == "  - date: 2026-02-01\n    note: More\n"


def test_an_empty_flow_list_becomes_a_block(tmp_path: Path) -> None:
    path = _repo(tmp_path, MESSY + "progress: []\n") / "commitments/rebook.yaml"
    add_progress(path, rel="commitments/rebook.yaml", note="First", on=date(2026, 2, 1))
    assert path.read_text().endswith("progress:\n  - date: 2026-02-01\n    note: First\n")


def test_an_edit_that_would_be_invalid_is_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    path = _repo(tmp_path, MESSY) / "commitments/rebook.yaml"
    before = path.read_bytes()
    with pytest.raises(EditError, match=r"would make commitments/rebook\.yaml invalid"):
        add_progress(
            path, rel="commitments/rebook.yaml", note="x", on=date(2026, 1, 1), status="done"
        )
    with pytest.raises(EditError, match="too long"):
        add_progress(path, rel="commitments/rebook.yaml", note="x" * 30_000, on=date(2026, 1, 1))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["rebook.yaml"]


def test_a_file_with_problems_already_is_not_edited(tmp_path: Path) -> None:
    path = _repo(tmp_path, MESSY + "colour: blue\n") / "commitments/rebook.yaml"
    before = path.read_bytes()
    with pytest.raises(EditError, match="has problems already") as info:
        add_progress(path, rel="commitments/rebook.yaml", note="x", on=date(2026, 1, 1))
    assert "commitments/rebook.yaml:19: unknown key `colour`" in str(info.value)
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    "raw",
    [
        "a: &x [*x]\n",
        "statement: !!python/object/apply:os.system ['true']\n",
        "\ufeffstatement: [\n",
    ],
    ids=["alias-loop", "python-tag", "syntax"],
)
def test_hostile_files_are_refused_before_ruamel_sees_them(tmp_path: Path, raw: str) -> None:
    path = _repo(tmp_path, raw) / "commitments/rebook.yaml"
    with pytest.raises(EditError, match="problems already"):
        add_progress(path, rel="commitments/rebook.yaml", note="x", on=date(2026, 1, 1))


def test_utf16_is_refused_with_advice(tmp_path: Path) -> None:
    path = _repo(tmp_path, "\ufeffstatement: x\n".encode("utf-16")) / "commitments/rebook.yaml"
    with pytest.raises(EditError, match="save it as UTF-8"):
        add_progress(path, rel="commitments/rebook.yaml", note="x", on=date(2026, 1, 1))


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _repo(tmp_path, MESSY) / "commitments/rebook.yaml"
    before = path.read_bytes()

    def crash(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        add_progress(path, rel="commitments/rebook.yaml", note="x", on=date(2026, 1, 1))
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["rebook.yaml"]


def test_new_entity_never_overwrites(tmp_path: Path) -> None:
    root = _repo(tmp_path, MESSY)
    before = (root / "commitments/rebook.yaml").read_bytes()
    with pytest.raises(EditError, match="already exists"):
        new_entity(root, "commitment", "rebook", known={})
    assert (root / "commitments/rebook.yaml").read_bytes() == before


@pytest.mark.parametrize("ident", ["../evil", "Upper", "with space", "con", "a/b", "", "-x"])
def test_new_entity_refuses_unusable_ids(tmp_path: Path, ident: str) -> None:
    root = _repo(tmp_path, MESSY)
    with pytest.raises(EditError) as info:
        new_entity(root, "services", ident, known={})
    assert info.value.usage
    assert not (root / "evil.yaml").exists()


@pytest.mark.parametrize("kind", ["services", "user", "initiative", "commitments"])
def test_new_entity_is_valid_with_no_dangling_references(tmp_path: Path, kind: str) -> None:
    root = build_tree(tmp_path, {"strategy.yaml": STRATEGY})
    target = new_entity(root, kind, "fresh-start", known={})
    assert target.parent.parent == root and target.name == "fresh-start.yaml"
    text = target.read_text()
    assert text.startswith("# ")  # the template's guidance comments came along
    assert not [f for f in load(root).findings], load(root).findings


@pytest.mark.parametrize(
    "text",
    [
        "---\nstatement: Rebook online\n...\n",
        "# Owned by outpatients\n---\nstatement: &s Rebook online\noutcome: *s\n",
        "%YAML 1.2\n# c\n--- # start\nstatement: Rebook\n... # end\n# after the end\n",
    ],
    ids=["markers", "comment-above-start", "directive-and-comments"],
)
def test_document_markers_and_the_comments_around_them_survive(tmp_path: Path, text: str) -> None:
    # ruamel.yaml drops comments above `---`: that part of the file is kept byte for byte.
    path = _repo(tmp_path, text) / "commitments/rebook.yaml"
    add_progress(path, rel="commitments/rebook.yaml", note="x", on=date(2026, 3, 1))
    changes = _diff(text, path.read_text())
    assert changes == [
        ("insert", [], ["progress:", "  - date: 2026-03-01", "    note: x"]),
    ], changes


@st.composite
def commitment_files(draw: st.DrawFn) -> str:
    """Valid commitment files in many hand-written styles."""
    indent = " " * draw(st.sampled_from([2, 3, 4]))
    dash = draw(st.sampled_from(["", "  ", "    "]))
    after_dash = draw(st.sampled_from([" ", "   "]))
    colon = draw(st.sampled_from([": ", ":   ", " : "]))
    tail = draw(st.sampled_from(["", "   ", "\t"]))

    def q(text: str) -> str:
        return draw(st.sampled_from([text, f"'{text}'", f'"{text}"']))

    def comment() -> list[str]:
        return draw(
            st.lists(st.sampled_from(["# note", "", "#", "# ünïcødé", "  # in"]), max_size=2)
        )

    item = f"{dash}-{after_dash}"
    inner = " " * len(item)
    blocks = {
        "statement": draw(
            st.sampled_from(
                [
                    [f"statement{colon}{q('Patients rebook online')}{tail}"],
                    ["statement: Patients rebook", "  online without phoning"],
                    ["statement: >-", "  Patients rebook", "  online"],
                ]
            )
        ),
        "status": [f"status{colon}{draw(st.sampled_from(['on-track', 'at-risk']))}    # c"],
        "initiatives": draw(
            st.sampled_from(
                [
                    ["initiatives: [online-booking]"],
                    ["initiatives: [ online-booking ]"],
                    ["initiatives:", f"{item}online-booking  # why"],
                ]
            )
        ),
        "measure": [
            "measure:",
            f"{indent}metric{colon}{q('Rebookings online')}",
            f"{indent}# baseline agreed with finance",
            f"{indent}baseline:    12   # aligned",
        ],
        "owner": [
            draw(
                st.sampled_from(
                    [
                        "owner: {name: 'Dr A', function: clinical}",
                        "owner: {name: Dr A,function: clinical}",
                    ]
                )
            )
        ],
        "due": ["due: 2027-03-31"],
        "progress": draw(
            st.sampled_from(
                [
                    [],
                    ["progress:", f"{item}date: 2026-01-01", f"{inner}note: {q('First')}"],
                    [
                        "progress:",
                        f"{item}date: 2026-01-01",
                        f"{inner}note: |",
                        f"{inner}  line one",
                        f"{inner}  line two",
                        f"{dash}# a comment in the list",
                    ],
                ]
            )
        ),
    }
    order = draw(st.permutations(list(blocks)))
    lines = comment()
    for key in order:
        lines += blocks[key] + comment()
    if draw(st.booleans()):
        lines = ["# header", "---", *lines]
    text = "\n".join(lines) + "\n"
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


@settings(
    max_examples=(
        int(os.environ.get("DIGISTRAT_FUZZ_EXAMPLES", "4000")) // 10
        if os.environ.get("DIGISTRAT_FUZZ") == "long"
        else 40
    ),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    commitment_files(),
    st.text(min_size=1, max_size=40).filter(lambda t: t.strip()),
    st.sampled_from([None, "met", "off-track"]),
)
def test_any_style_survives_a_progress_update(text: str, note: str, status: str | None) -> None:
    """Whatever the style, the update only inserts lines and changes the status line."""
    with tempfile.TemporaryDirectory() as tmp:
        path = _repo(Path(tmp), text.encode()) / "commitments/rebook.yaml"
        body, style = read_text(path)
        assert splice_progress(body, style, date(2026, 3, 1), note, None, status) is not None
        add_progress(
            path, rel="commitments/rebook.yaml", note=note, on=date(2026, 3, 1), status=status
        )
        after = path.read_bytes().decode()
        assert ("\r\n" in after) == ("\r\n" in text)
        changes = _diff(text.replace("\r\n", "\n"), after.replace("\r\n", "\n"))
        replaced = [c for c in changes if c[0] != "insert"]
        if status is None:
            assert not replaced, changes
        else:
            assert len(replaced) <= 1 and all(
                c[0] == "replace" and c[1][0].lstrip().startswith("status") for c in replaced
            ), changes
        repo = load(Path(tmp))
        assert not [f for f in repo.findings if f.path == "commitments/rebook.yaml"]
        commitment = repo.commitments["rebook"]
        assert commitment.progress[-1].note.strip() == note.strip()
        assert commitment.status == (status or commitment.status)


@pytest.mark.parametrize("note", ["0\x850", "a\u2028b", "x\x1fy", "two\nlines", "\ufeffbom"])
def test_notes_with_line_separators_and_control_characters_round_trip(
    tmp_path: Path, note: str
) -> None:
    # Found by the style property: a NEL (\x85) in a note came back as a space.
    path = _repo(tmp_path, MESSY) / "commitments/rebook.yaml"
    add_progress(path, rel="commitments/rebook.yaml", note=note, on=date(2026, 3, 1))
    assert load(tmp_path).commitments["rebook"].progress[-1].note == note


def test_new_entity_never_writes_through_a_link_leaving_the_repository(tmp_path: Path) -> None:
    root = build_tree(tmp_path / "repo", {"strategy.yaml": STRATEGY})
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "services").symlink_to(outside)
    with pytest.raises(EditError, match="outside the repository"):
        new_entity(root, "services", "x", known={})
    assert list(outside.iterdir()) == []
    (root / "services").unlink()
    (root / "services").write_text("not a folder")
    with pytest.raises(EditError, match="should be a folder"):
        new_entity(root, "services", "x", known={})


def test_new_entity_with_extra_fields_keeps_the_template_and_checks_them(tmp_path: Path) -> None:
    root = build_tree(tmp_path, {"strategy.yaml": "organisation: T\ntitle: S\n"})
    target = new_entity(
        root,
        "initiative",
        "scored",
        values={"name": "Scored"},
        extra={"status": "approved", "scores": {"patient": 8}, "effort": 3},
    )
    text = target.read_text()
    assert "status: approved            # proposed, approved, in-progress, done or stopped" in text
    assert "# Score it against every criterion" in text
    assert "scores:\n  patient: 8\n" in text
    ini = load(root).initiatives["scored"]
    assert (ini.status, ini.scores, ini.effort) == ("approved", {"patient": 8}, 3)
    with pytest.raises(EditError, match="cannot be used") as caught:
        new_entity(root, "initiative", "bad", values={"name": "Bad"}, extra={"effort": -1})
    assert caught.value.usage
    assert not (root / "initiatives" / "bad.yaml").exists()
