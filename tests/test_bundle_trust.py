"""The prebuilt bundle, built without re-validation while its digest holds, equals the validated data.

Also what building in bulk leaves to the garbage collector.
"""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path

import pytest
from synthetic import write_tree

from coalition_kit.library import load
from coalition_kit.library.bundle import bundle_bytes, bundle_digest, library_from_bundle
from coalition_kit.library.construct import builder
from coalition_kit.models import KINDS
from coalition_kit.support.memory import paused_collector
from conftest import DATA, EXAMPLES


def _same_everywhere(raw: bytes) -> int:
    trusted = library_from_bundle(raw, bundle_digest(raw))
    checked = library_from_bundle(raw)
    count = 0
    for kind in KINDS:
        for entity_id, entity in trusted[kind.folder].items():
            validated = checked[kind.folder][entity_id]
            assert entity == validated, entity_id
            assert entity.model_dump(mode="json") == validated.model_dump(mode="json")
            assert entity.model_fields_set == validated.model_fields_set, entity_id
            count += 1
    return count


@pytest.mark.parametrize("tree", [DATA, EXAMPLES / "valid", EXAMPLES / "tricky"])
def test_every_entity_built_from_a_trusted_bundle_equals_the_validated_one(tree: Path) -> None:
    assert _same_everywhere(bundle_bytes(load(tree))) == sum(
        len(load(tree)[kind.folder]) for kind in KINDS
    )


def test_a_synthetic_tree_of_every_shape_builds_the_same(tmp_path: Path) -> None:
    write_tree(tmp_path / "tree", 0.02, 11)
    assert _same_everywhere(bundle_bytes(load(tmp_path / "tree"))) > 400


def test_a_changed_bundle_is_validated_again(tmp_path: Path) -> None:
    raw = bundle_bytes(load(DATA))
    digest = bundle_digest(raw)
    bundle = json.loads(raw)
    bundle["missions"][0]["contact_points"] = [{"kind": "email", "value": "not an address"}]
    changed = json.dumps(bundle).encode("utf-8")
    library = library_from_bundle(changed, digest)  # the old digest no longer matches
    with pytest.raises(ValueError, match="not a valid e-mail address"):
        library.missions[bundle["missions"][0]["id"]]


def test_every_model_has_a_builder() -> None:
    # A shape the builder cannot make would silently fall back to validation: say so here.
    for kind in KINDS:
        builder(kind.model)


class _Node:
    """A container the collector tracks, able to form a cycle."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def test_what_bulk_work_leaves_alive_goes_to_the_oldest_generation_unwalked() -> None:
    assert gc.isenabled()
    with paused_collector():
        assert not gc.isenabled()
        kept = [_Node() for _ in range(1000)]
        cycle = _Node()
        cycle.other = _Node()
        cycle.other.other = cycle
        gone = weakref.ref(cycle)
        del cycle
    assert gc.isenabled()
    oldest = {id(obj) for obj in gc.get_objects(generation=2)}
    assert all(id(node) in oldest for node in kept)
    assert gc.get_count()[0] < 700  # no collection of the youngest generation is due
    # A cycle made in the block is garbage the next full collection still takes.
    gc.collect()
    assert gone() is None


def test_objects_a_caller_froze_stay_frozen_through_bulk_work() -> None:
    frozen = [_Node() for _ in range(10)]
    gc.freeze()
    try:
        with paused_collector():
            made = [_Node() for _ in range(10)]
        # Frozen objects are in no generation; the count itself may shrink as frozen ones die.
        tracked = {id(obj) for generation in range(3) for obj in gc.get_objects(generation)}
        assert not any(id(node) in tracked for node in frozen)
        assert all(id(node) in tracked for node in made)
    finally:
        gc.unfreeze()


def test_the_collector_stays_off_for_a_caller_that_turned_it_off() -> None:
    gc.disable()
    try:
        with paused_collector():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
