#!/usr/bin/env bash
# A long, on-demand fuzz run of the loader, the checker, scoring and planning.
#
#   bash scripts/fuzz.sh                               # 4,000 examples per property
#   DIGISTRAT_FUZZ_EXAMPLES=20000 bash scripts/fuzz.sh # longer
#
# Each property prints how many examples it ran. A failure prints the smallest input found and
# a reproduction blob; add that input to tests/hostile/test_regressions.py when fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
export DIGISTRAT_FUZZ=long
exec .venv/bin/python -m pytest tests/test_fuzz.py -q -p no:cacheprovider \
    --hypothesis-show-statistics "$@"
