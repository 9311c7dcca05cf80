"""G005: a member waits for system work that is stopped, late, or finishes after it starts.

The baseline member initiative runs from 1 April 2026 to 30 September 2026; the examples'
today is 1 June 2026."""

from __future__ import annotations

from pathlib import Path

import pytest

from system.system_helpers import codes, make_system

WAITS = """
# initiatives/online-booking.yaml
system_depends_on: [online-booking]
start: 2026-10-01
end: 2027-03-31
"""


def _system_work(ics: Path, **fields: str) -> None:
    path = ics / "initiatives" / "online-booking.yaml"
    text = path.read_text()
    for key, value in fields.items():
        text = "\n".join(ln for ln in text.splitlines() if not ln.startswith(f"{key}:"))
        text += f"\n{key}: {value}\n"
    path.write_text(text)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"status": "stopped"}, "which the system has stopped"),
        ({"end": "2026-05-31"}, "was due to finish by 31 May 2026 and is not done"),
        (
            {"end": "2026-12-31"},
            "planned to finish on 31 December 2026, after this work starts on 1 October 2026",
        ),
    ],
)
def test_late_or_stopped_system_work_is_reported(
    tmp_path: Path, fields: dict[str, str], words: str
) -> None:
    ics = make_system(tmp_path, {"north": WAITS})
    _system_work(ics, **fields)
    [found] = codes(ics, "G005")
    assert found.path == "members/north/initiatives/online-booking.yaml" and found.line
    assert words in found.message


@pytest.mark.parametrize(
    "fields",
    [
        {"end": "2026-09-30"},  # ends the day before the member starts
        {"end": "2026-10-01"},  # boundary: ends the day the member starts
        {"end": "2026-05-31", "status": "done"},  # past its end, but done
    ],
)
def test_work_that_fits_passes(tmp_path: Path, fields: dict[str, str]) -> None:
    ics = make_system(tmp_path, {"north": WAITS})
    _system_work(ics, **fields)
    assert codes(ics, "G005") == []


def test_finished_member_work_is_not_told(tmp_path: Path) -> None:
    ics = make_system(tmp_path, {"north": WAITS + "status: done\n"})
    _system_work(ics, status="stopped")
    assert codes(ics, "G005") == []
