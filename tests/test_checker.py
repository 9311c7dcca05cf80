"""The check engine: configuration, suppressions, robustness, and the command's exit codes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from digistrat import checker
from digistrat.checker import run
from digistrat.config import ConfigError, load_config
from digistrat.findings import Finding
from digistrat.loader import Repository, load
from digistrat.rules.catalogue import RuleInfo
from digistrat.rules.examples import EXAMPLE_TODAY, materialise

from helpers import build_tree, command_env

NO_PRINCIPLES = "# strategy.yaml\nprinciples: []\n"


def _repo(root: Path, block: str = "", extra: dict[str, str] | None = None) -> Repository:
    materialise(root, block)
    if extra:
        build_tree(root, extra)
    return load(root)


def _codes(root: Path, block: str = "", extra: dict[str, str] | None = None) -> list[str]:
    return [f.code for f in run(_repo(root, block, extra), EXAMPLE_TODAY).findings]


def _check_block(text: str) -> str:
    return NO_PRINCIPLES.replace("principles: []\n", "principles: []\n" + text)


def test_clean_baseline_has_no_findings(tmp_path: Path) -> None:
    result = run(_repo(tmp_path), EXAMPLE_TODAY)
    assert result.findings == []
    assert not result.failed("info")
    assert result.files_checked == 5


def test_findings_are_located_and_sorted(tmp_path: Path) -> None:
    result = run(_repo(tmp_path, NO_PRINCIPLES), EXAMPLE_TODAY)
    [f] = result.findings
    assert (f.code, f.name, f.severity, f.path) == (
        "P001",
        "principles-missing",
        "error",
        "strategy.yaml",
    )
    assert f.line is not None and f.column == 1
    assert result.line_text(f.path, f.line) == "principles: []"
    assert result.failed("error")


@pytest.mark.parametrize("name", ["P001", "p001", "principles-missing"])
def test_ignore_by_code_or_name(tmp_path: Path, name: str) -> None:
    block = _check_block(f"check:\n  ignore: [{name}]\n")
    assert _codes(tmp_path, block) == []


def test_select_only_runs_selected_rules(tmp_path: Path) -> None:
    block = "# strategy.yaml\nprinciples: []\nrisks: []\ncheck:\n  select: [risks-missing]\n"
    assert _codes(tmp_path, block) == ["K001"]


def test_severity_override(tmp_path: Path) -> None:
    block = _check_block("check:\n  severity:\n    principles-missing: info\n")
    result = run(_repo(tmp_path, block), EXAMPLE_TODAY)
    assert [(f.code, f.severity) for f in result.findings] == [("P001", "info")]
    assert not result.failed("error") and result.failed("info")


def test_per_path_ignores_with_globs(tmp_path: Path) -> None:
    block = (
        "# strategy.yaml\ncheck:\n  per_path_ignores:\n    'commitments/*.yaml': [C003]\n"
        "# commitments/rebook-online.yaml\ndue:\n"
    )
    assert _codes(tmp_path, block) == []
    block = block.replace("'commitments/*.yaml'", "'services/*.yaml'")
    assert _codes(tmp_path / "other", block) == ["C003"]


def test_options_change_thresholds(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  options:\n    max-commitments: 0\n"
    assert _codes(tmp_path, block) == ["C006"]


def test_cli_select_replaces_and_ignore_adds(tmp_path: Path) -> None:
    repo = _repo(tmp_path, "# strategy.yaml\nprinciples: []\nrisks: []\n")
    assert [
        f.code for f in run(repo, EXAMPLE_TODAY, load_config(repo, select=["K001"])).findings
    ] == ["K001"]
    assert [
        f.code for f in run(repo, EXAMPLE_TODAY, load_config(repo, ignore=["K001"])).findings
    ] == ["P001"]


@pytest.mark.parametrize(
    ("check_block", "expected"),
    [
        ("check:\n  ignore: [principles-mising]\n", "Did you mean `principles-missing`?"),
        ("check:\n  select: [Q999]\n", "`Q999`, which is not a rule"),
        ("check:\n  severity:\n    C001: fatal\n", "`fatal` is not one of"),
        ("check:\n  options:\n    max-comitments: 3\n", "Did you mean `max-commitments`?"),
        ("check:\n  options:\n    max-commitments: lots\n", "should be a number"),
        ("check:\n  options:\n    vague-words: improve\n", "should be a list"),
        ("check:\n  per_path_ignores:\n    'x/*': [nope]\n", "`nope`, which is not a rule"),
        ("check:\n  colour: red\n", "unknown key `colour`"),
    ],
)
def test_invalid_configuration_is_a_clear_error(
    tmp_path: Path, check_block: str, expected: str
) -> None:
    repo = _repo(tmp_path, _check_block(check_block))
    with pytest.raises(ConfigError) as exc:
        load_config(repo)
    assert expected in str(exc.value)
    assert str(exc.value).startswith("strategy.yaml:")


def test_cli_flag_names_are_checked(tmp_path: Path) -> None:
    repo = _repo(tmp_path)
    with pytest.raises(ConfigError, match="--select"):
        load_config(repo, select=["bogus-rule"])


def _suppressed_repo(root: Path, comment: str, value: str = "[]") -> Path:
    materialise(root, "")
    path = root / "strategy.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("principles:")
    end = text.index("system:")
    path.write_text(
        text[:start] + f"principles: {value}  {comment}\n" + text[end:], encoding="utf-8"
    )
    return root


@pytest.mark.parametrize("name", ["P001", "principles-missing", "p001"])
def test_inline_suppression(tmp_path: Path, name: str) -> None:
    root = _suppressed_repo(tmp_path, f"# digistrat: ignore[{name}] agreeing them in June")
    result = run(load(root), EXAMPLE_TODAY)
    assert result.findings == []
    assert result.suppressed == 1


def test_suppression_of_one_rule_keeps_others(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[K001]")
    codes = [f.code for f in run(load(root), EXAMPLE_TODAY).findings]
    assert sorted(codes) == ["P001", "Z001"]


def test_unused_suppression_is_reported(tmp_path: Path) -> None:
    value = "[{name: Start small, meaning: We ship something every month.}]"
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[P001] old", value)
    [f] = run(load(root), EXAMPLE_TODAY).findings
    assert (f.code, f.severity) == ("Z001", "warning")
    assert "suppresses nothing" in f.message
    assert f.path == "strategy.yaml" and f.column is not None and f.column > 1


def test_suppression_naming_an_unknown_rule_is_reported(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[P001, P0O1] typo")
    [f] = run(load(root), EXAMPLE_TODAY).findings
    assert f.code == "Z001" and "`P0O1`, which is not a rule" in f.message


def test_unused_suppression_of_a_deselected_rule_is_quiet(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[K001]", "[{name: A, meaning: B.}]")
    repo = load(root)
    assert run(repo, EXAMPLE_TODAY, load_config(repo, ignore=["K001"])).findings == []


def test_a_crashing_rule_becomes_one_finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(ctx: object) -> object:
        raise RuntimeError("kaboom")
        yield  # pragma: no cover

    broken = RuleInfo("Q900", "broken", "warning", "§0", (), "Broken.", "Broken.", check=boom)  # type: ignore[arg-type]
    monkeypatch.setattr(checker, "all_rules", lambda: [broken])
    repo = _repo(tmp_path)
    [f] = run(repo, EXAMPLE_TODAY, load_config(repo)).findings
    assert f.code == "Z002" and f.severity == "error"
    assert "Q900 (broken)" in f.message and "kaboom" in f.message


def test_loader_findings_pass_through_and_rules_skip_invalid_strategy(tmp_path: Path) -> None:
    materialise(tmp_path, "")
    path = tmp_path / "strategy.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "titel:"), encoding="utf-8")
    repo = load(tmp_path)
    assert repo.strategy is None
    codes = {f.code for f in run(repo, EXAMPLE_TODAY).findings}
    assert "F002" in codes
    assert "Z002" not in codes


def test_loader_findings_can_be_reconfigured(tmp_path: Path) -> None:
    block = "# strategy.yaml\ncheck:\n  severity:\n    unknown-reference: warning\n"
    block += "# initiatives/online-booking.yaml\ndepends_on: [nowhere]\n"
    result = run(_repo(tmp_path, block), EXAMPLE_TODAY)
    assert [(f.code, f.severity) for f in result.findings] == [("F005", "warning")]


# --- through the command line -------------------------------------------------------------

ENV = command_env(NO_COLOR="1", DIGISTRAT_TODAY=EXAMPLE_TODAY.isoformat())


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digistrat", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
    )


def test_exit_codes(tmp_path: Path) -> None:
    clean = materialise(tmp_path / "clean", "")
    assert cli("check", str(clean)).returncode == 0
    long_mission = "We will " + "make things simpler for patients and staff, " * 6 + "together."
    warn = materialise(tmp_path / "warn", f"# strategy.yaml\nmission: {long_mission}\n")
    assert cli("check", str(warn)).returncode == 0
    assert cli("check", str(warn), "--fail-on", "warning").returncode == 1
    bad = materialise(tmp_path / "bad", NO_PRINCIPLES)
    result = cli("check", str(bad))
    assert result.returncode == 1
    assert "P001" in result.stdout and "Traceback" not in result.stderr
    assert cli("check", str(bad), "--ignore", "P001").returncode == 0
    assert cli("check", str(bad), "--select", "K001,C001").returncode == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "yaml"],
        ["--fail-on", "fatal"],
        ["--select", "not-a-rule"],
    ],
)
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    root = materialise(tmp_path, "")
    result = cli("check", str(root), *args)
    assert result.returncode == 2
    assert "error:" in result.stderr and "Traceback" not in result.stderr


def test_bad_configuration_exits_2(tmp_path: Path) -> None:
    root = materialise(tmp_path, _check_block("check:\n  ignore: [nope]\n"))
    result = cli("check", str(root))
    assert result.returncode == 2
    assert "configuration" in result.stderr and "strategy.yaml:" in result.stderr


def test_output_file(tmp_path: Path) -> None:
    root = materialise(tmp_path / "repo", NO_PRINCIPLES)
    out = tmp_path / "report.sarif"
    result = cli("check", str(root), "--format", "sarif", "--output", str(out))
    assert result.returncode == 1 and result.stdout == ""
    assert '"ruleId": "P001"' in out.read_text(encoding="utf-8")


def test_rules_and_explain_commands() -> None:
    listing = cli("rules")
    assert (
        listing.returncode == 0 and "M001" in listing.stdout and "mission-missing" in listing.stdout
    )
    for name in ("C001", "c001", "commitment-without-measure", "F002", "Z001"):
        result = cli("explain", name)
        assert result.returncode == 0, name
        assert "Failing example" in result.stdout or name.startswith(("Z",))
    as_json = cli("rules", "--format", "json")
    assert as_json.returncode == 0 and '"code": "M001"' in as_json.stdout
    assert cli("rules", "--format", "markdown").stdout.startswith("# digistrat rules")
    assert cli("rules", "--format", "yaml").returncode == 2
    unknown = cli("explain", "mision-missing")
    assert unknown.returncode == 2 and "Did you mean `mission-missing`?" in unknown.stderr


# --- the example repositories -------------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
AREAS = {
    "mission": {"M001", "T006"},
    "horizon": {"H001", "H002", "H003", "H004", "H005"},
    "integrated": {"I001", "I002"},
    "user centred": {"U001", "U002", "U003", "U004", "U005", "U006"},
    "useful to teams": {"P001", "P002"},
    "realistic": {"R001", "R002"},
    "focused": {"N001", "N002"},
    "not IT-driven": {"O001", "O002"},
    "not unproven tech": {"T003"},
    "not cookie-cutter": {"T005"},
    "commitments": {"C001", "C002", "C003", "C004", "C005", "C006", "C007", "T001", "T004"},
    "services": {"S001", "S002", "S003", "S004", "S005", "S006", "S007"},
    "choices": {"D001", "D002", "D003", "D004", "F005"},
    "where to start": {"X001", "X002"},
    "system context": {"Y001"},
    "what could go wrong": {"K001", "K002"},
    "owners are people": {"O004"},
}


def _example(name: str) -> Repository:
    if not (EXAMPLES / name / "strategy.yaml").is_file():
        pytest.skip(f"examples/{name} is not present")
    return load(EXAMPLES / name)


def test_good_example_has_no_errors() -> None:
    result = run(_example("riverside"), EXAMPLE_TODAY)
    assert not result.failed("error"), [
        f"{f.path}:{f.line} {f.code} {f.message}" for f in result.findings
    ]


def test_good_example_has_few_warnings_and_none_invented_away() -> None:
    """Riverside passes S002 without inventing take-up for its network (regression), names
    people as owners (O004) and states its kind; a good strategy has few warnings."""
    result = run(_example("riverside"), EXAMPLE_TODAY)
    assert not [f for f in result.findings if f.severity == "error"]
    warnings = [f"{f.path}:{f.line} {f.code} {f.message}" for f in result.findings]
    assert not [w for w in warnings if any(c in w for c in (" S002 ", " O004 ", " Y001 "))]
    # Its plan is honestly over-full: its own dates run 11 initiatives at once against a
    # capacity of 6, so work finishes after two commitments are due and past the horizon,
    # and one on-track commitment trails its line. Those are true findings, kept on purpose
    # (the board paper shows them); anything else is a false alarm.
    realism = {"R004", "R005", "R006", "C009"}
    others = [w for w in warnings if w.split()[1] not in realism]
    assert len(others) <= 3, others
    assert {f.code for f in result.findings} >= {"R004", "R006"}


def test_poor_example_fails_every_area_at_real_lines() -> None:
    repo = _example("wishlist")
    result = run(repo, EXAMPLE_TODAY)
    codes = {f.code for f in result.findings}
    missing = [area for area, area_codes in AREAS.items() if not codes & area_codes]
    assert not missing, f"no finding for: {missing}"
    for f in result.findings:
        assert f.path in repo.files, f
        if f.line is not None:
            assert result.line_text(f.path, f.line) is not None, f


def test_pre_commit_hook_checks_the_whole_repository() -> None:
    import yaml

    hooks = yaml.safe_load((EXAMPLES.parent / ".pre-commit-hooks.yaml").read_text("utf-8"))
    [hook] = hooks
    assert hook["id"] == "digistrat-check"
    assert hook["entry"] == "digistrat check" and hook["language"] == "python"
    assert hook["pass_filenames"] is False


def test_a_missing_key_is_marked_as_missing(tmp_path: Path) -> None:
    repo = _repo(tmp_path, extra={"strategy.yaml": "organisation: O\ntitle: T\n"})
    findings = {f.code: f for f in run(repo, EXAMPLE_TODAY).findings}
    assert findings["M001"].extra == {"missing": "mission"}
    assert (findings["M001"].line, findings["M001"].column) == (1, 1)
    assert run(_repo(tmp_path / "b", NO_PRINCIPLES), EXAMPLE_TODAY).findings[0].extra == {}


def test_suppression_on_a_block_key_line(tmp_path: Path) -> None:
    commitment = (
        "statement: Patients can rebook online.\n"
        "owner: {name: Lee Chan, function: operational}\n"
        "initiatives: [online-booking]\n"
        "measure:  # digistrat: ignore[C013] baseline being measured in the April audit\n"
        "  metric: Appointment changes made online\n"
        "  target: 50\n"
        "due: 2027-03-31\n"
    )
    repo = _repo(tmp_path, extra={"commitments/rebook-online.yaml": commitment})
    result = run(repo, EXAMPLE_TODAY)
    assert result.findings == [] and result.suppressed == 1


def test_output_survives_an_ascii_terminal(tmp_path: Path) -> None:
    root = materialise(tmp_path, NO_PRINCIPLES)
    env = {**ENV, "PYTHONIOENCODING": "ascii"}
    run_ = [sys.executable, "-m", "digistrat", "check", str(root)]
    human = subprocess.run(run_, capture_output=True, timeout=120, env=env)
    assert human.returncode == 1 and b"P001" in human.stdout
    assert b"internal error" not in human.stderr
    sarif = subprocess.run([*run_, "-f", "sarif"], capture_output=True, timeout=120, env=env)
    assert "§1".encode() in sarif.stdout  # machine formats stay UTF-8


def test_an_unusable_scoring_configuration_fails_check(tmp_path: Path) -> None:
    """Q001: check reports what would stop `score`, at the criterion's line."""
    repo = _repo(tmp_path)
    strategy = tmp_path / "strategy.yaml"
    text = strategy.read_text()
    assert "min: 0\n      max: 10" in text
    strategy.write_text(text.replace("min: 0\n      max: 10", "min: 10\n      max: 10", 1))
    found = [f for f in run(load(tmp_path), EXAMPLE_TODAY).findings if f.code == "Q001"]
    assert len(found) == 1 and found[0].severity == "error"
    assert found[0].path == "strategy.yaml" and found[0].line is not None
    assert repo.strategy is not None


