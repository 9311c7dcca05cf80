#!/usr/bin/env bash
# Mutation testing of one module against the tests that cover it, with mutmut (the `mutation`
# extra: pip install -e '.[test,mutation]').
#
#   scripts/mutation.sh MODULE TEST_FILE...
#   scripts/mutation.sh src/digistrat/rules/graph.py tests/rules/test_graph.py
#   scripts/mutation.sh --core        # the modules and tests recorded in docs/testing.md
#   scripts/mutation.sh --scoring     # scoring/weighted.py, robustness.py, plan.py
#   scripts/mutation.sh --report      # checker suppression and the sarif, junit, json formats
#   scripts/mutation.sh --rule C001 D004 ...   # each rule module against its own test file
#   scripts/mutation.sh --errors      # every rule of error severity, one after another
#
# The run happens in a throw-away copy of the project (mutmut writes a `mutants/` folder and
# its config is read from pyproject.toml), so the worktree is never modified. It prints the
# surviving mutants with their diffs and a summary line per module:
#   MODULE detected/total score% (killed N, timeout N, survived N, no tests N, other N)
# (detected = killed + timeout; "no tests" means no selected test reached the mutated code).
# Environment: JOBS (parallel children, default 1: the machine is shared), KEEP=1 to keep the
# copy for `mutmut show`/`mutmut browse`, VENV (default .venv).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${VENV:-$root/.venv}"
jobs="${JOBS:-1}"

core() {
  "$0" src/digistrat/rules/graph.py tests/rules/test_graph.py \
    tests/rules/test_d001_dependency_cycle.py tests/rules/test_d002_long_dependency_chain.py
  "$0" src/digistrat/rules/s005_measures_stale.py tests/rules/test_s005_measures_stale.py
  "$0" src/digistrat/rules/h002_horizon_length.py tests/rules/test_h002_horizon_length.py
  "$0" src/digistrat/rules/c006_too_many_commitments.py \
    tests/rules/test_c006_too_many_commitments.py
}

scoring() {
  "$0" src/digistrat/scoring/weighted.py tests/scoring/test_weighted.py
  "$0" src/digistrat/scoring/robustness.py tests/scoring/test_robustness.py
  "$0" src/digistrat/scoring/plan.py tests/scoring/test_plan.py
}

report() {
  # The checker against its suppression and configuration tests only: its command tests
  # start Python and would cost minutes per mutant.
  local t=tests/test_checker.py checker_tests=()
  for name in test_ignore_by_code_or_name test_per_path_ignores_with_globs test_inline_suppression \
      test_suppression_of_one_rule_keeps_others test_unused_suppression_is_reported test_suppression_naming_an_unknown_rule_is_reported \
      test_unused_suppression_of_a_deselected_rule_is_quiet test_a_crashing_rule_becomes_one_finding test_suppression_on_a_block_key_line \
      test_q001_can_be_ignored_like_any_rule test_findings_are_located_and_sorted test_select_only_runs_selected_rules \
      test_severity_override test_a_suppressed_finding_is_withheld_and_counted test_each_unused_name_of_a_suppression_is_reported_in_full \
      test_a_suppression_naming_nothing_suppresses_nothing test_unused_suppressions_follow_the_configuration_of_z001 test_a_suppression_covers_its_own_line_only \
      test_a_finding_without_a_line_is_never_suppressed test_per_path_ignores_are_withheld_not_counted_as_suppressed test_a_line_that_only_mentions_digistrat_does_not_stop_the_search \
      test_a_crashing_rule_is_reported_in_full test_withheld_findings_keep_both_kinds_in_file_order test_only_what_was_suppressed_is_withheld; do
    checker_tests+=("$t::$name")
  done
  "$0" src/digistrat/checker.py "${checker_tests[@]}"
  "$0" src/digistrat/report/sarif.py tests/report/test_sarif.py
  "$0" src/digistrat/report/junit.py tests/report/test_junit.py
  "$0" src/digistrat/report/jsonfmt.py tests/report/test_jsonfmt.py
}

