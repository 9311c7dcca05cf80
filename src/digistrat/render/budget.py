"""A time and output budget for a repository's own templates.

A repository's templates run in jinja's sandbox (see :mod:`digistrat.render.env`), which keeps
them away from Python's internals but not from running for hours or filling the disk:
``{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}`` is ten
gigabytes. Each page (with what it includes) therefore gets :data:`SECONDS` of time and
:data:`MAX_CHARS` characters of output; past either, rendering stops with
:class:`BudgetExceeded`, which names the template file and line (see :func:`location`).

How it is enforced, through jinja's public sandbox hooks only:

- output is counted as the page is generated (``Template.generate``);
- the clock is looked at on every call, attribute and item the template uses, every 1,000
  numbers of ``range``, and every piece of output; in the main thread a timer also interrupts
  a loop that does none of these;
- ``*``, ``**`` and ``%`` are checked before they run, as are numbers and format strings
  passed to calls and filters, so that no single expression builds a huge value.
"""

from __future__ import annotations

import math
import os
import re
import signal
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from jinja2 import Template, TemplateError, pass_eval_context
from jinja2.sandbox import ImmutableSandboxedEnvironment

SECONDS = 60.0
"""Per page. The slowest page of a 10,000-entity site, ``strategy.md``, took 18.5 s in the
sandbox on a busy two-core machine (the next, ``board.html``, 3.3 s)."""
MAX_CHARS = 64 * 1024 * 1024
"""Per page: 64 MiB of text. The largest page of a 10,000-entity site, ``strategy.md``, is
5.7 MB (the largest HTML page 1.9 MB)."""
GRACE = 1.0
"""The timer rings this long after :data:`SECONDS`: the other checks normally stop a page first."""
_BIG_NUMBER = re.compile(r"\d{9,}")
"""A width or precision of 100,000,000 or more, in a format string (``%0999999999d``)."""


class BudgetExceeded(TemplateError):
    """A repository template used more time or made more output than a page may."""

    template: str | None = None
    """The template's file, when the budget ran out between two lines of its output."""


class _Budget:
    """The clock of the page being rendered (one per thread)."""

    def __init__(self) -> None:
        self.deadline = 0.0
        self.depth = 0


class BudgetedSandbox(ImmutableSandboxedEnvironment):
    """jinja's immutable sandbox, with :data:`SECONDS` and :data:`MAX_CHARS` per page."""

    intercepted_binops = frozenset({"*", "**", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.template_class = BudgetedTemplate
        # the sandbox's own range, limited to MAX_RANGE numbers
        self._limited_range = cast("Callable[..., Iterable[int]]", self.globals["range"])
        self.globals["range"] = self._range
        self._local = threading.local()
        self.filters.update(_bounded_filters(self.filters))

    def budget(self) -> _Budget:
        found: _Budget | None = getattr(self._local, "budget", None)
        if found is None:
            found = self._local.budget = _Budget()
        return found

    def tick(self) -> None:
        """Stop if the page has used its time."""
        budget = self.budget()
        if budget.depth and time.monotonic() > budget.deadline:
            raise _overtime()

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self.tick()
        for value in (*args, *kwargs.values()):
            _check_size(value)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        if attribute in ("format", "format_map") and isinstance(obj, str):
            _check_format(obj)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
                    _check_chars(len(seq) * times)
        elif operator == "**" and _huge_power(left, right):
            raise BudgetExceeded(f"{left} ** {right} is too large a number to work out")
        elif operator == "%" and isinstance(left, str):
            _check_format(left)
        return super().call_binop(context, operator, left, right)

    def _range(self, *args: int) -> Iterator[int]:
        for n, value in enumerate(self._limited_range(*args)):
            if n % 1000 == 0:
                self.tick()
            yield value


class BudgetedTemplate(Template):
    """A template whose :meth:`render` keeps to the page's budget."""

    environment: BudgetedSandbox

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        budget = env.budget()
        with _page(env, budget):
            parts = []
            chars = 0  # a part rendered inside the page counts in the page where it is used
            for piece in self.generate(*args, **kwargs):
                chars += len(piece)
                if chars > MAX_CHARS:
                    exc = BudgetExceeded(
                        f"the page would be more than {MAX_CHARS:,} characters long"
                    )
                    exc.template = self.filename
                    raise exc
                if time.monotonic() > budget.deadline:
                    exc = _overtime()
                    exc.template = self.filename
                    raise exc
                parts.append(piece)
        return "".join(parts)


@contextmanager
def _page(env: BudgetedSandbox, budget: _Budget) -> Iterator[None]:
    """The budget starts with the outermost render (a page), not with what it includes."""
    outermost = budget.depth == 0
    if outermost:
        budget.deadline = time.monotonic() + SECONDS
    budget.depth += 1
    timer = _alarm() if outermost else None
    try:
        with timer if timer is not None else _nothing():
            yield
    finally:
        budget.depth -= 1


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@contextmanager
def _alarm() -> Iterator[None]:
    """In the main thread of a system with timers, interrupt a loop that calls nothing."""
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, None)
    ):
        yield
        return

    def ring(signum: int, frame: object) -> None:
        raise _overtime()

    signal.signal(signal.SIGALRM, ring)
    signal.setitimer(signal.ITIMER_REAL, SECONDS + GRACE)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


