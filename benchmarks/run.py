"""Benchmark digistrat against references measured side by side, in one run.

    .venv/bin/python benchmarks/run.py                 # 1k and 10k entities, 5 repetitions
    .venv/bin/python benchmarks/run.py --repeat 3 --sizes 1000

Every figure is the median wall time of whole processes (start-up included), repeated and
interleaved so that a busy machine slows all of them alike; peak memory is each process's
maximum resident set size (``os.wait4``). References on the same tree: an empty Python process,
``import typer``, reading the bytes of every file, parsing every file with PyYAML's libyaml
``CSafeLoader`` in one process (the "libyaml floor"), and ``yamllint``. Ratios against those
references are what to compare between machines; absolute times are noisy on shared hardware.

Trees are generated once by ``generate.py`` into ``benchmarks/trees/`` (git-ignored); results
are printed and written as JSON to ``benchmarks/results/`` (git-ignored). Standard library only,
plus yamllint (the ``bench`` extra; installed here if missing unless ``--no-install``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMATS = ("human", "concise", "json", "sarif", "github", "gitlab", "junit")

READ_ALL = """
import os, sys
n = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f.endswith(".yaml"):
            with open(os.path.join(d, f), "rb") as h:
                n += len(h.read())
"""
LIBYAML_FLOOR = """
import os, sys, yaml
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f.endswith(".yaml"):
            with open(os.path.join(d, f), "rb") as h:
                yaml.load(h.read(), Loader=yaml.CSafeLoader)
"""

TARGETS = {
    "check ÷ libyaml floor (10k)": ("≤", 1.5),
    "check in one process ÷ libyaml floor (10k)": ("≤", 1.5),
    "yamllint ÷ check (10k)": ("≥", 15.0),
    "check growth 10k ÷ 1k": ("≤", 11.0),
    "check peak memory MiB (10k)": ("≤", 100.0),
    "check -f FORMAT ÷ libyaml floor (10k messy)": ("≤", 1.1),
    "check -f FORMAT peak memory MiB (10k messy)": ("≤", 100.0),
    "--version ms": ("≤", 60.0),
    "--help ms": ("≤", 120.0),
    "render s (10k)": ("≤", 3.0),
    "render ÷ libyaml floor (10k)": ("≤", round(3.0 / 1.807, 2)),
    "unchanged re-render: files written (10k)": ("≤", 0.0),
}
"""The issue's targets. Render's is in seconds; as a ratio it is 3 s over the libyaml floor
of this machine's quietest full run (1.807 s at 10k, 11:15 UTC on 2026-11-26), so that a run
on a busier or slower machine can still be judged against it."""


@dataclass
class Sample:
    seconds: float
    peak_mib: float
    exit_code: int
    written: int | None = None


@dataclass
class Bench:
    name: str
    size: str
    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(s.seconds for s in self.samples) if self.samples else float("nan")

    @property
    def peak(self) -> float:
        return max((s.peak_mib for s in self.samples), default=float("nan"))

    @property
    def codes(self) -> str:
        return ",".join(sorted({str(s.exit_code) for s in self.samples}))


TIME = "/usr/bin/time"
"""GNU time, when present, reports the child's own peak RSS; ``os.wait4`` alone would report
at least the size of this runner, because the child starts as a fork of it."""


MEMORY = Path("/dev/shm")
"""A file system in memory (Linux): a render there shows digistrat's own time, whatever
state the disk is in."""
OUT = "<out>"
"""Stands for the render's out folder in a command line (a new one each repetition)."""


