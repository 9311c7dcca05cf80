#!/usr/bin/env bash
# A long, on-demand fuzz run: the loader, check, score, plan, render, and progress edits.
#
#   bash scripts/fuzz.sh                               # 4,000 examples per YAML property,
#                                                      # 400 per repository or edit property
#   DIGISTRAT_FUZZ_EXAMPLES=20000 bash scripts/fuzz.sh # longer
#
# Each property prints how many examples it ran. A failure prints the smallest input found and
# a reproduction blob; add that input to tests/hostile/test_regressions.py when fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DIGISTRAT_FUZZ=long
exec .venv/bin/python -m pytest -q -p no:cacheprovider --hypothesis-show-statistics \
    tests/test_fuzz.py tests/test_edit.py::test_any_style_survives_a_progress_update "$@"
