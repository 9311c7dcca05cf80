"""End to end: a repository in, the published files out (golden files, determinism, safety).

Golden files live in ``tests/render/golden``; regenerate them on purpose with
``DIGISTRAT_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render``, then review the diff.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pytest

from digistrat.loader import load
from digistrat.render import OUTPUTS, RenderError, produce, render

from helpers import build_tree

TODAY = date(2026, 11, 26)
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("DIGISTRAT_UPDATE_GOLDEN") == "1"


def _golden(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        return
    assert path.exists(), f"no golden file {path}; run with DIGISTRAT_UPDATE_GOLDEN=1"
    assert actual.decode("utf-8") == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("output", "golden"),
    [
        ("strategy.md", "strategy.md"),
        ("index.html", "index.html"),
        ("services/appointments.html", "service-appointments.html"),
        ("initiatives/online-appointments.html", "initiative-online-appointments.html"),
        ("commitments/change-online.html", "commitment-change-online.html"),
        ("board.html", "board.html"),
        ("poster.html", "poster.html"),
    ],
)
def test_output_matches_golden_file(sample: Path, output: str, golden: str) -> None:
    files = produce(load(sample), TODAY)
    _golden(golden, files[output])


@pytest.mark.parametrize("example", ["riverside", "wishlist"])
def test_board_paper_of_each_example_matches_golden_file(example: str) -> None:
    """The board paper of the good and the poor example, read by a person when regenerated."""
    repo = Path(__file__).resolve().parents[2] / "examples" / example
    files = produce(load(repo), TODAY, ("board",))
    _golden(f"board-{example}.html", files["board.html"])


def test_every_output_is_produced(sample: Path) -> None:
    files = produce(load(sample), TODAY)
    assert {
        "index.html",
        "priorities.html",
        "roadmap.html",
        "context.html",
        "frameworks.html",  # an NHS trust answers to What Good Looks Like by default
        "services/index.html",
        "services/appointments.html",
        "services/paper-referrals.html",
        "users/index.html",
        "users/patients.html",
        "initiatives/online-appointments.html",
        "initiatives/visit-times.html",
        "initiatives/switch-off-paper.html",
        "commitments/index.html",
        "commitments/change-online.html",
        "assets/style.css",
        "strategy.md",
        "poster.html",
        "board.html",
    } == set(files)


@pytest.mark.parametrize("only", [("site",), ("document",), ("poster",), ("board",)])
def test_only_the_chosen_outputs(sample: Path, only: tuple[str, ...]) -> None:
    files = produce(load(sample), TODAY, only)
    expected = {
        "site": lambda p: p.endswith((".html", ".css")) and p not in ("poster.html", "board.html"),
        "document": lambda p: p == "strategy.md",
        "poster": lambda p: p == "poster.html",
        "board": lambda p: p in ("board.html", "assets/style.css"),
    }[only[0]]
    assert files
    assert all(expected(p) for p in files), sorted(files)


def test_board_alone_does_not_link_to_pages_that_are_not_rendered(sample: Path) -> None:
    board = produce(load(sample), TODAY, ("board",))["board.html"].decode()
    assert 'href="services/' not in board
    assert 'href="index.html"' not in board


def test_links_go_both_ways(sample: Path) -> None:
    files = produce(load(sample), TODAY)
    need_page = files["users/patients.html"].decode()
    initiative = files["initiatives/online-appointments.html"].decode()
    service = files["services/appointments.html"].decode()
    commitment = files["commitments/change-online.html"].decode()
    context = files["context.html"].decode()
    assert 'href="../initiatives/online-appointments.html"' in need_page
    assert 'href="../users/patients.html#need-change-appointment"' in initiative
    assert 'id="need-change-appointment"' in need_page
    assert 'href="../services/appointments.html"' in initiative
    assert 'href="../initiatives/online-appointments.html"' in service
    assert 'href="../commitments/change-online.html"' in initiative
    assert 'href="../initiatives/online-appointments.html"' in commitment
    assert 'href="../context.html#objective-timely-care"' in initiative
    assert 'href="initiatives/online-appointments.html"' in context
    assert 'id="objective-timely-care"' in context


def test_every_relative_link_resolves(sample: Path) -> None:
    files = produce(load(sample), TODAY)
    anchors = {
        path: set(re.findall(r'id="([^"]+)"', data.decode()))
        for path, data in files.items()
        if path.endswith(".html")
    }
    for path, data in files.items():
        if not path.endswith(".html"):
            continue
        base = Path(path).parent
        for href in re.findall(r'href="([^"]+)"', data.decode()):
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            target, _, anchor = href.partition("#")
            resolved = os.path.normpath(base / target).replace(os.sep, "/") if target else path
            assert resolved in files, f"{path}: broken link {href}"
            if anchor:
                assert anchor in anchors[resolved], f"{path}: missing anchor {href}"


def test_pages_make_no_network_requests(sample: Path) -> None:
    """Nothing is loaded from elsewhere: no scripts, no remote styles, fonts or images."""
    for path, data in produce(load(sample), TODAY).items():
        text = data.decode()
        assert "<script" not in text
        assert not re.search(r'(?:src|srcset)=|<link[^>]+href="https?:|url\(', text), path
        assert "@import" not in text


def test_two_renders_are_byte_identical(sample: Path, tmp_path: Path) -> None:
    first = render(load(sample), tmp_path / "a", TODAY)
    second = render(load(sample), tmp_path / "b", TODAY)
    assert first.files == second.files
    for rel in first.files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()


def test_second_render_writes_nothing(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    render(load(sample), out, TODAY)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    again = render(load(sample), out, TODAY)
    assert again.result.written == []
    assert len(again.result.unchanged) == len(again.files)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == before


def test_an_edit_rewrites_only_the_pages_it_touches(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    render(load(sample), out, TODAY)
    path = sample / "services" / "paper-referrals.yaml"
    path.write_text(path.read_text().replace("Paper referrals", "Paper referral forms"))
    again = render(load(sample), out, TODAY)
    assert "services/paper-referrals.html" in again.result.written
    assert "users/index.html" in again.result.unchanged
    assert "commitments/change-online.html" in again.result.unchanged


def test_a_removed_entity_loses_its_page(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    render(load(sample), out, TODAY)
    (sample / "initiatives" / "switch-off-paper.yaml").unlink()
    again = render(load(sample), out, TODAY)
    assert again.result.removed == ["initiatives/switch-off-paper.html"]
    assert not (out / "initiatives" / "switch-off-paper.html").exists()


def test_no_strategy_is_a_clear_error(tmp_path: Path) -> None:
    repo = build_tree(tmp_path, {"strategy.yaml": "title: no organisation\n"})
    with pytest.raises(RenderError, match=r"strategy\.yaml"):
        produce(load(repo), TODAY)


def test_all_outputs_by_default() -> None:
    assert OUTPUTS == ("site", "document", "poster", "board")


def test_a_user_template_overrides_one_block(sample: Path) -> None:
    build_tree(
        sample,
        {
            "templates/site/service.html": """
                {% extends "digistrat/site/service.html" %}
                {% block users %}<p class="mine">Ask {{ service.owner.name }}</p>{% endblock %}
            """
        },
    )
    files = produce(load(sample), TODAY, ("site",))
    page = files["services/appointments.html"].decode()
    assert '<p class="mine">Ask Ria Shah</p>' in page
    assert "How the service performs" in page  # the other blocks are still ours
    assert "Who uses it" not in page


def test_user_templates_are_still_escaped_and_sandboxed(sample: Path) -> None:
    (sample / "services" / "appointments.yaml").write_text(
        (sample / "services" / "appointments.yaml")
        .read_text()
        .replace("name: Community appointments", "name: <b>bold</b>")
    )
    build_tree(sample, {"templates/site/service.html": "{{ service.name }}"})
    page = produce(load(sample), TODAY, ("site",))["services/appointments.html"].decode()
    assert page == "&lt;b&gt;bold&lt;/b&gt;"
    build_tree(sample, {"templates/site/service.html": "{{ ''.__class__.__mro__ }}"})
    with pytest.raises(RenderError, match="template"):
        produce(load(sample), TODAY, ("site",))


def test_rendering_one_output_leaves_the_others_alone(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    render(load(sample), out, TODAY)
    again = render(load(sample), out, TODAY, ("document",))
    assert again.result.removed == []
    assert (out / "index.html").is_file() and (out / "board.html").is_file()
    (sample / "initiatives" / "switch-off-paper.yaml").unlink()
    site_only = render(load(sample), out, TODAY, ("site",))
    assert site_only.result.removed == ["initiatives/switch-off-paper.html"]
    assert (out / "strategy.md").is_file() and (out / "poster.html").is_file()
    final = render(load(sample), out, TODAY)  # everything still recognised as ours
    assert "board.html" in final.result.written or "board.html" in final.result.unchanged


def test_value_effort_matrix_names_each_quadrant(sample: Path) -> None:
    page = produce(load(sample), TODAY, ("site",))["priorities.html"].decode()
    table = page[page.index('id="matrix-caption"') :]
    row = re.search(r"Change appointments online</th>.*?</tr>", table, re.S)
    assert row and "Quick win" in row.group(0)
    assert 'role="img"' in page and "<title" in page and "<desc" in page


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="rendering in two processes needs fork")
def test_two_processes_write_exactly_what_one_does(sample: Path, tmp_path: Path) -> None:
    one = render(load(sample), tmp_path / "one", TODAY, processes=1)
    two = render(load(sample), tmp_path / "two", TODAY, processes=2)
    assert two.files == one.files
    assert two.result == one.result
    assert _tree(tmp_path / "two") == _tree(tmp_path / "one")
    again = render(load(sample), tmp_path / "two", TODAY, processes=2)
    assert again.result.written == [] and again.result.unchanged == one.result.written


@pytest.mark.skipif(not hasattr(os, "fork"), reason="rendering in two processes needs fork")
def test_an_error_in_the_second_process_is_reported(sample: Path, tmp_path: Path) -> None:
    build_tree(sample, {"templates/site/service.html": "{{ service.no_such_field }}"})
    out = tmp_path / "site"
    with pytest.raises(RenderError, match="a template failed"):
        render(load(sample), out, TODAY, processes=2)
    # What was written is listed in the manifest, so the next render can replace it.
    (sample / "templates" / "site" / "service.html").unlink()
    again = render(load(sample), out, TODAY, processes=2)
    assert again.result.kept == [] and (out / "services" / "appointments.html").is_file()
    render(load(sample), tmp_path / "fresh", TODAY, processes=1)
    assert _tree(out) == _tree(tmp_path / "fresh")


def test_new_pages_are_readable_by_everyone(sample: Path, tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        render(load(sample), tmp_path / "site", TODAY, processes=1)
    finally:
        os.umask(old)
    assert (tmp_path / "site" / "index.html").stat().st_mode & 0o777 == 0o644


def test_templates_importing_the_macros_get_the_same_markup(sample: Path) -> None:
    build_tree(
        sample,
        {
            "templates/site/service.html": """
                {% extends "digistrat/site/service.html" %}
                {% import "site/macros.html" as mine %}
                {% block breadcrumbs %}{{ mine.back(root, "services/index.html", "Services") }}
                {{ mine.owner(service.owner) }}{{ mine.summary_list([("a", "<b>")]) }}
                {{ mine.initiative_list(ln, site.by_service.get(id, []), "none") }}{% endblock %}
            """
        },
    )
    ours = produce(load(sample), TODAY, ("site",))["services/appointments.html"].decode()
    page = ours[ours.index('<nav class="breadcrumbs"') :]
    assert page.startswith(
        '<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>\n'
        '<li><a href="../index.html">Home</a></li>\n'
        '<li><a href="../services/index.html">Services</a></li>\n</ol></nav>'
    )
    assert 'Ria Shah, Head of Access <span class="muted">(' in page
    assert "<dt>a</dt><dd>&lt;b&gt;</dd>" in page
    assert '<ul class="list">\n  <li><a href="../initiatives/' in page
