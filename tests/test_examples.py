"""The bundled example repositories: ``riverside`` (a good strategy) and ``wishlist`` (a poor one).

Riverside is the product's showcase, so beyond loading cleanly it must keep the qualities the
guide asks for. Wishlist is the fixture later rules are tested against, so it must keep loading
cleanly *and* keep carrying its deliberate defects.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from digistrat.cli import app
from digistrat.loader import Repository, load
from digistrat.schema import FILE_KINDS, schema_for

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
TODAY = date(2026, 11, 26)
ENTITY_KINDS = ("services", "users", "initiatives", "commitments")


@pytest.fixture(scope="module")
def riverside() -> Repository:
    return load(EXAMPLES / "riverside")


@pytest.fixture(scope="module")
def wishlist() -> Repository:
    return load(EXAMPLES / "wishlist")


def yaml_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every (file kind, path) of a repository, strategy.yaml first."""
    yield "strategy", root / "strategy.yaml"
    for kind in ENTITY_KINDS:
        for path in sorted((root / kind).glob("*.yaml")):
            yield kind, path


# --- both examples ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["riverside", "wishlist"])
def test_example_loads_with_no_loader_findings(name: str) -> None:
    repo = load(EXAMPLES / name)
    assert repo.findings == []
    assert repo.strategy is not None
    for kind in ENTITY_KINDS:
        on_disk = len(list((EXAMPLES / name / kind).glob("*.yaml")))
        assert len(repo.entities(kind)) == on_disk, f"{name}/{kind}: some files did not load"


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        pytest.param(kind, path, id=str(path.relative_to(EXAMPLES)))
        for name in ("riverside", "wishlist")
        for kind, path in yaml_files(EXAMPLES / name)
    ],
)
def test_example_file_validates_against_the_json_schema(kind: str, path: Path) -> None:
    validator = jsonschema.Draft202012Validator(schema_for(kind))
    errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
    assert errors == [], f"{path}: {errors[0].message if errors else ''}"


def test_init_output_validates_against_the_json_schema(tmp_path: Path) -> None:
    target = tmp_path / "new-strategy"
    result = CliRunner().invoke(
        app, ["init", str(target)], env={"DIGISTRAT_TODAY": TODAY.isoformat()}
    )
    assert result.exit_code == 0, result.output
    checked = 0
    for kind, path in yaml_files(target):
        assert kind in FILE_KINDS
        validator = jsonschema.Draft202012Validator(schema_for(kind))
        errors = list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8"))))
        assert errors == [], f"{path}: {errors[0].message if errors else ''}"
        checked += 1
    assert checked == 1 + len(ENTITY_KINDS)


# --- riverside: the good example -------------------------------------------------------------


def test_riverside_meets_the_issue_counts(riverside: Repository) -> None:
    assert len(riverside.services) >= 15
    kinds = {s.kind for s in riverside.services.values()}
    assert kinds == {"transaction", "care", "pathway", "technology", "people"}

    evidenced = [
        group
        for group in riverside.users.values()
        if group.needs and all(need.evidence for need in group.needs)
    ]
    assert len(evidenced) >= 5
    assert len(evidenced) == len(riverside.users), "every need should carry evidence"

    assert len(riverside.initiatives) >= 12
    categories = {i.category for i in riverside.initiatives.values()}
    assert categories == {"maintain", "improve", "transform"}

    measured = [
        c
        for c in riverside.commitments.values()
        if c.measure and c.measure.baseline is not None and c.measure.target is not None
    ]
    assert len(measured) >= 6
    assert len(measured) == len(riverside.commitments)


