"""From the watcher's file events to rebuilds.

:func:`watch` asks watchfiles (a maintained watcher, built on the operating system's own
notifications) for batches of changes under the repository; :func:`follow` hands each batch
to :meth:`digistrat.serve.preview.Preview.rebuild`. They are apart so that tests can feed
``follow`` batches of their own, without waiting on the file system.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from digistrat.serve import affected
from digistrat.serve.preview import Outcome, Preview


def relative(root: Path, changes: Iterable[tuple[object, str]]) -> set[str]:
    """The repository-relative paths (``/`` between folders) of changes that can change the
    site (see :func:`digistrat.serve.affected.relevant`); others are dropped."""
    real = root.resolve()
    found: set[str] = set()
    for _, path in changes:
        where = Path(path)
        for base in (root, real):
            if where.is_relative_to(base):
                rel = where.relative_to(base).as_posix()
                if affected.relevant(rel):
                    found.add(rel)
                break
    return found


def watch(root: Path, stop: threading.Event) -> Iterator[set[str]]:
    """Batches of changed paths under ``root`` until ``stop`` is set (or Ctrl-C, which is
    raised as ``KeyboardInterrupt``).

    A batch ends once 10 ms pass without another change (watchfiles' ``step``; its default,
    50 ms, is most of the wait between a save and the reload: ``benchmarks/serve.py``
    measured 311 ms with 30 ms, 231 ms with 10 ms, at 1,000 entities). An editor's save
    (writing a file, or a temporary one renamed over it) takes well under that."""
    import watchfiles

    for changes in watchfiles.watch(root, stop_event=stop, step=10):
        batch = relative(root, changes)
        if batch:
            yield batch


def follow(
    preview: Preview,
    batches: Iterable[set[str]],
    told: Callable[[set[str], Outcome], None] | None = None,
) -> None:
    """Rebuild after each batch of changes, telling ``told`` what each rebuild did."""
    for batch in batches:
        outcome = preview.rebuild(batch)
        if told is not None:
            told(batch, outcome)