def test_q001_can_be_ignored_like_any_rule(tmp_path: Path) -> None:
    materialise(tmp_path, "")
    strategy = tmp_path / "strategy.yaml"
    text = strategy.read_text().replace("min: 0\n      max: 10", "min: 10\n      max: 10", 1)
    strategy.write_text(text + "check:\n  ignore: [scoring-config]\n")
    assert "Q001" not in [f.code for f in run(load(tmp_path), EXAMPLE_TODAY).findings]


def test_no_scoring_block_is_not_a_finding(tmp_path: Path) -> None:
    """Regression: scoring is optional, so a strategy without `scoring:` gets no Q001."""
    materialise(tmp_path, "")
    strategy = tmp_path / "strategy.yaml"
    text = strategy.read_text()
    without = re.sub(r"^scoring:.*\n(?:[ -].*\n)*", "", text, flags=re.M)
    assert without != text and "scoring:" not in without
    strategy.write_text(without)
    repo = load(tmp_path)
    assert repo.strategy is not None and not repo.strategy.scoring.criteria
    codes = [f.code for f in run(repo, EXAMPLE_TODAY).findings]
    assert "Q001" not in codes


def test_a_scoring_block_without_criteria_is_still_reported(tmp_path: Path) -> None:
    """Writing `scoring:` with the weighted model but no criteria is a configuration that
    cannot rank anything: still Q001, still an error."""
    materialise(tmp_path, "# strategy.yaml\nscoring:\n  model: weighted\n")
    found = [f for f in run(load(tmp_path), EXAMPLE_TODAY).findings if f.code == "Q001"]
    assert [f.severity for f in found] == ["error"]
    assert "needs criteria" in found[0].message