def test_every_riverside_reference_resolves(riverside: Repository) -> None:
    assert riverside.strategy is not None
    objectives = {o.id for o in riverside.strategy.objectives}
    needs = {f"{gid}/{n.id}" for gid, group in riverside.users.items() for n in group.needs}
    dangling: list[str] = []
    for sid, service in riverside.services.items():
        dangling += [
            f"services/{sid}: users {u}" for u in service.users if u not in riverside.users
        ]
    for iid, initiative in riverside.initiatives.items():
        dangling += [f"initiatives/{iid}: need {n}" for n in initiative.needs if n not in needs]
        dangling += [
            f"initiatives/{iid}: service {s}"
            for s in initiative.services
            if s not in riverside.services
        ]
        dangling += [
            f"initiatives/{iid}: depends on {d}"
            for d in initiative.depends_on
            if d not in riverside.initiatives
        ]
        dangling += [
            f"initiatives/{iid}: objective {o}"
            for o in initiative.objectives
            if o not in objectives
        ]
    for cid, commitment in riverside.commitments.items():
        dangling += [
            f"commitments/{cid}: initiative {i}"
            for i in commitment.initiatives
            if i not in riverside.initiatives
        ]
    assert dangling == []


def test_riverside_scores_every_criterion_within_its_scale(riverside: Repository) -> None:
    assert riverside.strategy is not None
    criteria = {c.id: c for c in riverside.strategy.scoring.criteria}
    assert {c.id: (c.weight, c.min, c.max) for c in criteria.values()} == {
        "patient-benefit": (50, 0, 10),
        "staff-benefit": (25, 0, 5),
        "financial-benefit": (25, 0, 5),
    }
    for iid, initiative in riverside.initiatives.items():
        assert set(initiative.scores) == set(criteria), f"{iid}: scores {initiative.scores}"
        for key, value in initiative.scores.items():
            assert criteria[key].min <= value <= criteria[key].max, f"{iid}: {key}={value}"


def test_riverside_strategy_follows_the_guide(riverside: Repository) -> None:
    strategy = riverside.strategy
    assert strategy is not None and strategy.horizon is not None and strategy.review is not None
    assert strategy.mission is not None and len(strategy.mission.split()) <= 25
    assert strategy.horizon.end - strategy.horizon.start <= timedelta(days=5 * 366)
    assert strategy.review.last_reviewed == date(2026, 10, 15)
    assert 4 <= len(strategy.objectives) <= 6
    assert 4 <= len(strategy.principles) <= 5
    assert strategy.system is not None and strategy.system.alignment
    assert any("shared care record" in p.lower() for p in strategy.system.shared_priorities)
    assert len(strategy.not_doing) >= 3 and len(strategy.delivered) >= 3
    risk_kinds = {r.kind for r in strategy.risks}
    assert {"cyber-security", "outage"} <= risk_kinds and len(strategy.risks) >= 4
    assert all(r.owner and r.mitigation for r in strategy.risks)
    indicator_kinds = {i.kind for i in strategy.indicators}
    assert {"take-up", "cost-per-transaction", "satisfaction", "failure-demand"} <= indicator_kinds
    rhythm = {r.kind for r in strategy.rhythm}
    assert {"show-and-tell", "progress-review", "re-prioritisation", "strategy-review"} <= rhythm
    assert strategy.capacity is not None and strategy.capacity.bottlenecks


def test_riverside_services_are_owned_measured_and_recent(riverside: Repository) -> None:
    functions = set()
    for sid, service in riverside.services.items():
        assert service.owner and service.team and service.opportunity, sid
        assert service.opportunity.why and service.users, sid
        functions.add(service.owner.function)
        m = service.measures
        assert m is not None and m.measured_on is not None, sid
        assert TODAY - timedelta(days=365) <= m.measured_on <= TODAY, sid
        values = m.model_dump()
        # Technology (the network, a results viewer) is digital by nature: no invented take-up.
        optional = {"digital_take_up"} if service.kind == "technology" else set()
        missing = [k for k, v in values.items() if v is None and k not in optional]
        assert not missing, f"{sid}: {missing} missing"
        for pct in ("digital_take_up", "user_satisfaction", "completion_rate", "failure_demand"):
            assert values[pct] is None or 0 <= values[pct] <= 100, f"{sid}: {pct}"
        if service.status in ("legacy", "retiring"):
            assert service.switch_off is not None and service.switch_off > TODAY, sid
    assert functions == {"clinical", "operational", "digital", "corporate"}
    assert any(s.status == "legacy" for s in riverside.services.values())


