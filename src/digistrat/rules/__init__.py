"""The rule catalogue: an explicit, sorted list of rule modules (no discovery, no plugins).

To add a rule, write ``<code>_<name>.py`` following :mod:`digistrat.rules.base` and add one
line to :data:`_NAMES` below, in code order.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from types import ModuleType

from digistrat.rules.catalogue import RuleInfo, from_module
from digistrat.rules.engine_findings import ENGINE
from digistrat.rules.loader_findings import LOADER
from digistrat.rules.scoring_findings import SCORING
from digistrat.rules.system_findings import SYSTEM

_NAMES: tuple[str, ...] = (
    "c001_commitment_without_measure",
    "c002_measure_incomplete",
    "c003_commitment_without_due_date",
    "c004_due_beyond_horizon",
    "c005_commitment_overdue",
    "c006_too_many_commitments",
    "c007_commitment_without_owner",
    "c008_commitment_without_initiative",
    "c009_on_track_but_behind",
    "c010_measure_not_outcome",
    "c011_status_contradicts_data",
    "c012_commitments_missing",
    "c013_measure_without_baseline",
    "d001_dependency_cycle",
    "d002_long_dependency_chain",
    "d003_scores_missing",
    "d004_score_out_of_scale",
    "d005_unknown_criterion",
    "d006_depends_on_stopped",
    "h001_horizon_missing",
    "h002_horizon_length",
    "h003_review_cadence_missing",
    "h004_review_overdue",
    "h005_horizon_ended",
    "i001_objectives_missing",
    "i002_initiative_without_objective",
    "i003_objective_unserved",
    "i004_indicators_missing",
    "i005_maturity_missing",
    "i006_indicator_incomplete",
    "k001_risks_missing",
    "k002_no_cyber_or_outage_risk",
    "k003_risk_unmanaged",
    "m001_mission_missing",
    "n001_not_doing_empty",
    "n002_too_many_priorities",
    "n003_portfolio_balance",
    "o001_it_driven",
    "o002_commitment_owned_by_digital",
    "o003_initiative_without_owner",
    "o004_owner_not_a_person",
    "p001_principles_missing",
    "p002_too_many_principles",
    "r001_delivered_missing",
    "r002_over_capacity",
    "r003_capacity_missing",
    "r004_commitment_due_before_work_ends",
    "r005_planned_beyond_horizon",
    "r006_capacity_exceeded_later",
    "r007_bottleneck_overloaded",
    "s001_service_without_owner",
    "s002_service_measures_missing",
    "s003_service_opportunity_missing",
    "s004_measure_out_of_range",
    "s005_measures_stale",
    "s006_legacy_without_switch_off",
    "s007_tool_without_team",
    "s008_switch_off_passed",
    "s009_no_services",
    "t001_vague_wording",
    "t002_unexplained_jargon",
    "t003_hype_as_core",
    "t004_solution_phrased",
    "t005_placeholder_text",
    "t006_mission_too_long",
    "u001_users_missing",
    "u002_need_without_evidence",
    "u003_usual_voices_only",
    "u004_no_specific_needs",
    "u005_high_priority_need_unaddressed",
    "u006_initiative_without_need",
    "u007_group_without_needs",
    "u008_evidence_old",
    "u009_voices_unstated",
    "w001_ways_of_working_missing",
    "w002_rhythm_missing",
    "w003_not_published",
    "w004_ways_of_working_without_cadence",
    "x001_no_exemplar",
    "x002_exemplar_too_long",
    "x003_exemplar_owned_by_digital",
    "y001_system_missing",
    "y002_framework_measure_uncovered",
)
"""Every rule module, in code order: add a new rule's module name here."""

_MODULES: tuple[ModuleType, ...] = tuple(
    import_module(f"digistrat.rules.{name}") for name in _NAMES
)


@cache
def all_rules() -> list[RuleInfo]:
    """Every catalogue entry: the loader's (F), the rules', the system rules' (run on a
    system repository only) and the engine's (Z), by code."""
    entries = [*LOADER, *(from_module(m) for m in _MODULES), *SCORING, *SYSTEM, *ENGINE]
    return sorted(entries, key=lambda r: r.code)


@cache
def _lookup() -> dict[str, RuleInfo]:
    table: dict[str, RuleInfo] = {}
    for rule in all_rules():
        table[rule.code.lower()] = rule
        table[rule.name.lower()] = rule
    return table


def find(code_or_name: str) -> RuleInfo | None:
    """The rule with this code (any case) or kebab-case name, if there is one."""
    return _lookup().get(code_or_name.strip().lower())


def suggest(code_or_name: str) -> str | None:
    """The closest code or name, for a did-you-mean hint."""
    import difflib

    close = difflib.get_close_matches(code_or_name.strip().lower(), list(_lookup()), n=1)
    if not close:
        return None
    rule = _lookup()[close[0]]
    return rule.code if close[0] == rule.code.lower() else rule.name


__all__ = ["RuleInfo", "all_rules", "find", "suggest"]
