"""Run the rule catalogue over a loaded repository and return findings, ready to report.

``run(repo, today, config)`` applies the configuration (selection, severities, per-path
ignores, options), turns each rule's violations into located findings, applies inline
suppressions (``# digistrat: ignore[CODE-or-name, ...] reason``), reports suppressions that
suppress nothing, and turns a rule that crashes into one finding naming it. It never raises
for anything in the repository; only :class:`~digistrat.config.ConfigError` for a bad ``check:``
block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from fnmatch import fnmatchcase
from pathlib import Path

from digistrat.config import Config, load_config
from digistrat.findings import SEVERITY_ORDER, Finding, Severity
from digistrat.loader import STRATEGY_FILE, Repository
from digistrat.models.strategy import DEFAULT_KIND
from digistrat.rules import RuleInfo, all_rules, find
from digistrat.rules.base import Context, Violation
from digistrat.rules.engine_findings import INTERNAL_ERROR, UNUSED_SUPPRESSION
from digistrat.validation import locate

_SUPPRESSION = re.compile(r"#\s*digistrat:\s*ignore\[(?P<names>[^\]]*)\]\s*(?P<reason>.*)$")


@dataclass(slots=True)
class CheckResult:
    """What ``check`` found."""

    root: Path
    findings: list[Finding]
    rules_run: list[RuleInfo] = field(default_factory=list)
    suppressed: int = 0
    files_checked: int = 0
    withheld: list[Finding] = field(default_factory=list)
    """Findings suppressed inline or by ``per_path_ignores`` (the board paper discloses them)."""
    switched_off: list[str] = field(default_factory=list)
    """Codes of the rules that did not run because ``check:`` switched them off."""
    _lines: dict[str, list[str] | None] = field(default_factory=dict, repr=False)

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def failed(self, fail_on: str = "error") -> bool:
        """True if any finding is at or above ``fail_on`` severity."""
        threshold = SEVERITY_ORDER[fail_on]
        return any(SEVERITY_ORDER[f.severity] >= threshold for f in self.findings)

    def line_text(self, path: str, line: int | None) -> str | None:
        """The text of one line of a file (for showing the offending line), if readable."""
        if line is None or not path:
            return None
        if path not in self._lines:
            try:
                text = (self.root / path).read_text(encoding="utf-8", errors="replace")
                self._lines[path] = text.splitlines()
            except OSError:
                self._lines[path] = None
        lines = self._lines[path]
        if lines is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1]


@dataclass(slots=True)
class _Suppression:
    path: str
    line: int
    column: int
    names: list[str]
    used: set[str] = field(default_factory=set)


def _suppressions(repo: Repository) -> dict[tuple[str, int], _Suppression]:
    found: dict[tuple[str, int], _Suppression] = {}
    for path, source in repo.files.items():
        for line, text in source.directives:
            match = _SUPPRESSION.search(text)
            if match is None:
                continue
            names = [n.strip() for n in match["names"].split(",") if n.strip()]
            found[(path, line)] = _Suppression(path, line, match.start() + 1, names)
    return found


_Pending = tuple[RuleInfo, Severity, Violation]
"""A rule's violation, with the severity it is reported at, not yet located."""


def _run_rule(
    rule: RuleInfo, ctx: Context, config: Config
) -> tuple[list[_Pending], Finding | None]:
    """The rule's violations (those found before it failed, if it did), and the finding that
    reports its failure."""
    assert rule.check is not None
    severity = config.severity_of(rule.code, rule.severity)
    out: list[_Pending] = []
    try:
        for v in rule.check(ctx):
            out.append((rule, severity, v))
    except Exception as exc:  # a bug in a rule must not hide every other finding
        return out, Finding(
            INTERNAL_ERROR[0],
            INTERNAL_ERROR[1],
            "error",
            STRATEGY_FILE,
            None,
            None,
            f"the rule {rule.code} ({rule.name}) stopped with an internal error "
            f"({type(exc).__name__}: {exc}); its results are missing",
            "This is a bug in digistrat, not in your strategy: please report it. You can "
            f"switch the rule off meanwhile with `check: ignore: [{rule.code}]`.",
        )
    return out, None


def _located(repo: Repository, pending: list[_Pending]) -> list[Finding]:
    """Findings for the violations, in the same order, located in their files.

    One file at a time: each file findings point into is read again for positions (see
    :attr:`SourceFile.data`) once, its violations located, and its tree let go before the
    next. With thousands of findings, keeping every tree read again until the end held ~15
    MiB more at the peak; locating each violation as its rule found it read some files again
    for each rule."""
    where = [repo.path_of(v.kind, v.ident) for _, _, v in pending]
    by_path: dict[str, list[int]] = {}
    for i, path in enumerate(where):
        by_path.setdefault(path, []).append(i)
    out: list[Finding | None] = [None] * len(pending)
    for path, indexes in by_path.items():
        source = repo.files.get(path)
        data = source.data if source is not None else None
        shown = path or STRATEGY_FILE
        holding = repo.files.get(shown)
        inside = data if shown == path else (holding.data if holding is not None else None)
        for i in indexes:
            rule, severity, v = pending[i]
            pos = locate(data, v.loc, key=True) if source is not None else None
            line, column = pos if pos else (None, None)
            absent = _absent(inside, v.loc)
            out[i] = Finding(
                rule.code,
                rule.name,
                severity,
                shown,
                line,
                column,
                v.message,
                v.hint,
                {"missing": absent} if absent else {},
            )
        for held in (source, holding):
            if held is not None:
                held.let_go()
    return [f for f in out if f is not None]


