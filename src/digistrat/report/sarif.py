"""``--format sarif``: SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, IDEs).

The rule list carries each rule's summary and full documentation as help text, and, when the
documentation's address is known (:func:`docs_url`), a ``helpUri`` pointing at the rule's section
of the rules page (``…/rules.md#c001``) and the driver's ``informationUri``. Results point at
URIs relative to the repository root (``uriBaseId: SRCROOT``) with 1-based regions; their message
is full sentences: what is wrong, then how to fix it. Each result carries a ``partialFingerprints``
entry made from the rule, the file and the message, not the line, so a finding keeps its
identity when lines move.
"""

from __future__ import annotations

import json
import os
from importlib import metadata
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from digistrat import __version__
from digistrat.report.common import fingerprints, sentences
from digistrat.rules import RuleInfo, all_rules

if TYPE_CHECKING:
    from digistrat.checker import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "digistrat/v1"
DOCS_ENV = "DIGISTRAT_DOCS_URL"
"""Environment variable naming the rules documentation (the page generated as docs/rules.md)."""


def docs_url() -> str:
    """The address of the rules documentation, ``""`` if unknown.

    ``DIGISTRAT_DOCS_URL`` if set; otherwise the ``Documentation`` entry of the installed
    package's project URLs (``[project.urls]`` in pyproject.toml), if the project declares one.
    No address is made up: without either, SARIF has no ``helpUri`` or ``informationUri``.
    """
    configured = os.environ.get(DOCS_ENV, "").strip()
    if configured:
        return configured
    try:
        urls = metadata.metadata("digistrat").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return ""
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return ""


def help_uri(base: str, code: str) -> str:
    """The address of rule ``code``'s section in the rules page at ``base``."""
    return f"{base.split('#', 1)[0]}#{code.lower()}"


def _rule(rule: RuleInfo, base: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.rationale or rule.summary},
        "help": {"text": rule.doc, "markdown": rule.doc},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.section], "guideSection": rule.section},
    }
    if base:
        out["helpUri"] = help_uri(base, rule.code)
    return out


def message(text: str, hint: str) -> str:
    """The finding and its fix as full sentences, each capitalised and ending with a stop."""
    return sentences(text, hint)


def data(result: CheckResult, base: str | None = None) -> dict[str, Any]:
    """The SARIF document; ``base`` is the rules documentation's address (default
    :func:`docs_url`, ``""`` for none)."""
    docs = docs_url() if base is None else base
    rules = all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for f, fp in zip(result.findings, fingerprints(result.findings), strict=True):
        location: dict[str, Any] = {
            "artifactLocation": {"uri": quote(f.path), "uriBaseId": "SRCROOT"}
        }
        if f.line is not None:
            location["region"] = {"startLine": f.line, "startColumn": f.column or 1}
        item: dict[str, Any] = {
            "ruleId": f.code,
            "level": LEVEL[f.severity],
            "message": {"text": message(f.message, f.hint)},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT: fp},
        }
        if f.code in index:
            item["ruleIndex"] = index[f.code]
        results.append(item)
    driver: dict[str, Any] = {
        "name": "digistrat",
        "version": __version__,
        "semanticVersion": __version__,
    }
    if docs:
        driver["informationUri"] = docs.split("#", 1)[0]
    driver["rules"] = [_rule(r, docs) for r in rules]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": driver},
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(result: CheckResult) -> str:
    return json.dumps(data(result), indent=2, ensure_ascii=False) + "\n"
