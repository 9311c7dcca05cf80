"""Loader behaviour that exists for speed or memory, checked for correctness."""

from __future__ import annotations

import gc
from pathlib import Path

from digistrat.loader import load

from helpers import build_tree

SERVICE = """
name: {name}
kind: care
owner:
  name: A Person
  function: clinical
"""


def test_models_given_the_same_fields_share_one_fields_set(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: Trust\ntitle: Strategy\n",
            "services/a.yaml": SERVICE.format(name="A"),
            "services/b.yaml": SERVICE.format(name="B"),
            "services/c.yaml": "name: C\nkind: care\nteam: Team C\n",
        },
    )
    repo = load(root)
    a, b, c = (repo.services[x] for x in "abc")
    assert a.model_fields_set is b.model_fields_set
    assert a.owner is not None and b.owner is not None
    assert a.owner.model_fields_set is b.owner.model_fields_set
    assert c.model_fields_set == {"id", "name", "kind", "team"}
    assert a.model_dump(exclude_unset=True)["owner"] == {"name": "A Person", "function": "clinical"}
    copy = a.model_copy(update={"team": "New"})
    copy.model_fields_set.add("team")
    assert "team" not in b.model_fields_set


def test_loaded_objects_are_out_of_the_collectors_sight(tmp_path: Path) -> None:
    root = build_tree(
        tmp_path,
        {
            "strategy.yaml": "organisation: Trust\ntitle: Strategy\n",
            "services/a.yaml": SERVICE.format(name="A"),
        },
    )
    before = gc.get_freeze_count()
    repo = load(root)
    assert gc.get_freeze_count() > before
    assert gc.isenabled()
    assert repo.services
