#!/usr/bin/env bash
# Set up a virtual environment in .venv and run digistrat on the bundled example strategy:
# check it, score it, and publish it into ./site.
set -uo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet .
EXAMPLE=examples/riverside
.venv/bin/digistrat check "$EXAMPLE"
.venv/bin/digistrat score "$EXAMPLE"
.venv/bin/digistrat render "$EXAMPLE" --out site
