"""``system.yaml``: the members of an integrated care system (ICS).

A system repository is an ordinary strategy repository (its ``strategy.yaml`` is the system's
own strategy: the shared priorities are its ``objectives``, and its initiatives and commitments
are the work done once for everyone, such as the shared care record) with one more file beside
``strategy.yaml``: ``system.yaml``, listing the member organisations' repositories.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints, model_validator

from digistrat.models.common import Id, Model, ShortText

SYSTEM_FILE = "system.yaml"

MAX_MEMBERS = 500
"""More members than any integrated care system has (they have 5 to 15 NHS bodies and a few
councils): a longer list is a mistake, and each member costs a check."""

_URL = re.compile(r"^(https|ssh|file)://[^\s]+$")
_REF = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$")
COMMIT = re.compile(r"^[0-9a-f]{7,40}$")

Url = Annotated[str, StringConstraints(max_length=1000)]
Ref = Annotated[str, StringConstraints(max_length=200)]


def url_problem(url: str) -> str | None:
    """Why ``url`` is not a git address digistrat will fetch, or None."""
    if url.startswith("-"):
        return "it starts with `-`, which git would take for an option"
    if not _URL.match(url):
        return "only `https://`, `ssh://` and `file://` addresses are fetched"
    return None


def ref_problem(ref: str) -> str | None:
    """Why ``ref`` is not a tag or commit digistrat will fetch, or None."""
    if ref.startswith("-"):
        return "it starts with `-`, which git would take for an option"
    if not _REF.match(ref) or ".." in ref or ref.endswith((".lock", "/", ".")):
        return "a tag or commit is letters, digits, `.`, `_`, `-` and `/` only"
    return None


class Member(Model):
    """One member organisation of the system and where its strategy repository is."""

    id: Id
    """A short id for the member, like ``riverside``; findings and pages are labelled with it."""
    name: ShortText | None = None
    """The organisation's name (default: ``organisation`` in the member's strategy.yaml)."""
    path: ShortText | None = None
    """A folder holding the member's strategy.yaml, relative to system.yaml (for a member kept
    on this machine, or beside the system repository)."""
    git: Url | None = None
    """The member's git repository (``https://``, ``ssh://`` or ``file://``), fetched
    read-only into digistrat's cache; needs ``ref``."""
    ref: Ref | None = None
    """The tag or commit of ``git`` to read: a fixed point, so every run reads the same files."""
    site: Url | None = None
    """The address of the member's own published strategy site; the system site links to it."""

    @model_validator(mode="after")
    def _one_place(self) -> Member:
        if (self.path is None) == (self.git is None):
            raise ValueError("give either `path` (a folder here) or `git` with `ref`, not both")
        if self.git is not None:
            problem = url_problem(self.git)
            if problem:
                raise ValueError(f"the `git` address cannot be used: {problem}")
            if self.ref is None:
                raise ValueError("a `git` member needs `ref`: the tag or commit to read")
            problem = ref_problem(self.ref)
            if problem:
                raise ValueError(f"the `ref` cannot be used: {problem}")
        elif self.ref is not None:
            raise ValueError("`ref` goes with `git`; a `path` member is read as it is")
        return self


class SystemFile(Model):
    """The members of an integrated care system."""

    members: list[Member]
    """The member organisations, each with a ``path`` or a ``git`` address and ``ref``."""