def test_an_empty_scoring_block_counts_as_stated(tmp_path: Path) -> None:
    materialise(tmp_path, "# strategy.yaml\nscoring: {}\n")
    assert "Q001" in [f.code for f in run(load(tmp_path), EXAMPLE_TODAY).findings]


def test_rules_for_other_kinds_are_skipped(tmp_path: Path) -> None:
    """A rule with APPLIES_TO runs only for those organisation kinds; unstated is nhs-trust."""
    from digistrat.checker import organisation_kind

    materialise(tmp_path, "# strategy.yaml\nsystem:\norganisation_kind: council\n")
    repo = load(tmp_path)
    assert organisation_kind(repo) == "council"
    result = run(repo, EXAMPLE_TODAY)
    assert "Y001" not in [r.code for r in result.rules_run]
    assert "Y001" not in [f.code for f in result.findings]
    materialise(tmp_path / "trust", "# strategy.yaml\nsystem:\n")
    trust = load(tmp_path / "trust")
    assert organisation_kind(trust) == "nhs-trust"
    assert "Y001" in [f.code for f in run(trust, EXAMPLE_TODAY).findings]


def _rule(code: str, check: object) -> RuleInfo:
    return RuleInfo(code, code.lower(), "warning", "§0", (), "R.", "R.", check=check)  # type: ignore[arg-type]


