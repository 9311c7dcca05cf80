"""StratML export: valid against the official schemas (copied here from the standard), for the
bundled examples and for hostile text, with each part of the strategy where StratML puts it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from digistrat.exchange.stratml import PART1_NS, PART2_NS, Part, clean, decimal, stratml
from digistrat.loader import load
from digistrat.repository import Repository
from hostile.hostile_cases import HOSTILE_TEXT, MARK, poisoned_copy

from helpers import build_tree

HERE = Path(__file__).parent
EXAMPLES = HERE.parent.parent / "examples"
SCHEMAS = {
    1: HERE / "stratml-part1-StrategicPlan-2014-04-01.xsd",
    2: HERE / "stratml-part2-PerformancePlanOrReport-2016-02-16.xsd",
}
NS = {1: PART1_NS, 2: PART2_NS}


@pytest.fixture(scope="module")
def schemas() -> dict[int, xmlschema.XMLSchema]:
    return {part: xmlschema.XMLSchema(str(path)) for part, path in SCHEMAS.items()}


def _valid(schemas: dict[int, xmlschema.XMLSchema], part: int, data: bytes) -> None:
    errors = list(schemas[part].iter_errors(data.decode("utf-8")))
    assert not errors, errors[0]


def _tree(data: bytes) -> ET.Element:
    return ET.fromstring(data)


def _q(part: int, path: str) -> str:
    """An XPath with every step in the part's namespace: ``Goal/Name`` → ``{ns}Goal/{ns}Name``."""
    return re.sub(r"(?<![{\w.])([A-Z]\w*)", lambda m: f"{{{NS[part]}}}{m.group(1)}", path)


def _repo(root: Path, files: dict[str, str | bytes]) -> Repository:
    repo = load(build_tree(root, files))
    assert not [f for f in repo.findings if f.severity == "error"], repo.findings
    return repo


STRATEGY = """\
    organisation: Test Trust
    title: Digital strategy 2026 to 2029
    mission: Give patients time back.
    horizon:
      start: 2026-04-01
      end: 2029-03-31
    review:
      cadence: quarterly
      last_reviewed: 2026-10-15
    communication:
      published_at: https://example.org/strategy
    principles:
      - name: Fix the basics first
        meaning: Working wifi before anything clever.
    objectives:
      - id: shorter-waits
        title: Cut waiting times
        kind: operational
        source: Trust strategy
      - id: fair-access
        title: Fair access for everyone
"""
SMALL = {
    "strategy.yaml": STRATEGY,
    "users/outpatients.yaml": """\
        name: Outpatients
        kind: patient
        needs:
          - id: know-when
            statement: I need to know when my appointment is.
            priority: high
    """,
    "initiatives/online-booking.yaml": """\
        name: Online booking
        category: improve
        objectives: [shorter-waits, fair-access]
        needs: [outpatients/know-when]
        owner: {name: Mark Ellison, role: Head of Access, function: operational}
        start: 2026-04-01
        end: 2027-03-31
        cost: 120000
    """,
    "initiatives/wifi.yaml": "name: Wifi refresh\ncategory: maintain\n",
    "commitments/book-online.yaml": """\
        statement: Patients can book online.
        initiatives: [online-booking]
        due: 2027-03-31
        measure:
          metric: Appointments booked online
          unit: "%"
          baseline: 5
          baseline_date: 2026-03-31
          target: 40
        progress:
          - date: 2026-09-30
            note: Live in two clinics.
            value: 12.5
          - date: 2026-06-30
            note: First clinic live.
    """,
    "commitments/no-initiative.yaml": "statement: Fewer letters lost.\n",
}


@pytest.mark.parametrize("part", [1, 2])
@pytest.mark.parametrize("example", ["riverside", "wishlist"])
def test_every_example_is_valid(
    schemas: dict[int, xmlschema.XMLSchema], example: str, part: Part
) -> None:
    repo = load(EXAMPLES / example)
    data = stratml(repo, part)
    _valid(schemas, part, data)
    root = _tree(data)
    names = [n.text for n in root.iterfind(_q(part, "StrategicPlanCore/Goal/Objective/Name"))]
    # every initiative is under at least one goal, and so is every commitment
    assert {i.name for i in repo.initiatives.values()} <= set(names)
    assert {c.statement for c in repo.commitments.values()} <= set(names)


