"""The published site in a real browser: headless Chromium from ``file://``, axe-core for
WCAG 2.2 AA, and a check that no page asks for anything over the network.

Needs Chromium (Debian package ``chromium``) and axe-core (from the npm registry; ``.ci/run``
fetches it). Without them these tests are skipped with a message saying what is missing.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
import tarfile
from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.render import render

pytestmark = pytest.mark.browser

TODAY = date(2026, 11, 26)
AXE_VERSION = "4.14.1"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "digistrat-tests"
PAGES = [
    "index.html",
    "priorities.html",
    "roadmap.html",
    "context.html",
    "services/index.html",
    "services/appointments.html",
    "users/patients.html",
    "initiatives/online-appointments.html",
    "commitments/index.html",
    "commitments/change-online.html",
    "board.html",
    "poster.html",
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def _chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _axe() -> Path | None:
    """axe-core's script: DIGISTRAT_AXE_JS, the test cache, or fetched once with npm."""
    given = os.environ.get("DIGISTRAT_AXE_JS")
    if given:
        return Path(given) if Path(given).is_file() else None
    script = CACHE / f"axe-core-{AXE_VERSION}" / "axe.min.js"
    if script.is_file():
        return script
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        packed = subprocess.run(
            [npm, "pack", f"axe-core@{AXE_VERSION}", "--silent", "--pack-destination", str(CACHE)],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout.strip()
        with tarfile.open(CACHE / packed.splitlines()[-1]) as tar:
            member = tar.getmember("package/axe.min.js")
            data = tar.extractfile(member)
            assert data is not None
            script.parent.mkdir(parents=True, exist_ok=True)
            script.write_bytes(data.read())
    except (OSError, subprocess.SubprocessError, KeyError, tarfile.TarError):
        return None
    return script


@pytest.fixture(scope="module")
def browser() -> str:
    found = _chromium()
    if found is None:
        pytest.skip(
            "Chromium is not installed, so the browser tests cannot run. Install the Debian "
            "package `chromium` (apt-get install chromium); CI does this in .ci/run."
        )
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from render_sample import SAMPLE

    from helpers import build_tree

    root = tmp_path_factory.mktemp("browser")
    repo = build_tree(root / "repo", SAMPLE)
    render(load(repo), root / "site", TODAY)
    return root / "site"


def _run(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


RUNNER = """
<script>
window.addEventListener("load", function () {
  axe.run(document, {runOnly: {type: "tag", values:
      ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]})
    .then(function (r) {
      var loaded = performance.getEntriesByType("resource").map(function (e) { return e.name; });
      document.documentElement.setAttribute("data-axe", JSON.stringify({
        violations: r.violations.map(function (v) {
          return {id: v.id, impact: v.impact, help: v.help,
                  nodes: v.nodes.map(function (n) { return n.target.join(" "); })};
        }),
        loaded: loaded
      }));
    });
});
</script>
"""


@pytest.mark.parametrize("page", PAGES)
def test_page_meets_wcag_22_aa_and_loads_nothing_remote(
    browser: str, site: Path, page: str, tmp_path: Path
) -> None:
    _assert_accessible(browser, site / page, tmp_path)


@pytest.mark.parametrize("example", ["riverside", "wishlist"])
def test_board_paper_of_each_example_meets_wcag_22_aa(
    browser: str, example: str, tmp_path: Path
) -> None:
    """The examples' papers have what the sample's has not: concerns, data-quality notes and
    the strategy owner's table."""
    repo = Path(__file__).resolve().parents[2] / "examples" / example
    render(load(repo), tmp_path / "site", TODAY, only=("board",))
    _assert_accessible(browser, tmp_path / "site" / "board.html", tmp_path)


def _assert_accessible(browser: str, original: Path, tmp_path: Path) -> None:
    axe = _axe()
    if axe is None:
        pytest.skip(
            "axe-core is not available: set DIGISTRAT_AXE_JS to axe.min.js, or make npm "
            "able to reach the registry (`npm pack axe-core`)."
        )
    page = original.name
    html = original.read_text(encoding="utf-8")
    inject = f"<script>{axe.read_text(encoding='utf-8')}</script>{RUNNER}"
    copy = original.with_name(original.stem + ".axe-test.html")
    copy.write_text(html.replace("</head>", inject + "</head>", 1), encoding="utf-8")
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
    remote = [u for u in report["loaded"] if not u.startswith("file://")]
    assert remote == []


@pytest.mark.parametrize("page", ["index.html", "services/appointments.html", "board.html"])
def test_page_renders_a_screenshot(browser: str, site: Path, page: str, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    _run(
        browser, tmp_path / "profile", f"--screenshot={shot}", "--window-size=1280,1600",
        (site / page).as_uri(),
    )  # fmt: skip
    assert shot.is_file() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_poster_prints_on_one_a3_page(browser: str, site: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "poster.pdf"
    _run(
        browser, tmp_path / "profile", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
        (site / "poster.html").as_uri(),
    )  # fmt: skip
    data = pdf.read_bytes()
    assert re.search(rb"/Count 1\b", data), "the poster spills onto a second page"
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data).groups())  # type: ignore[union-attr]
    assert (round(width), round(height)) == (842, 1191)  # A3 in points
