"""Benchmark ``digistrat serve``: from saving a file to the page being reloadable.

    .venv/bin/python benchmarks/serve.py                      # 1,000 entities, 10 saves
    .venv/bin/python benchmarks/serve.py --entities 10000 --saves 5

On a tree from ``generate.py`` (copied, since the saves edit it), in one process, as ``serve``
runs:

- **full render**: what ``serve`` does at start-up (read every file, run ``check``, render
  every output into a new folder), repeated ``--full`` times. The reference: the ratio of a
  save to it is what to compare between machines.
- **save → reloadable (rebuild)**: the file written, then :meth:`Preview.rebuild` until the
  open page can reload (the signal moves) — the site's affected pages are on disk.
- **save → reloadable (watcher and server)**: the same through the real pieces: the file is
  written, watchfiles notices it, the rebuild runs in the watching thread, and a long poll on
  ``/_digistrat/reload`` (as the page's script makes) answers. Watcher latency included.
- **save → everything**: until ``check``, the board report, poster and document are made
  again too (they follow the reload).

The saves cycle through edits of each kind: a service renamed, an initiative re-scored (the
ranking moves), a commitment's status, a user group's description. Medians are printed, with
every sample, and written as JSON to ``benchmarks/results/``. Target (issue #17): save →
reloadable under 300 ms at 1,000 entities.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-01"
TARGET_MS = 300.0


def tree(entities: int, seed: int, into: Path) -> Path:
    out = into / f"tree-{entities}"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate.py"),
            "--entities",
            str(entities),
            "--seed",
            str(seed),
            "--out",
            str(out),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


class Editor:
    """Edits of each kind, in turn; each changes the file a little more than the last."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.n = 0
        self.files = [
            sorted((root / kind).glob("*.yaml"))[7]
            for kind in ("services", "initiatives", "commitments", "users")
        ]

    def save(self) -> str:
        path = self.files[self.n % len(self.files)]
        self.n += 1
        text = path.read_text(encoding="utf-8")
        kind = path.parent.name
        if kind == "initiatives":
            text = re.sub(
                r"(patient-benefit: )(\d)", lambda m: m[1] + str(int(m[2]) % 5 + 1), text, count=1
            )
        elif kind == "commitments":
            text = re.sub(
                r"^status: \S+",
                f"status: {('on-track', 'at-risk')[self.n % 2]}",
                text,
                count=1,
                flags=re.M,
            )
        else:
            text = re.sub(
                r"^(name: )(.*)$", lambda m: f"{m[1]}{m[2]} {self.n}", text, count=1, flags=re.M
            )
        path.write_text(text, encoding="utf-8")
        return path.relative_to(self.root).as_posix()


def median_ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saves", type=int, default=10, help="saves of each measure")
    parser.add_argument("--full", type=int, default=3, help="full renders for the reference")
    parser.add_argument("--results", default=str(HERE / "results"))
    args = parser.parse_args()
    os.environ["DIGISTRAT_TODAY"] = TODAY

    from digistrat.loader import load
    from digistrat.render import checked, render
    from digistrat.serve.preview import Outcome, Preview
    from digistrat.serve.server import RELOAD, make_server
    from digistrat.serve.watch import follow, watch

    today = date.fromisoformat(TODAY)
    work = Path(tempfile.mkdtemp(prefix="digistrat-bench-serve-"))
    try:
        root = tree(args.entities, args.seed, work)
        full: list[float] = []
        for n in range(args.full):
            began = time.perf_counter()
            repo = load(root)
            render(repo, work / f"full-{n}", today, assured=checked(repo, today))
            full.append(time.perf_counter() - began)

        preview = Preview(root, work / "served", today)
        began = time.perf_counter()
        preview.start()
        started = time.perf_counter() - began
        editor = Editor(root)
        rebuild, everything, pages = [], [], []
        for _ in range(args.saves):
            outcome = preview.rebuild([editor.save()])
            assert not outcome.kept, outcome.reason
            rebuild.append(outcome.reloadable)
            everything.append(outcome.finished)
            pages.append(outcome.pages)

        server = make_server(preview, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        port = server.server_address[1]
        stop = threading.Event()
        done: queue.Queue[Outcome] = queue.Queue()
        watcher = threading.Thread(
            target=follow, args=(preview, watch(root, stop), lambda _, o: done.put(o)), daemon=True
        )
        watcher.start()
        while True:  # until the watcher is watching: a save it sees
            editor.save()
            try:
                done.get(timeout=2)
                break
            except queue.Empty:
                continue
        through = []
        for _ in range(args.saves):
            seen = preview.signal.generation
            began = time.perf_counter()
            editor.save()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{RELOAD}?since={seen}") as r:
                json.loads(r.read())
            through.append(time.perf_counter() - began)
            done.get(timeout=60)  # the whole rebuild over before the next save
        stop.set()
        server.shutdown()
        server.server_close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    reference = statistics.median(full)
    rows = [
        ("full render (load, check, every output)", median_ms(full), None),
        ("serve start-up (the same, into its folder)", round(started * 1000, 1), None),
        ("save → reloadable (rebuild)", median_ms(rebuild), statistics.median(rebuild) / reference),
        (
            "save → reloadable (watcher and server)",
            median_ms(through),
            statistics.median(through) / reference,
        ),
        (
            "save → everything (check, board, poster, document)",
            median_ms(everything),
            statistics.median(everything) / reference,
        ),
    ]
    print(
        f"digistrat serve at {args.entities:,} entities, {args.saves} saves each "
        f"(load average {os.getloadavg()[0]:.1f})"
    )
    for name, ms, ratio in rows:
        shown = f"  {ratio:.3f} of a full render" if ratio is not None else ""
        print(f"  {name:<52} {ms:>8.1f} ms{shown}")
    print(f"  pages made per save: median {statistics.median(pages):.0f}")
    verdict = "met" if median_ms(through) < TARGET_MS else "NOT met"
    print(f"  target: save → reloadable under {TARGET_MS:.0f} ms (watcher and server): {verdict}")

    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    (results / f"serve-{args.entities}-{stamp}.json").write_text(
        json.dumps(
            {
                "entities": args.entities,
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg(),
                "full_render_s": full,
                "start_s": started,
                "save_to_reloadable_rebuild_s": rebuild,
                "save_to_reloadable_watched_s": through,
                "save_to_everything_s": everything,
                "pages_per_save": pages,
            },
            indent=1,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
