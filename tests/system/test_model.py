"""system.yaml's member entries: where a member is, and which git addresses and refs are
refused before git ever runs."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from digistrat.system.model import Member, ref_problem, url_problem


@pytest.mark.parametrize(
    "url",
    ["https://git.example.org/trust/strategy.git", "ssh://git@host/x.git", "file:///srv/x"],
)
def test_addresses_git_may_fetch(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("--upload-pack=touch /tmp/pwned", "option"),
        ("-uhttps://x", "option"),
        ("ext::sh -c touch% /tmp/pwned", "only"),
        ("http://insecure.example.org/x.git", "only"),
        ("git@host:x.git", "only"),
        ("https://host/x y", "only"),
    ],
)
def test_addresses_refused(url: str, why: str) -> None:
    problem = url_problem(url)
    assert problem is not None and why in problem


@pytest.mark.parametrize("ref", ["v2026.11", "release/2026-12", "0123abc", "a" * 40])
def test_refs_accepted(ref: str) -> None:
    assert ref_problem(ref) is None


@pytest.mark.parametrize("ref", ["--orphan", "-x", "a..b", "v1.lock", "tag/", "", "a b", "é"])
def test_refs_refused(ref: str) -> None:
    assert ref_problem(ref) is not None


def test_a_member_is_a_path_or_git_with_a_ref() -> None:
    assert Member(id="a", path="members/a").path == "members/a"
    assert Member(id="a", git="https://h/x.git", ref="v1").ref == "v1"
    for bad in (
        {"id": "a"},
        {"id": "a", "path": "x", "git": "https://h/x.git", "ref": "v1"},
        {"id": "a", "git": "https://h/x.git"},
        {"id": "a", "path": "x", "ref": "v1"},
        {"id": "a", "git": "--upload-pack=x", "ref": "v1"},
        {"id": "a", "git": "https://h/x.git", "ref": "--upload-pack=x"},
        {"id": "Not An Id", "path": "x"},
    ):
        with pytest.raises(ValidationError):
            Member.model_validate(bad)
