from __future__ import annotations

from pathlib import Path

import pytest

from digistrat.rules import y001_system_missing as rule
from rules.rule_helpers import hits


def test_no_system(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nsystem:\n")
    assert "does not mention the integrated care system" in message


def test_system_name_only(tmp_path: Path) -> None:
    [(_, _, message)] = hits(rule, tmp_path, "# strategy.yaml\nsystem: {name: North ICS}\n")
    assert "names its integrated care system (North ICS) but not how it aligns" in message


def test_aligned(tmp_path: Path) -> None:
    assert hits(rule, tmp_path) == []


def test_shared_priorities_count_as_alignment(tmp_path: Path) -> None:
    """Regression: naming the system and the priorities shared with it is alignment stated,
    even without a free-text `alignment` sentence."""
    overlay = """
        # strategy.yaml
        system:
          name: North Integrated Care System
          shared_priorities:
            - Shared care record
    """
    assert hits(rule, tmp_path, overlay) == []


def test_alignment_without_shared_priorities_passes(tmp_path: Path) -> None:
    overlay = """
        # strategy.yaml
        system:
          name: North Integrated Care System
          alignment: We build the shared care record with our partners.
    """
    assert hits(rule, tmp_path, overlay) == []


def test_empty_shared_priorities_and_no_alignment_fail(tmp_path: Path) -> None:
    overlay = """
        # strategy.yaml
        system:
          name: North Integrated Care System
          shared_priorities: []
    """
    assert len(hits(rule, tmp_path, overlay)) == 1


@pytest.mark.parametrize("kind", ["council", "central-government", "other"])
def test_not_checked_for_organisations_outside_the_nhs(tmp_path: Path, kind: str) -> None:
    """Regression: a council has no integrated care system, so it must not be told to align
    with one."""
    overlay = f"# strategy.yaml\norganisation_kind: {kind}\nsystem:\n"
    assert hits(rule, tmp_path, overlay) == []


@pytest.mark.parametrize("kind", ["nhs-trust", "integrated-care-board"])
def test_checked_for_nhs_bodies(tmp_path: Path, kind: str) -> None:
    overlay = f"# strategy.yaml\norganisation_kind: {kind}\nsystem:\n"
    [(_, _, message)] = hits(rule, tmp_path, overlay)
    assert "integrated care system" in message


def test_unstated_kind_is_checked_as_a_trust_and_the_hint_says_so(tmp_path: Path) -> None:
    from rules.rule_helpers import findings

    found = findings(tmp_path, "# strategy.yaml\nsystem:\n", only="Y001")
    [finding] = found
    assert finding.severity == "warning"
    assert "`organisation_kind:`" in finding.hint
    assert "checked as an NHS trust" in finding.hint


def test_stated_kind_hint_does_not_mention_the_kind(tmp_path: Path) -> None:
    from rules.rule_helpers import findings

    overlay = "# strategy.yaml\norganisation_kind: nhs-trust\nsystem:\n"
    [finding] = findings(tmp_path, overlay, only="Y001")
    assert "organisation_kind" not in finding.hint