def _absent(data: object, loc: tuple[str | int, ...]) -> str | None:
    """The first key of ``loc`` that is not in the file (the finding then points at the
    enclosing block, and reports can say the key is missing rather than quote that line)."""
    for step in loc:
        in_map = isinstance(data, dict) and step in data
        in_list = isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data)
        if not (in_map or in_list):
            return str(step)
        data = data[step]  # type: ignore[index]
    return None


def run(repo: Repository, today: date, config: Config | None = None) -> CheckResult:
    """Check ``repo`` as of ``today``. Raises ConfigError only for a bad ``check:`` block."""
    if config is None:
        config = load_config(repo)
    shared: dict[str, object] = {}
    kind = organisation_kind(repo)
    rules = [
        r
        for r in all_rules()
        if r.check is not None
        and config.enabled(r.code)
        and (not r.applies_to or kind in r.applies_to)
    ]
    findings: list[Finding] = []
    for f in repo.findings:
        if config.enabled(f.code):
            level = config.severity_of(f.code, f.severity)
            findings.append(f if level == f.severity else _with_severity(f, level))
    findings.extend(_scoring_config(repo, config))
    pending: list[_Pending] = []
    failures: list[Finding] = []
    for rule in rules:
        options = {k: config.options.get(k, v) for k, v in rule.options.items()}
        ctx = Context(repo=repo, today=today, options=options, shared=shared)
        found, failed = _run_rule(rule, ctx, config)
        pending.extend(found)
        if failed is not None:
            failures.append(failed)
    findings.extend(_located(repo, pending))
    findings.extend(failures)
    withheld: list[Finding] = []
    if config.per_path_ignores:
        withheld = [f for f in findings if _path_ignored(f, config)]
        findings = [f for f in findings if not _path_ignored(f, config)]
    kept, suppressed = _apply_suppressions(repo, findings, config)
    if suppressed:
        still = set(map(id, kept))
        withheld += [f for f in findings if id(f) not in still]
    kept.sort(key=lambda f: f.sort_key)
    withheld.sort(key=lambda f: f.sort_key)
    return CheckResult(
        root=repo.root,
        findings=kept,
        rules_run=rules,
        suppressed=suppressed,
        files_checked=len(repo.files),
        withheld=withheld,
        switched_off=[r.code for r in all_rules() if not config.enabled(r.code)],
    )


def organisation_kind(repo: Repository) -> str:
    """The organisation kind stated in strategy.yaml, or ``nhs-trust`` when it is not stated
    (the guide is written for NHS trusts)."""
    stated = repo.strategy.organisation_kind if repo.strategy is not None else None
    return stated or DEFAULT_KIND


def _scoring_config(repo: Repository, config: Config) -> list[Finding]:
    """Q001: a scoring configuration that `score` could not use fails `check` too, when
    strategy.yaml has a `scoring:` block at all."""
    from digistrat.scoring.config import CONFIG, read

    if repo.strategy is None or not config.enabled(CONFIG[0]):
        return []
    if "scoring" not in repo.strategy.model_fields_set:
        return []  # scoring is optional: `score` says what is missing when someone runs it
    level = config.severity_of(CONFIG[0], "error")
    return [
        f if level == f.severity else _with_severity(f, level)
        for f in read(repo).errors
        if f.code == CONFIG[0]
    ]


def _with_severity(f: Finding, severity: Severity) -> Finding:
    return Finding(
        f.code, f.name, severity, f.path, f.line, f.column, f.message, f.hint, dict(f.extra)
    )


def _path_ignored(f: Finding, config: Config) -> bool:
    return any(
        f.code in codes and fnmatchcase(f.path, glob) for glob, codes in config.per_path_ignores
    )


def _apply_suppressions(
    repo: Repository, findings: list[Finding], config: Config
) -> tuple[list[Finding], int]:
    table = _suppressions(repo)
    if not table:
        return findings, 0
    kept: list[Finding] = []
    suppressed = 0
    for f in findings:
        entry = table.get((f.path, f.line)) if f.line is not None else None
        if entry is not None:
            matched = next((n for n in entry.names if _names(n, f)), None)
            if matched is not None:
                entry.used.add(matched)
                suppressed += 1
                continue
        kept.append(f)
    if config.enabled(UNUSED_SUPPRESSION[0]):
        kept.extend(_unused(table, config))
    return kept, suppressed


def _names(name: str, f: Finding) -> bool:
    low = name.lower()
    return low in (f.code.lower(), f.name.lower())


def _unused(table: dict[tuple[str, int], _Suppression], config: Config) -> list[Finding]:
    out: list[Finding] = []
    severity = config.severity_of(UNUSED_SUPPRESSION[0], "warning")
    for entry in table.values():
        if not entry.names:
            out.append(
                _z001(
                    entry,
                    severity,
                    "this suppression names no rule",
                    "Name the rule "
                    "codes or names to suppress, like `# digistrat: ignore[C006] why`.",
                )
            )
        for name in entry.names:
            if name in entry.used:
                continue
            rule = find(name)
            if rule is None:
                out.append(
                    _z001(
                        entry,
                        severity,
                        f"the suppression names `{name}`, which is not a rule",
                        "Correct the rule code or name (see `digistrat rules`), or remove it.",
                    )
                )
            elif config.enabled(rule.code):
                out.append(
                    _z001(
                        entry,
                        severity,
                        f"the suppression of {rule.code} ({rule.name}) suppresses nothing on "
                        "this line",
                        "Remove it: the problem it hid is gone (or was never on this line).",
                    )
                )
    return out


def _z001(entry: _Suppression, severity: Severity, message: str, hint: str) -> Finding:
    return Finding(
        UNUSED_SUPPRESSION[0],
        UNUSED_SUPPRESSION[1],
        severity,
        entry.path,
        entry.line,
        entry.column,
        message,
        hint,
    )