def run_once(argv: list[str], cwd: Path | None = None) -> Sample:
    """Run one process to completion: wall time, its own peak RSS, exit code."""
    wrap = os.access(TIME, os.X_OK)
    peak_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"digistrat-bench-{os.getpid()}.rss"
    full = [TIME, "-q", "-f", "%M", "-o", str(peak_file), *argv] if wrap else argv
    start = time.perf_counter()
    proc = subprocess.Popen(
        full, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert proc.stderr is not None
    err = proc.stderr.read()  # small in practice; read before waiting so the pipe cannot fill
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    proc.stderr.close()
    peak_kib = float(usage.ru_maxrss)  # KiB on Linux
    if wrap:
        text = peak_file.read_text().strip().splitlines() if peak_file.exists() else []
        peak_kib = float(text[-1]) if text and text[-1].isdigit() else peak_kib
        peak_file.unlink(missing_ok=True)
    if code not in (0, 1):
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        print(f"  ! {' '.join(argv[:3])}… exited {code}: {' | '.join(tail)}", file=sys.stderr)
    return Sample(seconds, peak_kib / 1024, code)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every file under ``folder``, to count what a render wrote."""
    out: dict[str, tuple[int, int]] = {}
    for dirpath, _, files in os.walk(folder):
        for name in files:
            st = os.stat(os.path.join(dirpath, name))
            out[os.path.join(dirpath, name)] = (st.st_mtime_ns, st.st_size)
    return out


def generator_digest() -> str:
    return hashlib.sha256((HERE / "generate.py").read_bytes()).hexdigest()[:12]


def ensure_tree(trees: Path, python: str, entities: int, seed: int, defects: float) -> Path:
    """Generate a tree unless an identical one (same generator, same arguments) exists."""
    return ensure_tree_with(trees, python, entities, seed, defects)


def ensure_tree_with(
    trees: Path, python: str, entities: int, seed: int, defects: float = 0.0, messy: float = 0.0
) -> Path:
    """:func:`ensure_tree`, also with ``--messy`` (a big messy strategy: many rule findings)."""
    name = f"{entities}-seed{seed}" + (f"-defects{defects:g}" if defects else "")
    name += f"-messy{messy:g}" if messy else ""
    out = trees / name
    stamp = f"{generator_digest()} {entities} {seed} {defects} {messy}"
    if (out / ".generated").is_file() and (out / ".generated").read_text() == stamp:
        return out
    print(f"generating {out} …", file=sys.stderr)
    argv = [python, str(HERE / "generate.py"), "--entities", str(entities), "--seed", str(seed)]
    argv += ["--defects", str(defects), "--messy", str(messy), "--out", str(out), "--force"]
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    (out / ".generated").write_text(stamp)
    return out


def find_tool(python: str, name: str) -> str | None:
    beside = Path(python).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def ensure_yamllint(python: str, install: bool) -> str | None:
    tool = find_tool(python, "yamllint")
    if tool or not install:
        return tool
    print("installing yamllint (the `bench` extra) …", file=sys.stderr)
    done = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "yamllint>=1.35"], check=False
    ).returncode
    return find_tool(python, "yamllint") if done == 0 else None


def commands_available(digistrat: str) -> set[str]:
    """The sub-commands this digistrat has, read from its --help."""
    text = subprocess.run([digistrat, "--help"], capture_output=True, text=True).stdout
    names, in_commands = set(), False
    for line in text.splitlines():
        if line.strip().startswith("Commands:"):
            in_commands = True
        elif in_commands and line.startswith("  ") and line.strip():
            names.add(line.split()[0])
    return names


def compile_bytecode(python: str) -> None:
    """Compile digistrat's modules, as ``pip install .`` does when it installs them. An
    editable install never does, and with ``PYTHONDONTWRITEBYTECODE`` set (as on some build
    machines) every run would compile the sources again (~0.1 s more per command)."""
    where = "import digistrat, os; print(os.path.dirname(digistrat.__file__))"
    found = subprocess.run([python, "-c", where], capture_output=True, text=True, check=False)
    if found.returncode == 0 and found.stdout.strip():
        subprocess.run([python, "-m", "compileall", "-q", found.stdout.strip()], check=False)


def warm_templates(digistrat: str, tree: Path) -> None:
    """Render once, untimed, so that jinja's compiled templates are in digistrat's cache, as
    they are after a user's first render (see :mod:`digistrat.render.cache`); the row
    "digistrat render (unchanged, templates not cached)" shows a render without them."""
    with tempfile.TemporaryDirectory() as scratch:
        argv = [digistrat, "render", str(tree), "--out", str(Path(scratch) / "site")]
        subprocess.run(argv, capture_output=True, check=False)


def measure(args: argparse.Namespace) -> dict[str, object]:
    python = args.python
    digistrat = find_tool(python, "digistrat")
    if digistrat is None:
        raise SystemExit("digistrat is not installed beside this Python: pip install -e .")
    compile_bytecode(python)
    yamllint = ensure_yamllint(python, not args.no_install)
    available = commands_available(digistrat)
    notes: list[str] = []
    if yamllint is None:
        notes.append("yamllint is not installed: its comparison is skipped")
    for command in ("check", "score", "render"):
        if command not in available:
            notes.append(f"`digistrat {command}` does not exist yet: skipped")
    for command in args.skip:
        available.discard(command)
        notes.append(f"`{command}` skipped (--skip)")
    if "yamllint" in args.skip:
        yamllint = None

    trees = Path(args.trees)
    sizes = {f"{n // 1000}k" if n % 1000 == 0 else str(n): n for n in args.sizes}
    benches: list[Bench] = [
        Bench("python -c pass", "-", [python, "-c", "pass"]),
        Bench("python -c 'import typer'", "-", [python, "-c", "import typer"]),
        Bench("digistrat --version", "-", [digistrat, "--version"]),
        Bench("digistrat --help", "-", [digistrat, "--help"]),
    ]
    renders: dict[str, tuple[Path, Path]] = {}
    env_today = {"DIGISTRAT_TODAY": "2026-11-01"}  # reproducible rule results
    os.environ.update(env_today)
    for label, n in sizes.items():
        tree = ensure_tree(trees, python, n, args.seed, 0.0)
        t = str(tree)
        benches += [
            Bench("read all files", label, [python, "-c", READ_ALL, t]),
            Bench("libyaml floor (CSafeLoader)", label, [python, "-c", LIBYAML_FLOOR, t]),
        ]
        if "check" in available:
            benches.append(Bench("digistrat check", label, [digistrat, "check", t]))
            if n == max(args.sizes):  # the same, kept to one core (the floor uses one)
                one = ["env", "DIGISTRAT_PROCESSES=1", digistrat, "check", t]
                benches.append(Bench("digistrat check (one process)", label, one))
        if "score" in available:
            benches.append(Bench("digistrat score", label, [digistrat, "score", t]))
        if "render" in available:
            out = trees / f"site-{label}"
            renders[label] = (tree, out)
            argv = [digistrat, "render", t, "--out", OUT]
            benches.append(Bench("digistrat render", label, argv))
            benches.append(Bench("digistrat render (unchanged)", label, list(argv)))
            if n == max(args.sizes) and MEMORY.is_dir():  # digistrat's time without the disk's
                benches.append(Bench("digistrat render (in memory)", label, list(argv)))
            if n == max(args.sizes):  # as unchanged, jinja compiling every template again
                cold = ["env", "DIGISTRAT_CACHE_DIR=", *argv]
                name = "digistrat render (unchanged, templates not cached)"
                benches.append(Bench(name, label, cold))
        if yamllint is not None:
            benches.append(Bench("yamllint", label, [yamllint, "-f", "parsable", t]))
    if args.messy and "check" in available:  # a big messy strategy: thousands of findings
        n = max(args.sizes)
        tree = ensure_tree_with(trees, python, n, args.seed, messy=args.messy)
        label = (f"{n // 1000}k" if n % 1000 == 0 else str(n)) + " messy"
        benches.append(
            Bench("libyaml floor (CSafeLoader)", label, [python, "-c", LIBYAML_FLOOR, str(tree)])
        )
        for fmt in FORMATS:
            argv = [digistrat, "check", str(tree), "--format", fmt]
            benches.append(Bench(f"digistrat check -f {fmt}", label, argv))
    if args.defects and "check" in available:
        n = max(args.sizes)
        tree = ensure_tree(trees, python, n, args.seed, args.defects)
        label = f"{n // 1000}k+{args.defects:.0%} defects"
        benches.append(Bench("digistrat check", label, [digistrat, "check", str(tree)]))

    for _, out in renders.values():  # what an earlier run left
        shutil.rmtree(out, ignore_errors=True)
    if renders:
        warm_templates(digistrat, min(renders.items(), key=lambda kv: sizes[kv[0]])[1][0])
    for rep in range(args.repeat):
        print(f"repetition {rep + 1}/{args.repeat} …", file=sys.stderr)
        for bench in benches:
            if bench.name == "yamllint" and rep >= args.yamllint_repeat:
                continue
            if bench.name == "digistrat render (in memory)":
                out = MEMORY / f"digistrat-bench-{os.getpid()}-{rep + 1}"
                shutil.rmtree(out, ignore_errors=True)
                sample = run_once([str(out) if a == OUT else a for a in bench.argv])
                shutil.rmtree(out, ignore_errors=True)
            elif bench.name.startswith("digistrat render"):
                # Each repetition renders into a new folder, the unchanged render into the same
                # one again; all are deleted at the end. Deleting a 10,000-page site just before
                # rendering one would time the file system instead (see benchmarks/README.md).
                out = renders[bench.size][1] / f"repetition-{rep + 1}"
                argv = [str(out) if a == OUT else a for a in bench.argv]
                before = snapshot(out)
                sample = run_once(argv)
                after = snapshot(out)
                sample.written = sum(1 for k, v in after.items() if before.get(k) != v)
            else:
                sample = run_once(bench.argv)
            bench.samples.append(sample)
    for _, out in renders.values():
        shutil.rmtree(out, ignore_errors=True)
    return {"benches": benches, "notes": notes}


def figure(benches: list[Bench], name: str, size: str) -> Bench | None:
    return next((b for b in benches if b.name == name and b.size == size and b.samples), None)


def ratios(benches: list[Bench], big: str, small: str) -> dict[str, float]:
    out: dict[str, float] = {}

    def get(name: str, size: str) -> Bench | None:
        return figure(benches, name, size)

    for size in (big, small):
        check, floor = get("digistrat check", size), get("libyaml floor (CSafeLoader)", size)
        if check and floor:
            out[f"check ÷ libyaml floor ({size})"] = check.median / floor.median
        lint = get("yamllint", size)
        if check and lint:
            out[f"yamllint ÷ check ({size})"] = lint.median / check.median
    alone, floor_big = (
        get("digistrat check (one process)", big),
        get("libyaml floor (CSafeLoader)", big),
    )
    if alone and floor_big:
        out[f"check in one process ÷ libyaml floor ({big})"] = alone.median / floor_big.median
    check_big, check_small = get("digistrat check", big), get("digistrat check", small)
    if check_big and check_small and big != small:
        out["check growth 10k ÷ 1k"] = check_big.median / check_small.median
        fb, fs = get("libyaml floor (CSafeLoader)", big), get("libyaml floor (CSafeLoader)", small)
        if fb and fs:
            out["(libyaml floor growth 10k ÷ 1k)"] = fb.median / fs.median
    defective = next(
        (b for b in benches if b.name == "digistrat check" and "defects" in b.size and b.samples),
        None,
    )
    if check_big and defective:
        out[f"check with {defective.size.split('+')[1]} ÷ clean check ({big})"] = (
            defective.median / check_big.median
        )
    if check_big:
        out[f"check peak memory MiB ({big})"] = check_big.peak
    messy = f"{big} messy"
    floor_messy = get("libyaml floor (CSafeLoader)", messy)
    for fmt in FORMATS:
        found = get(f"digistrat check -f {fmt}", messy)
        if found and floor_messy:
            out[f"check -f {fmt} ÷ libyaml floor ({messy})"] = found.median / floor_messy.median
        if found:
            out[f"check -f {fmt} peak memory MiB ({messy})"] = found.peak
    for flag in ("--version", "--help"):
        b = get(f"digistrat {flag}", "-")
        if b:
            out[f"{flag} ms"] = b.median * 1000
    render, again = get("digistrat render", big), get("digistrat render (unchanged)", big)
    if render:
        out[f"render s ({big})"] = render.median
    if again:
        out[f"unchanged re-render: files written ({big})"] = max(
            s.written or 0 for s in again.samples
        )
        out[f"unchanged re-render s ({big})"] = again.median
    in_memory = get("digistrat render (in memory)", big)
    if in_memory:
        out[f"render into memory s ({big})"] = in_memory.median
    if floor_big:
        for label, found in (("render", render), ("unchanged re-render", again)):
            if found:
                out[f"{label} ÷ libyaml floor ({big})"] = found.median / floor_big.median
    return out


def target_of(name: str) -> tuple[str, float] | None:
    """The target for a ratio; one per format is written with FORMAT."""
    for fmt in FORMATS:
        name = name.replace(f"-f {fmt} ", "-f FORMAT ")
    return TARGETS.get(name)


def verdict(name: str, value: float) -> str:
    target = target_of(name)
    if target is None:
        return ""
    op, limit = target
    ok = value <= limit if op == "≤" else value >= limit
    return f"target {op} {limit:g}: {'met' if ok else 'MISSED'}"


def report(benches: list[Bench], found: dict[str, float], notes: list[str]) -> str:
    lines = [
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the end of the run",
        "",
        f"{'benchmark':<34} {'tree':<16} {'median s':>9} {'min s':>8} {'peak MiB':>9} {'exit':>5}"
        f" {'written':>8}",
        "-" * 96,
    ]
    for b in benches:
        if not b.samples:
            continue
        written = (
            max((s.written or 0) for s in b.samples) if b.samples[0].written is not None else ""
        )
        lines.append(
            f"{b.name:<34} {b.size:<16} {b.median:>9.3f} {min(s.seconds for s in b.samples):>8.3f}"
            f" {b.peak:>9.1f} {b.codes:>5} {written!s:>8}"
        )
    lines += ["", f"{'ratio':<44} {'value':>9}  target", "-" * 80]
    for name, value in found.items():
        lines.append(f"{name:<44} {value:>9.2f}  {verdict(name, value)}")
    lines += [f"note: {n}" for n in notes]
    return "\n".join(lines)


def markdown(benches: list[Bench], found: dict[str, float]) -> str:
    """The figures as markdown tables, for benchmarks/README.md ("Results")."""
    rows = ["| benchmark | tree | median s | peak MiB |", "| --- | --- | ---: | ---: |"]
    rows += [
        f"| {b.name} | {b.size} | {b.median:.3f} | {b.peak:.0f} |" for b in benches if b.samples
    ]
    rows += ["", "| ratio | measured | target |", "| --- | ---: | --- |"]
    for name, value in found.items():
        target = target_of(name)
        goal = f"{target[0]} {target[1]:g}" if target else ""
        rows.append(f"| {name} | {value:.2f} | {goal} |")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=5, help="repetitions (median reported)")
    parser.add_argument(
        "--yamllint-repeat", type=int, default=3, help="repetitions of yamllint (it is slow)"
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--defects", type=float, default=0.05, help="also check a defective tree")
    parser.add_argument(
        "--messy", type=float, default=0.3, help="also check a messy tree in every format"
    )
    parser.add_argument("--python", default=sys.executable, help="the Python with digistrat")
    parser.add_argument("--trees", default=str(HERE / "trees"))
    parser.add_argument("--results", default=str(HERE / "results"))
    parser.add_argument("--no-install", action="store_true", help="never pip install yamllint")
    parser.add_argument(
        "--skip",
        type=lambda text: [x for x in text.split(",") if x],
        default=[],
        help="comma-separated: check, score, render, yamllint",
    )
    args = parser.parse_args(argv)
    args.sizes = sorted(set(args.sizes))
    measured = measure(args)
    benches: list[Bench] = measured["benches"]  # type: ignore[assignment]
    notes: list[str] = measured["notes"]  # type: ignore[assignment]
    label = {n: f"{n // 1000}k" if n % 1000 == 0 else str(n) for n in args.sizes}
    found = ratios(benches, label[args.sizes[-1]], label[args.sizes[0]])
    print(report(benches, found, notes))
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    payload = {
        "when_utc": stamp,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "repeat": args.repeat,
        "benches": [asdict(b) | {"median": b.median, "peak_mib": b.peak} for b in benches],
        "ratios": found,
        "targets": {k: f"{op} {v:g}" for k, (op, v) in TARGETS.items()},
        "notes": notes,
    }
    path = results / f"bench-{stamp}.json"
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    path.with_suffix(".md").write_text(markdown(benches, found), encoding="utf-8")
    print(f"\nwrote {path} and {path.with_suffix('.md').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