def test_riverside_users_include_those_at_risk_and_wider_voices(riverside: Repository) -> None:
    groups = riverside.users.values()
    assert {g.kind for g in groups} == {"patient", "carer", "staff", "public", "partner"}
    assert any(g.at_risk_of_exclusion for g in groups)
    assert {k.kind for g in groups for k in g.specific_needs} >= {
        "accessibility",
        "language",
        "digital-exclusion",
    }
    voices = {e.voices for g in groups for n in g.needs for e in n.evidence}
    assert {"wider", "seldom-heard"} <= voices
    addressed = {n for i in riverside.initiatives.values() for n in i.needs}
    for gid, group in riverside.users.items():
        for need in group.needs:
            assert any(e.voices != "usual" for e in need.evidence), f"{gid}/{need.id}"
            if need.priority == "high":
                assert f"{gid}/{need.id}" in addressed, f"{gid}/{need.id} is addressed by nothing"


def test_riverside_portfolio_is_realistic(riverside: Repository) -> None:
    assert riverside.strategy is not None and riverside.strategy.capacity is not None
    initiatives = riverside.initiatives
    in_progress = [i for i in initiatives.values() if i.status == "in-progress"]
    assert len(in_progress) <= riverside.strategy.capacity.concurrent_initiatives
    assert {i.status for i in initiatives.values()} >= {
        "proposed",
        "approved",
        "in-progress",
        "done",
    }
    assert {i.type for i in initiatives.values()} == {"core", "experiment"}

    exemplars = [i for i in initiatives.values() if i.exemplar]
    assert 2 <= len(exemplars) <= 3
    for ex in exemplars:
        assert ex.start and ex.end and (ex.end - ex.start).days < 183, ex.name

    hype = ("ai", "artificial intelligence", "machine learning", "blockchain", "metaverse")
    for iid, initiative in initiatives.items():
        assert initiative.owner and initiative.sourcing and initiative.sourcing.rationale, iid
        assert initiative.needs and initiative.objectives and initiative.technology, iid
        if any(tag.lower() in hype for tag in initiative.technology):
            assert initiative.type == "experiment", f"{iid}: novel technology must be an experiment"
    owners = [i.owner.function for i in initiatives.values() if i.owner]
    assert owners.count("digital") * 4 < len(owners), "initiatives should be led outside digital"

    def depth(iid: str, seen: tuple[str, ...] = ()) -> int:
        assert iid not in seen, f"dependency cycle through {iid}"
        deps = initiatives[iid].depends_on
        return 1 + max((depth(d, (*seen, iid)) for d in deps), default=0)

    assert max(depth(iid) for iid in initiatives) <= 3


def test_riverside_commitments_are_measurable_and_time_bound(riverside: Repository) -> None:
    assert riverside.strategy is not None and riverside.strategy.horizon is not None
    horizon = riverside.strategy.horizon
    for cid, commitment in riverside.commitments.items():
        assert commitment.owner and commitment.initiatives and commitment.progress, cid
        assert commitment.owner.function != "digital", cid
        m = commitment.measure
        assert m and m.unit and m.baseline_date and m.source, cid
        assert commitment.due is not None and commitment.due <= horizon.end, cid
        if commitment.status != "met":
            assert commitment.due > TODAY, f"{cid} is overdue"
        assert not commitment.statement.lower().startswith(("implement", "roll out", "deploy"))


# --- wishlist: the poor example keeps its defects ---------------------------------------------


