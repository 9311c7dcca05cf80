"""Benchmark a system repository: many members of many entities, checked and rendered.

    python benchmarks/system.py                           # 100 members x 1,000 entities
    python benchmarks/system.py --members 10 --repeat 1   # a quick look

The tree (generated once into ``benchmarks/trees/system-<members>x<entities>/``, git-ignored)
is a system repository (a small generated strategy, its ``system.yaml`` and a few system
initiatives) whose members, under ``members/``, are generated repositories of ``--entities``
entities each (``generate.py``, one seed per member). About one initiative in twenty names a
shared priority and one in a hundred waits for a system initiative, so the system rules have
work to do.

Every figure is measured in this run, interleaved, against references measured beside it:

* one member's ``check`` times the number of members: what checking the members one by one
  would cost, start-up and all (the ratio shows what sharing the work across cores and one
  start-up save, and what the system view adds);
* the libyaml floor: one Python process parsing every file of the tree with ``CSafeLoader``.

Peak memory is the largest resident set of any one process (the members are checked in
worker processes, one per core; each holds one member at a time).

Standard library only (plus ``run.py`` beside it).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
from run import LIBYAML_FLOOR, Sample, run_once  # noqa: E402

SYSTEM_INITIATIVES = 5


def build_tree(root: Path, members: int, entities: int) -> Path:
    """Write the system tree (once: a tree already there with the same shape is reused)."""
    stamp = root / ".shape"
    shape = f"{members}x{entities} {generate.__file__ and Path(generate.__file__).stat().st_size}"
    if stamp.is_file() and stamp.read_text() == shape:
        return root
    if root.exists():
        shutil.rmtree(root)
    own = generate.build(200, seed=100_000)
    system_work = sorted(p for p in own if p.startswith("initiatives/"))[:SYSTEM_INITIATIVES]
    work_ids = [Path(p).stem for p in system_work]
    priorities = [generate.slug(x) for x in generate.OBJECTIVES]
    generate.write(own, root)
    lines = ["members:\n"]
    for n in range(members):
        ident = f"m{n:03d}"
        files = generate.build(entities, seed=n + 1)
        for index, path in enumerate(sorted(p for p in files if p.startswith("initiatives/"))):
            if index % 20 == 0:
                files[path] += f"shared_priorities: [{priorities[index % len(priorities)]}]\n"
            if index % 100 == 7:
                files[path] += f"system_depends_on: [{work_ids[index % len(work_ids)]}]\n"
        generate.write(files, root / "members" / ident)
        lines.append(
            f"  - id: {ident}\n    name: Member {n + 1}\n    path: members/{ident}\n"
            f"    site: https://example.org/{ident}/\n"
        )
    (root / "system.yaml").write_text("".join(lines), encoding="utf-8")
    stamp.write_text(shape)
    return root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args(argv)
    digistrat = str(Path(args.python).with_name("digistrat"))
    root = HERE / "trees" / f"system-{args.members}x{args.entities}"
    started = time.perf_counter()
    build_tree(root, args.members, args.entities)
    print(f"tree ready in {time.perf_counter() - started:.0f} s: {root}", file=sys.stderr)
    os.environ["DIGISTRAT_TODAY"] = generate.TODAY.isoformat()
    scratch = Path(tempfile.mkdtemp(prefix="digistrat-system-bench-"))
    rows: dict[str, list[str]] = {
        "libyaml floor (whole tree)": [args.python, "-c", LIBYAML_FLOOR, str(root)],
        "check one member": [digistrat, "check", str(root / "members/m000"), "-f", "concise"],
        "check the system": [digistrat, "check", str(root), "-f", "concise"],
        "render the system (site)": [digistrat, "render", str(root), "--only", "site"],
    }
    samples: dict[str, list[Sample]] = {name: [] for name in rows}
    try:
        for rep in range(args.repeat):
            for name, command in rows.items():
                if "render" in name:
                    command = [*command, "--out", str(scratch / f"out-{rep}")]
                sample = run_once(command)
                samples[name].append(sample)
                print(
                    f"  {name}: {sample.seconds:.2f} s, {sample.peak_mib:.0f} MiB", file=sys.stderr
                )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    median = {name: statistics.median(s.seconds for s in got) for name, got in samples.items()}
    peak = {name: max(s.peak_mib for s in got) for name, got in samples.items()}
    one_by_one = median["check one member"] * args.members
    ratios = {
        f"check the system ÷ (one member's check × {args.members})": median["check the system"]
        / one_by_one,
        "check the system ÷ libyaml floor": median["check the system"]
        / median["libyaml floor (whole tree)"],
        f"render the system ÷ (one member's check × {args.members})": median[
            "render the system (site)"
        ]
        / one_by_one,
        "peak memory: check the system ÷ check one member": peak["check the system"]
        / peak["check one member"],
    }
    print(f"\n{args.members} members × {args.entities} entities, {args.repeat} repetition(s)")
    print(f"{'row':45} {'median s':>9} {'peak MiB':>9}")
    for name in rows:
        print(f"{name:45} {median[name]:9.2f} {peak[name]:9.0f}")
    print()
    for name, value in ratios.items():
        print(f"{name:62} {value:6.2f}")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    (results / f"system-{stamp}.json").write_text(
        json.dumps(
            {
                "members": args.members,
                "entities": args.entities,
                "repeat": args.repeat,
                "machine": platform.platform(),
                "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0,
                "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
                "median_s": median,
                "peak_mib": peak,
                "ratios": ratios,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
