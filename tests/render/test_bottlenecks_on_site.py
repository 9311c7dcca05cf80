"""The site shows each bottleneck's limit and the open initiatives that need it (§10)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from digistrat.loader import load
from digistrat.render import render
from digistrat.rules.examples import materialise

BLOCK = """\
# strategy.yaml
capacity:
  concurrent_initiatives: 3
  bottlenecks:
    - id: information-governance
      name: Information governance
      serves_at_once: 2
    - name: Funding
# initiatives/online-booking.yaml
bottlenecks: [information-governance]
# initiatives/old-work.yaml
name: Old work
category: maintain
status: done
bottlenecks: [information-governance]
"""


def test_bottlenecks_on_the_context_and_initiative_pages(tmp_path: Path) -> None:
    out = tmp_path / "out"
    render(load(materialise(tmp_path / "repo", BLOCK)), out, date(2026, 6, 1))
    context = (out / "context.html").read_text(encoding="utf-8")
    assert "<strong>Information governance</strong> (it can serve 2 initiatives at once)" in (
        context
    )
    needed = context.split("Needed by:", 1)[1].split("</ul>", 1)[0]
    assert "initiatives/online-booking.html" in needed
    assert "old-work" not in needed  # done work no longer needs it
    assert context.count("Needed by:") == 1  # Funding has no id and no limit
    page = (out / "initiatives" / "online-booking.html").read_text(encoding="utf-8")
    assert (
        'Bottlenecks it needs</h2>\n<ul class="list"><li><a href="../context.html#capacity">'
        "Information governance</a></li></ul>" in page
    )
