"""How long robustness and planning take, against plain ranking of the same initiatives.

    .venv/bin/python benchmarks/score_robustness.py
    .venv/bin/python benchmarks/score_robustness.py --sizes 100 500 --criteria 3 10 12

Repositories are built in memory (no files, so only the scoring itself is measured) with a
fixed seed. For each size and number of criteria it prints the best of ``--repeat`` wall times
for: ``score`` (the reference: run the weighted model and rank), ``robustness`` (rank ranges at
every corner of the ±10-point weight box, or a 1,024-corner seeded sample above ten criteria,
plus the smallest reordering of the top 5) and ``plan`` (which ranks again, then schedules
into quarters with capacity and dependencies). Ratios against ``score`` are what to compare
between machines; absolute times are noisy on shared hardware.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from digistrat.loader import Repository
from digistrat.models import Initiative, Strategy
from digistrat.scoring import plan, robustness, score


def build(n: int, k: int, seed: int = 7) -> Repository:
    rng = random.Random(seed)
    criteria = [
        {"id": f"c{i}", "label": f"Criterion {i}", "weight": rng.randint(1, 5), "max": 10}
        for i in range(k)
    ]
    strategy = Strategy.model_validate(
        {
            "organisation": "Benchmark Trust",
            "title": "Benchmark",
            "capacity": {"concurrent_initiatives": 8, "effort_per_quarter": 40},
            "scoring": {"criteria": criteria},
        }
    )
    ids = [f"initiative-{j}" for j in range(n)]
    initiatives = {}
    for j, ident in enumerate(ids):
        deps = rng.sample(ids[:j], min(j, rng.choice([0, 0, 1, 2])))
        initiatives[ident] = Initiative(
            id=ident,
            name=f"Initiative {j}",
            category=rng.choice(["maintain", "improve", "transform"]),
            status=rng.choice(["proposed", "approved", "proposed", "in-progress", "done"]),
            scores={f"c{i}": rng.randint(0, 10) for i in range(k)},
            effort=rng.randint(1, 12),
            depends_on=deps,
        )
    return Repository(root=Path("."), strategy=strategy, initiatives=initiatives)


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, 1000])
    parser.add_argument("--criteria", type=int, nargs="+", default=[3, 6, 10, 12])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    today = date(2026, 11, 26)
    print(
        f"{'initiatives':>11} {'criteria':>8} {'score ms':>9} {'robustness ms':>14} "
        f"{'x score':>8} {'plan ms':>8} {'x score':>8}"
    )
    for n in args.sizes:
        for k in args.criteria:
            repo = build(n, k)
            ranking = score(repo)
            reference = best(lambda r=repo: score(r), args.repeat)
            robust = best(lambda r=ranking: robustness(r), args.repeat)
            planned = best(lambda r=repo: plan(r, today), args.repeat)
            print(
                f"{n:>11} {k:>8} {reference * 1000:>9.1f} {robust * 1000:>14.1f} "
                f"{robust / reference:>8.2f} {planned * 1000:>8.1f} {planned / reference:>8.2f}"
            )


if __name__ == "__main__":
    main()