def _huge_power(left: Any, right: Any) -> bool:
    """Whether ``left ** right`` has over a million binary digits."""
    if not (isinstance(left, int) and isinstance(right, int)) or abs(left) <= 1 or right <= 0:
        return False
    return right * math.log2(abs(left)) > 1_000_000


def _overtime() -> BudgetExceeded:
    return BudgetExceeded(f"rendering one page took longer than {SECONDS:g} seconds")


def _check_chars(chars: int) -> None:
    if chars > MAX_CHARS:
        raise BudgetExceeded(
            f"an expression would make {chars:,} characters, more than a page may hold"
        )


def _check_size(value: Any) -> None:
    """A number passed to a call or filter (a width, a count) larger than a page may hold."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_CHARS:
        raise BudgetExceeded(f"the number {value:,} is too large to use in a template")


def _check_format(text: str) -> None:
    """A format string with a huge width or precision (``%0999999999d``, ``{:>999999999}``)."""
    for digits in _BIG_NUMBER.findall(text):
        if int(digits) > MAX_CHARS and ("%" in text or "{" in text):
            raise BudgetExceeded(
                f"the format {text[:40]!r} asks for a width of {int(digits):,} characters"
            )


def _bounded_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """jinja's filters that can build a huge string from a small one, checked first (filters
    are called directly, not through :meth:`BudgetedSandbox.call`)."""
    center, indent, replace, fmt = (filters[n] for n in ("center", "indent", "replace", "format"))

    def bounded_center(value: Any, width: int = 80) -> Any:
        _check_size(width)
        return center(value, width)

    def bounded_indent(value: Any, width: Any = 4, *args: Any, **kwargs: Any) -> Any:
        if isinstance(width, str):
            _check_chars(len(width) * (str(value).count("\n") + 1))
        else:
            _check_size(width)
            _check_chars(abs(width) * (str(value).count("\n") + 1))
        return indent(value, width, *args, **kwargs)

    @pass_eval_context
    def bounded_replace(
        context: Any, value: Any, old: Any, new: Any, count: int | None = None
    ) -> Any:
        text, old_text, new_text = str(value), str(old), str(new)
        times = text.count(old_text) if old_text else len(text) + 1
        if count is not None:
            times = min(times, max(count, 0))
        _check_chars(len(text) + times * (len(new_text) - len(old_text)))
        return replace(context, value, old, new, count)

    def bounded_format(value: Any, *args: Any, **kwargs: Any) -> Any:
        _check_format(str(value))
        return fmt(value, *args, **kwargs)

    return {
        "center": bounded_center,
        "indent": bounded_indent,
        "replace": bounded_replace,
        "format": bounded_format,
    }


def location(exc: BaseException, root: Path, ours: Path) -> str | None:
    """``file:line`` of the template line that raised ``exc``, from jinja's rewritten traceback
    (its frames carry the template's file name and line); paths inside the repository are
    shown relative to it, digistrat's own templates as ``digistrat/...``."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        name = frame.filename
        if not name or name.endswith(".py") or name.startswith("<"):
            continue
        return f"{shown(name, root, ours)}:{frame.lineno}"
    return None


def shown(name: str, root: Path, ours: Path) -> str:
    """A template's file name as a user knows it."""
    for base, prefix in ((os.path.realpath(root), ""), (os.path.realpath(ours), "digistrat/")):
        try:
            if os.path.commonpath([base, os.path.realpath(name)]) == base:
                return prefix + Path(os.path.relpath(os.path.realpath(name), base)).as_posix()
        except ValueError:
            continue
    return name
