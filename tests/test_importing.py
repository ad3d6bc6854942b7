"""Importing China's missions from the Database of embassies and consulates, as maintainers do.

The import runs on the real data set (``../shared/sources``) into a copy of the data, through the
real command; re-running changes nothing, and what a person entered or verified is never replaced.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from coalition_kit.check.tree import validate_tree
from coalition_kit.contrib.importing import import_missions
from coalition_kit.library import load
from conftest import DATA, REPO, run_cli

MANIFEST = REPO / "imports" / "chinese-missions" / "manifest.yaml"
SOURCE = REPO.parent / "shared" / "sources" / "chinese-missions-wikidata-2022-11-16.csv"

pytestmark = pytest.mark.skipif(
    not SOURCE.is_file(), reason="../shared/sources is not beside the repository"
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(MANIFEST.parent, tmp_path / "imports")
    manifest = tmp_path / "imports" / "manifest.yaml"
    text = manifest.read_text(encoding="utf-8").replace(
        "csv: ../../../shared/sources/", f"csv: {SOURCE.parent}/"
    )
    manifest.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_import_through_the_command_writes_missions_and_a_review(tree: Path) -> None:
    result = run_cli("import-missions", "imports/manifest.yaml", "--data", "data", cwd=tree)
    assert result.code == 0, result.stderr
    assert "mission files written" in result.stdout
    review = json.loads((tree / "imports" / "review.json").read_text(encoding="utf-8"))
    assert set(review) == {"conflicts", "skipped", "notes"}
    assert "# Review of the import" in (tree / "imports" / "review.md").read_text(encoding="utf-8")
    assert validate_tree(tree / "data").report.ok


def test_the_import_reaches_every_country_and_names_each_wikidata_item(tree: Path) -> None:
    import_missions(tree / "imports" / "manifest.yaml", tree / "data")
    library = load(tree / "data")
    imported = [m for m in library.missions.values() if m.imported is not None]
    open_missions = [m for m in imported if m.is_open]
    assert len(open_missions) >= 140
    assert len({m.host_country for m in open_missions}) >= 105
    assert all(m.wikidata and m.imported and m.imported.item for m in imported)
    assert all(
        m.imported.item.endswith(m.wikidata)
        for m in imported
        if m.imported and m.imported.item and m.wikidata
    )
    emails = [c for m in imported for c in m.contact_points if c.kind == "email" and c.imported]
    # 18 from the data set; Tokyo's has since been found on the embassy's own page (sourced).
    assert len(emails) == 17
    gmail = [c for c in emails if c.value.endswith("@gmail.com")]
    assert gmail and all(
        c.visibility.value == "institutional" and c.published_by_owner for c in gmail
    )


def test_the_data_is_what_the_import_gives_and_re_running_changes_nothing(tree: Path) -> None:
    manifest = tree / "imports" / "manifest.yaml"
    before = {p.name: p.read_bytes() for p in (tree / "data" / "missions").glob("*.yaml")}
    result = import_missions(manifest, tree / "data")
    after = {p.name: p.read_bytes() for p in (tree / "data" / "missions").glob("*.yaml")}
    assert result.written == [] and len(result.unchanged) >= 140
    assert before == after


def test_an_import_into_the_seed_data_alone_merges_with_it(tmp_path: Path, tree: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(DATA, seeds)
    for path in (seeds / "missions").glob("*.yaml"):
        if "imported:" in path.read_text(
            encoding="utf-8"
        ) and "archived_copy" not in path.read_text(encoding="utf-8"):
            path.unlink()
    result = import_missions(tree / "imports" / "manifest.yaml", seeds)
    assert len(result.written) + len(result.unchanged) == 147
    chicago = (seeds / "missions" / "cn-consulate-us-chicago.yaml").read_text(encoding="utf-8")
    assert "archived_copy: seeds/002_dd4b203e122cdc94.txt" in chicago, "seed sources are kept"
    assert "wikidata: Q19854368" in chicago


def test_a_persons_value_and_a_verified_contact_are_never_replaced(tree: Path) -> None:
    manifest = tree / "imports" / "manifest.yaml"
    import_missions(manifest, tree / "data")
    path = tree / "data" / "missions" / "cn-embassy-no.yaml"
    text = path.read_text(encoding="utf-8")
    # A volunteer corrects the city and takes it out of the imported fields.
    text = text.replace("city: Oslo", "city: Oslo (Tuengen)").replace("    - city\n", "")
    path.write_text(text, encoding="utf-8")
    verified = tree / "data" / "missions" / "cn-embassy-kr.yaml"
    lines = verified.read_text(encoding="utf-8")
    lines = lines.replace(
        "    imported: true\n",
        '    imported: true\n    verified:\n      date: "2026-11-01"\n      method: official-website\n',
        1,
    )
    verified.write_text(lines, encoding="utf-8")
    result = import_missions(manifest, tree / "data")
    assert "city: Oslo (Tuengen)" in path.read_text(encoding="utf-8")
    assert any(
        c["mission"] == "cn-embassy-no" and c["field"] == "city" for c in result.review.conflicts
    )
    assert "method: official-website" in verified.read_text(encoding="utf-8")