def test_wishlist_keeps_its_deliberate_defects(wishlist: Repository) -> None:
    strategy = wishlist.strategy
    assert strategy is not None and strategy.horizon is not None and strategy.capacity is not None
    assert strategy.mission is not None and len(strategy.mission.split()) > 25
    assert (strategy.horizon.end - strategy.horizon.start).days > 5 * 366
    assert strategy.review is None and strategy.system is None
    assert strategy.objectives == [] and strategy.not_doing == [] and strategy.delivered == []
    assert strategy.risks == [] and len(strategy.principles) >= 10

    initiatives = wishlist.initiatives
    in_progress = sum(i.status == "in-progress" for i in initiatives.values())
    assert in_progress > strategy.capacity.concurrent_initiatives
    assert not any(i.exemplar for i in initiatives.values())
    assert all(i.owner is None or i.owner.function == "digital" for i in initiatives.values())
    assert any(not i.needs for i in initiatives.values())
    assert any(i.owner is None for i in initiatives.values())
    assert any(i.owner and i.owner.name.endswith(" Team") for i in initiatives.values())
    stopped = {iid for iid, i in initiatives.items() if i.status == "stopped"}
    assert any(stopped & set(i.depends_on) for i in initiatives.values())
    assert any(
        i.type == "core" and {"blockchain", "metaverse", "AI", "RPA"} & set(i.technology)
        for i in initiatives.values()
    )
    criteria = {c.id: c for c in strategy.scoring.criteria}
    assert any(set(i.scores) != set(criteria) for i in initiatives.values())
    assert any(
        not criteria[k].min <= v <= criteria[k].max
        for i in initiatives.values()
        for k, v in i.scores.items()
        if k in criteria
    )
    assert any(set(i.scores) - set(criteria) for i in initiatives.values()), "unknown criterion"

    def chain(iid: str, seen: tuple[str, ...] = ()) -> int | None:
        """Longest dependency chain from ``iid``; None when it runs into a cycle."""
        if iid in seen:
            return None
        depths = [chain(d, (*seen, iid)) for d in initiatives[iid].depends_on]
        return None if None in depths else 1 + max((d or 0 for d in depths), default=0)

    assert any(chain(iid) is None for iid in initiatives), "expected a dependency cycle"
    assert any((chain(iid) or 0) >= 6 for iid in initiatives), "expected a chain 5 deep"

    commitments = wishlist.commitments.values()
    assert len(wishlist.commitments) >= 12
    assert any(c.measure is None for c in commitments)
    assert any(c.due is None for c in commitments)
    assert any(c.due and c.due > strategy.horizon.end for c in commitments)
    assert any(c.due and c.due < TODAY and c.status == "on-track" for c in commitments)

    services = wishlist.services.values()
    assert any(s.owner is None for s in services) and any(s.measures is None for s in services)
    assert any(s.status == "legacy" and s.switch_off is None for s in services)
    assert any(s.status == "retiring" and s.switch_off and s.switch_off < TODAY for s in services)
    assert any(s.kind == "technology" and s.team is None for s in services)
    assert any(s.measures and (s.measures.digital_take_up or 0) > 100 for s in services)

    groups = wishlist.users.values()
    assert not any(g.specific_needs or g.at_risk_of_exclusion for g in groups)
    assert any(not n.evidence for g in groups for n in g.needs)
    assert any(not g.needs for g in groups)

    text = "\n".join(p.read_text(encoding="utf-8") for _, p in yaml_files(EXAMPLES / "wishlist"))
    assert "Replace with" in text


def test_every_wishlist_file_lists_its_defects() -> None:
    for _, path in yaml_files(EXAMPLES / "wishlist"):
        assert path.read_text(encoding="utf-8").startswith("# Deliberate defects"), path


def test_riverside_maps_its_work_onto_what_good_looks_like(riverside: Repository) -> None:
    from digistrat.frameworks import coverage

    found = coverage(riverside, "wgll")
    assert [m.measure.id for m in found.uncovered] == ["well-led"]
    assert [m.measure.id for m in found.unfunded] == ["healthy-populations"]
    assert len(found.covered) == 5