rule() {
  # One rule module (found by its code) against its own test file.
  local code module tests
  for code in "$@"; do
    code="${code,,}"
    module=$(ls "$root"/src/digistrat/rules/"${code}"_*.py 2>/dev/null | head -1)
    tests=$(ls "$root"/tests/rules/test_"${code}"_*.py 2>/dev/null | head -1)
    if [[ -z "$module" || -z "$tests" ]]; then
      echo "no rule module or test file for ${code^^}" >&2
      continue
    fi
    "$0" "${module#"$root"/}" "${tests#"$root"/}"
  done
}

# Error-severity rules (tests/rules/test_severities.py), most important first. Q001 and Z002
# are reported by the loader and the checker, not by a rule module of their own.
ERRORS="C001 C002 C003 C005 C007 C012 D004 D005 H001 H003 I001 M001 N001 O001 P001 S004 U001
U002 U005"

case "${1:-}" in
  --core) core; exit ;;
  --scoring) scoring; exit ;;
  --report) report; exit ;;
  --errors) rule $ERRORS; exit ;;
  --rule) shift; rule "$@"; exit ;;
esac
if [[ $# -lt 2 ]]; then
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit 2
fi
module="$1"
shift
[[ -f "$root/$module" ]] || { echo "no such module: $module" >&2; exit 2; }
[[ -x "$venv/bin/mutmut" ]] || {
  echo "mutmut is not installed: $venv/bin/pip install -e '.[test,mutation]'" >&2
  exit 2
}

work="$(mktemp -d "${TMPDIR:-/tmp}/digistrat-mutation.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then
  trap 'rm -rf "$work"' EXIT
fi
cd "$root"
# The files the tests read: the package, the tests, the bundled examples and templates (as
# they are on disk, including new files not yet committed).
git ls-files -z --cached --others --exclude-standard \
  src tests examples templates pyproject.toml | xargs -0 cp --parents -t "$work"

tests=""
for t in "$@"; do tests+="\"$t\", "; done
cat >>"$work/pyproject.toml" <<TOML

[tool.mutmut]
source_paths = ["src"]
only_mutate = ["$module"]
also_copy = ["templates", "examples"]
pytest_add_cli_args = ["-p", "no:randomly", "-p", "no:cacheprovider", "-q"]
pytest_add_cli_args_test_selection = [${tests%, }]
TOML

cd "$work"
start=$(date +%s)
"$venv/bin/mutmut" run --max-children "$jobs" >"$work/run.log" 2>&1 || {
  tail -40 "$work/run.log" >&2
  exit 1
}
seconds=$(($(date +%s) - start))
"$venv/bin/mutmut" results --all true >"$work/results.txt" 2>&1 || true
grep -E ': survived$' "$work/results.txt" | sed 's/: survived$//' | while read -r name; do
  echo "--- survived: $name"
  "$venv/bin/mutmut" show "$name" 2>/dev/null | sed -n '3,$p'
done
"$venv/bin/python" - "$module" "$work/results.txt" "$seconds" <<'PY'
import collections, sys
module, path, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
counts = collections.Counter()
for line in open(path, encoding="utf-8"):
    name, sep, status = line.strip().rpartition(": ")
    if sep and "__mutmut_" in name:
        counts[status] += 1
total = sum(counts.values())
# A mutant that makes the tests hang (timeout) was detected too, as in mutmut's own summary.
detected = counts["killed"] + counts["timeout"]
score = 100 * detected / total if total else 0.0
other = total - detected - counts["survived"] - counts["no tests"]
print(
    f"{module} {detected}/{total} {score:.0f}% (killed {counts['killed']}, "
    f"timeout {counts['timeout']}, survived {counts['survived']}, "
    f"no tests {counts['no tests']}, other {other}) in {seconds} s"
)
PY
[[ "${KEEP:-0}" == 1 ]] && echo "kept: $work"
exit 0
