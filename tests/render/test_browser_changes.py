"""The "What changed" page and a commitment page with its measure over time, in Chromium:
WCAG 2.2 AA with axe-core, as the other pages are (see ``test_browser.py``)."""

from __future__ import annotations

import html as html_lib
import json
import re
from pathlib import Path

import pytest
from test_browser import RUNNER, _axe, _run, browser  # noqa: F401 - browser is a fixture
from test_changes_page import CHANGES

from digistrat.loader import load
from digistrat.render import render

pytestmark = pytest.mark.browser

TODAY = CHANGES.since_day


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from render_sample import SAMPLE

    from helpers import build_tree

    root = tmp_path_factory.mktemp("browser-changes")
    repo = build_tree(root / "repo", SAMPLE)
    render(load(repo), root / "site", TODAY, changes=CHANGES)
    return root / "site"


@pytest.mark.parametrize("page", ["changes.html", "commitments/change-online.html"])
def test_page_meets_wcag_22_aa(browser: str, changed_site: Path, page: str, tmp_path: Path) -> None:  # noqa: F811
    axe = _axe()
    if axe is None:
        pytest.skip("axe-core is not available (see test_browser.py).")
    original = changed_site / page
    text = original.read_text(encoding="utf-8")
    inject = f"<script>{axe.read_text(encoding='utf-8')}</script>{RUNNER}"
    copy = original.with_name(original.stem + ".axe-test.html")
    copy.write_text(text.replace("</head>", inject + "</head>", 1), encoding="utf-8")
    try:
        result = _run(
            browser, tmp_path / "profile", "--virtual-time-budget=20000", "--dump-dom",
            copy.as_uri(),
        )  # fmt: skip
    finally:
        copy.unlink()
    found = re.search(r'data-axe="([^"]*)"', result.stdout)
    assert found, f"axe did not report for {page}: {result.stderr[-2000:]}"
    report = json.loads(html_lib.unescape(found.group(1)))
    assert report["violations"] == [], json.dumps(report["violations"], indent=1)