@pytest.mark.parametrize("part", [1, 2])
def test_each_part_of_the_strategy_is_where_stratml_puts_it(tmp_path: Path, part: Part) -> None:
    data = stratml(_repo(tmp_path, SMALL), part)
    root = _tree(data)
    assert (
        root.tag == f"{{{NS[part]}}}{'StrategicPlan' if part == 1 else 'PerformancePlanOrReport'}"
    )
    assert root.findtext(_q(part, "Name")) == "Digital strategy 2026 to 2029"
    core = root.find(_q(part, "StrategicPlanCore"))
    assert core is not None
    assert core.findtext(_q(part, "Organization/Name")) == "Test Trust"
    assert core.findtext(_q(part, "Mission/Description")) == "Give patients time back."
    assert core.findtext(_q(part, "Value/Name")) == "Fix the basics first"
    assert core.findtext(_q(part, "Value/Description")) == "Working wifi before anything clever."
    groups = core.findall(_q(part, "Organization/Stakeholder"))
    assert [(g.get("StakeholderTypeType"), g.findtext(_q(part, "Name"))) for g in groups] == [
        ("Generic_Group", "Outpatients")
    ]
    goals = core.findall(_q(part, "Goal"))
    assert [g.findtext(_q(part, "Identifier")) for g in goals] == [
        "objective-shorter-waits",
        "objective-fair-access",
        "unlinked",
    ]
    assert goals[0].findtext(_q(part, "Name")) == "Cut waiting times"
    assert goals[0].findtext(_q(part, "Description")) == (
        "An operational objective, from Trust strategy."
    )
    # an initiative serving two objectives is under both, with an identifier for each place
    for goal in goals[:2]:
        under = [o.findtext(_q(part, "Identifier")) for o in goal.findall(_q(part, "Objective"))]
        goal_id = goal.findtext(_q(part, "Identifier"))
        assert under == [
            f"{goal_id}.initiative-online-booking",
            f"{goal_id}.commitment-book-online",
        ]
    unlinked = [o.findtext(_q(part, "Name")) for o in goals[2].findall(_q(part, "Objective"))]
    assert unlinked == ["Wifi refresh", "Fewer letters lost."]
    booking = goals[0].find(_q(part, "Objective"))
    assert booking is not None
    people = booking.findall(_q(part, "Stakeholder"))
    assert [p.findtext(_q(part, "Name")) for p in people] == ["Mark Ellison", "Outpatients"]
    assert people[0].get("StakeholderTypeType") == "Person"
    facts = booking.findtext(_q(part, "OtherInformation")) or ""
    assert "Runs from 1 April 2026 to 31 March 2027." in facts
    assert "Estimated cost £120,000." in facts
    admin = root.find(_q(part, "AdministrativeInformation"))
    assert admin is not None
    assert admin.findtext(_q(part, "StartDate")) == "2026-04-01"
    assert admin.findtext(_q(part, "EndDate")) == "2029-03-31"
    assert admin.findtext(_q(part, "PublicationDate")) == "2026-10-15"
    assert admin.findtext(_q(part, "Source")) == "https://example.org/strategy"


def test_part_1_has_no_performance_indicators(tmp_path: Path) -> None:
    data = stratml(_repo(tmp_path, SMALL), 1)
    assert b"PerformanceIndicator" not in data and b"<Role>" not in data


def test_part_2_measures_commitments_with_baseline_progress_and_target(
    schemas: dict[int, xmlschema.XMLSchema], tmp_path: Path
) -> None:
    data = stratml(_repo(tmp_path, SMALL), 2)
    _valid(schemas, 2, data)
    root = _tree(data)
    assert root.get("Type") == "Performance_Report"
    path = "StrategicPlanCore/Goal/Objective[Identifier='{}']/PerformanceIndicator"
    ident = "objective-shorter-waits.commitment-book-online"
    indicator = root.find(_q(2, path.format(ident)))
    assert indicator is not None
    assert indicator.findtext(_q(2, "MeasurementDimension")) == "Appointments booked online"
    assert indicator.findtext(_q(2, "UnitOfMeasurement")) == "%"
    assert indicator.findtext(_q(2, "Identifier")) == f"{ident}.measure"
    actual = [
        (
            r.findtext(_q(2, "EndDate")),
            r.findtext(_q(2, "NumberOfUnits")),
            r.findtext(_q(2, "Description")),
        )
        for r in indicator.iterfind(_q(2, "MeasurementInstance/ActualResult"))
    ]
    assert actual == [  # the baseline, then progress in date order
        ("2026-03-31", "5", "Baseline"),
        ("2026-06-30", None, "First clinic live."),
        ("2026-09-30", "12.5", "Live in two clinics."),
    ]
    target = indicator.find(_q(2, "MeasurementInstance/TargetResult"))
    assert target is not None
    assert target.findtext(_q(2, "EndDate")) == "2027-03-31"
    assert target.findtext(_q(2, "NumberOfUnits")) == "40"
    # the commitment without a measure has none
    assert root.find(_q(2, path.format("unlinked.commitment-no-initiative"))) is None


