"""Which pages of the site an edit affects: the rebuild logic of ``digistrat serve``, pure.

An entity's page shows the entity itself and the names, statuses and links of the entities it
refers to or that refer to it (a service page lists the initiatives that change it; an
initiative page lists its services, needs, dependencies and commitments). So when entry files
change, the pages to make again are:

- the page of every entity whose file changed (added, edited, renamed or deleted);
- the pages of the entities those entities mention, before and after the edit, and of the
  entities that mention them;
- the page of every initiative whose place in the ranking changed (its rank, its score, its
  roadmap bucket, or the number of ranked initiatives), treated as changed itself;
- the pages that summarise entities of the kinds changed (:data:`SUMMARIES`: the list of
  services after a service changed, priorities and roadmap after an initiative did), and
  every other page that is not an entity's own: the home page, the board report, the poster
  and the document summarise the whole strategy.

Anything else (``strategy.yaml``, the repository's configuration, its own templates) can change
any page: :func:`needs_full` says so, and the whole site is made again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from digistrat.models import KINDS
from digistrat.render import ENTITY_TEMPLATES
from digistrat.render.context import Site
from digistrat.render.env import USER_TEMPLATES
from digistrat.render.pages import Page
from digistrat.repository import STRATEGY_FILE

Key = tuple[str, str]
"""(kind, id) of an entity: ``("services", "outpatient-booking")``."""

PAGE_OF_KIND = {kind: kind for kind in KINDS}
"""Entity pages live in a folder named after their kind: ``services/<id>.html``."""


SUMMARIES: dict[str, frozenset[str]] = {
    "priorities.html": frozenset({"initiatives"}),
    "roadmap.html": frozenset({"initiatives"}),
    "context.html": frozenset({"initiatives"}),
    "services/index.html": frozenset({"services"}),
    "users/index.html": frozenset({"users"}),
    "commitments/index.html": frozenset({"commitments"}),
    "glossary.html": frozenset(),
    "assets/style.css": frozenset(),
}
"""Pages that are not an entity's own, with the kinds of entity whose data they show (read
from digistrat's templates: ``site/services.html`` shows only services, say). Re-ranked
initiatives count as changed initiatives. Any other page is made again after every edit."""


def page_of(key: Key) -> str:
    """The path of an entity's own page in the site."""
    kind, ident = key
    return f"{PAGE_OF_KIND[kind]}/{ident}.html"


def entry_file(rel: str) -> bool:
    """Whether a repository-relative path is an entry file (``services/x.yaml``, in any
    folder under a kind's folder)."""
    parts = rel.split("/")
    return (
        len(parts) >= 2
        and parts[0] in KINDS
        and rel.endswith((".yaml", ".yml"))
        and not any(part.startswith(".") for part in parts)  # editors' lock files, as loading
    )


def relevant(rel: str) -> bool:
    """Whether a change to this repository-relative path can change the site at all (the
    rendered ``site/`` folder, README files and the like cannot)."""
    top = rel.split("/", 1)[0]
    if top.startswith("."):  # .git, editors' files
        return False
    return entry_file(rel) or rel == STRATEGY_FILE or top == USER_TEMPLATES


def needs_full(changed: Iterable[str]) -> str | None:
    """Why these changed paths need the whole site made again (None: only affected pages)."""
    for rel in sorted(changed):
        if not entry_file(rel):
            return f"{rel} can change every page"
    return None


def shown_by(site: Site, key: Key) -> set[Key]:
    """The entities whose data the page of ``key`` shows (none if it has no page)."""
    kind, ident = key
    found: set[Key] = set()
    if kind == "services" and ident in site.services:
        found.update(("users", gid) for gid in site.services[ident].users)
        found.update(("initiatives", iid) for iid in site.by_service.get(ident, ()))
    elif kind == "users" and ident in site.users:
        found.update(("services", sid) for sid in site.services_of_user.get(ident, ()))
        for need in site.users[ident].needs:
            found.update(("initiatives", iid) for iid in site.by_need.get(f"{ident}/{need.id}", ()))
    elif kind == "initiatives" and ident in site.initiatives:
        initiative = site.initiatives[ident]
        found.update(("users", ref.split("/", 1)[0]) for ref in initiative.needs)
        found.update(("services", sid) for sid in initiative.services)
        found.update(("initiatives", dep) for dep in initiative.depends_on)
        found.update(("initiatives", dep) for dep in site.dependents.get(ident, ()))
        found.update(("commitments", cid) for cid in site.commitments_of.get(ident, ()))
    elif kind == "commitments" and ident in site.commitments:
        found.update(("initiatives", iid) for iid in site.commitments[ident].initiatives)
    return found


def mentions(site: Site) -> dict[Key, set[Key]]:
    """Every entity page of ``site``, with the entities whose data it shows (see
    :func:`shown_by`).

    Both ways, as the site links both ways: if a service's page shows an initiative, that
    initiative's page shows the service (a test holds this), so the pages that show a changed
    entity are those of the entities it shows."""
    stores: dict[str, Mapping[str, object]] = {
        "services": site.services,
        "users": site.users,
        "initiatives": site.initiatives,
        "commitments": site.commitments,
    }
    keys = [(kind, ident) for kind, store in stores.items() for ident in store]
    return {key: shown_by(site, key) for key in keys}


def reranked(before: Site, after: Site) -> set[Key]:
    """Initiatives whose place in the ranking, as their pages show it, is not what it was."""
    old, new = before.priorities, after.priorities
    ids = set(before.initiatives) | set(after.initiatives)
    if len(old.rows) != len(new.rows):  # "ranked 3 of 41" on every ranked initiative's page
        return {("initiatives", iid) for iid in ids}
    return {
        ("initiatives", iid)
        for iid in ids
        if old.by_id.get(iid) != new.by_id.get(iid)
        or old.bucket_of.get(iid) != new.bucket_of.get(iid)
    }


def changed_entities(
    changed: Iterable[str], before: Mapping[str, Key], after: Mapping[str, Key]
) -> set[Key]:
    """The entities held by the changed files, before and after (``before`` and ``after`` map
    a file's path to the entity it holds)."""
    found: set[Key] = set()
    for rel in changed:
        for held in (before.get(rel), after.get(rel)):
            if held is not None:
                found.add(held)
    return found


def plan(before: Site, after: Site, changed: set[Key], todo: list[Page]) -> list[Page]:
    """Which of the files ``todo`` (all that ``after`` is made of) to make again, once the
    entities ``changed`` changed from ``before`` to ``after``."""
    changed = set(changed) | reranked(before, after)
    touched = set(changed)
    for site in (before, after):  # both ways: see :func:`mentions`
        for key in changed:
            touched.update(shown_by(site, key))
    entity_pages = {page_of(key) for key in touched if key[0] in PAGE_OF_KIND}
    kinds = {kind for kind, _ in changed}
    return [
        page
        for page in todo
        if page.path in entity_pages
        or (
            page.template not in ENTITY_TEMPLATES
            and not SUMMARIES.get(page.path, frozenset(KINDS)).isdisjoint(kinds)
        )
    ]
