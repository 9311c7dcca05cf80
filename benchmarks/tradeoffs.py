"""Does speed machinery earn its place? Measured at the sizes users have, in one run.

    .venv/bin/python benchmarks/tradeoffs.py                    # 300, 3,000, 10,000 entities
    .venv/bin/python benchmarks/tradeoffs.py --sizes 300 3000 --repeat 3

Two questions from issue 18 (item 8), each answered as ratios against a reference measured
beside it, repetitions interleaved so that a busy machine slows every variant alike:

* **YAML parsers.** Parsing every file of a tree already in memory, in a fresh process
  (processor time): PyYAML's ``CSafeLoader`` alone (the reference) and digistrat's libyaml walk
  with positions (``load_bytes``); and yaml-rs for plain files with that walk for the rest, in a
  digistrat that still has it (``yamlio/quick.py``, up to commit d71a307). Then whole
  ``digistrat check`` processes with and without yaml-rs (``sys.modules["yaml_rs"] = None``
  makes it unimportable), again only where it exists.
* **A second process.** Whole ``digistrat check`` processes: one process
  (``DIGISTRAT_PROCESSES=1``, the reference), digistrat's own sharing (``split_map``: its own
  fork protocol up to commit d71a307, the standard library's process pool since), and the
  standard library's ``ProcessPoolExecutor`` with a fixed half each put in its place.

The figures that decided (2 December 2026, at commit d71a307) are in ``docs/benchmarks.md``.

Sizes: a trust has hundreds of entities, an integrated care system a few thousand; 10,000 is
the large case. Trees come from ``generate.py`` (the clean tree and ``--messy 0.3``) into
``benchmarks/trees/``. Wall time is each process's own; processor time is its and its
children's (``os.wait4``). Results are printed as markdown and saved as JSON beside run.py's.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import compile_bytecode, ensure_tree_with  # noqa: E402

CHECK = """
import sys
if sys.argv[1] == "no-yaml-rs":
    sys.modules["yaml_rs"] = None  # import fails: every file goes to libyaml
elif sys.argv[1] == "stdlib-pool":
    import digistrat.loader, digistrat.parallel
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    def _range(lo, hi):
        return [_JOB[1](item) for item in _JOB[0][lo:hi]]

    def pool_map(items, work, meanwhile=None):
        if not digistrat.parallel.worth_sharing(len(items)):
            if meanwhile is not None:
                meanwhile()
            yield from map(work, items)
            return
        global _JOB
        _JOB = (items, work)  # the forked worker sees it: nothing is sent but the range
        half = len(items) // 2
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(1, mp_context=context) as pool:
            back = pool.submit(_range, half, len(items))
            if meanwhile is not None:
                meanwhile()
            yield from map(work, items[:half])
            yield from back.result()

    import __main__
    __main__._range = _range
    digistrat.loader.split_map = pool_map
sys.argv = ["digistrat", *sys.argv[2:]]
from digistrat.entry import main
main()
"""

PARSE = """
import json, os, sys, time, yaml
from digistrat.yamlio import load_bytes
try:
    from digistrat.yamlio.quick import quick_load, HAVE_YAML_RS
except ImportError:
    HAVE_YAML_RS = False
files = []
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f.endswith(".yaml"):
            with open(os.path.join(d, f), "rb") as h:
                files.append(h.read())
ways = {
    "CSafeLoader": lambda raw: yaml.load(raw, Loader=yaml.CSafeLoader),
    "load_bytes": load_bytes,
}
if HAVE_YAML_RS:
    ways["yaml-rs, else load_bytes"] = lambda raw: quick_load(raw) or load_bytes(raw)
out = {}
for name, way in ways.items():
    start = time.process_time()
    for raw in files:
        way(raw)
    out[name] = time.process_time() - start
print(json.dumps(out))
"""


def _has_yaml_rs(python: str) -> bool:
    """Whether this digistrat still reads plain files with yaml-rs (removed in December 2026)."""
    probe = "from digistrat.yamlio.quick import HAVE_YAML_RS as h; print(h)"
    found = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    return found.stdout.strip() == "True"


def run_process(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, processor seconds of it and its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(proc.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 3000, 10000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--trees", default=str(HERE / "trees"))
    parser.add_argument("--results", default=str(HERE / "results"))
    parser.add_argument("--only", choices=("parsers", "processes"), default=None)
    args = parser.parse_args(argv)
    python, trees = args.python, Path(args.trees)
    compile_bytecode(python)  # as an installed copy is: see run.py
    env = dict(os.environ, DIGISTRAT_TODAY="2026-11-01")
    found: dict[str, object] = {}
    lines: list[str] = []

    if args.only in (None, "parsers"):
        table: dict[int, dict[str, list[float]]] = {}
        for _ in range(args.repeat):
            for n in args.sizes:
                tree = ensure_tree_with(trees, python, n, 1)
                text = subprocess.run(
                    [python, "-c", PARSE, str(tree)], env=env, capture_output=True, text=True
                ).stdout
                for name, seconds in json.loads(text).items():
                    table.setdefault(n, {}).setdefault(name, []).append(seconds)
        lines += ["Parsing every file of a tree in memory (processor s, median):", ""]
        lines += ["| entities | way | s | ÷ CSafeLoader |", "| ---: | --- | ---: | ---: |"]
        for n, ways in table.items():
            floor = statistics.median(ways["CSafeLoader"])
            for name, samples in ways.items():
                med = statistics.median(samples)
                lines.append(f"| {n:,} | {name} | {med:.3f} | {med / floor:.2f} |")
        found["parsers"] = table

    variants = {
        "one process": ({"DIGISTRAT_PROCESSES": "1"}, "as-is"),
        "two processes (split_map)": ({}, "as-is"),
        "two processes (stdlib pool, fixed halves)": ({}, "stdlib-pool"),
    }
    if _has_yaml_rs(python):
        variants["one process, no yaml-rs"] = ({"DIGISTRAT_PROCESSES": "1"}, "no-yaml-rs")
    if args.only in (None, "processes"):
        samples: dict[tuple[str, int, str], list[tuple[float, float]]] = {}
        for _ in range(args.repeat):
            for n in args.sizes:
                for messy in (0.0, 0.3):
                    tree = ensure_tree_with(trees, python, n, 1, messy=messy)
                    label = "messy" if messy else "clean"
                    for name, (extra, how) in variants.items():
                        argv = [python, "-c", CHECK, how, "check", str(tree), "-f", "concise"]
                        got = run_process(argv, dict(env, **extra))
                        samples.setdefault((label, n, name), []).append(got)
        lines += ["", "`digistrat check -f concise`, whole processes (median of wall, of CPU):", ""]
        lines += [
            "| tree | entities | variant | wall s | ÷ one process | CPU s |",
            "| --- | ---: | --- | ---: | ---: | ---: |",
        ]
        for (label, n, name), got in samples.items():
            ref = statistics.median(w for w, _ in samples[(label, n, "one process")])
            wall = statistics.median(w for w, _ in got)
            cpu = statistics.median(c for _, c in got)
            row = f"| {label} | {n:,} | {name} | {wall:.3f} | {wall / ref:.2f} | {cpu:.3f} |"
            lines.append(row)
        found["processes"] = {f"{k[0]} {k[1]} {k[2]}": v for k, v in samples.items()}

    print("\n".join(lines))
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    payload = {"when_utc": stamp, "load_average": os.getloadavg(), "found": found}
    path = results / f"tradeoffs-{stamp}.json"
    path.write_text(json.dumps(payload, indent=1, default=str) + "\n", encoding="utf-8")
    path.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"\nwrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