def test_part_2_is_a_plan_until_something_is_measured(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["commitments/book-online.yaml"] = (
        "statement: Patients can book online.\ninitiatives: [online-booking]\n"
        "measure: {metric: Bookings online, target: 40}\n"
    )
    root = _tree(stratml(_repo(tmp_path, files), 2))
    assert root.get("Type") == "Performance_Plan"


def test_every_example_commitment_target_is_in_part_2() -> None:
    repo = load(EXAMPLES / "riverside")
    root = _tree(stratml(repo, 2))
    objectives = root.findall(_q(2, "StrategicPlanCore/Goal/Objective"))
    measured = [c for c in repo.commitments.items() if c[1].measure and c[1].measure.target]
    assert measured
    for ident, c in measured:
        assert c.measure is not None and c.measure.target is not None
        mine = [
            o
            for o in objectives
            if (o.findtext(_q(2, "Identifier")) or "").endswith(f".commitment-{ident}")
        ]
        assert mine, ident
        for o in mine:
            target = o.findtext(
                _q(2, "PerformanceIndicator/MeasurementInstance/TargetResult/NumberOfUnits")
            )
            assert target == decimal(c.measure.target)


def test_a_strategy_without_objectives_still_has_its_one_goal(
    schemas: dict[int, xmlschema.XMLSchema], tmp_path: Path
) -> None:
    repo = _repo(tmp_path, {"strategy.yaml": "organisation: A\ntitle: B\n"})
    for part in (1, 2):
        data = stratml(repo, part)  # type: ignore[arg-type]
        _valid(schemas, part, data)
        goals = _tree(data).findall(_q(part, "StrategicPlanCore/Goal"))
        assert [g.findtext(_q(part, "Identifier")) for g in goals] == ["unlinked"]
        assert b"AdministrativeInformation" not in data


def test_a_published_at_that_is_not_a_web_address_is_not_the_source(tmp_path: Path) -> None:
    files = dict(SMALL)
    files["strategy.yaml"] = STRATEGY.replace("https://example.org/strategy", "the intranet")
    data = stratml(_repo(tmp_path, files), 1)
    assert b"<Source>" not in data and b"<PublicationDate>" in data


def test_same_strategy_same_bytes(tmp_path: Path) -> None:
    first = stratml(_repo(tmp_path / "a", SMALL), 2)
    # the same files written in the opposite order: identifiers and order do not change
    again = stratml(_repo(tmp_path / "b", dict(reversed(list(SMALL.items())))), 2)
    assert first == again


def test_one_namespace_and_no_prefixes(tmp_path: Path) -> None:
    for part in (1, 2):
        data = stratml(_repo(tmp_path / str(part), SMALL), part)  # type: ignore[arg-type]
        text = data.decode("utf-8")
        assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
        assert text.count("xmlns") == 1
        assert f'xmlns="{NS[part]}"' in text
        assert not re.search(r"<\w+:", text)


CONTROL = "\x1b]0;owned\x07\x1b[2J\x00\x08\x0b\x0c\x7f\x85\ufffe\r\n\r"
HOSTILE = [
    *(f"{text} {CONTROL}end" for text in HOSTILE_TEXT),
    f"{MARK} ]]> <![CDATA[ x ]]> & &amp; <!-- comment --> {CONTROL}",
    f'{MARK} <?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
]
"""Every payload but the last carries control characters, so each text StratML takes has some."""


@pytest.mark.parametrize("part", [1, 2])
def test_hostile_text_stays_text(
    schemas: dict[int, xmlschema.XMLSchema], tmp_path: Path, part: Part
) -> None:
    root_dir = poisoned_copy(EXAMPLES / "riverside", tmp_path / "repo", HOSTILE)
    repo = load(root_dir)
    assert not [f for f in repo.findings if f.severity == "error"], repo.findings[:3]
    data = stratml(repo, part)
    _valid(schemas, part, data)
    text = data.decode("utf-8")
    assert text.count(MARK) > 50
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\r]", text)
    assert "<script" not in text and "<!DOCTYPE" not in text and "<!--" not in text
    root = _tree(data)
    for ident, initiative in repo.initiatives.items():
        found = [
            o.findtext(_q(part, "Name"))
            for o in root.iterfind(_q(part, "StrategicPlanCore/Goal/Objective"))
            if (o.findtext(_q(part, "Identifier")) or "").endswith(f".initiative-{ident}")
        ]
        assert found and set(found) == {clean(initiative.name)}


def test_clean_leaves_out_what_xml_cannot_hold() -> None:
    assert clean("a\x00b\x1bc\x7fd\x85e\ufffef") == "abcdef"
    assert clean("tab\there\nline\r\nwindows\rold mac") == "tab\there\nline\nwindows\nold mac"
    assert clean("£ é 漢字 🙂 \u2028") == "£ é 漢字 🙂 \u2028"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (40.0, "40"),
        (0.7, "0.7"),
        (12.5, "12.5"),
        (-3.0, "-3"),
        (1e12, "1000000000000"),
        (-1e12, "-1000000000000"),
        (1e-7, "0.0000001"),
        (0.1 + 0.2, "0.30000000000000004"),
    ],
)
def test_decimal_is_never_in_exponent_form(value: float, text: str) -> None:
    assert decimal(value) == text
