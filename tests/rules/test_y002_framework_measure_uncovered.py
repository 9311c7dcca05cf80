from __future__ import annotations

from pathlib import Path

from digistrat.rules import y002_framework_measure_uncovered as rule
from rules.rule_helpers import hits

SERVES_ONE = """# initiatives/online-booking.yaml
serves: [wgll:empower-citizens]
"""


def test_a_default_framework_nothing_serves_is_not_reported(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_once_one_measure_is_served_the_others_are_listed(tmp_path: Path) -> None:
    found = hits(rule, tmp_path, SERVES_ONE)
    assert len(found) == 6  # What Good Looks Like has seven measures
    messages = " ".join(m for _, _, m in found)
    assert "“Healthy populations” (`wgll:healthy-populations`)" in messages
    assert "wgll:empower-citizens" not in messages
    assert {path for path, _, _ in found} == {"strategy.yaml"}


def test_a_measure_served_only_by_proposed_work_is_unfunded(tmp_path: Path) -> None:
    block = SERVES_ONE.replace("serves:", "status: proposed\nserves:")
    found = [m for _, _, m in hits(rule, tmp_path, block)]
    [unfunded] = [m for m in found if "not yet approved" in m]
    assert "“Empower citizens”" in unfunded and "`online-booking`" in unfunded


def test_stopped_work_serves_nothing(tmp_path: Path) -> None:
    block = SERVES_ONE.replace("serves:", "status: stopped\nserves:")
    found = [m for _, _, m in hits(rule, tmp_path, "# strategy.yaml\nframeworks: [wgll]\n" + block)]
    assert len(found) == 7
    assert not any("not yet approved" in m for m in found)


def test_served_through_an_objective_or_a_commitment(tmp_path: Path) -> None:
    block = """# strategy.yaml
frameworks: [ldd]
objectives:
  - id: shorter-waits
    title: Cut waiting times for planned care
    serves: [ldd:redesign-services, ldd:fix-our-plumbing, ldd:digital-leadership]
# commitments/rebook-online.yaml
serves: [ldd:open-culture]
"""
    found = hits(rule, tmp_path, block)
    [(path, line, message)] = found
    assert "`ldd:share-information-safely`" in message
    assert path == "strategy.yaml" and line is not None  # the framework named in `frameworks:`


def test_an_explicit_empty_choice_reports_nothing(tmp_path: Path) -> None:
    assert hits(rule, tmp_path, "# strategy.yaml\nframeworks: []\n" + SERVES_ONE) == []


def test_a_council_is_held_to_the_local_digital_declaration(tmp_path: Path) -> None:
    block = "# strategy.yaml\norganisation_kind: council\n"
    block += "# initiatives/online-booking.yaml\nserves: [ldd:open-culture]\n"
    found = hits(rule, tmp_path, block)
    assert len(found) == 4 and all("Local Digital Declaration" in m for _, _, m in found)


def test_an_own_framework_points_at_its_measure(tmp_path: Path) -> None:
    own = """\
        name: Our board's priorities
        owner: Example Community Trust board
        measures:
          - id: greener
            name: Greener care
            description: Cut the carbon of how we deliver care.
          - id: fairer
            name: Fairer access
            description: Everyone can reach our services.
        """
    block = "# strategy.yaml\nframeworks: [ours]\n"
    block += "# initiatives/online-booking.yaml\nserves: [ours:fairer]\n"
    [(path, line, message)] = hits(rule, tmp_path, block, write={"frameworks/ours.yaml": own})
    assert path == "frameworks/ours.yaml" and line == 4
    assert "“Greener care”" in message
