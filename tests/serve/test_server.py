"""The preview's web server, run in a thread on a free port: pages with the reload script,
the reload signal, the findings page, a port in use, and an edit seen end to end."""

from __future__ import annotations

import json
import socket
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from digistrat.findings import Finding
from digistrat.serve import server as srv
from digistrat.serve.preview import Preview


@pytest.fixture
def url(preview: Preview) -> Iterator[str]:
    made = srv.make_server(preview, "127.0.0.1", 0)
    thread = threading.Thread(target=made.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{made.server_address[1]}"
    finally:
        made.shutdown()
        made.server_close()
        thread.join()


def get(address: str) -> tuple[str, str]:
    with urllib.request.urlopen(address, timeout=30) as answer:
        return answer.headers["Content-Type"], answer.read().decode("utf-8")


def finding(severity: str = "error") -> Finding:
    return Finding(
        "S001", "some-rule", severity, "services/a.yaml", 7, 3, "a <b> problem", "Fix it & go."
    )  # type: ignore[arg-type]


def test_pages_are_served_with_the_reload_script_the_files_have_none(
    preview: Preview, url: str
) -> None:
    kind, page = get(f"{url}/services/community-nursing.html")
    assert kind.startswith("text/html")
    assert "<h1>Community nursing</h1>" in page
    assert page.index(srv.RELOAD) < page.index("</body>")
    assert f"var seen={preview.signal.generation};" in page
    on_disk = (preview.out / "services/community-nursing.html").read_text(encoding="utf-8")
    assert "<script" not in on_disk
    _, home = get(f"{url}/")  # a folder gives its index.html
    assert srv.RELOAD in home
    kind, css = get(f"{url}/assets/style.css")  # not a page: as it is
    assert "text/css" in kind and srv.RELOAD not in css


def test_the_reload_signal_answers_once_the_pages_change(preview: Preview, url: str) -> None:
    now = preview.signal.generation
    _, answer = get(f"{url}{srv.RELOAD}?since={now - 1}")  # already moved on: at once
    assert json.loads(answer) == {"generation": now}
    preview.signal.bump()
    _, answer = get(f"{url}{srv.RELOAD}?since={now}")
    assert json.loads(answer) == {"generation": now + 1}


def test_the_findings_page_lists_findings_with_file_line_and_hint(
    preview: Preview, url: str
) -> None:
    preview.findings = [finding("warning"), finding()]
    _, page = get(f"{url}{srv.FINDINGS}")
    assert "services/a.yaml:7" in page
    assert "a &lt;b&gt; problem" in page and "Fix it &amp; go." in page
    assert "2 problems, 1 error among them" in page
    assert page.index('class="error"') < page.index('class="warning"')  # errors first
    preview.findings = []
    _, page = get(f"{url}{srv.FINDINGS}")
    assert "finds nothing to fix" in page


def test_a_banner_shows_on_every_page_only_when_there_are_errors(preview: Preview) -> None:
    preview.findings = [finding("warning")]
    assert srv.banner(preview) == ""
    assert b"digistrat-serve-banner" not in srv.inject(b"<body><p>x</p></body>", preview)
    preview.findings = [finding()]
    served = srv.inject(b'<html><body class="a"><p>x</p></body></html>', preview).decode()
    assert served.index('<body class="a">') < served.index("digistrat-serve-banner")
    assert served.index("digistrat-serve-banner") < served.index("<p>x</p>")
    assert "finds 1 error" in served
    preview.problem = "services/a.yaml:3 cannot be read"
    assert "before your last save: services/a.yaml:3 cannot be read" in srv.banner(preview)


def test_a_page_without_a_body_still_gets_the_script(preview: Preview) -> None:
    served = srv.inject(b"<p>bare</p>", preview).decode()
    assert served.startswith("<p>bare</p>") and srv.RELOAD in served


def test_a_port_in_use_is_a_clear_error(preview: Preview) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(srv.ServeError, match=f"already in use.*--port {port + 1}"):
            srv.make_server(preview, "127.0.0.1", port)


def test_an_edit_is_served_after_the_rebuild(preview: Preview, repo: Path, url: str) -> None:
    seen = preview.signal.generation
    path = repo / "services/community-nursing.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: Community nursing", "name: Home care"),
        encoding="utf-8",
    )
    preview.rebuild(["services/community-nursing.yaml"])
    _, answer = get(f"{url}{srv.RELOAD}?since={seen}")
    assert json.loads(answer)["generation"] > seen
    _, page = get(f"{url}/services/community-nursing.html")
    assert "<h1>Home care</h1>" in page
    # then a slip while typing: the last good page is still served, with the banner
    path.write_text(path.read_text(encoding="utf-8") + "oops: [\n", encoding="utf-8")
    preview.rebuild(["services/community-nursing.yaml"])
    _, page = get(f"{url}/services/community-nursing.html")
    assert "<h1>Home care</h1>" in page
    assert "before your last save" in page and "services/community-nursing.yaml:" in page


@pytest.mark.parametrize(("host", "port"), [("bad\0host", 0), ("127.0.0.1", 70000)])
def test_an_address_that_cannot_be_used_is_a_clear_error(
    preview: Preview, host: str, port: int
) -> None:
    with pytest.raises(srv.ServeError, match="Check --host"):
        srv.make_server(preview, host, port)
