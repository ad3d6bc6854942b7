"""The prebuilt bundle, built without re-validation while its digest holds, equals the validated data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from synthetic import write_tree

from coalition_kit.library import load
from coalition_kit.library.bundle import bundle_bytes, bundle_digest, library_from_bundle
from coalition_kit.library.construct import builder
from coalition_kit.models import KINDS
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
