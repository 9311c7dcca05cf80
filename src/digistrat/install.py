"""Where a strategy repository's CI, pre-commit hook and README install digistrat from.

Everything ``init`` writes installs one exact digistrat: never an unpinned name, which would
run whatever a stranger later publishes under that name (in a job allowed to publish the
site). The source is chosen at ``init`` time with ``--install-from``:

- nothing (the default): ``digistrat==X.Y.Z`` from the Python Package Index, X.Y.Z being the
  version running ``init``;
- ``digistrat==X.Y.Z``: another exact version from the index;
- ``git+https://host/org/digistrat@REF``: a tag or commit of a git repository (the pre-commit
  hook then uses that repository and ``rev: REF`` directly);
- a wheel: ``https://host/digistrat-X.Y.Z-py3-none-any.whl`` or a path such as
  ``vendor/digistrat-X.Y.Z-py3-none-any.whl`` (relative to the strategy repository).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from digistrat import __version__

_SAFE = re.compile(r"[A-Za-z0-9._~:/@+=%#-]+")
_VERSION = re.compile(r"[0-9]+(?:\.[0-9]+)*(?:(?:a|b|rc|\.post|\.dev)[0-9]+)*")
_WHEEL = re.compile(r"digistrat-([0-9][^-]*)-[^/]+\.whl")
_EXAMPLES = (
    "`digistrat==1.2.3`, `git+https://github.com/your-org/digistrat@v1.2.3` or a wheel such as "
    "`vendor/digistrat-1.2.3-py3-none-any.whl`"
)


class InstallSourceError(ValueError):
    """``--install-from`` names no exact, usable digistrat; the message says what would."""


@dataclass(frozen=True, slots=True)
class InstallSource:
    """One pinned digistrat, as the files ``init`` writes install it."""

    requirement: str
    """What ``pip install`` / ``pipx install`` is given, e.g. ``digistrat==0.1.0``."""
    describe: str
    """Plain English, for a comment: what is installed, from where."""
    hook_repo: str | None = None
    """For a git source: the repository pre-commit clones (with ``hook_rev``)."""
    hook_rev: str | None = None
    hook_dependency: str | None = None
    """Otherwise: what a local pre-commit hook installs (None: a wheel path, which pre-commit
    cannot see from its own folder, so the hook runs the digistrat already installed)."""

    @property
    def shell(self) -> str:
        """``requirement`` quoted for a shell (it holds no quote, space or ``$``)."""
        return f'"{self.requirement}"'


def pypi(version: str = __version__) -> InstallSource:
    requirement = f"digistrat=={version}"
    return InstallSource(
        requirement,
        f"digistrat {version} from the Python Package Index (PyPI), pinned to that version",
        hook_dependency=requirement,
    )


def parse(spec: str | None) -> InstallSource:
    """The install source ``spec`` names (None: the running version from PyPI).

    Raises :class:`InstallSourceError` for anything that is not one exact digistrat."""
    if spec is None or spec.strip() == "":
        return pypi()
    spec = spec.strip()
    if "/" not in spec and not spec.startswith("digistrat=="):
        raise InstallSourceError(
            f"`{spec}` does not pin one exact digistrat, so CI would install whatever is "
            f"published under that name later; use a source such as {_EXAMPLES}."
        )
    if not _SAFE.fullmatch(spec):
        raise InstallSourceError(
            f"`{spec}` holds spaces, quotes or other characters a package source does not "
            f"need; use a source such as {_EXAMPLES}."
        )
    if spec.startswith("digistrat=="):
        version = spec.removeprefix("digistrat==")
        if not _VERSION.fullmatch(version):
            raise InstallSourceError(f"`{version}` is not a version number such as 1.2.3.")
        return pypi(version)
    if spec.startswith("git+"):
        return _git(spec)
    if spec.endswith(".whl"):
        return _wheel(spec)
    raise InstallSourceError(
        f"`{spec}` is not a source digistrat can be installed from; use {_EXAMPLES}."
    )


def _git(spec: str) -> InstallSource:
    url = spec.removeprefix("git+").split("#", 1)[0]
    if not url.startswith(("https://", "ssh://", "file://")):
        raise InstallSourceError(
            f"`{spec}`: use an https:// (or ssh://) git address, such as "
            "`git+https://github.com/your-org/digistrat@v1.2.3`; plain http:// can be tampered "
            "with on the way."
        )
    head, _, last = url.rpartition("/")
    name, at, ref = last.partition("@")
    if not at or not ref or not name:
        raise InstallSourceError(
            f"`{spec}` names no tag or commit, so CI would install whatever the default branch "
            f"holds that day; add `@` and a tag or commit, like `{spec}@v{__version__}`."
        )
    repo = f"{head}/{name}"
    return InstallSource(
        f"git+{repo}@{ref}",
        f"digistrat from the git repository {repo}, at {ref}",
        hook_repo=repo,
        hook_rev=ref,
    )


def _wheel(spec: str) -> InstallSource:
    name = spec.rsplit("/", 1)[-1]
    found = _WHEEL.fullmatch(name)
    if not found:
        raise InstallSourceError(
            f"`{name}` is not a digistrat wheel; its name should look like "
            "`digistrat-1.2.3-py3-none-any.whl`."
        )
    if spec.startswith("http://"):
        raise InstallSourceError(
            f"`{spec}`: use an https:// address; plain http:// can be tampered with on the way."
        )
    remote = spec.startswith("https://")
    return InstallSource(
        spec,
        f"the digistrat {found.group(1)} wheel "
        + (f"downloaded from {spec}" if remote else f"at {spec} in this repository"),
        hook_dependency=spec if remote else None,
    )