def test_each_file_is_read_again_once_and_let_go_after_locating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two rules point into the same entry file: it is parsed again once for both findings'
    lines, and its tree is not kept afterwards (thousands of findings would keep thousands)."""
    from digistrat import repository
    from digistrat.rules.base import Violation

    def owner(ctx: object) -> object:
        yield Violation("commitments", "rebook-online", ("owner",), "m1")

    def due(ctx: object) -> object:
        yield Violation("commitments", "rebook-online", ("due",), "m2")
        raise RuntimeError("after one finding")

    monkeypatch.setattr(checker, "all_rules", lambda: [_rule("Q901", owner), _rule("Q902", due)])
    repo = _repo(tmp_path)
    parsed: list[bytes] = []
    real = repository.load_bytes
    monkeypatch.setattr(repository, "load_bytes", lambda raw: parsed.append(raw) or real(raw))
    result = run(repo, EXAMPLE_TODAY, load_config(repo))
    path = "commitments/rebook-online.yaml"
    text = (tmp_path / path).read_text(encoding="utf-8").splitlines()
    found = {f.code: f for f in result.findings}
    assert set(found) == {"Q901", "Q902", "Z002"}  # the finding before the crash is kept
    for code, key in (("Q901", "owner:"), ("Q902", "due:")):
        f = found[code]
        assert f.path == path and f.line is not None and text[f.line - 1].startswith(key)
    assert len(parsed) == 1
    assert repo.files[path].kept is repository.DROPPED


P001 = Finding(
    "P001",
    "principles-missing",
    "error",
    "strategy.yaml",
    19,
    1,
    "the strategy has no guiding principles",
    "Add `principles:`, a handful of memorable rules (each a `name` and a one-line `meaning`) "
    "that help teams decide without asking.",
)


def _z001(column: int, message: str, hint: str, severity: str = "warning") -> Finding:
    return Finding(
        "Z001",
        "unused-suppression",
        severity,
        "strategy.yaml",
        19,
        column,
        message,
        hint,  # type: ignore[arg-type]
    )


def test_a_suppressed_finding_is_withheld_and_counted(tmp_path: Path) -> None:
    result = run(load(_suppressed_repo(tmp_path, "# digistrat: ignore[p001]")), EXAMPLE_TODAY)
    assert (result.findings, result.suppressed, result.withheld) == ([], 1, [P001])


def test_each_unused_name_of_a_suppression_is_reported_in_full(tmp_path: Path) -> None:
    comment = "# digistrat: ignore[P001, K001, P0O1] why"
    root = _suppressed_repo(tmp_path, comment, "[{name: A, meaning: B.}]")
    result = run(load(root), EXAMPLE_TODAY)
    nothing = "Remove it: the problem it hid is gone (or was never on this line)."
    # the column is where the comment starts, after `principles: [...]  `
    assert result.findings == [
        _z001(
            39,
            "the suppression of P001 (principles-missing) suppresses nothing on this line",
            nothing,
        ),
        _z001(
            39, "the suppression of K001 (risks-missing) suppresses nothing on this line", nothing
        ),
        _z001(
            39,
            "the suppression names `P0O1`, which is not a rule",
            "Correct the rule code or name (see `digistrat rules`), or remove it.",
        ),
    ]
    assert (result.suppressed, result.withheld) == (0, [])


def test_a_suppression_naming_nothing_suppresses_nothing(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[ , ] nothing named")
    result = run(load(root), EXAMPLE_TODAY)
    assert result.findings == [
        P001,
        _z001(
            17,
            "this suppression names no rule",
            "Name the rule codes or names to suppress, like `# digistrat: ignore[C006] why`.",
        ),
    ]
    assert result.suppressed == 0


def test_unused_suppressions_follow_the_configuration_of_z001(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[K001]", "[{name: A, meaning: B.}]")
    repo = load(root)
    quiet = run(repo, EXAMPLE_TODAY, load_config(repo, ignore=["Z001"]))
    assert quiet.findings == []
    strategy = root / "strategy.yaml"
    strategy.write_text(strategy.read_text() + "check:\n  severity:\n    Z001: error\n")
    repo = load(root)
    [z001] = run(repo, EXAMPLE_TODAY).findings
    assert (z001.code, z001.severity) == ("Z001", "error")


def test_a_suppression_covers_its_own_line_only(tmp_path: Path) -> None:
    materialise(tmp_path, "")
    strategy = tmp_path / "strategy.yaml"
    text = strategy.read_text()
    start, end = text.index("principles:"), text.index("system:")
    # the comment is on the line before the finding's line
    strategy.write_text(
        text[:start] + "# digistrat: ignore[P001] wrong line\nprinciples: []\n" + text[end:]
    )
    result = run(load(tmp_path), EXAMPLE_TODAY)
    assert [(f.code, f.line) for f in result.findings] == [("Z001", 19), ("P001", 20)]
    assert result.suppressed == 0


def test_a_finding_without_a_line_is_never_suppressed(tmp_path: Path) -> None:
    # K001 (no risks) points at the whole file when `risks:` is absent: line None
    materialise(tmp_path, "")
    strategy = tmp_path / "strategy.yaml"
    text = strategy.read_text()
    start, end = text.index("risks:"), text.index("indicators:")
    strategy.write_text("# digistrat: ignore[K001] top of the file\n" + text[:start] + text[end:])
    findings = run(load(tmp_path), EXAMPLE_TODAY).findings
    assert "K001" in [f.code for f in findings]


def test_per_path_ignores_are_withheld_not_counted_as_suppressed(tmp_path: Path) -> None:
    block = (
        "# strategy.yaml\ncheck:\n  per_path_ignores:\n    'commitments/*.yaml': [C003]\n"
        "# commitments/rebook-online.yaml\ndue:\n"
    )
    result = run(_repo(tmp_path, block), EXAMPLE_TODAY)
    assert result.findings == [] and result.suppressed == 0
    assert [(f.code, f.path) for f in result.withheld] == [
        ("C003", "commitments/rebook-online.yaml")
    ]


def test_a_line_that_only_mentions_digistrat_does_not_stop_the_search(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[P001] agreed in June")
    strategy = root / "strategy.yaml"
    strategy.write_text("# digistrat: this file is checked in CI\n" + strategy.read_text())
    result = run(load(root), EXAMPLE_TODAY)
    assert (result.findings, result.suppressed) == ([], 1)


def test_a_crashing_rule_is_reported_in_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(ctx: object) -> object:
        raise KeyError("horizon")
        yield  # pragma: no cover

    broken = RuleInfo("Q900", "broken", "warning", "§0", (), "Broken.", "Broken.", check=boom)  # type: ignore[arg-type]
    monkeypatch.setattr(checker, "all_rules", lambda: [broken])
    repo = _repo(tmp_path)
    assert run(repo, EXAMPLE_TODAY, load_config(repo)).findings == [
        Finding(
            "Z002",
            "internal-error",
            "error",
            "strategy.yaml",
            None,
            None,
            "the rule Q900 (broken) stopped with an internal error (KeyError: 'horizon'); its "
            "results are missing",
            "This is a bug in digistrat, not in your strategy: please report it. You can switch "
            "the rule off meanwhile with `check: ignore: [Q900]`.",
        )
    ]


def test_withheld_findings_keep_both_kinds_in_file_order(tmp_path: Path) -> None:
    """A finding ignored by `per_path_ignores` and one suppressed inline are both withheld
    (the board paper discloses them), sorted like the findings: the commitment's (suppressed
    inline, found second) before strategy.yaml's (ignored by path, found first)."""
    commitment = (
        "statement: Patients can rebook online.\n"
        "owner: {name: Lee Chan, function: operational}\n"
        "initiatives: [online-booking]\n"
        "measure:  # digistrat: ignore[C013] baseline being measured in the April audit\n"
        "  metric: Appointment changes made online\n"
        "  target: 50\n"
        "due: 2027-03-31\n"
    )
    block = _check_block("check:\n  per_path_ignores:\n    'strategy.yaml': [P001]\n")
    repo = _repo(tmp_path, block, extra={"commitments/rebook-online.yaml": commitment})
    result = run(repo, EXAMPLE_TODAY)
    assert result.findings == [] and result.suppressed == 1
    assert [(f.code, f.path) for f in result.withheld] == [
        ("C013", "commitments/rebook-online.yaml"),
        ("P001", "strategy.yaml"),
    ]


def test_only_what_was_suppressed_is_withheld(tmp_path: Path) -> None:
    root = _suppressed_repo(tmp_path, "# digistrat: ignore[P001] agreed in June")
    strategy = root / "strategy.yaml"
    text = strategy.read_text()
    start, end = text.index("risks:"), text.index("indicators:")
    strategy.write_text(text[:start] + text[end:])
    result = run(load(root), EXAMPLE_TODAY)
    assert [f.code for f in result.findings] == ["K001"]
    assert [f.code for f in result.withheld] == ["P001"] and result.suppressed == 1
